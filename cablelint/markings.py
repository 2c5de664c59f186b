"""Classification markings for the C rules: levels and ranks, portion marks, controls, captions.

What the C rules share:

* the banner that counts (:func:`main_banner`) and the FM PLAD it must agree with
  (:func:`post_matches`);
* the portion marks that count (:func:`portion_marks`): the SUBJECT's and the paragraphs',
  read into a level (:func:`mark_level`), a separator and a control (:func:`read_mark`);
* the caption area (:func:`caption_area`): the caption lines under the banner, and captions
  written on the banner line itself, split into :class:`CaptionToken` items with original
  offsets, so a rule can point at one caption and edit around it.

Everything here reads the model; nothing rescans the whole text. Several C rules ask for
the same cable's marks and caption area in a row, so the last answer is kept
(:func:`per_cable`).
"""

from __future__ import annotations

import datetime
import re
from functools import cache, lru_cache, wraps
from typing import NamedTuple

from . import codes, regex
from .diagnostics import same_kind_equality
from .model import Banner, Cable, Caption, Paragraph, PortionMark, Text


_VARIADIC = 0x04 | 0x08  # CO_VARARGS | CO_VARKEYWORDS


def per_cable(function):
    """Remember ``function``'s answer for the last cable it was asked about.

    The engine runs every rule on one cable before the next, and the C rules ask the same
    questions (so do the D rules, of ``dates`` and ``declassification``); the cable itself
    is kept with the answer (read and replaced as one tuple), so another cable never gets it.
    """
    last: list = [None]  # (cable, arguments, answer); (cable, answer) for the cable alone

    @wraps(function)
    def remembered(cable, *args):
        entry = last[0]
        if entry is None or entry[0] is not cable or entry[1] != args:
            entry = (cable, args, function(cable, *args))
            last[0] = entry
        return entry[2]

    @wraps(function)
    def remembered_for_cable(cable):  # the common case, a question about the cable alone
        entry = last[0]
        if entry is None or entry[0] is not cable:
            entry = (cable, function(cable))
            last[0] = entry
        return entry[1]

    # one parameter, and no *args, **kwargs or keyword-only ones: read from the code object,
    # as importing ``inspect`` costs a one-file run (a pre-commit hook) several milliseconds
    code = function.__code__
    cable_only = code.co_argcount == 1 and not code.co_kwonlyargcount \
        and not code.co_flags & _VARIADIC
    return remembered_for_cable if cable_only else remembered


# --- levels ---------------------------------------------------------------------------------

#: Portion-mark levels, lowest first. SBU is not a classification: it ranks with U.
PORTION_LEVELS = ("U", "SBU", "C", "S", "TS")
#: LIMITED OFFICIAL USE, the administrative control SBU replaced on 1995-10-01.
LOU_LEVEL = "LOU"
LOU_ABOLISHED = datetime.date(1995, 10, 1)
RANKS = {"U": 0, "SBU": 0, "LOU": 0, "C": 1, "S": 2, "TS": 3}
LEVEL_WORDS = {"U": "UNCLASSIFIED", "SBU": "SBU", "LOU": "LIMITED OFFICIAL USE",
               "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}


def rank(level: str | None) -> int | None:
    """U and SBU 0, C 1, S 2, TS 3 (LOU ranks with U); None for anything else."""
    return RANKS.get(level) if level else None


# --- the banner -----------------------------------------------------------------------------


def main_banner(cable: Cable) -> Banner | None:
    """The cable's banner: the first with a post and a serial, else the first one.

    A release may put a bare classification word above the real banner (the viewer's
    metadata block: ``06MEXICO1509`` / ``Embassy Mexico`` / ``CONFIDENTIAL``); the grammar
    reads it as a banner without post and serial, and the real banner follows.
    """
    for banner in cable.banners:
        if banner.post is not None and banner.serial is not None:
            return banner
    return cable.banner


_BANNER_SHAPE = regex.compile(r"\S.*?[^\S\n]+[A-Za-z][A-Za-z .'()/-]*?[^\S\n]+\d{2,8}[^\S\n]*")
ADDRESS_KINDS = ("dtg", "fm", "to", "info", "xmt")


def banner_shaped(cable: Cable):
    """The Span of a banner-shaped first header line when the grammar found no banner.

    ``SECRETT OSLO 000412``: words, a post, a serial, but no classification the grammar
    knows (C002 reports it). None when there is a banner or no such line.
    """
    if cable.banners:
        return None
    for kind, span in cable.header_order:
        if kind in ADDRESS_KINDS:
            continue
        if kind != "attention":
            return None
        line = cable.original[span.start:span.end].split("\n", 1)[0]
        return span if _BANNER_SHAPE.fullmatch(line) else None
    return None


_BLANKS = regex.compile(r"\s+")
_OFFICE = regex.compile(r"//.*?(?://|$)")
_DESIGNATOR = regex.compile(
    r"(?:AMEMBASSY|AMEMB|AMCONSUL|AMCONSULATE|USMISSION|USINT|USEU|USLO|USOFFICE|AIT|REO|USDEL)"
    r"\s+")
#: Originators whose banner post is not part of the PLAD.
POST_ALIASES = {"SECSTATE WASHDC": ("STATE",), "USDEL SECRETARY": ("SECTO", "PARTO")}


@lru_cache(maxsize=1024)
def plain(text: str) -> str:
    """Upper case, one blank between words, no ``//office//`` suffix."""
    return _BLANKS.sub(" ", _OFFICE.sub(" ", text)).strip(" .,").upper()


def post_matches(post: str, plad: str, aliases: dict | None = None) -> bool:
    """True if the banner post names the FM PLAD's post.

    ``AMEMBASSY BEIJING`` -> ``BEIJING``, ``USMISSION USNATO`` -> ``USNATO``,
    ``IRAN RPO DUBAI`` -> ``RPO DUBAI``, ``SECSTATE WASHDC`` -> ``STATE``: the post is the
    PLAD, the PLAD without its designator, an alias, or a run of the PLAD's words; blanks
    and case do not count.
    """
    if not aliases:
        return _post_matches(post, plad)  # the usual case: remembered
    return _matches(post, plad, aliases)


@lru_cache(maxsize=1024)
def _post_matches(post: str, plad: str) -> bool:
    return _matches(post, plad, None)


def _matches(post: str, plad: str, aliases: dict | None) -> bool:
    want = plain(post)
    have = plain(plad)
    names = {have, _DESIGNATOR.sub("", have, count=1)}
    extra = {plain(key): value for key, value in (aliases or {}).items()}
    for table in (POST_ALIASES, extra):
        found = table.get(have, ())
        names.update(plain(name) for name in ([found] if isinstance(found, str) else found))
    if want in names or f" {want} " in f" {have} ":
        return True
    squeezed = want.replace(" ", "")
    return any(name.replace(" ", "") == squeezed for name in names)


# --- portion marks --------------------------------------------------------------------------

_MARK = regex.compile(r"\(\s*(?P<level>[A-Za-z]+)\s*(?:(?P<sep>/+)\s*(?P<control>[^)]*?))?\s*\)")
_CONTROL = regex.compile(
    r"(?P<noforn>NF|NOFORN)|(?P<n>N)|(?P<fouo>FOUO)"
    r"|(?P<rel>REL(?:EASABLE)?\b(?:\s+TO\b)?.*)|(?P<fgi>FGI\b.*)", re.IGNORECASE | re.DOTALL)
_CLASSIFICATION_WORD = regex.compile(r"(?:SECRET|CONFIDENTIAL|UNCLAS|TOP)", re.IGNORECASE)


class MarkParts(NamedTuple):
    """A portion mark read into its parts, as written."""

    level: str              # as written: "S", "s", "CONF"
    separator: str | None   # "/" or "//" (None: no control)
    control: str | None     # as written: "NF", "REL TO UK"


same_kind_equality(MarkParts)


@lru_cache(maxsize=1024)
def read_mark(text: str) -> MarkParts | None:
    """The parts of ``(S//NF)``, ``( s / nf )``, ``(CONF)``; None if it is no such shape."""
    match = _MARK.fullmatch(text.strip())
    if match is None:
        return None
    control = match.group("control")
    return MarkParts(match.group("level"), match.group("sep"),
                     control.strip() if control is not None else None)


def mark_level(mark: PortionMark) -> str | None:
    """The mark's level (U, SBU, C, S, TS, or the old LOU; any case as written), or None."""
    return _level_of(mark.text)


@lru_cache(maxsize=1024)
def _level_of(text: str) -> str | None:
    parts = read_mark(text)
    level = parts.level.upper() if parts else None
    return level if level in PORTION_LEVELS or level == LOU_LEVEL else None


def mark_rank(mark: PortionMark) -> int:
    """The rank of the mark's level (:func:`rank`); 0 when it has no level."""
    return _rank_of(mark.text)


@lru_cache(maxsize=1024)
def _rank_of(text: str) -> int:
    return rank(_level_of(text)) or 0


def mark_control(mark: PortionMark) -> str | None:
    """The kind of the mark's control (:func:`control_kind`), or None."""
    return _control_of(mark.text)


@lru_cache(maxsize=1024)
def _control_of(text: str) -> str | None:
    parts = read_mark(text)
    return control_kind(parts.control) if parts else None


def control_kind(control: str | None) -> str | None:
    """"noforn" (NF, NOFORN), "n" (SBU NOFORN), "rel", "fgi", "fouo"; None if unknown."""
    if not control:
        return None
    match = _CONTROL.fullmatch(_BLANKS.sub(" ", control.strip()))
    return match.lastgroup if match else None


def looks_like_mark(mark: PortionMark) -> bool:
    """A mark-shaped token that was meant as a mark, not a parenthesised word.

    ``(C)``, ``(s)``, ``(CONF)``, ``(SE)``, ``(Secret/Rel X)`` are meant as marks; mixed-case
    words after a paragraph number (``(Iran)``, ``(China)``: topic labels) are not.
    """
    return _meant_as_mark(mark.text)


@lru_cache(maxsize=1024)
def _meant_as_mark(text: str) -> bool:
    parts = read_mark(text)
    if parts is None:
        return False
    level = parts.level
    return (level.upper() in PORTION_LEVELS or level.isupper()
            or bool(_CLASSIFICATION_WORD.match(level)))


@per_cable
def portion_marks(cable: Cable) -> tuple[PortionMark, ...]:
    """The marks that count: the first SUBJECT's, then every paragraph's, in text order.

    Left out: mark-shaped words (:func:`looks_like_mark`); a mark opening an unnumbered
    paragraph whose control is not a control (``(S/CT) funds ...`` is the office S/CT at
    the start of a line, not a SECRET portion); and list letters (:func:`list_letter`).
    """
    found = []
    subject_mark = cable.subject.portion_mark if cable.subject is not None else None
    if subject_mark is not None and _meant_as_mark(subject_mark.text):
        found.append(subject_mark)
    body = cable.body
    body_start = body[0].span.start if body else 0
    for item in body:
        if not isinstance(item, Paragraph) or item.portion_mark is None:
            continue
        mark = item.portion_mark
        numbered = item.number is not None
        counts = _counts(mark.text, numbered)
        if counts is None:  # a one-letter mark: a list letter?
            counts = not list_letter(cable, mark, read_mark(mark.text), numbered, body_start)
        if counts:
            found.append(mark)
    return tuple(found)


@lru_cache(maxsize=1024)
def _counts(text: str, numbered: bool) -> bool | None:
    """Whether a paragraph's mark counts, as far as its text tells; None when that depends on
    the lines before it (:func:`list_letter`)."""
    parts = read_mark(text)
    if parts is None or not _meant_as_mark(text):
        return False
    if not numbered and parts.control and control_kind(parts.control) is None:
        return False  # "(S/CT) funds ...": an office, not a mark
    return None if _maybe_list_letter(parts, numbered) else True


@cache
def _letter_line(letter: str, any_case: bool) -> re.Pattern:
    flags = re.IGNORECASE if any_case else 0
    return regex.compile(rf"(?:^|\n)[^\S\n]*(?:¶[^\S\n]*)?(?:\d{{1,3}}\.[^\S\n]*)?\({letter}\)", flags)


def _maybe_list_letter(parts: MarkParts, numbered: bool) -> bool:
    level = parts.level
    if parts.control is not None or len(level) != 1 or (numbered and not level.islower()):
        return False
    return level.upper() != "A"


def list_letter(cable: Cable, mark: PortionMark, parts: MarkParts, numbered: bool,
                body_start: int) -> bool:
    """A one-letter mark that continues a lettered list: ``(c)`` after ``(b)``.

    Checked for an unnumbered ``(C)``/``(S)``/``(U)`` and for a lower-case letter after a
    paragraph number (``40. (c) Yes, ...`` answering item c): the letter before it opens a
    line earlier in the body (``(B) ...``; for a lower-case mark, ``(b)`` in lower case).
    """
    if not _maybe_list_letter(parts, numbered):
        return False
    level = parts.level
    window = cable.original[max(body_start, mark.span.start - 3000):mark.span.start]
    return _letter_line(chr(ord(level) - 1), not numbered).search(window) is not None


# --- captions -------------------------------------------------------------------------------

CAPTION = "caption"     # a known caption: SIPDIS, NOFORN, NODIS ...
NOTICE = "notice"       # an SBU notice line: "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ..."
AREA_LINE = "line"      # another caption-area line: FOR ALL CABLE DRAFTERS, CORRECTED COPY
UNKNOWN = "unknown"     # one word after a comma that is no caption: "SIPDIS, INR"
TEXT = "text"           # other text sharing a caption's line: "SIPDIS DEPT FOR EUR/CARC"

_SEPARATORS = regex.compile(r"[\s,/]*")
_SBU_NOTICE = r"SENSITIVE[\s-]*BUT[\s-]*UNCLASSIFIED\b.*"
_AREA_LINES = (r"FOR\s+ALL\s+CABLE\s+DRAFTERS\b.*|DECAPTIONED\b.*"
               r"|(?:[-\s]*|\d\w*\s+)C\s?O\s?R\s?R\s?E\s?C\s?T\s?E\s?D\b.*")
_NOTICE_ANYWHERE = regex.compile(r"SENSITIVE[\s-]*BUT[\s-]*UNCLASSIFIED|\bSBU\b", re.IGNORECASE)
_REL_ANYWHERE = regex.compile(r"\bREL(?:EASABLE)?\b", re.IGNORECASE)
_NOFORN_WORD = regex.compile(r"\bNOFORN\b", re.IGNORECASE)


@cache
def caption_kinds(extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Known captions (upper case) -> kind ("channel", "distribution", "control")."""
    kinds = dict(codes.captions())
    kinds.update((plain(name), "distribution") for name in extra if plain(name) not in kinds)
    return kinds


@cache
def _caption_pattern(extra: tuple[str, ...]) -> re.Pattern:
    names = sorted(caption_kinds(extra), key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return regex.compile(rf"(?P<notice>{_SBU_NOTICE})|(?P<line>{_AREA_LINES})"
                         rf"|(?P<specat>SPECAT)\b.*|(?P<caption>{words})(?![A-Za-z])", re.IGNORECASE)


class CaptionToken(NamedTuple):
    """One item of the caption area, with original offsets ``[start, end)``."""

    name: str          # upper case, one blank between words ("SIPDIS"; the text for others)
    kind: str          # CAPTION, NOTICE, AREA_LINE, UNKNOWN or TEXT
    start: int
    end: int
    line: int          # original line number


same_kind_equality(CaptionToken)


def split_caption_line(text: str, start: int, line: int,
                       extra: tuple[str, ...] = ()) -> list[CaptionToken]:
    """The tokens of one caption line; ``text`` is its original text from offset ``start``."""
    end = len(text.rstrip(" \t\\"))  # a line-end backslash is a dump artifact (X004)
    word = text[:end].lstrip()
    if word.upper() in caption_kinds(extra):  # the usual line: one caption alone
        begin = end - len(word)
        return [CaptionToken(word.upper(), CAPTION, start + begin, start + end, line)]
    pattern = _caption_pattern(extra)
    tokens: list[CaptionToken] = []
    position = 0
    while True:
        gap = _SEPARATORS.match(text, position)
        comma = "," in gap.group(0)
        position = gap.end()
        if position >= end:
            return tokens
        match = pattern.match(text, position)
        if match is None or match.end() > end:
            rest = text[position:end]
            kind = UNKNOWN if tokens and comma and rest.isalpha() else TEXT
            tokens.append(CaptionToken(plain(rest), kind, start + position, start + end, line))
            return tokens
        group = match.lastgroup
        kind = {"notice": NOTICE, "line": AREA_LINE}.get(group, CAPTION)
        stop = match.end() if group == "caption" else end
        name = "SPECAT" if group == "specat" else plain(text[position:stop])
        tokens.append(CaptionToken(name, kind, start + position, start + stop, line))
        if group != "caption":
            return tokens
        position = stop


class CaptionArea(NamedTuple):
    """The caption lines under the main banner (and captions on the banner line)."""

    banner: Banner | None
    lines: tuple[Caption, ...]
    tokens: tuple[CaptionToken, ...]
    attention: tuple[Text, ...]

    def named(self, *names: str) -> list[CaptionToken]:
        return [t for t in self.tokens if t.kind == CAPTION and t.name in names]

    def has(self, *names: str) -> bool:
        return bool(self.named(*names))

    def has_word(self, pattern: re.Pattern) -> bool:
        """``pattern`` in a caption line, an attention line or the banner's handling text."""
        texts = [t.name for t in self.tokens] + [a.text for a in self.attention]
        return any(pattern.search(text) for text in texts)

    def has_noforn(self) -> bool:
        return self.has("NOFORN") or self.has_word(_NOFORN_WORD)

    def has_rel(self) -> bool:
        return self.has_word(_REL_ANYWHERE)

    def has_sbu_notice(self) -> bool:
        return any(t.kind == NOTICE for t in self.tokens) or any(
            _NOTICE_ANYWHERE.search(a.text) for a in self.attention)


same_kind_equality(CaptionArea)



def caption_area(cable: Cable, extra: tuple[str, ...] = ()) -> CaptionArea:
    """Caption lines and attention lines after the main banner, up to the next banner.

    Captions written on the banner line after the serial (the banner's handling text) come
    first. Without a banner the area is every caption line of the cable. ``extra`` names
    more captions (rule options).
    """
    return _caption_area(cable, tuple(extra))


@per_cable
def _caption_area(cable: Cable, extra: tuple[str, ...]) -> CaptionArea:
    banner = main_banner(cable)
    low = banner.span.start if banner else -1
    later = [b.span.start for b in cable.banners if b.span.start > low]
    high = min(later) if later else len(cable.original) + 1
    tokens: list[CaptionToken] = []
    if banner is not None and banner.handling is not None:
        tokens += _tokens_of(cable, banner.handling.span, extra)
    lines = tuple(c for c in cable.captions if low < c.span.start < high)
    for caption in lines:
        tokens += _tokens_of(cable, caption.span, extra)
    attention = tuple(a for a in cable.attention_lines if low < a.span.start < high)
    return CaptionArea(banner, lines, tuple(tokens), attention)


def _tokens_of(cable: Cable, span, extra) -> list[CaptionToken]:
    text = cable.original[span.start:span.end].split("\n", 1)[0]
    return split_caption_line(text, span.start, span.line, extra)


def line_end(text: str, position: int) -> int:
    """The end of the line holding ``position`` (before its newline or CR)."""
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    return end - 1 if end > 0 and text[end - 1] == "\r" else end
