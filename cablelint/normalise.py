"""Release artifacts out, offsets kept.

Real cables come through a release pipeline that adds things the drafter never wrote:
``¶`` anchors before paragraph numbers and REF letters, a ``¶`` turned into the digit ``1``
(``11.`` for paragraph 1, ``1B.`` for REF B), page and continuation marks (whole lines, or
inside a re-flowed paragraph), per-page classification lines, ``End Cable Text``, review
stamps, the release database's record fields, the viewer's date line, lost newlines in the
header, words split by a hard wrap in the "Classified By" block, HTML entities, backslashes at
line ends. This module takes them out (or puts them right) before the parse and records each
as an :class:`Artifact`, so the X rules can report them and every other finding can still
point at the original line and column through the :class:`OffsetMap`.

CRLF line ends become LF for the parser; a position at the end of a line maps back to the CR,
so a finding there has the column it has in the LF text. Everything is read from the original
text in one pass per kind, most of them behind a cheap substring test.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import NamedTuple

from . import codes, regex
from .diagnostics import Span, maker, same_kind_equality

# Artifact kinds, grouped by the rule that reports them.
PARAGRAPH_MARK = "paragraph-mark"            # X001: "¶1.", "¶ 14.", "¶B."
MANGLED_NUMBER = "mangled-paragraph-number"  # X001: "11." for 1., "110." for 10.
MANGLED_LETTER = "mangled-ref-letter"        # X001: "1B." for B.
PAGE_LINE = "page-line"                      # X002: page and continuation lines and marks
PAGE_CLASSIFICATION = "page-classification"  # X002: "CONFIDENTIAL" heading a printed page
TRAILER_LINE = "trailer-line"                # X002: "End Cable Text"
REVIEW_STAMP = "review-stamp"                # X002: review stamp, archive footer line
DATABASE_RECORD = "database-record"          # X002: id/date/refid/origin ... of the release
RELEASE_DATE = "release-date"                # X002: "Friday, 23 February 2001, 15:53"
SPLIT_TOKEN = "split-token"                  # X004: "REA" / "SONS" in the Classified By block
HTML_ENTITY = "html-entity"                  # X004: "&#8217;", "&amp;"
LINE_END_BACKSLASH = "line-end-backslash"    # X004: a "\\" closing a line (database dumps)
FLATTENED_HEADER = "flattened-header"        # header keywords sharing one line
CARRIAGE_RETURN = "carriage-return"          # CRLF line ends (kept by fixes)
FINAL_NEWLINE = "final-newline"              # a missing newline at the end of the file

FURNITURE = (PAGE_LINE, PAGE_CLASSIFICATION, TRAILER_LINE, REVIEW_STAMP, DATABASE_RECORD,
             RELEASE_DATE)

#: ``_span((line, column, end_line, end_column, start, end))``: spans are made by the hundred
#: thousand (see :func:`.diagnostics.maker`)
_span = maker(Span)

_CRLF = regex.compile(r"\r\n|\r\Z")
# Line-start patterns begin with a literal "\n" and run over "\n" + text, so the regex engine
# jumps from newline to newline instead of trying every position (see normalise()).
_BACKSLASH_END = regex.compile(r"\\[\\ \t]*(?=\r?\n|\r?\Z)")
_PARA_MARK = regex.compile(r"\n[^\S\n]*(¶[^\S\n]*)(?=[0-9A-Za-z(])")
_PARA_NUMBER = regex.compile(r"\n[^\S\n]*(?:¶[^\S\n]*)?(\d{1,3})\.(?=[^\S\n]|\()")
_REF_BLOCK = regex.compile(
    r"\n[^\S\n]*(?:REFS?|REF\(S\)|REFTELS?)[^\S\n]*:[^\n]*(?:\n[^\S\n]*\S[^\n]*)*", re.I)
_MANGLED_LETTER = regex.compile(r"\n[^\S\n]*(?:¶[^\S\n]*)?(1)[A-Z][.)][^\S\n]")
# keywords that start a header element even in mid-line (found lower-cased, see
# _flattened_header); "SIPDIS" only on a line that opens the header (banner, captions ...)
_FLAT_KEYWORDS = ("e.o.", "tags:", "subject:", "ref:", "classified by:")
_DIGIT_AFTER = regex.compile(r"[^\S\n]*\d")
_HEADER_START = regex.compile(
    r"[^\S\n]*(?:S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS|SIPDIS|E\.O\.|TAGS:)",
    re.IGNORECASE,
)
_HEADER_LINES = 80
_PORTION_MARK_ONLY = regex.compile(r"[^\S\n]*(?:\d{1,3}\.[^\S\n]*)?\([A-Z/]{1,8}\)[^\S\n]*$")
# a body line opening with a portion mark ends the header zone (but "(U) Classified By" does not)
_MARKED_LINE = regex.compile(r"\n[ \t]*\((?:U|C|S|TS|SBU)(?:/[^)\n]{0,30})?\)(?![ \t]*(?i:class))")

# --- release furniture (X002) -------------------------------------------------------------------
# "BEIJING 00002305 002 OF 003", "STATE 00226504  001.2 OF 002": the eight-digit serial of a
# continuation mark starts "00"; the post before it is found by _post_start.
_CONTINUATION = regex.compile(
    r"00\d{6}[ \t]+(?P<section>\d{3})(?:\.(?P<page>\d{1,2}))?[ \t]+OF[ \t]+(?P<total>\d{3})"
    r"(?![0-9])")
_POST = regex.compile(r"[A-Z][A-Z.'&/-]*(?: [A-Z][A-Z.'&/-]*)*")
_POST_WIDTH = 10  # continuation marks cut the post at ten characters ("BUENOS AIR")
# "PAGE 02 ROME 01196 01 OF 02 082030Z", "PAGE 02  VATICA 05960 191507Z", also after "TO ";
# "PAGE 02 RUEHFRA0170 S E C R E T": routing indicator and serial, the rest is furniture too
_PAGE = regex.compile(
    r"^[ \t]*(?:(?:TO|INFO)[ \t]+)?(?P<mark>PAGE[ \t]+(?P<page>\d{1,3})[ \t]+"
    r"(?:R[A-Z]{3,7}\d{4}(?:[ \t][^\r\n]*)?"
    r"|(?P<post>[A-Z][A-Z .]{0,9}?)[ \t]+(?P<serial>\d{4,6})[ \t]+"
    r"(?:(?P<section>\d\d)[ \t]+OF[ \t]+(?P<total>\d\d)[ \t]+)?(?P<dtg>\d{6}Z)))", re.M)
_PAGE_CLASSIFICATION = regex.compile(
    r"^[ \t]*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)"
    r"(?:[ \t]+[A-Z]{3}\d{4})?[ \t]*\r?$", re.M)
_END_CABLE_TEXT = regex.compile(r"(?:End Cable Text|END CABLE TEXT)[ \t]*(?=\r?\n|\Z)")
_REVIEW_STAMP = regex.compile(
    r"Declassified/Released US Department of State EO[ \t]*(?:\r?\n[ \t]*)?"
    r"Systematic Review[ \t]+\d{1,2}[ \t]+[A-Z]{3}[ \t]+\d{4}")
# found from "day, " on (a literal start is fast); _furniture checks the weekday before it
_RELEASE_DATE = regex.compile(
    r"day, \d{1,2} (?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{4}, \d{1,2}:\d\d[ \t]*\r?$", re.M)
# an archive's footer line: "2003ROME05149 - Classification: CONFIDENTIAL"
_FOOTER = regex.compile(r"\n[ \t]*(?:19|20)\d\d[A-Z ]{2,12}\d{5}"
                        r" - (?=Clas|CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED)")
_WEEKDAYS = frozenset({"Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"})
_CLASSIFICATION_WORD = r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)"
_ID = r"\d\d[A-Z]+\d+"
# "id: 237491" / "date: ..." / "refid: ..." / ... / "header:" (then a copy of the address block
# up to "----- header ends -----")
_RECORD_FIELDS = regex.compile(r"^id:[ \t]*\d+[ \t]*\r?\n(?:[a-z]+:[^\r\n]*(?:\r?\n|\Z))+", re.M)
_HEADER_ENDS = regex.compile(r"^-+ header ends -+[ \t]*(?:\r?\n|\Z)", re.M)
# "10222" / "2003-08-21" / "03THEHAGUE2113" / "Embassy The Hague" / "SECRET" [/ "03STATE242722|..."]
_RECORD_LINES = regex.compile(
    r"^[ \t]*\d{1,7}[ \t]*\r?\n(?:[ \t]*\r?\n)*"
    r"[ \t]*\d{4}-\d\d-\d\d(?:[ \t]+\d\d:\d\d(?::\d\d)?)?[ \t]*\r?\n(?:[ \t]*\r?\n)*"
    rf"[ \t]*{_ID}[ \t]*\r?\n(?:[ \t]*\r?\n)*"
    r"[ \t]*[A-Z][A-Za-z .,'()/-]*\r?\n(?:[ \t]*\r?\n)*"
    rf"[ \t]*{_CLASSIFICATION_WORD}[A-Z/ ]*[ \t]*(?:\r?\n|\Z)"
    rf"(?:(?:[ \t]*\r?\n)*[ \t]*{_ID}(?:\|{_ID})*[ \t]*(?:\r?\n|\Z))?", re.M)
_RECORD_DATE = regex.compile(r"\n[ \t]*\d{4}-\d\d-\d\d")  # a cheap test before _RECORD_LINES
# footer lines and record fields and lines open a line with "id:" or four digits: one scan
# tells whether any of them can be there (each whole-text scan costs a corpus run 0.03 s)
_ARCHIVE_LINE = regex.compile(r"\n(?:id:|[ \t]*\d{4}[-A-Z ])")
# "[57344<TAB>]2006-07-10 14:51:00<TAB>06BERN1280<TAB>Embassy Bern<TAB>CONFIDENTIAL<TAB>refs<TAB>"
_RECORD_TABS = regex.compile(
    r"^(?:\d+\t)?(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{4})[ \t]+\d{1,2}:\d\d(?::\d\d)?"
    rf"\t{_ID}\t[^\t\r\n]*\t[^\t\r\n]*\t[^\t\r\n]*\t", re.M)

# --- wrapped and encoded tokens (X004) ----------------------------------------------------------
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLASSIFIED_BY = regex.compile(r"CLASS?IFIED[ \t]+BY\b", re.I)
_BLOCK_END = regex.compile(r"\n[ \t]*\r?\n")
_SPLIT_WORDS = frozenset({"REASON", "REASONS", "AND", "FOR", "CLASSIFIED", "BY"})
_WHOLE_WORDS = _SPLIT_WORDS | {"A", "AN"}
_LETTERS = regex.compile(r"\([a-hA-H](?:/[a-hA-H])*\)")


class PageMark(NamedTuple):
    """What a page or continuation mark says, as written.

    ``BEIJING 00002305 001.2 OF 003``: post ``BEIJING``, serial ``00002305``, section ``001``,
    page ``2``, total ``003``. ``PAGE 02 ROME 01196 01 OF 02 082030Z``: page ``02``, post
    ``ROME``, serial ``01196``, section ``01``, total ``02``, dtg ``082030Z``. Parts a mark
    does not carry are None.
    """

    post: str | None
    serial: str | None
    section: str | None
    page: str | None
    total: str | None
    dtg: str | None = None


same_kind_equality(PageMark)


class Artifact(NamedTuple):
    """One release artifact: original ``[start, end)`` and what the normaliser put there.

    ``text`` is the original text of the stretch; furniture that fills its line takes the
    line end with it. ``page_mark`` holds the parsed parts of a page or continuation mark.
    (A named tuple: a corpus run makes 63,000 of them, and a frozen dataclass is made three
    times as slowly.)
    """

    kind: str
    start: int
    end: int
    text: str
    replacement: str = ""
    page_mark: PageMark | None = None

    @property
    def token(self) -> tuple[int, int]:
        """Original ``[start, end)`` of the artifact without surrounding blanks and line ends
        (the place a finding points at); a blank-only artifact is returned whole."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text.rstrip())
        if trail <= lead:
            return self.start, self.end
        return self.start + lead, self.start + trail


#: ``_artifact((kind, start, end, text, replacement, page_mark))`` is ``Artifact(...)`` without
#: the Python-level ``__new__``, for the paragraph marks (a corpus run finds 46,000)
_artifact = maker(Artifact)


class OffsetMap:
    """Maps offsets in the normalised text back to the original text.

    Edit ``i`` replaced original ``[start, end)`` by a text that stands at normalised
    ``[norm_starts[i], norm_ends[i])``; after it (up to the next edit) an original offset is
    the normalised one plus ``shifts[i]``."""

    __slots__ = ("_norm_starts", "_norm_ends", "_shifts", "_edits", "_line_starts")

    def __init__(self, original: str, edits: list[tuple[int, int, str]]):
        self._edits = edits
        starts, ends, shifts = [], [], []
        shift = 0  # original - normalised, before the edit
        for start, end, replacement in edits:
            starts.append(start - shift)
            ends.append(start - shift + len(replacement))
            shift = end - ends[-1]
            shifts.append(shift)
        self._norm_starts, self._norm_ends, self._shifts = starts, ends, shifts
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", original)]

    def to_original(self, position: int) -> int:
        """The original offset of normalised offset ``position``."""
        i = bisect_right(self._norm_starts, position) - 1
        if i < 0:
            return position
        if position >= self._norm_ends[i]:
            return position + self._shifts[i]
        start, end, _ = self._edits[i]  # inside a replacement: its original stretch
        return start + min(position - self._norm_starts[i], end - start)

    def span_of(self, start: int, end: int) -> Span:
        """The Span in the original text of normalised ``[start, end)`` (an empty one for
        ``end <= start``). Both ends usually fall between the same two edits: one search."""
        norm_starts = self._norm_starts
        i = bisect_right(norm_starts, start) - 1
        if i >= 0 and start < self._norm_ends[i]:  # inside a replacement
            original_start = self.to_original(start)
            original_end = self.to_original(end) if end > start else original_start
        else:
            shift = self._shifts[i] if i >= 0 else 0
            original_start = start + shift
            if end <= start:
                original_end = original_start
            elif i + 1 == len(norm_starts) or end < norm_starts[i + 1]:
                original_end = end + shift  # no edit between the two ends
            else:
                original_end = self.to_original(end)
        return self.original_span(original_start, original_end)

    def line_column(self, original_offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset."""
        i = bisect_right(self._line_starts, original_offset) - 1
        return i + 1, original_offset - self._line_starts[i] + 1

    def original_span(self, start: int, end: int) -> Span:
        """The Span of original offsets ``[start, end)``."""
        starts = self._line_starts
        i = bisect_right(starts, start)
        column = start - starts[i - 1] + 1
        if i == len(starts) or end < starts[i]:  # one line: no second search
            return _span((i, column, i, column + end - start, start, end))
        end_line, end_column = self.line_column(end)
        return _span((i, column, end_line, end_column, start, end))

    def line_start(self, line: int) -> int:
        return self._line_starts[line - 1]

    @property
    def line_starts(self) -> list[int]:
        """The original offset where each line starts, line 1 first (not to be changed)."""
        return self._line_starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


class Normalised(NamedTuple):
    """The text the parser reads, the artifacts taken out, and the way back."""

    original: str
    text: str
    artifacts: tuple[Artifact, ...]
    offsets: OffsetMap


same_kind_equality(Normalised)


def normalise(original: str) -> Normalised:
    """Take the release artifacts out of ``original``; see the module docstring."""
    edits: list[Artifact] = []
    lined = "\n" + original  # offsets in ``lined`` are one more than in ``original``
    if "\r" in original:
        edits += [Artifact(CARRIAGE_RETURN, m.start(), m.end(), m.group(), m.group()[1:])
                  for m in _CRLF.finditer(original)]
    if "\\" in original:
        edits += _line_end_backslashes(original)
    if "&" in original:
        edits += _html_entities(original)
    edits += _furniture(original, lined)
    if "¶" in original:
        edits += [_artifact((PARAGRAPH_MARK, m.start(1) - 1, m.end(1) - 1, m.group(1), "", None))
                  for m in _PARA_MARK.finditer(lined)]
    first_number = _PARA_NUMBER.search(lined)
    edits += _mangled_numbers(lined, first_number)
    for block in _REF_BLOCK.finditer(lined):
        edits += [Artifact(MANGLED_LETTER, m.start(1) - 1, m.end(1) - 1, "1")
                  for m in _MANGLED_LETTER.finditer(lined, block.start(), block.end())]
    header_end = _header_end(lined, first_number)
    edits += _flattened_header(original, header_end)
    edits += _split_tokens(original, header_end)
    if not original.endswith("\n"):
        edits.append(Artifact(FINAL_NEWLINE, len(original), len(original), "", "\n"))
    # the longer edit first; on a tie the artifact wins over the CR it swallows
    edits.sort(key=lambda e: (e.start, -e.end, e.kind == CARRIAGE_RETURN))
    pieces = []
    cursor = 0
    applied = []
    for edit in edits:
        if edit.start < cursor:
            continue
        pieces.append(original[cursor:edit.start])
        pieces.append(edit.replacement)
        applied.append(edit)
        cursor = edit.end
    pieces.append(original[cursor:])
    text = "".join(pieces)
    plain = [(e.start, e.end, e.replacement) for e in applied]
    artifacts = tuple(e for e in applied if e.kind not in (CARRIAGE_RETURN, FINAL_NEWLINE))
    return Normalised(original, text, artifacts, OffsetMap(original, plain))


def _line_end_backslashes(original: str) -> list[Artifact]:
    """Backslashes closing a line (and the blanks before them), as in database dumps."""
    found = []
    for m in _BACKSLASH_END.finditer(original):
        start = m.start()
        while start > 0 and original[start - 1] in " \t":
            start -= 1
        found.append(Artifact(LINE_END_BACKSLASH, start, m.end(), original[start:m.end()]))
    return found


def _html_entities(original: str) -> list[Artifact]:
    """HTML character references left by a release (``&#8217;``, ``&amp;``), decoded."""
    import html  # (its tables cost a one-file run more than most cables need)

    found = []
    for m in _ENTITY.finditer(original):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            found.append(Artifact(HTML_ENTITY, m.start(), m.end(), m.group(),
                                  decoded.replace("\r", "")))
    return found


# --- release furniture ---------------------------------------------------------------------------


def _furniture(original: str, lined: str) -> list[Artifact]:
    """Page and continuation marks, per-page classification lines, trailers, review stamps,
    database records and the viewer's date line (``lined`` is ``"\n" + original``)."""
    found = []
    if " OF " in original:
        for m in _CONTINUATION.finditer(original):
            start = _post_start(original, m.start())
            post = original[start:m.start()].strip() or None
            mark = PageMark(post, original[m.start():m.start() + 8], m.group("section"),
                            m.group("page"), m.group("total"))
            found.append(_place(original, PAGE_LINE, start, m.end(), mark))
    if "PAGE" in original:
        pages = list(_PAGE.finditer(original))
        for m in pages:
            mark = PageMark(m.group("post"), m.group("serial"), m.group("section"),
                            m.group("page"), m.group("total"), m.group("dtg"))
            found.append(_place(original, PAGE_LINE, m.start("mark"), m.end("mark"), mark))
        if pages:
            found += [_place(original, PAGE_CLASSIFICATION, m.start(), m.end())
                      for m in _PAGE_CLASSIFICATION.finditer(original)]
    found += [_place(original, TRAILER_LINE, m.start(), m.end())
              for m in _END_CABLE_TEXT.finditer(original)]
    if "Declassified/Released" in original:
        found += [_place(original, REVIEW_STAMP, m.start(), m.end())
                  for m in _REVIEW_STAMP.finditer(original)]
    for m in _RELEASE_DATE.finditer(original):
        line_start = original.rfind("\n", 0, m.start()) + 1
        if original[line_start:m.start()].strip() in _WEEKDAYS:
            found.append(_place(original, RELEASE_DATE, line_start, m.end()))
    archive_line = _ARCHIVE_LINE.search(lined)
    if archive_line:  # footers and record lines start on that line or later
        first = archive_line.start()
        for m in _FOOTER.finditer(lined, first):
            # an offset in ``lined`` is one more: m.start() is the footer's line start
            line_end = original.find("\n", m.end() - 1)
            found.append(_place(original, REVIEW_STAMP, m.start(),
                                len(original) if line_end < 0 else line_end))
        found += _record_lines(original, lined, first)
    if "\t" in original:
        found += [Artifact(DATABASE_RECORD, m.start(), m.end(), m.group())
                  for m in _RECORD_TABS.finditer(original)]
    return found


def _record_lines(original: str, lined: str, first: int) -> list[Artifact]:
    """The release database's record fields and record lines inside the text (the two
    layouts that open a line with "id:" or a date, none before ``lined[first]``; the third,
    on one line with tabs, is found by :func:`_furniture`)."""
    found = []
    if lined.find("\nid:", first) >= 0:
        for m in _RECORD_FIELDS.finditer(original):
            end = m.end()
            if m.group().rstrip().endswith("header:"):  # a copy of the address block follows
                ends = _HEADER_ENDS.search(original, end)
                if ends is not None:
                    end = ends.end()
            found.append(Artifact(DATABASE_RECORD, m.start(), end, original[m.start():end]))
    if _RECORD_DATE.search(lined, first):
        found += [Artifact(DATABASE_RECORD, m.start(), m.end(), m.group())
                  for m in _RECORD_LINES.finditer(original)]
    return found


def _place(original: str, kind: str, start: int, end: int,
           page_mark: PageMark | None = None) -> Artifact:
    """Furniture at original ``[start, end)``: its whole line (with the line end) when nothing
    else stands on the line, else the furniture alone (the blanks around it stay, a flattened
    header may need them)."""
    line_start = original.rfind("\n", 0, start) + 1
    line_end = original.find("\n", end)
    if line_end < 0:
        line_end = len(original)
    rest = original[end:line_end].replace("\\", "")  # a dump's line-end backslash goes too
    if not original[line_start:start].strip() and not rest.strip():
        stop = min(line_end + 1, len(original))
        return Artifact(kind, line_start, stop, original[line_start:stop], page_mark=page_mark)
    return Artifact(kind, start, end, original[start:end], page_mark=page_mark)


def _post_start(original: str, serial_start: int) -> int:
    """Where the post before a continuation mark's serial starts (the serial itself when there
    is none). The post is a run of capital words of at most ten characters after a non-letter
    (``CAIRO 507CAIRO 00000524``): the longest such run that a station name starts with; else
    the run that fills the line up to the serial; else the last word; else a station name
    glued to the end of a word (``XXXXXXXXXXXXLONDON``)."""
    line_start = original.rfind("\n", 0, serial_start) + 1
    head = original[max(line_start, serial_start - _POST_WIDTH - 3):serial_start]
    stripped = head.rstrip(" \t")
    if len(stripped) == len(head):
        return serial_start
    offset = serial_start - len(head)
    end = len(stripped)
    window = range(max(0, end - _POST_WIDTH), end)
    candidates = [i for i in window
                  if (not stripped[i - 1].isalpha() if i else offset == line_start)
                  and _POST.fullmatch(stripped, i)]
    for i in candidates:
        if stripped[i:].replace(" ", "") in _station_prefixes():
            return offset + i
    if candidates:
        first = offset + candidates[0]
        return first if not original[line_start:first].strip() else offset + candidates[-1]
    for i in window:
        if stripped[i:] in codes.stations():
            return offset + i
    return serial_start


@cache
def _station_prefixes() -> frozenset[str]:
    """Every beginning (two letters or more) of a station name: posts in marks are cut."""
    return frozenset(name[:i] for name in codes.stations() for i in range(2, len(name) + 1))


# --- the header ----------------------------------------------------------------------------------


def _header_end(lined: str, first_number: re.Match | None) -> int:
    """Original offset where the header zone ends: the first numbered paragraph; in a cable
    without one, the first line that opens with a portion mark (other than ``(U) Classified
    By``); else the end of the text."""
    if first_number is not None:
        return first_number.start()
    marked = _MARKED_LINE.search(lined)
    return marked.start() if marked else len(lined) - 1


def _flattened_header(original: str, header_end: int) -> list[Artifact]:
    """Newlines put back where header keywords share a line (``... SIPDIS E.O. 12958: ...``).

    The keywords are found with ``str.find`` on the lower-cased header (the first 80 lines of
    the header zone): far cheaper than a regex tried at every position.
    """
    lines = original[:header_end].split("\n", _HEADER_LINES)
    cut = header_end - len(lines[-1]) - 1 if len(lines) > _HEADER_LINES else header_end
    header = original[:cut]
    lower = header.lower()
    found: list[Artifact] = []
    for keyword in _FLAT_KEYWORDS:
        at = lower.find(keyword)
        while at >= 0:
            if keyword != "e.o." or _DIGIT_AFTER.match(header, at + 4):
                _split_before(header, at, found)
            at = lower.find(keyword, at + 1)
    at = header.find("SIPDIS")
    while at >= 0:
        after = at + 6
        if header.startswith("E.O.", after):
            found.append(Artifact(FLATTENED_HEADER, after, after, "", "\n"))
        elif not header[after:after + 1].isalnum() and header[after:after + 1] != "_" \
                and _HEADER_START.match(header, header.rfind("\n", 0, at) + 1):
            _split_before(header, at, found)
        at = header.find("SIPDIS", after)
    return found


def _split_before(header: str, at: int, found: list[Artifact]) -> None:
    """A newline for the blanks before the keyword at ``at``, when text precedes them on the
    line (``(U) Classified By: ...`` stays one element)."""
    start = at
    while start > 0 and header[start - 1] != "\n" and header[start - 1].isspace():
        start -= 1
    if start == at or start == 0 or header[start - 1].isspace():
        return
    line_start = header.rfind("\n", 0, start) + 1
    if _PORTION_MARK_ONLY.match(header[line_start:start]):
        return
    found.append(Artifact(FLATTENED_HEADER, start, at, header[start:at], "\n"))


def _split_tokens(original: str, header_end: int) -> list[Artifact]:
    """Words of the Classified By block that a hard wrap cut in two (``REA`` / ``SONS``,
    ``1.`` / ``4``, ``(d`` / ``)``): the line break between the halves goes. The block is
    looked for in the header zone and just after it (``1. (U) CLASSIFIED BY ...``)."""
    found = []
    zone_end = min(len(original), header_end + 200)
    lower = original[:zone_end].lower()
    at = lower.find("ified")
    while at >= 0:
        label = (_CLASSIFIED_BY.match(original, max(at - 5, 0))
                 or _CLASSIFIED_BY.match(original, max(at - 4, 0)))
        if label is None:
            at = lower.find("ified", at + 5)
            continue
        ends = _BLOCK_END.search(original, label.end())
        block_end = ends.start() if ends else len(original)
        found += _block_splits(original, label.end(), block_end)
        at = lower.find("ified", block_end)
    return found


def _block_splits(original: str, start: int, block_end: int) -> list[Artifact]:
    """The split words at the line breaks of one Classified By block."""
    found = []
    position = original.find("\n", start, block_end)
    while position >= 0:
        left_end = position
        while left_end > 0 and original[left_end - 1] in " \t\r":
            left_end -= 1
        right_start = position + 1
        while right_start < block_end and original[right_start] in " \t":
            right_start += 1
        line_start = original.rfind("\n", 0, left_end) + 1
        cut = max(original.rfind(" ", line_start, left_end),
                  original.rfind("\t", line_start, left_end))
        left = original[cut + 1 if cut >= 0 else line_start:left_end]
        right_stop = right_start
        while right_stop < block_end and not original[right_stop].isspace():
            right_stop += 1
        right = original[right_start:right_stop]
        if left and right and _joins(left, right):
            found.append(Artifact(SPLIT_TOKEN, left_end, right_start,
                                  original[left_end:right_start]))
        position = original.find("\n", position + 1, block_end)
    return found


def _joins(left: str, right: str) -> bool:
    """Whether ``left`` (the end of one line) and ``right`` (the start of the next) are the
    halves of one word of a Classified By block: a reason keyword, ``1.4``, ``(d)``."""
    word = right.rstrip(".,;:")
    if left.isalpha() and word.isalpha():
        joined = (left + word).upper()
        return joined in _SPLIT_WORDS and not (left.upper() in _WHOLE_WORDS
                                               and word.upper() in _WHOLE_WORDS)
    if left in ("1.", "1"):
        return re.match(r"\.[4-6]" if left == "1" else r"[4-6]", right) is not None
    opening = left.rfind("(")
    closing = right.find(")")
    if opening < 0 or closing < 0 or ")" in left[opening:]:
        return False
    return _LETTERS.fullmatch(left[opening:] + right[:closing + 1]) is not None


def _mangled_numbers(lined: str, first: re.Match | None) -> list[Artifact]:
    """The ``¶``-became-``1`` run: paragraphs ``11.``, ``12.`` ... ``110.`` for 1, 2 ... 10
    (the paragraph numbers are read only when the first one is ``11``)."""
    if first is None or first.group(1) != "11":
        return []
    numbered = list(_PARA_NUMBER.finditer(lined, first.start()))
    previous = 0
    for match in numbered:
        digits = match.group(1)
        if len(digits) < 2 or digits[0] != "1" or int(digits[1:]) <= previous:
            return []
        previous = int(digits[1:])
    return [Artifact(MANGLED_NUMBER, m.start(1) - 1, m.start(1), "1") for m in numbered]
