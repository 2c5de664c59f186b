"""S004 line-too-long: a line is wider than the telegram width.

What it checks:
    Every line of the cable, header and body, is at most ``width`` characters long (default
    69; 55 is the handbook's drafting width). Blanks at the end of a line are not counted.
    The finding covers the part of the line past the limit.

Why:
    Telegram lines have a fixed width: 69 characters at most, 55 by the drafting handbook.
    A longer line is broken by the terminal wherever it happens to overflow.

Example:
    A 92-character body line. Clean: the same text wrapped at 69.

Fix:
    Re-wrap body lines only, never header lines: each line of a paragraph is broken at
    blanks so that every piece fits (words stay whole; the blanks at a break become the line
    break, nothing else changes). A break is never placed so that a new line would start like
    a paragraph number (``3.``), a portion mark (``(C)``), a list dash or ``NNNN``. Safe for
    lines of numbered or marked paragraphs and of prose; unsafe for other body blocks
    (headings, lists, tables), where the layout may matter.

Options:
    ``width`` (default 69): the longest line allowed, in characters (55 for the handbook
    width).

Profiles:
    draft only. In the archive profile the rule does not run: the 2010 release re-flowed most
    paragraphs into one long line each (57% of the corpus has lines over 100 characters; the
    reference example 08BEIJING1050 has paragraphs of up to 1,101 characters on one line), so
    the width of archive text says nothing about the cable as sent.

Source:
    55 characters per line [FAH1-240 H-246.1b]; 69 maximum [ITA]; spec/rules.md S004.
"""

from bisect import bisect_right
from functools import partial
from itertools import compress
from operator import sub

from .. import regex
from ..body import CONTINUATION, PROSE, read_body
from ..diagnostics import Edit, Finding, Fix, LazyFix, Severity, Span, maker
from ..model import Paragraph
from .base import Rule

_finding = maker(Finding)
_span = maker(Span)

_HAZARD = regex.compile(r"\d{1,3}\.(?:\s|$)|\((?:U|C|S|TS|SBU)[)/]|NNNN|-|\*|o\s|\u2022")
_TABLE_GAP = regex.compile(r"\S {3,}\S")


class LineTooLong(Rule):
    code = "S004"
    name = "line-too-long"
    severity = Severity.WARNING
    fixable = "rewrap body"
    summary = "line exceeds the telegram width"
    options = {"width": 69}
    profiles = ("draft",)

    def check(self, cable, settings):
        width = self.option(settings, "width")
        original = cable.original
        line_starts = cable.source.offsets.line_starts
        # each line's length with its line end, from one line start to the next (the last
        # line counted as if it had one): no list of lines for the common cable that fits
        sizes = list(map(sub, line_starts[1:], line_starts))
        sizes.append(len(original) - line_starts[-1] + 1)
        if max(sizes) <= width + 1:
            return
        body = read_body(cable)
        items = body.items
        starts = [item.span.start for item in items]
        limit = width + 1
        for index in compress(range(len(sizes)), map(limit.__lt__, sizes)):  # long lines
            start = line_starts[index]
            line = original[start:start + sizes[index] - 1]
            length = len(line.rstrip())
            if length > width:
                line_number = index + 1
                # the body item holding the line's end, if any: no fix outside the body
                end = start + length
                item = bisect_right(starts, end - 1) - 1
                if item < 0 or items[item].span.end <= start:
                    fix = None
                else:
                    fix = LazyFix(partial(_rewrap_in, line, start, width, body, items[item]))
                yield _finding((
                    f"line is {length} characters long (limit {width})",
                    _span((line_number, limit, line_number, length + 1, start + width, end)),
                    fix, None))  # the span: the part of the line past the limit


def _rewrap_in(line: str, start: int, width: int, body, item) -> Fix | None:
    """The re-wrap fix of a line of a body item (made only if asked for: most runs never
    look at it): safe in a paragraph, continuation lines or prose."""
    safe = isinstance(item, Paragraph) or body.kind(item) in (CONTINUATION, PROSE)
    return _rewrap(line, start, width, safe)


def _rewrap(line: str, start: int, width: int, safe: bool | None) -> Fix | None:
    """Break ``line`` at blanks so that every piece fits in ``width``."""
    if safe is None:
        return None
    text = line.rstrip()
    edits = []
    begin = len(text) - len(text.lstrip())  # where the current piece begins
    while len(text) - begin > width:
        blank = _break(text, begin, width)
        if blank is None:
            break
        run_start, run_end = blank
        edits.append(Edit(start + run_start, start + run_end, "\n"))
        begin = run_end
    if not edits:
        return None
    return Fix(tuple(edits), safe=safe and not _TABLE_GAP.search(text.strip()),
               description=f"re-wrap the line at {width} characters")


def _break(text: str, begin: int, width: int) -> tuple[int, int] | None:
    """The blank run to break at: the last one that keeps the piece within ``width`` and does not
    start the next line like a paragraph number or mark; else the first one after the limit."""
    position = text.rfind(" ", begin + 1, begin + width + 1)
    while position > begin:
        run = _blank_run(text, position)
        if run[0] > begin and not _HAZARD.match(text, run[1]):
            return run
        position = text.rfind(" ", begin + 1, run[0])
    position = text.find(" ", begin + width + 1)
    while position >= 0:
        run = _blank_run(text, position)
        if run[1] < len(text) and not _HAZARD.match(text, run[1]):
            return run  # a word longer than the width stands alone
        position = text.find(" ", run[1])
    return None


def _blank_run(text: str, position: int) -> tuple[int, int]:
    start = end = position
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return start, end
