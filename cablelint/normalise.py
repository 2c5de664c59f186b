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

_PARA_MARK = re.compile(r"[^\S\n]*(¶[^\S\n]*)(?=[0-9A-Za-z(])")
_PARA_NUMBER = re.compile(r"[^\S\n]*(\d{1,3})\.(?=[^\S\n]|\()")
_REF_LABEL = re.compile(r"[^\S\n]*(?:REFS?|REF\(S\)|REFTELS?)[^\S\n]*:", re.IGNORECASE)
_MANGLED_LETTER = re.compile(r"[^\S\n]*(1)[A-Z][.)][^\S\n]")
_PAGE_LINE = re.compile(
    r"[^\S\n]*(?:PAGE[^\S\n]+\d{1,3}[^\S\n]+[A-Z][A-Z .]*\d"
    r"|[A-Z][A-Z .]*?[^\S\n]+\d{8}[^\S\n]+\d{3}(?:\.\d+)?[^\S\n]+OF[^\S\n]+\d{3})[^\n]*$"
)
_TRAILER_LINE = re.compile(
    r"[^\S\n]*(?:End Cable Text|Declassified/Released US Department of State[^\n]*)[^\S\n]*$",
    re.IGNORECASE,
)
_HEADER_KEYWORD = re.compile(
    r"(?<=\S)([^\S\n]+)(?=(?:E\.O\.[^\S\n]*\d|TAGS:|SUBJECT:|REF:|Classified By:))"
    r"|(?<=SIPDIS)()(?=E\.O\.)"
)
_BANNER_SIPDIS = re.compile(r"(?<=\S)([^\S\n]+)(?=SIPDIS\b)")
_HEADER_START = re.compile(
    r"[^\S\n]*(?:S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS|SIPDIS|E\.O\.|TAGS:)",
    re.IGNORECASE,
)
_HEADER_LINES = 80


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
    lines = original.split("\n")
    offset = 0
    in_refs = False
    header_open = True
    numbered: list[tuple[int, re.Match]] = []
    for index, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if line.endswith("\r"):
            edits.append(Artifact(CARRIAGE_RETURN, start + len(line) - 1, start + len(line), "\r"))
            line = line[:-1]
        if line.endswith("\\"):
            cut = len(line.rstrip("\\ \t"))
            edits.append(Artifact(LINE_END_BACKSLASH, start + cut, start + len(line), line[cut:]))
            line = line[:cut]
        if _PAGE_LINE.match(line) or _TRAILER_LINE.match(line):
            kind = PAGE_LINE if _PAGE_LINE.match(line) else TRAILER_LINE
            end = min(start + len(lines[index]) + 1, len(original))
            edits = [e for e in edits if e.start < start]
            edits.append(Artifact(kind, start, end, original[start:end]))
            continue
        mark = _PARA_MARK.match(line)
        body_from = 0
        if mark:
            edits.append(Artifact(PARAGRAPH_MARK, start + mark.start(1), start + mark.end(1), mark.group(1)))
            body_from = mark.end(1)
        if not line.strip():
            in_refs = False
            continue
        if _REF_LABEL.match(line):
            in_refs = True
        rest = line[body_from:]
        number = _PARA_NUMBER.match(rest)
        if number:
            header_open = False
            numbered.append((start + body_from, number))
        elif in_refs:
            letter = _MANGLED_LETTER.match(rest)
            if letter:
                at = start + body_from + letter.start(1)
                edits.append(Artifact(MANGLED_LETTER, at, at + 1, "1"))
        if header_open and index < _HEADER_LINES:
            splits = list(_HEADER_KEYWORD.finditer(line))
            if _HEADER_START.match(line):
                splits += _BANNER_SIPDIS.finditer(line)
            for split in splits:
                group = 1 if split.group(1) is not None else 2
                edits.append(
                    Artifact(FLATTENED_HEADER, start + split.start(group), start + split.end(group),
                             split.group(group), "\n")
                )
    edits.extend(_mangled_numbers(numbered))
    if not original.endswith("\n"):
        edits.append(Artifact(FINAL_NEWLINE, len(original), len(original), "", "\n"))
    edits.sort(key=lambda e: (e.start, e.end))
    pieces = []
    cursor = 0
    plain_edits = []
    for edit in edits:
        if edit.start < cursor:
            continue
        pieces.append(original[cursor:edit.start])
        pieces.append(edit.replacement)
        plain_edits.append((edit.start, edit.end, edit.replacement))
        cursor = edit.end
    pieces.append(original[cursor:])
    text = "".join(pieces)
    artifacts = tuple(e for e in edits if e.kind not in (CARRIAGE_RETURN, FINAL_NEWLINE))
    return Normalised(original, text, artifacts, OffsetMap(original, plain_edits))


def _mangled_numbers(numbered: list[tuple[int, re.Match]]) -> list[Artifact]:
    """The ``¶``-became-``1`` run: paragraphs ``11.``, ``12.`` ... ``110.`` for 1, 2 ... 10."""
    if not numbered or numbered[0][1].group(1) != "11":
        return []
    previous = 0
    for _, match in numbered:
        digits = match.group(1)
        if len(digits) < 2 or digits[0] != "1" or int(digits[1:]) <= previous:
            return []
        previous = int(digits[1:])
    return [
        Artifact(MANGLED_NUMBER, line_start + match.start(1), line_start + match.start(1) + 1, "1")
        for line_start, match in numbered
    ]
