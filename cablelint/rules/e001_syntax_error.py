"""E001 syntax-error: the grammar cannot read part of the cable.

What it checks:
    The cable is read with ``grammar/cable.lark``. Where an element is recognised by its start
    (a precedence prosign, a banner word, ``SECTION``) but what follows is not of its form,
    the line is reported with what was expected, in the format's words, and what was found.
    The parse then goes on past that line, so several problems are reported in one run.

Why:
    A header element that is present but malformed would otherwise be read as free text and
    its later checks would silently not run.

Example:
    ``O 201106Z 08`` (no month) gives ``expected the month of the date-time group, such as
    MAR, found '08'``. Forms the grammar reads but the format does not allow (``O 2011Z MAR
    08``, a banner serial of four digits) are left to the rules of their element.

Fix:
    No fix: the drafter must write the element in its form.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    DESIGN.md (syntax errors are diagnostics); spec/cable-format.md section 7.
"""

from ..diagnostics import Severity
from .base import Rule


class SyntaxErrorRule(Rule):
    code = "E001"
    name = "syntax-error"
    severity = Severity.ERROR
    summary = "the grammar cannot read part of the cable"

    def check(self, cable, settings):
        for problem in cable.syntax_problems:
            yield self.finding(problem.message, problem.span)
