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
from itertools import compress

from ..body import SUMMARY, delimiters, first_line, read_body
from ..diagnostics import Severity
from ..model import Paragraph
from .base import Rule

TELEGRAM_WIDTH = 69
_KEY_POINTS = re.compile(r"\W{0,4}key points\b", re.IGNORECASE)


def telegram_lines(text: str) -> int:
    """Lines of ``text`` as sent: a line longer than 69 characters counts as its wrapped lines."""
    return text.count("\n") + 1 + _wrapped_lines(text)


def _wrapped_lines(text: str) -> int:
    """The lines that wrapping at 69 characters adds to ``text``."""
    if len(text) <= TELEGRAM_WIDTH:
        return 0
    lines = text.split("\n")
    long_lines = compress(lines, map(TELEGRAM_WIDTH.__lt__, map(len, lines)))
    return sum((len(line.rstrip()) - 1) // TELEGRAM_WIDTH for line in long_lines)


class SummaryMissing(Rule):
    code = "P007"
    name = "summary-missing"
    severity = Severity.WARNING
    summary = "long cable without a summary"
    options = {"max_lines": 63}

    def check(self, cable, settings):
        body = read_body(cable)
        span = body.span
        if span is None:
            return
        limit = self.option(settings, "max_lines")
        text = cable.original[span.start:span.end]
        lines = text.count("\n") + 1
        if lines <= limit and lines + _wrapped_lines(text) <= limit:
            return  # (wrapped lines only add to the line count: they are counted when needed)
        if any(_KEY_POINTS.match(item.text.text) for item in body.items[:3] if item.text):
            return
        if any(SUMMARY in d.kinds for d in delimiters(cable, body)):
            return
        first = body.items[0]
        place = first.number.span if isinstance(first, Paragraph) and first.number else first_line(
            cable, first.span)
        yield self.finding(f"body runs to {telegram_lines(text)} telegram lines (over {limit}) "
                           "and has no Summary", place)
