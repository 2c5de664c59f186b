"""P007 summary-missing: a long cable has no summary.

What it checks:
    A body longer than ``max_lines`` telegram lines (default 63: three pages of 21 lines) has
    a Summary: a ``Summary:`` opener, a ``Summary`` heading or an ``End Summary`` (the
    delimiters P006 reads), or a ``Key Points`` paragraph at the start (the summary of many
    Embassy Cairo cables). The body runs from its first paragraph or block to its last
    (``NNNN`` and release trailers left out); blank lines count, and a line longer than 69
    characters counts as the lines it takes when wrapped at 69, so a release that re-flowed
    each paragraph into one long line is measured as sent.

Why:
    A telegram of more than three pages opens with a summary, so that readers who stop after
    the first paragraph still get the point.

Example:
    A 90-line body with no summary. Clean: ``1. (C) Summary: ... End Summary.`` at the start.

Fix:
    No fix: a summary has to be written.

Options:
    ``max_lines`` (default 63): the longest body, in telegram lines, that needs no summary.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.3a [FAH1-240]; page size [ITA]; spec/rules.md P007.
"""

import re
from bisect import bisect_right
from itertools import accumulate, compress
from operator import sub

from .. import regex
from ..body import SUMMARY, delimiters, first_line, read_body
from ..diagnostics import Severity
from ..model import Paragraph
from .base import Rule

TELEGRAM_WIDTH = 69
_KEY_POINTS = regex.compile(r"\W{0,4}key points\b", re.IGNORECASE)


def telegram_lines(text: str) -> int:
    """Lines of ``text`` as sent: a line longer than 69 characters counts as its wrapped lines."""
    bounds = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
    return len(bounds) - 1 + _wrapped(text, bounds)


def _line_bounds(line_starts: list[int], start: int, end: int) -> list[int]:
    """Where the lines of ``original[start:end]`` start, and ``end + 1`` (as if a line end
    followed): consecutive bounds are a line's length plus one. Read from the original's line
    starts, so the text is neither copied nor split."""
    inside = line_starts[bisect_right(line_starts, start):bisect_right(line_starts, end)]
    return [start, *inside, end + 1]


def _wrapped(text: str, bounds: list[int]) -> int:
    """The lines that wrapping at 69 characters adds to the text between the first and the
    last of ``bounds`` (as made by :func:`_line_bounds`)."""
    sizes = map(sub, bounds[1:], bounds)  # each line's length plus one
    added = 0
    for i in compress(range(len(bounds) - 1), map((TELEGRAM_WIDTH + 1).__lt__, sizes)):
        start, end = bounds[i], bounds[i + 1] - 1
        if text[end - 1].isspace():  # blanks at the end of a line do not count
            end = start + len(text[start:end].rstrip())
        added += (end - start - 1) // TELEGRAM_WIDTH
    return added


class SummaryMissing(Rule):
    code = "P007"
    name = "summary-missing"
    severity = Severity.WARNING
    summary = "long cable without a summary"
    options = {"max_lines": 63}

    def check(self, cable, settings):
        body = read_body(cable)
        items = body.items
        if not items:
            return
        # first what settles most cables for little: a Key Points paragraph, a Summary among
        # the delimiters (read for P006 already); then the length, wrapped lines included
        for item in items[:3]:
            if item.text and _KEY_POINTS.match(item.text.text):
                return
        for delimiter in delimiters(cable, body):
            if SUMMARY in delimiter.kinds:
                return
        limit = self.option(settings, "max_lines")
        bounds = _line_bounds(cable.source.offsets.line_starts, items[0].span.start,
                              items[-1].span.end)  # the body's span
        telegram = len(bounds) - 1 + _wrapped(cable.original, bounds)  # telegram_lines()
        if telegram <= limit:
            return
        first = body.items[0]
        place = first.number.span if isinstance(first, Paragraph) and first.number else first_line(
            cable, first.span)
        yield self.finding(f"body runs to {telegram} telegram lines (over {limit}) "
                           "and has no Summary", place)
