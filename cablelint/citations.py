"""What the T and R rules read out of TAGS tokens, REF citations and the body's citations.

Three parts, shared by the rules of the two families:

* TAGS tokens: the vocabulary, run-together tokens and their splits (T003), person-type tags
  and the names after them (T002, T006), and edits that remove a token with its separator
  (T002, T004).
* REF citations: the cables a REF item cites (``07 BEIJING 5361``, ``BEIJING 463``,
  ``POST SERIAL (YY)``, ``STATE 41252 AND 44603``), with the post resolved to a station of
  ``codes.stations()`` or to an entry of ``data/ref_posts.tsv``; and, for other references,
  whether they carry a type word and a date (R003, R004, R001).
* Body citations: ``ref A``, ``reftel B``, ``(REF C)``, ``ref (C)``, ``refs A and B``,
  ``refs A-C``, ``reftel`` (R005, R002), found in one scan of the normalised body text.

Offsets in a REF citation are offsets into the citation's text; spans given to rules point
into the original text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from . import codes, regex
from .dates import full_year
from .diagnostics import Edit, Span, maker, same_kind_equality
from .markings import per_cable
from .model import Cable, TagsLine, Text
from .normalise import OffsetMap

# --- TAGS tokens -------------------------------------------------------------------------------

PERSON_TAGS = frozenset({"OCON", "OEXC", "OREP", "OTRA", "OVIP"})
CAPTION_WORDS = frozenset({"SIPDIS", "NODIS", "EXDIS", "LIMDIS", "NOFORN", "SENSITIVE"})
_MAX_SPLIT = 48
_NAME_WORD = regex.compile(r"[A-Za-z][A-Za-z'\-]*\.?")
_PERSON_TAG = regex.compile(r"\(\s*[A-Za-z][A-Za-z'\-. ]*,\s*[A-Za-z][A-Za-z'\-. ]*\)")


def tag_word(tag: Text) -> str:
    """A TAGS token as compared with the lists: upper case, without a closing period."""
    return tag.text.strip().rstrip(".").upper()


@cache
def vocabulary() -> frozenset[str]:
    """Every known subject, program, organisation and geographic tag."""
    return (codes.subject_tags() | codes.program_tags() | codes.organization_tags()
            | codes.geo_codes())


@cache
def _split_parts() -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """Tags a run-together token may split into, the topical ones, and their lengths."""
    parts = frozenset(tag for tag in vocabulary() if tag.isalpha() and len(tag) >= 2)
    topical = codes.subject_tags() | codes.program_tags()
    return parts, topical, tuple(sorted({len(tag) for tag in parts}))


@lru_cache(maxsize=1024)
def splits(word: str) -> tuple[tuple[str, ...], ...]:
    """The ways an unknown token splits into known tags (``MASSMNUC`` -> ``MASS MNUC``).

    Only splits with the fewest parts count, and only those with at least one subject or
    program tag among the parts (``RIGHTS`` would split into the geographic codes
    ``RI GH TS``). At most two splits are returned: one is a unique split, two mean the token
    is ambiguous. A known tag, a caption word or a token that is not one run of letters in a
    single case gives none.
    """
    if (not word.isalpha() or not (word.isupper() or word.islower())
            or not 4 <= len(word) <= _MAX_SPLIT):
        return ()
    word = word.upper()
    if word in vocabulary() or word in CAPTION_WORDS:
        return ()
    parts, topical, lengths = _split_parts()
    # best[(position, has_topical)] = (number of parts, up to two splits)
    best: dict[tuple[int, bool], tuple[int, list[tuple[str, ...]]]] = {(0, False): (0, [()])}
    for start in range(len(word)):
        for flag in (False, True):
            here = best.get((start, flag))
            if here is None:
                continue
            count, ways = here
            for length in lengths:
                piece = word[start:start + length]
                if len(piece) < length:
                    break
                if piece not in parts:
                    continue
                key = (start + length, flag or piece in topical)
                extended = [way + (piece,) for way in ways]
                known = best.get(key)
                if known is None or count + 1 < known[0]:
                    best[key] = (count + 1, extended[:2])
                elif count + 1 == known[0]:
                    merged = known[1] + [w for w in extended if w not in known[1]]
                    best[key] = (known[0], merged[:2])
    found = best.get((len(word), True))
    if found is None or found[0] < 2:
        return ()
    return tuple(found[1])


_last_listed: list = [None, ()]  # the most recent (line, tags): the T rules of one cable share it


def listed_tags(line: TagsLine) -> tuple[Text, ...]:
    """The tags of a TAGS line: its first line, then the continuation lines that read as tags.

    A release that lost line breaks or labels runs other text into the TAGS element: a page
    banner (``UNCLAS SECTION 01 OF 02 MEXICO 001797``), a subject without its label, body
    prose. A continuation line reads as tags when at least half its tokens are known tags,
    run-together tags, person tags or caption words (``SIPDIS``, which T002 reports); the first
    one that does not ends the list.
    """
    if _last_listed[0] is not line:  # compared by identity: hashing a TagsLine is costly
        _last_listed[:] = line, _listed_tags(line)
    return _last_listed[1]


def _listed_tags(line: TagsLine) -> tuple[Text, ...]:
    first = line.label.span.line
    kept: list[Text] = []
    rows: dict[int, list[Text]] = {}
    for tag in line.tags:
        rows.setdefault(tag.span.line, []).append(tag)
    for row, tags in rows.items():
        if row != first and not _reads_as_tags(tags):
            break
        kept += tags
    return tuple(kept)


def _reads_as_tags(tags: list[Text]) -> bool:
    known = sum(1 for tag in tags if _reads_as_tag(tag.text))
    return 2 * known >= len(tags)


@lru_cache(maxsize=1024)
def _reads_as_tag(text: str) -> bool:
    """A token that is a known tag, a run-together one, a person tag or a caption word."""
    word = text.strip().rstrip(".")
    upper = word.upper()
    return bool(text.startswith("(") or upper in vocabulary() or upper in PERSON_TAGS
                or upper in CAPTION_WORDS or splits(word))


class PersonTag(NamedTuple):
    """A person-type tag (``OVIP``) on the TAGS line and what follows it.

    ``form`` is "parenthesised" (``OVIP (STEINBERG, JAMES B.)``), "comma" (``OVIP STEINBERG,
    JAMES``), "bare" (a name without the comma: ``OVIP CLINTON HILLARY``), "malformed" (a
    parenthesised token that is not ``(SURNAME, GIVEN)``) or None (no name at all).
    ``names`` are the indices of the tokens that make up the name.
    """

    index: int
    form: str | None
    names: tuple[int, ...]


same_kind_equality(PersonTag)


def person_tags(cable: Cable, line: TagsLine) -> tuple[PersonTag, ...]:
    """Every person-type tag of a TAGS line, with the name after it (if any); indices are
    those of :func:`listed_tags`."""
    tags = listed_tags(line)
    found = []
    for index, tag in enumerate(tags):
        if tag_word(tag) not in PERSON_TAGS:
            continue
        following = tags[index + 1] if index + 1 < len(tags) else None
        if following is not None and following.text.startswith("("):
            form = "parenthesised" if _PERSON_TAG.fullmatch(following.text) else "malformed"
            found.append(PersonTag(index, form, (index + 1,)))
            continue
        names = []
        for later in range(index + 1, min(index + 4, len(tags))):
            if not _is_name_word(tags[later]):
                break
            names.append(later)
        form = None
        if len(names) > 1:
            between = cable.original[tags[names[0]].span.end:tags[names[1]].span.start]
            form = "comma" if between.strip() == "," else "bare"
        elif names:
            form = "bare"
        found.append(PersonTag(index, form, tuple(names)))
    return tuple(found)


def _is_name_word(tag: Text) -> bool:
    """A token that reads as part of a person's name rather than as a tag or a typo of one."""
    return _reads_as_name(tag.text.strip())


@lru_cache(maxsize=1024)
def _reads_as_name(text: str) -> bool:
    if not _NAME_WORD.fullmatch(text):
        return False
    word = text.rstrip(".").upper()
    if word in vocabulary() or word in PERSON_TAGS or word in CAPTION_WORDS or splits(word):
        return False
    return len(word) == 1 or codes.suggest(word, vocabulary()) is None


def name_tokens(cable: Cable, line: TagsLine) -> frozenset[int]:
    """Indices (in :func:`listed_tags`) of the tokens of a name after a person-type tag."""
    return frozenset(i for person in person_tags(cable, line) for i in person.names)


def removal_edits(cable: Cable, line: TagsLine, removed: set[int]) -> dict[int, Edit]:
    """For each index in ``removed`` (of :func:`listed_tags`), the edit that deletes that
    token with one separator.

    A token followed on its line by a token that stays loses the separator after it
    (``PREL, SIPDIS, PGOV`` -> ``PREL, PGOV``); otherwise it loses the separator before it
    (``PREL MARR MARR`` -> ``PREL MARR``). The edits of one call never overlap.
    """
    tags = listed_tags(line)
    text = cable.original
    edits = {}
    for index in sorted(removed):
        tag = tags[index]
        row = tag.span.line
        later_stays = any(j not in removed and tags[j].span.line == row
                          for j in range(index + 1, len(tags)))
        if later_stays:
            edits[index] = Edit(tag.span.start, tags[index + 1].span.start, "")
        elif index > 0 and tags[index - 1].span.line == row:
            edits[index] = Edit(tags[index - 1].span.end, tag.span.end, "")
        elif line.label.span.line == row:
            edits[index] = Edit(line.label.span.end, tag.span.end, "")
        else:  # alone at the start of a continuation line: remove the line break before it
            start = text.rfind("\n", 0, tag.span.start)
            if start > 0 and text[start - 1] == "\r":
                start -= 1
            edits[index] = Edit(max(start, 0), tag.span.end, "")
    return edits


# --- REF citations -----------------------------------------------------------------------------

# page/continuation furniture run into a REF line: "TRIPOLI 00000031  001.2 OF 003"
# and, up to the end of the item, a release record glued to it ("... id: 109673 date: ...",
# "23064 11/19/2004 15:41 04BRUSSELS4944 ...") or a page banner ("CONFIDENTIAL ABU DHABI 02641")
_PAGE_LINE = r"[A-Za-z][A-Za-z .]*?[^\S\n]+\d{8}[^\S\n]+\d{3}(?:\.\d+)?[^\S\n]+OF[^\S\n]+\d{3}"
_RELEASE_TAIL = (
    r"(?:(?<![A-Za-z])id:[^\S\n]*\d+|(?<!\d)\d+[^\S\n]+\d{1,2}/\d{1,2}/\d{4}[^\S\n]+\d{1,2}:\d\d"
    r"|(?<![A-Za-z])(?:C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|UNCLAS(?:SIFIED)?)"
    r"[^\S\n]+[A-Z][A-Z ]*[^\S\n]\d{5,6}(?!\d))[\s\S]*")
_FURNITURE = regex.compile(_PAGE_LINE + "|" + _RELEASE_TAIL)
_TAIL_ONLY = regex.compile(_RELEASE_TAIL)  # _FURNITURE where no page line can match
# what every furniture match holds besides a colon ("id:" or a time: a release record) or
# UNCLAS: eight digits (a page line) or the start of another classification word (a page
# banner); most citations have none of these and are not searched further
_FURNITURE_HINT = regex.compile(r"\d{8}|C ?O ?N ?F|S ?E ?C ?R")
_EIGHT_DIGITS = regex.compile(r"\d{8}")
_TOKEN = regex.compile(r"[A-Za-z][A-Za-z'\-]*|\d+|[^\sA-Za-z0-9]")
_ID_FORM = regex.compile(r"(?<![A-Za-z0-9])(\d{2})?([A-Za-z]{2,})(\d{1,7})(?![A-Za-z0-9])")
_LETTER_DIGIT = regex.compile(r"[A-Za-z]\d")  # in every cable ID: the post glued to the serial
_JOINERS = {",", ";", "&", "AND"}
_TYPE_WORD = regex.compile(
    r"(?<![A-Za-z])(?:E-?MAILS?|TELE?CONS?|TDX?|MEMCONS?|LETTERS?|DIPNOTES?|NOTES?|REPORTS?|IIRS?|"
    r"MEMO(?:RANDUM)?S?|FAX(?:ES)?|(?:TELE)?PHONE|CALLS?|CONVERSATIONS?|MEETINGS?|POINTS|"
    r"NON-?PAPERS?|ARTICLES?|FBIS|OSC|DAILY|BRIEFINGS?|GUIDANCE|MESSAGES?|MSGS?|DEMARCHES?|"
    r"INCSR|FAM|FAH|CFR|U\.?S\.?C|LAWS?|RESOLUTIONS?|INSTRUCTIONS?|DISCUSSIONS?|CABLES?|"
    r"TELEGRAMS?|SEPTEL|STATEMENTS?|TALKING|READOUT|TRANSCRIPTS?|EXCHANGES?|REQUESTS?|"
    r"PRESS|WEBSITE|PLAN|STRATEGY|STUDY|AGREEMENT|DTG|VIDEO|VTC|DVC|BRIEF|TESTIMONY|"
    r"SPEECH|DIRECTIVE|ORDER|DECREE|BILL|ACT|COMMUNIQUE|MOU|PAPER|RECORD|SUMMARY|MINUTES|"
    r"NOTAL|OFFICIAL-INFORMAL|O-I)(?![A-Za-z])", re.IGNORECASE)
_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*\.?"
_DATE = regex.compile(
    r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"
    r"|(?<![A-Za-z\d])\d{1,2}[ -]?" + _MONTH + r"(?![A-Za-z])"
    r"|(?<![A-Za-z])" + _MONTH + r"[ ,]*\d{1,4}(?!\d)"
    r"|(?<![\d-])\d{1,2}-\d{1,2}-\d{2,4}(?![\d-])"
    r"|(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d{6}Z|\d{4}-\d\d-\d\d",
    re.IGNORECASE)
_LEGAL = regex.compile(r"(?<![A-Za-z])(?:FAM|FAH|CFR|U\.?S\.?C)(?![A-Za-z])", re.IGNORECASE)
_NUMBER = regex.compile(r"(?<![\d/])\d{3,}(?![\d/])")
_NOTHING = regex.compile(r"\s*(?:NONE|N/?A|NIL)\s*\.?\s*", re.IGNORECASE)


class CableCitation(NamedTuple):
    """A cable cited in a REF item, with offsets into the citation's text (a named tuple, as
    Span: as immutable as a frozen dataclass, and cheaper to make; every REF item is read).

    ``year`` is the full year when written (``07`` -> 2007), else None (the citing cable's
    year). ``station`` is the post in station form (``RIODEJANEIRO``); ``alias_of`` is the
    post to write instead when the written one is an alias (``RIO DE JANEIRO``).
    ``id_form`` marks a citation written as a cable ID (``09BOGOTA569``, ``09RIYADH 1302``),
    ``continued`` a serial that takes its post and year from the citation before it
    (``AND 44603``).
    """

    start: int
    end: int
    year: int | None
    year_text: str | None
    post: str
    post_start: int
    post_end: int
    serial: str
    serial_start: int
    serial_end: int
    station: str
    alias_of: str | None = None
    id_form: bool = False
    year_after: bool = False
    continued: bool = False

    @property
    def number(self) -> int:
        return int(self.serial)

    def canonical(self) -> str:
        """The citation as it should be written: ``[YY ]POST SERIAL`` without leading zeros.

        A serial that continues a citation (``AND 44603``) is written alone.
        """
        if self.continued:
            return str(self.number)
        post = self.alias_of or self.post
        serial = str(self.number)
        if self.year_after or self.year_text is None:
            text = f"{post} {serial}"
            return f"{text} ({self.year_text})" if self.year_after else text
        return f"{self.year_text} {post} {serial}"


class ReferenceReading(NamedTuple):
    """What a REF item cites: cables, or another kind of document.

    ``unknown_post`` is set when the item reads ``[YY] WORDS SERIAL`` but WORDS is no known
    post: (written post, start, end). ``truncated`` marks an item cut off by the release
    (``ANKAR...``); ``nothing`` an item that says there is no reference (``NONE``);
    ``legal`` a citation of a handbook, a regulation or a law (``9 FAM 42.1``), identified by
    its section rather than a date; ``redacted`` an item with a release redaction (``XXXX``).
    The properties that tell other references apart are read from ``masked`` (the citation
    without its furniture) when asked: most items cite cables and never need them.
    """

    cables: tuple[CableCitation, ...]
    masked: str
    truncated: bool = False
    redacted: bool = False

    @property
    def has_type_word(self) -> bool:
        return bool(_TYPE_WORD.search(self.masked))

    @property
    def has_date(self) -> bool:
        return bool(_DATE.search(self.masked))

    @property
    def has_number(self) -> bool:
        return bool(_NUMBER.search(self.masked))

    @property
    def unknown_post(self) -> tuple[str, int, int] | None:
        return None if self.cables else _unknown_post(self.masked)

    @property
    def nothing(self) -> bool:
        return bool(_NOTHING.fullmatch(self.masked))

    @property
    def legal(self) -> bool:
        return bool(_LEGAL.search(self.masked)) and any(c.isdigit() for c in self.masked)


same_kind_equality(ReferenceReading)


@lru_cache(maxsize=1024)
def resolve_post(written: str) -> tuple[str, str | None] | None:
    """(station, post to write instead or None) for a post as written, or None if unknown."""
    squeezed = codes.squeeze_post(written)
    if squeezed in codes.stations():
        return squeezed, None
    entry = codes.ref_posts().get(squeezed)
    if entry is None:
        return None
    post, kind = entry
    return (codes.squeeze_post(post), post) if kind == "alias" else (squeezed, None)


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else full_year(int(text))


def _blank_between(text: str, first: re.Match, second: re.Match) -> bool:
    """Only blanks (no line break) between two tokens."""
    gap = text[first.end():second.start()]
    return bool(gap) and not gap.strip() and "\n" not in gap


@lru_cache(maxsize=1024)  # (a reading is about 0.7 kB: under 1 MB)
def read_reference(citation: str) -> ReferenceReading:
    """Read one REF item's citation text (see :class:`ReferenceReading`)."""
    masked = _mask_furniture(citation)
    cables = _id_form_citations(masked)
    tokens = list(_TOKEN.finditer(masked))
    last: CableCitation | None = None
    last_index = -10
    for index, token in enumerate(tokens):
        digits = token.group()
        if not digits.isdigit() or len(digits) > 8 or not _standalone_number(masked, token):
            continue
        found = _post_before(masked, tokens, index)
        if found is not None:
            words, station, alias = found
            year_text, year_after, glued = _year_of(masked, tokens, index - words, index,
                                                    last_index)
            post_start, post_end = tokens[index - words].start(), tokens[index - 1].end()
            start = post_start
            if year_text is not None and not year_after:
                start = tokens[index - words - 1].start()
            end = token.end()
            if year_after:
                end = tokens[index + 3].end()
            last = CableCitation(start, end, _full_year(year_text) if year_text else None,
                                 year_text, masked[post_start:post_end], post_start, post_end,
                                 digits, token.start(), token.end(), station, alias,
                                 id_form=glued, year_after=year_after)
            cables.append(last)
            last_index = index
        elif last is not None and _continues(tokens, last_index, index):
            # "STATE 41252 AND 44603": the same post and year
            last = CableCitation(token.start(), token.end(), last.year, None, last.post,
                                 last.post_start, last.post_end, digits, token.start(),
                                 token.end(), last.station, last.alias_of, continued=True)
            cables.append(last)
            last_index = index
    cables.sort(key=lambda c: c.start)
    return ReferenceReading(tuple(cables), masked,
                            truncated=masked.strip().endswith(("...", "..")),
                            redacted="XXXX" in masked.upper())


def _mask_furniture(citation: str) -> str:
    """The citation with page and release furniture blanked out (same length)."""
    if not (":" in citation or "UNCLAS" in citation or _FURNITURE_HINT.search(citation)):
        return citation
    pattern = _FURNITURE if _EIGHT_DIGITS.search(citation) else _TAIL_ONLY
    return pattern.sub(lambda m: " " * len(m.group()), citation)


def _id_form_citations(text: str) -> list[CableCitation]:
    """Citations written as cable IDs: ``09BOGOTA569``, ``BEIJING5237``."""
    found = []
    if not _LETTER_DIGIT.search(text):
        return found  # the usual citation, post and serial apart
    for match in _ID_FORM.finditer(text):
        resolved = resolve_post(match.group(2))
        if resolved is None:
            continue
        year = match.group(1)
        found.append(CableCitation(
            match.start(), match.end(), _full_year(year) if year else None, year,
            match.group(2), match.start(2), match.end(2), match.group(3), match.start(3),
            match.end(3), resolved[0], resolved[1], id_form=True))
    return found


def _standalone_number(text: str, token: re.Match) -> bool:
    """Digits that are not part of a date, a time, a decimal or a word (``3/6``, ``R162245Z``)."""
    before = text[token.start() - 1] if token.start() else " "
    after = text[token.end()] if token.end() < len(text) else " "
    if before.isalnum() or before in "/-." or after.isalnum() or after in "/:":
        return False
    return not (after in ".-" and text[token.end() + 1:token.end() + 2].isdigit())


def _post_before(text: str, tokens: list[re.Match], index: int):
    """The longest run of one to four words just before the serial that names a post."""
    words = 0  # the words standing just before the serial, each after a blank
    while (words < 4 and index - words > 0 and tokens[index - words - 1].group()[0].isalpha()
           and _blank_between(text, tokens[index - words - 1], tokens[index - words])):
        words += 1
    for count in range(words, 0, -1):
        resolved = resolve_post(" ".join(t.group() for t in tokens[index - count:index]))
        if resolved is not None:
            return count, resolved[0], resolved[1]
    return None


def _year_of(text: str, tokens: list[re.Match], post_index: int, serial_index: int,
             taken: int) -> tuple[str | None, bool, bool]:
    """The year written before the post (``07 BEIJING``, glued: ``07BEIJING``) or after the
    serial (``(07)``): (year, written after, glued). ``taken`` is the index of the serial of
    the citation before, which cannot be a year too (``LAHORE 25 07 ISLAMABAD 5138``)."""
    if post_index > 0 and post_index - 1 != taken:
        before = tokens[post_index - 1]
        gap = text[before.end():tokens[post_index].start()]
        if _is_year(before.group()) and (not gap or _blank_between(text, before,
                                                                    tokens[post_index])):
            return before.group(), False, not gap
    after = tokens[serial_index + 1:serial_index + 4]
    if (len(after) == 3 and after[0].group() == "(" and after[2].group() == ")"
            and _is_year(after[1].group())):
        return after[1].group(), True, False
    return None, False, False


def _is_year(text: str) -> bool:
    return text.isdigit() and (len(text) == 2 or (len(text) == 4 and text[:2] in ("19", "20")))


def _continues(tokens: list[re.Match], last_index: int, index: int) -> bool:
    """``, 44603`` or ``AND 44603`` right after a cited serial, not the year of the next
    citation (``CAIRO 2394; 2009 CAIRO 491``)."""
    if not 1 <= index - last_index - 1 <= 2:
        return False
    between = [t.group().upper() for t in tokens[last_index + 1:index]]
    following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
    return (1 <= len(between) <= 2 and all(word in _JOINERS for word in between)
            and not following[:1].isalpha())


_CABLE_LIKE = regex.compile(
    r"[^\S\n]*(?:(?:\d{2}|\d{4})[^\S\n]+)?(?P<post>[A-Za-z][A-Za-z'\-]*(?:[^\S\n]+[A-Za-z]"
    r"[A-Za-z'\-]*){0,3})[^\S\n]+\d{1,8}[^\S\n]*(?:\((?:NOTAL|\d{2})\))?[\s.,;]*",
    re.IGNORECASE)


def _unknown_post(text: str) -> tuple[str, int, int] | None:
    match = _CABLE_LIKE.fullmatch(text)
    if match is None or _TYPE_WORD.search(text) or _DATE.search(text):
        return None
    return match.group("post"), match.start("post"), match.end("post")


def citation_span(cable: Cable, citation: Text, start: int, end: int) -> Span:
    """The original span of ``[start, end)`` of a REF citation's text.

    Exact when the citation stands in the original as read; else the whole citation.
    """
    span = citation.span
    if cable.original[span.start:span.end] == citation.text:
        return cable.source.offsets.original_span(span.start + start, span.start + end)
    return span


def exact_offset(cable: Cable, citation: Text) -> int | None:
    """The original offset of a citation's text when it stands there as read, else None."""
    span = citation.span
    return span.start if cable.original[span.start:span.end] == citation.text else None


# --- body citations ----------------------------------------------------------------------------

_LETTER = r"[A-Za-z](?![A-Za-z0-9'])"
_LINK = (r"(?:\s*(?:,|&|/|-|\u2013)\s*(?:(?i:and)\s+)?|\s+(?i:and|or|through|thru|to)\s+)")
_CHAIN = _LETTER + r"(?:" + _LINK + _LETTER + r")*"
_BODY_CITATION = regex.compile(
    r"(?<![A-Za-z])(?P<word>[Rr][Ee][Ff](?:[Tt][Ee][Ll])?[Ss]?)(?![A-Za-z])"
    r"(?:\s+(?P<letters>" + _CHAIN + r")|\s*\(\s*(?P<enclosed>" + _CHAIN + r")\s*\))?")
_LETTER_IN = regex.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])")
_LABEL_AFTER = regex.compile(r"[^\S\n]*:")
_TITLE_WORD_AFTER = regex.compile(r"\s+[A-Z][a-z]")
_WORD_AFTER = regex.compile(r"\s+([A-Za-z]{2,})")
_NOT_WORDS = {"AND", "OR", "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "TO", "THROUGH", "THRU"}
_SPELLINGS = ("ref", "Ref", "REF")  # the ways of writing the word that are looked for
_RANGE = regex.compile(r"\s*(?:-|\u2013|through|thru|to)\s*", re.IGNORECASE)


class BodyLetter(NamedTuple):
    """One REF letter cited in the body, upper case; ``maybe_word`` when it may be the word
    ``a`` or ``I`` of the sentence (``reftel a meeting``) rather than a letter.

    Named tuples, this and :class:`BodyCitation`: quicker to make than frozen dataclasses, and
    as immutable. Each stands at ``[start, end)`` of the normalised text; its Span in the
    original is made when asked for (few are reported)."""

    letter: str
    start: int
    end: int
    offsets: OffsetMap
    maybe_word: bool = False
    implied: bool = False

    @property
    def span(self) -> Span:
        return self.offsets.span_of(self.start, self.end)


class BodyCitation(NamedTuple):
    """``ref A``, ``refs A and B``, ``reftel`` ...: the word, the letters cited, the place."""

    word: str
    letters: tuple[BodyLetter, ...]
    start: int
    end: int
    offsets: OffsetMap

    @property
    def span(self) -> Span:
        return self.offsets.span_of(self.start, self.end)

    @property
    def plural(self) -> bool:
        return self.word.upper().endswith("S")


_body_letter, _body_citation = maker(BodyLetter), maker(BodyCitation)  # (diagnostics.maker)


@per_cable
def body_citations(cable: Cable) -> tuple[BodyCitation, ...]:
    """Every citation of a REF in the body, in order; one scan of the normalised text, keeping
    what stands at or after the first body item (read once per cable: R001, R002 and R005
    ask)."""
    if not cable.body:
        return ()
    text = cable.source.text
    offsets = cable.source.offsets
    body_start = cable.body[0].span.start
    found = []
    in_body = False  # once a match is in the body, every later one is
    for match in _matches(text, 0):
        if not in_body and offsets.to_original(match.start()) < body_start:
            continue
        in_body = True
        letters = []
        name = "letters" if match.group("letters") else "enclosed"
        group = match.group(name)
        if group and _LABEL_AFTER.match(text, match.end()):
            continue  # "REF A: STATE 1234" is a REF list written in the body, not a citation
        if group:
            base = match.start(name)
            pieces = _chain(text, base, list(_LETTER_IN.finditer(group)))
            single = len(pieces) == 1
            for number, piece in enumerate(pieces):
                letter = piece.group().upper()
                at = base + piece.start()
                maybe = single and letter in "AI" and _followed_by_word(text, at + 1)
                if number and _RANGE.fullmatch(group[pieces[number - 1].end():piece.start()]):
                    first = letters[-1].letter if letters else letter
                    for code in range(ord(first) + 1, ord(letter)):
                        letters.append(BodyLetter(chr(code), base + pieces[number - 1].start(),
                                                  at + 1, offsets, implied=True))
                letters.append(_body_letter((letter, at, at + 1, offsets, maybe, False)))
        found.append(_body_citation((match.group("word"), tuple(letters), match.start(),
                                     match.end(), offsets)))
    return tuple(found)


def _matches(text: str, start: int):
    """``_BODY_CITATION`` matches from ``start`` on, found by jumping to each ``ref``, ``Ref``
    or ``REF`` (cheaper than letting the pattern try every position)."""
    positions = []
    # one scan of a lower-cased copy with one byte a character (Latin-1, "?" for any other
    # character), whose offsets are the text's
    folded = text.encode("latin-1", "replace").lower()
    position = folded.find(b"ref", start)
    while position >= 0:
        if text[position:position + 3] in _SPELLINGS:
            positions.append(position)
        position = folded.find(b"ref", position + 3)
    end = start
    for position in positions:  # (in order)
        if position < end:
            continue
        match = _BODY_CITATION.match(text, position)
        if match is not None:
            end = match.end()
            yield match


def _chain(text: str, base: int, pieces: list[re.Match]) -> list[re.Match]:
    """The letters of a citation, without a trailing office abbreviation: in ``ref A, P/E
    Chief`` the ``P/E`` before a capitalised word is not two letters."""
    while (len(pieces) >= 3 and text[base + pieces[-2].end():base + pieces[-1].start()] == "/"
           and _TITLE_WORD_AFTER.match(text, base + pieces[-1].end())):
        pieces = pieces[:-2]
    return pieces


def _followed_by_word(text: str, position: int) -> bool:
    after = _WORD_AFTER.match(text, position)
    return after is not None and after.group(1).upper() not in _NOT_WORDS


def ref_letter(reference_letter: Text) -> str:
    """The letter of a REF item's letter text (``B.``, ``(B)``, ``B)`` -> ``B``)."""
    return next(c for c in reference_letter.text if c.isalpha()).upper()
