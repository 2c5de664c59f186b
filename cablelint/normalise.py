"""Release artifacts out, offsets kept.

Real cables come through a release pipeline that adds things the drafter never wrote:
``¶`` anchors before paragraph numbers and REF letters, a ``¶`` turned into the digit ``1``
(``11.`` for paragraph 1, ``1B.`` for REF B), page and continuation lines, ``End Cable Text``,
review stamps, lost newlines in the header. This module takes them out before the parse and
records each as an :class:`Artifact`, so the X rules can report them and every other finding
can still point at the original line and column through the :class:`OffsetMap`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .diagnostics import Span

# Artifact kinds, grouped by the rule that reports them.
PARAGRAPH_MARK = "paragraph-mark"            # X001: "¶1.", "¶ 14.", "¶B."
MANGLED_NUMBER = "mangled-paragraph-number"  # X001: "11." for 1., "110." for 10.
MANGLED_LETTER = "mangled-ref-letter"        # X001: "1B." for B.
PAGE_LINE = "page-line"                      # X002: page and continuation lines
TRAILER_LINE = "trailer-line"                # X002: "End Cable Text", review stamps
FLATTENED_HEADER = "flattened-header"        # header keywords sharing one line
CARRIAGE_RETURN = "carriage-return"          # CRLF line ends (kept by fixes)
LINE_END_BACKSLASH = "line-end-backslash"    # X004: a "\\" closing a line (database dumps)
FINAL_NEWLINE = "final-newline"              # a missing newline at the end of the file

_CR = re.compile(r"\r(?=\n|$)")
# Line-start patterns begin with a literal "\n" and run over "\n" + text, so the regex engine
# jumps from newline to newline instead of trying every position (see _at_line_starts).
_BACKSLASH_END = re.compile(r"\\[\\ \t]*(?=\n|\Z)")
_FURNITURE = re.compile(
    r"\n[^\S\n]*(?:PAGE[^\S\n]+\d{1,3}[^\S\n]+[A-Z][A-Z .]*\d"
    r"|[A-Z][A-Z .]*?[^\S\n]+\d{8}[^\S\n]+\d{3}(?:\.\d+)?[^\S\n]+OF[^\S\n]+\d{3}"
    r"|(?P<trailer>(?i:End Cable Text|Declassified/Released US Department of State)))"
    r"[^\n]*")
_PARA_MARK = re.compile(r"\n[^\S\n]*(¶[^\S\n]*)(?=[0-9A-Za-z(])")
_PARA_NUMBER = re.compile(r"\n[^\S\n]*(?:¶[^\S\n]*)?(\d{1,3})\.(?=[^\S\n]|\()")
_REF_BLOCK = re.compile(
    r"\n[^\S\n]*(?:REFS?|REF\(S\)|REFTELS?)[^\S\n]*:[^\n]*(?:\n[^\S\n]*\S[^\n]*)*", re.I)
_MANGLED_LETTER = re.compile(r"\n[^\S\n]*(?:¶[^\S\n]*)?(1)[A-Z][.)][^\S\n]")
_HEADER_KEYWORD = re.compile(
    r"(?<=\S)([^\S\n]+)(?=(?i:E\.O\.[^\S\n]*\d|TAGS:|SUBJECT:|REF:|Classified By:))"
    r"|(?<=SIPDIS)()(?=E\.O\.)"
)
_BANNER_SIPDIS = re.compile(r"(?<=\S)([^\S\n]+)(?=SIPDIS\b)")
_HEADER_START = re.compile(
    r"[^\S\n]*(?:S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS|SIPDIS|E\.O\.|TAGS:)",
    re.IGNORECASE,
)
_HEADER_LINES = 80
_PORTION_MARK_ONLY = re.compile(r"[^\S\n]*(?:\d{1,3}\.[^\S\n]*)?\([A-Z/]{1,8}\)[^\S\n]*$")


@dataclass(frozen=True, slots=True)
class Artifact:
    """One release artifact: original ``[start, end)`` and what the normaliser put there."""

    kind: str
    start: int
    end: int
    text: str
    replacement: str = ""


class OffsetMap:
    """Maps offsets in the normalised text back to the original text."""

    __slots__ = ("_norm_starts", "_edits", "_line_starts")

    def __init__(self, original: str, edits: list[tuple[int, int, str]]):
        self._edits = edits
        starts = []
        shift = 0
        for start, end, replacement in edits:
            starts.append(start + shift)
            shift += len(replacement) - (end - start)
        self._norm_starts = starts
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", original)]

    def to_original(self, position: int) -> int:
        """The original offset of normalised offset ``position``."""
        i = bisect_right(self._norm_starts, position) - 1
        if i < 0:
            return position
        norm_start = self._norm_starts[i]
        start, end, replacement = self._edits[i]
        inside = position - norm_start
        if inside < len(replacement):
            return start + min(inside, end - start)
        return end + inside - len(replacement)

    def line_column(self, original_offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset."""
        i = bisect_right(self._line_starts, original_offset) - 1
        return i + 1, original_offset - self._line_starts[i] + 1

    def original_span(self, start: int, end: int) -> Span:
        """The Span of original offsets ``[start, end)``."""
        line, column = self.line_column(start)
        end_line, end_column = self.line_column(end)
        return Span(line, column, end_line, end_column, start, end)

    def line_start(self, line: int) -> int:
        return self._line_starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


@dataclass(frozen=True, slots=True)
class Normalised:
    """The text the parser reads, the artifacts taken out, and the way back."""

    original: str
    text: str
    artifacts: tuple[Artifact, ...]
    offsets: OffsetMap


def normalise(original: str) -> Normalised:
    """Take the release artifacts out of ``original``; see the module docstring."""
    edits: list[Artifact] = []
    lined = "\n" + original  # offsets in ``lined`` are one more than in ``original``
    if "\r" in original:
        edits += [Artifact(CARRIAGE_RETURN, m.start(), m.end(), "\r") for m in _CR.finditer(original)]
    if "\\" in original:
        edits += _line_end_backslashes(original)
    for m in _FURNITURE.finditer(lined):
        end = min(m.end() + 1, len(lined))  # the line and its newline
        edits.append(Artifact(TRAILER_LINE if m.group("trailer") else PAGE_LINE, m.start(),
                              end - 1, lined[m.start() + 1:end]))
    if "¶" in original:
        edits += [Artifact(PARAGRAPH_MARK, m.start(1) - 1, m.end(1) - 1, m.group(1))
                  for m in _PARA_MARK.finditer(lined)]
    numbered = list(_PARA_NUMBER.finditer(lined))
    edits += _mangled_numbers(numbered)
    for block in _REF_BLOCK.finditer(lined):
        edits += [Artifact(MANGLED_LETTER, m.start(1) - 1, m.end(1) - 1, "1")
                  for m in _MANGLED_LETTER.finditer(lined, block.start(), block.end())]
    edits += _flattened_header(original, numbered[0].start() if numbered else len(original))
    if not original.endswith("\n"):
        edits.append(Artifact(FINAL_NEWLINE, len(original), len(original), "", "\n"))
    edits.sort(key=lambda e: (e.start, -e.end))
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


def _flattened_header(original: str, header_end: int) -> list[Artifact]:
    """Newlines put back where header keywords share a line (``... SIPDIS E.O. 12958: ...``)."""
    found = []
    offset = 0
    for index, line in enumerate(original[:header_end].split("\n")):
        if index >= _HEADER_LINES:
            break
        splits = list(_HEADER_KEYWORD.finditer(line))
        if _HEADER_START.match(line):
            splits += _BANNER_SIPDIS.finditer(line)
        for split in splits:
            group = 1 if split.group(1) is not None else 2
            if _PORTION_MARK_ONLY.match(line[:split.start(group)]):
                continue  # "(U) Classified By: ..." is one element
            found.append(Artifact(FLATTENED_HEADER, offset + split.start(group),
                                  offset + split.end(group), split.group(group), "\n"))
        offset += len(line) + 1
    return found


def _mangled_numbers(numbered: list[re.Match]) -> list[Artifact]:
    """The ``¶``-became-``1`` run: paragraphs ``11.``, ``12.`` ... ``110.`` for 1, 2 ... 10."""
    if not numbered or numbered[0].group(1) != "11":
        return []
    previous = 0
    for match in numbered:
        digits = match.group(1)
        if len(digits) < 2 or digits[0] != "1" or int(digits[1:]) <= previous:
            return []
        previous = int(digits[1:])
    return [Artifact(MANGLED_NUMBER, m.start(1) - 1, m.start(1), "1") for m in numbered]
