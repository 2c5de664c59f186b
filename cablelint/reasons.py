"""The "Classified By" block read the tolerant way: who classified the cable, and why.

Rules D003 and D010 to D013 share this reading, so the block is interpreted in one place.
The block is the header element ``Classified By: <name and position>. Reason(s) <section>
<letters>.`` (continuation lines included) or, in older traffic, the opening of paragraph 1
(``1. (U) CLASSIFIED BY ROBERT P. FINN, DCM. REASON: 1.5 (D)``).

The reading works on the ORIGINAL text, so every part has an exact Span (computed on
demand). It accepts what real traffic writes:

- the label in any case, repeated, after ``(U)`` (``Classified By: Classified by ...``);
- a block the release ran into another header line or a page line, or continued after a
  blank line (``Classified By: ... Dept of State.`` / blank / ``REASON: 1.4 (b), (d)``);
- the keyword ``Reason``/``Reasons``/``Reason(s)``/``per``, also split by the release's line
  wrapping (``Re``/``asons``, ``rea sons``);
- the section ``1.4``, ``1.5``, ``1.2``, ``1,4``, ``1/4``, ``1 .4``, ``1.``/``4``, a lone
  ``1``, after ``Section`` or ``E.O. 12958``;
- the letters in every observed notation: ``(b) and (d)``, ``(b), (d)``, ``(b/d)``,
  ``(B,D)``, ``b and d``, ``(b&d)``, ``(b+d)``, ``(b-d)``, ``1.4(G)(E)``, ``( d)``, ``(d.)``,
  ``(b) a nd (d)``, duplicates. A portion mark after the letters (``... (b) and (d) (C) The
  Minister ...``, a flattened release) ends them.

The authority part (between the label and the reason) is split into words: a word from the
title and office list (``Ambassador``, ``DCM``, ``Counselor``, an office symbol ``INR/OPS``)
makes a position; any other capitalised word that is not a place, an office word or a filler
word makes a personal name. ``Derived from ...`` (a derivative classification) names neither.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from . import codes, regex
from .diagnostics import Span
from .model import Cable, Paragraph
from .normalise import OffsetMap

_WINDOW = 400  # the reason is read in the first 400 characters of a block
_PARAGRAPH_WINDOW = 200  # how far into paragraph 1 a legacy block may start

_LABEL = regex.compile(r"(?:\(U\)[^\S\n]*)?(?:CLASS?IFIED\s+BY\b[^\S\n]*:?\s*)+", re.IGNORECASE)
_LABEL_WORDS = regex.compile(r"CLASS?IFIED\s+BY\b", re.IGNORECASE)
_DERIVED = regex.compile(r"\bDERIVED\s+FROM\b", re.IGNORECASE)

# "Reasons", "reason:", "Reason(s):", "per"; split by wrapping: "Re\nasons", "rea sons".
# Written to start with a case-sensitive [RrPp] (the word's first letter, then the test that
# no letter stands before it): the engine then skips to those letters instead of trying the
# whole pattern at every position; R and P match no other letter in any case.
_KEYWORD = regex.compile(
    r"(?-i:[RrPp])(?<![A-Za-z].)(?:(?<=[Rr])_E_A_S_O_N(?:_S|\(S\))?|(?<=[Pp])ER)"
    r"(?![A-Za-z])[^\S\n]*:?".replace("_", r"[^\S\n]?\n?[^\S\n]?"),
    re.IGNORECASE)
# "1.4", "1.5", "1,4", "1/4", "1 .4", "1.\n4", a lone "1"
_SECTION = regex.compile(
    r"\d(?:[^\S\n]{0,2}\n?[^\S\n]{0,2}[.,:/][^\S\n]{0,2}\n?[^\S\n]{0,2}\d)?(?!\d)")
# between the keyword and the section: "Section", "Sections", "E.O. 12958,"
_BEFORE_SECTION = regex.compile(
    r"\s*(?:SECTIONS?\s*|SEC\.\s*)?(?:(?:OF\s+)?E\.?\s?O\.?\s*\d{5}\s*,?\s*(?:SECTIONS?\s*)?)?",
    re.IGNORECASE)
# a section with no keyword before it: "Josiah Rosenblatt, 1.4 (b/d)"
_LONE_SECTION = regex.compile(r"(?<![\d.,/])1[^\S\n]?[.,][^\S\n]?\d(?![\d/])")

# one letter token: "(b)", "( d)", "(d.)", "(b/d)", "(b and d)", "(B, D)", or a bare "b";
# an exemption inside the brackets ("(b, d, X6)", original E.O. 12958) is not a letter
_GROUP = regex.compile(
    r"\(\s*(?P<group>[A-Za-z](?![A-Za-z])\.?"
    r"(?:(?:\s*(?:[,&+/;-]|\b(?:and|or)\b))*\s*(?:X\d|[A-Za-z](?![A-Za-z])\.?))*)\s*\.?\s*\)",
    re.IGNORECASE)
_BARE = regex.compile(r"[A-Za-z](?![A-Za-z'])(?!\.[A-Za-z])")
_GROUP_LETTER = regex.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z0-9])")
_AND_OR = regex.compile(r"\b(?:and|or)\b", re.IGNORECASE)
_RANGE = regex.compile(r"[A-Za-z]\s*-\s*[A-Za-z]")
# between letter tokens: ", ", " and ", ", and ", "/", " & ", "+", "-", " a nd " (wrapped)
_SEPARATOR = regex.compile(r"(?:\s*(?:[,;&+/-]|(?:a\s?n\s?d|or)(?![A-Za-z])))*\s*", re.IGNORECASE)
_TEXT_AFTER_MARK = regex.compile(r"[^\S\n]+(?!(?:and|or)\b)[A-Za-z]{2}", re.IGNORECASE)
_PORTION_LEVELS = frozenset("CSU")

# the block's extent in the original text
_ANY_SECTION = regex.compile(r"\d[^\S\n]?[.,:/][^\S\n]?\d")
# a reason on a line of its own: "REASON: 1.4 (b), (d)", "1.4 (b) and (d).",
# "E.O. 12958, 1.4(D)", "Department of State. REASON: 1.4 (b), (d)"
_REASON_LINE = regex.compile(
    r"[^\S\n]*(?:(?:FOR[^\S\n]+)?REASONS?[^\S\n]*:?[^\S\n]*)?(?:E\.?O\.?[^\S\n]*\d{5},?[^\S\n]*)?"
    r"\d[^\S\n]?[.,][^\S\n]?\d"
    r"|[^\n]*\bREASONS?\b[^\S\n]*:?[^\S\n]*\d[^\S\n]?[.,][^\S\n]?\d", re.IGNORECASE)
_NEW_ELEMENT = regex.compile(
    r"[^\S\n]*(?:\d{1,3}\.|\u00b6|\((?:U|C|S|TS|SBU)[/)]|-{3,}|NNNN"
    r"|(?:TAGS|SUBJ|SUBJECT|REFS?|E\.?O\.|CLASS?IFIED)\b)", re.IGNORECASE)
_PARAGRAPH_LINE = regex.compile(r"\n[^\S\n]*\d{1,3}\.[^\S\n]*\(")
_LINE_END_BACKSLASH = regex.compile(r"\\(?=[^\S\n]*(?:\n|$))")  # database dumps: "1.4 \"
_TRIM = " \t\r\n,.;:"

# the authority's words
_WORD = regex.compile(r"[A-Za-z][A-Za-z'\u2019.\-/&]*")
_BREAK = regex.compile(r"[.,;:(]")  # between two words: ends an office's place name
_REDACTION = regex.compile(r"X{4,}", re.IGNORECASE)


class Letter(NamedTuple):
    """One category letter as written (``b``, ``D``) at original offset ``start``."""

    text: str
    start: int

    @property
    def value(self) -> str:
        return self.text.lower()


class Reason(NamedTuple):
    """``Reasons 1.4 (b/d)``: keyword, section and letters as written, with their places.

    Places are original offsets ``(start, end)``; the ``*_span`` properties make Spans.
    ``notation`` is the text from the first letter token to the last; ``ranged`` is True
    when two letters are joined by a hyphen (``(b-d)``: a range or a pair?).
    """

    offsets: OffsetMap
    keyword_at: tuple[int, int] | None
    section: str | None
    section_at: tuple[int, int] | None
    letters: tuple[Letter, ...]
    notation: str
    notation_at: tuple[int, int] | None
    ranged: bool

    @property
    def section_value(self) -> str | None:
        """The section without the wrapping's blanks: ``1 .4`` -> ``1.4``; ``1,4`` stays."""
        return re.sub(r"\s", "", self.section) if self.section is not None else None

    @property
    def letter_values(self) -> tuple[str, ...]:
        return tuple(letter.value for letter in self.letters)

    @property
    def keyword_span(self) -> Span | None:
        return self.offsets.original_span(*self.keyword_at) if self.keyword_at else None

    @property
    def section_span(self) -> Span | None:
        return self.offsets.original_span(*self.section_at) if self.section_at else None

    @property
    def notation_span(self) -> Span | None:
        return self.offsets.original_span(*self.notation_at) if self.notation_at else None

    def letter_span(self, letter: Letter) -> Span:
        return self.offsets.original_span(letter.start, letter.start + len(letter.text))


class ClassifiedByBlock(NamedTuple):
    """A "Classified By" block: where it is, who classified, and the reason (a named tuple,
    as :class:`Reason` and :class:`Letter`: as immutable as a frozen dataclass, and cheaper to
    make; most cables have a block).

    ``place`` is "header" for a block of its own (before paragraph 1) and "paragraph" for
    the legacy form inside paragraph 1. ``label_at`` covers the words ``Classified By``;
    ``authority`` is the text between the label and the reason, ``authority_at`` its place
    without the blanks and punctuation around it (empty when there is none). ``truncated`` is
    True when the release cut the block short (``Classified By: Ambass...``); ``all_caps``
    when it is written wholly in capitals (teletype traffic).
    """

    offsets: OffsetMap
    place: str
    extent: tuple[int, int]
    label_at: tuple[int, int]
    authority: str
    authority_at: tuple[int, int]
    derived: bool
    truncated: bool
    all_caps: bool
    reason: Reason | None

    @property
    def span(self) -> Span:
        return self.offsets.original_span(*self.extent)

    @property
    def label(self) -> Span:
        return self.offsets.original_span(*self.label_at)

    @property
    def authority_span(self) -> Span:
        """The authority's place, or the label's when the block names nobody."""
        start, end = self.authority_at
        return self.offsets.original_span(start, end) if end > start else self.label

    def name_and_position(self) -> tuple[bool, bool]:
        """Whether the authority names a person, and whether it gives a position."""
        derived = _DERIVED.search(self.authority)
        return authority_parts(self.authority[:derived.start()] if derived else self.authority)


# --- the authority's words ------------------------------------------------------------------

_TITLE_WORDS = frozenset("""
ambassador amb ambasador ambasssador ambassador-designate ambassador-at-large charge chargé
charg d'affaires daffaires cda a.i ai dcm a/dcm adcm com chief deputy acting minister
counselor counsellor councelor councellor counseor counsel minister-counselor
minister-counsellor minister-councelor mincouns polmincouns polmincons econmincouns polcouns
econcouns deppolcouns polcounselor polmc polmilcouns poloff econoff estoff esthoff ecoff
pol/econ polecon polmil polchief econchief pol econ ecpo emin econmin ecmin pas pao consul
consul-general cg principal officer po secretary a/s das pdas dasa under undersecretary
assistant director director-general dg head coordinator co-ordinator advisor adviser attache
attaché datt legatt legat rso arso mgt mgmt management manager gso chairman chair
representative rep envoy commissioner administrator spokesman spokesperson section unit
branch leader team prt political economic military politico-military political-military
pol-mil commercial public affairs consular regional executive exec president vice staff
chg ca c/a s/e s/es m/c mc inr mission
""".split())

_FILLER_WORDS = frozenset("""
for of the and to in at on by a an u.s us usg united states department dept state bureau
office classified reason reasons per mr ms mrs dr jr sr iii ii usun usnato useu usoas
usmission multiple sources source derived from
""".split())

_OFFICE_PLACE_WORDS = frozenset(("embassy", "consulate", "consulate-general", "amconsul",
                                 "amembassy"))


@cache
def _places() -> frozenset[str]:
    return frozenset(station.upper() for station in codes.stations())


def _is_title(word: str) -> bool:
    """A title or office word (``counselor``, ``minister-counselor``) or an office symbol."""
    if word in _TITLE_WORDS or "/" in word:
        return True
    return "-" in word and any(part in _TITLE_WORDS for part in word.split("-"))


@lru_cache(maxsize=1024)
def authority_parts(authority: str) -> tuple[bool, bool]:
    """Whether the authority text names a person, and whether it gives a position.

    Remembered: the same classifier signs many cables."""
    if _REDACTION.search(authority):
        return True, True  # redacted in the release: X004 reports it, nothing to judge
    has_name = has_position = after_office = False
    lower_case_only = authority == authority.lower()
    places = _places()
    previous_end = 0
    for match in _WORD.finditer(authority):
        if _BREAK.search(authority, previous_end, match.start()):
            after_office = False  # "Embassy Buenos Aires, Political Counselor ..."
        previous_end = match.end()
        raw = match.group(0).rstrip(".,'\u2019-")
        word = raw.lower()
        if not word:
            continue
        if match.group(0).endswith(".") and len(raw) > 1:
            previous_end -= 1  # "Embassy Valletta. Jane Doe": the full stop ends the place
        if _is_title(word):
            has_position, after_office = True, False
        elif word in _OFFICE_PLACE_WORDS:
            after_office = True  # "Embassy Buenos Aires": the words up to a comma are a place
        elif word in _FILLER_WORDS or after_office or raw.upper() in places:
            continue
        elif (raw[0].isupper() or lower_case_only) and (
                len(raw) > 1 or match.group(0).endswith(".")):
            has_name = True
    return has_name, has_position


# --- the reason -----------------------------------------------------------------------------


def _portion_mark(inner: str, between: str, letters: list, text: str, end: int) -> bool:
    """Whether ``(C)``/``(S)``/``(U)`` after the letters opens the text instead of adding a
    letter: on a new line, before more text on its line, or in capitals after lower case."""
    if len(inner) != 1 or inner not in _PORTION_LEVELS or between.strip():
        return False
    return ("\n" in between or bool(_TEXT_AFTER_MARK.match(text, end))
            or all(letter.islower() for _, letter in letters))


def _letters_at(text: str, position: int) -> tuple[list[tuple[int, str]], int, bool]:
    """The letters written from ``position`` on: (offset, letter) each, the end, ranged."""
    letters: list[tuple[int, str]] = []
    ranged = False
    cursor = position
    while True:
        between = _SEPARATOR.match(text, cursor).group(0) if letters else ""
        at = cursor + len(between)
        group = _GROUP.match(text, at)
        if group is not None:
            inner = group.group("group")
            if letters and _portion_mark(inner, between, letters, text, group.end()):
                break  # "(b) and (d) (C) The Minister ...": a portion mark starts the text
            base = group.start("group")
            if len(inner) == 1:  # the usual "(b)"
                letters.append((base, inner))
            else:
                ranged = ranged or bool(_RANGE.search(inner))
                blanked = _AND_OR.sub(lambda m: " " * len(m.group(0)), inner)
                letters += [(base + m.start(), m.group(0))
                            for m in _GROUP_LETTER.finditer(blanked)]
            end = group.end()
        else:
            bare = _BARE.match(text, at)
            if bare is None or (letters and not between.strip()):
                break  # "b d" is not a list; "(d) Embassy" ends the letters
            letters.append((bare.start(), bare.group(0)))
            end = bare.end()
        ranged = ranged or "-" in between
        cursor = end
    return letters, cursor, ranged


def _reason(text: str, base: int, offsets: OffsetMap) -> Reason | None:
    """The reason in ``text``, whose first character is at original offset ``base``."""
    keyword = section = None
    letters_from = None
    for match in _KEYWORD.finditer(text):
        after = _BEFORE_SECTION.match(text, match.end()).end()
        found = _SECTION.match(text, after)
        if found is not None:
            keyword, section, letters_from = match, found, found.end()
            break
        if _GROUP.match(text, after) or _BARE.match(text, after):
            keyword, letters_from = match, after
            break
    if letters_from is None:
        lone = _LONE_SECTION.search(text)
        if lone is None:
            bare_keyword = _KEYWORD.search(text)
            if bare_keyword is None:
                return None
            return Reason(offsets, (base + bare_keyword.start(), base + bare_keyword.end()),
                          None, None, (), "", None, False)
        section, letters_from = lone, lone.end()
    start = len(text) - len(text[letters_from:].lstrip(" \t\n.,"))
    letters, end, ranged = _letters_at(text, start)
    return Reason(
        offsets=offsets,
        keyword_at=(base + keyword.start(), base + keyword.end()) if keyword else None,
        section=section.group(0) if section else None,
        section_at=(base + section.start(), base + section.end()) if section else None,
        letters=tuple(Letter(letter, base + at) for at, letter in letters),
        notation=text[start:end] if letters else "",
        notation_at=(base + start, base + end) if letters else None,
        ranged=ranged,
    )


# --- the block ------------------------------------------------------------------------------


def read_block(cable: Cable, start: int, end: int, place: str) -> ClassifiedByBlock:
    """Read the block at original ``[start, end)``; ``start`` is at the ``Classified By`` label
    (or the ``(U)`` before it)."""
    offsets = cable.source.offsets
    text = cable.original[start:min(end, start + _WINDOW)]
    if "\\" in text:
        text = _LINE_END_BACKSLASH.sub(" ", text)
    label = _LABEL.match(text)
    label_end = label.end() if label else 0
    words = _LABEL_WORDS.search(text, 0, max(label_end, 1))
    label_start = words.start() if words else 0
    reason = _reason(text, start, offsets)
    if reason is not None and (reason.keyword_at or reason.section_at):
        authority_end = (reason.keyword_at or reason.section_at)[0] - start
    elif place == "header":
        authority_end = len(text.rstrip())
    else:  # a legacy block in paragraph 1 without a reason: its first sentence
        sentence = re.search(r"\.(?:\s|$)|\n[^\S\n]*\n", text[label_end:])
        authority_end = label_end + sentence.start() if sentence else len(text.rstrip())
    authority = text[label_end:authority_end]
    lead = len(authority) - len(authority.lstrip(_TRIM))
    tail = len(authority.rstrip(_TRIM))
    block_end = start + authority_end
    if reason is not None:
        ends = [at[1] for at in (reason.notation_at, reason.section_at, reason.keyword_at) if at]
        block_end = max([block_end, *ends])
    if place == "header":
        first_line = text.split("\n", 1)[0]
        block_end = max(block_end, start + len(first_line.rstrip()))
    return ClassifiedByBlock(
        offsets=offsets,
        place=place,
        extent=(start, block_end),
        label_at=(start + label_start, start + len(text[:label_end].rstrip(" \t\n:"))),
        authority=authority,
        authority_at=(start + label_end + min(lead, tail), start + label_end + tail),
        derived=_DERIVED.search(authority) is not None,
        truncated=cable.original[start:end].rstrip().endswith(("...", "\u2026")),
        all_caps=_no_lower_case(cable.original[start:block_end]),
        reason=reason,
    )


def _no_lower_case(text: str) -> bool:
    return text == text.upper()


_last: tuple[Cable, ClassifiedByBlock | None] | None = None


def classified_by(cable: Cable) -> ClassifiedByBlock | None:
    """The cable's "Classified By" block: the first header block, else one run into another
    header line, else one inside paragraph 1. Read once per cable (D010-D013 share it)."""
    global _last
    if _last is not None and _last[0] is cable:
        return _last[1]
    if cable.classified_by:
        found = read_block(cable, *block_extent(cable), "header")
    else:
        found = _in_header_text(cable) or in_paragraph_one(cable)
    _last = (cable, found)
    return found


def block_extent(cable: Cable) -> tuple[int, int]:
    """The original ``(start, end)`` of the cable's first header block; see :func:`_extent`."""
    original = cable.original
    blocks = cable.classified_by
    start = blocks[0].text.span.start
    end = _line_end(original, blocks[0].text.span.end)
    for block in blocks[1:]:  # "Classified By: Classified By: ...", split by the normaliser
        if block.text.span.start < end:
            end = _line_end(original, block.text.span.end)
    return _extent(original, start, end)


def _line_end(original: str, position: int) -> int:
    end = original.find("\n", position)
    return len(original) if end < 0 else end


def _extent(original: str, start: int, end: int) -> tuple[int, int]:
    """A block from ``start`` to the end of its line ``end``, with the lines that continue it
    and, when it has no section number yet, a reason line after blank lines
    (``Classified By: ... Dept of State.`` / blank / ``REASON: 1.4 (b), (d)``); never into
    a line that opens a numbered paragraph.

    A flattened release puts more on the block's line (``... for E.O. 12958 reasons 1.4``)
    and the normaliser splits such a line at header keywords, so the parse tree's element
    may end before the block does.
    """
    paragraph = _PARAGRAPH_LINE.search(original, start, end)
    if paragraph is not None:
        return start, paragraph.start()
    has_section = bool(_ANY_SECTION.search(original, start, end))
    while end < len(original):
        following = end + 1
        line_end = _line_end(original, following)
        line = original[following:line_end]
        if not line.strip():
            if has_section:
                break
            while line_end < len(original) and not line.strip():
                following = line_end + 1
                line_end = _line_end(original, following)
                line = original[following:line_end]
            if not _REASON_LINE.match(line):
                break
        elif _NEW_ELEMENT.match(line):
            break
        end = line_end
        has_section = has_section or bool(_ANY_SECTION.search(line))
    return start, end


def _in_header_text(cable: Cable) -> ClassifiedByBlock | None:
    """A block run into another header line or a page line by a flattened release
    (``REF: STATE 6461  Classified by S/CT DAS ...``): the parse tree has no element for it."""
    body_start = cable.body[0].span.start if cable.body else len(cable.original)
    match = _label_words(cable.original, 0, body_start)
    if match is None:
        return None
    start, end = _extent(cable.original, match.start(), _line_end(cable.original, match.start()))
    return read_block(cable, start, end, "header")


def in_paragraph_one(cable: Cable) -> ClassifiedByBlock | None:
    """A legacy block at the opening of paragraph 1 (``1. (U) CLASSIFIED BY ...``)."""
    first = next((item for item in cable.body if isinstance(item, Paragraph)), None)
    if first is None or first.text is None or first.value not in (None, 1):
        return None
    span = first.text.span
    match = _label_words(cable.original, span.start, min(span.end,
                                                         span.start + _PARAGRAPH_WINDOW))
    if match is None:
        return None
    return read_block(cable, match.start(), span.end, "paragraph")


def _label_words(text: str, start: int, end: int) -> re.Match | None:
    """The first ``Classified By`` in ``text[start:end]`` (no regex search where no "by" is
    written, in any case: the common case)."""
    if "by" not in text[start:end].lower():
        return None
    return _LABEL_WORDS.search(text, start, end)


def judged_block(cable: Cable, settings) -> ClassifiedByBlock | None:
    """The Classified By block the reason rules judge: that of a classified cable, unless
    the archive profile leaves it alone because the release cut it short."""
    if not cable.is_classified:
        return None
    block = classified_by(cable)
    if block is None or (block.truncated and settings.profile == "archive"):
        return None
    return block
