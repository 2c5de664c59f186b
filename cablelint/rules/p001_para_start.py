"""P001 para-start: paragraph numbering does not start at 1.

What it checks:
    The first numbered body paragraph is ``1.``, read after release artifacts are taken out
    (X001), so ``¶1.`` and the mangled ``11.`` both count as 1. A number that the line
    wrapping put at the start of a line (``... on November`` / ``8. He said ...``: no blank
    line before it, the line above stops mid-sentence, and it is not the next number) is text,
    not a paragraph (see ``cablelint/body.py``).

Why:
    Paragraphs are numbered consecutively from 1; readers and replies cite them by number
    ("see para 4").

Example:
    A body whose first numbered paragraph is ``2. (C) ...``. Clean: ``1. (C) ...``.

Fix:
    Renumber the paragraphs from 1 and rewrite the in-text ``para N`` references, as P002's
    fix does (safe unless a reference names no paragraph; see ``cablelint/renumber.py``).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.2b [FAH1-240]; spec/rules.md P001.
"""

from ..body import read_body
from ..diagnostics import Severity
from .base import Rule


class ParaStart(Rule):
    code = "P001"
    name = "para-start"
    severity = Severity.ERROR
    fixable = "renumber"
    summary = "numbering does not start at 1"

    def check(self, cable, settings):
        numbered = read_body(cable).numbered_paragraphs
        if not numbered or numbered[0].value in (None, 1):
            return
        first = numbered[0]
        from ..renumber import renumber_fix  # here: a cable without the finding never loads it

        yield self.finding(
            f"first numbered paragraph is {first.value}; numbering starts at 1", first.number.span,
            fix=renumber_fix(cable))
