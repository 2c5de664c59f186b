"""P002 para-sequence: gaps or repeats in paragraph numbers.

What it checks:
    Each numbered body paragraph is numbered one more than the numbered paragraph before it.
    A gap (``2.`` then ``4.``) and a repeat (``3.`` then ``3.``) are reported at the paragraph
    that breaks the run, with the number expected there. A number that the line wrapping put
    at the start of a line (``... on November`` / ``8. He said ...``: no blank line before
    it, the line above stops mid-sentence, and it is not the next number) is text, not a
    paragraph (see ``cablelint/body.py``).

Why:
    Paragraphs are numbered consecutively; a gap suggests a lost paragraph and makes
    cross-references ("para 4") unreliable.

Example:
    ``2. (S) ...`` followed by ``4. (S) ...``. Clean: ``2. (S) ...`` then ``3. (S) ...``.

Fix:
    Renumber the paragraphs 1, 2, 3 ... and rewrite the in-text references to them
    (``para 4``, ``paras 3 and 4``, ``paragraph 4-5``) to the new numbers. Safe when every
    reference names exactly one paragraph; a reference to a number no paragraph (or two
    paragraphs) carried is left as written and listed in the fix's description, and the
    fix is then unsafe. One fix, carried by the first finding (see ``cablelint/renumber.py``).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.2b [FAH1-240]; spec/rules.md P002.
"""

from ..body import read_body
from ..diagnostics import Severity
from .base import Rule


class ParaSequence(Rule):
    code = "P002"
    name = "para-sequence"
    severity = Severity.ERROR
    fixable = "renumber"
    summary = "gaps or duplicates in paragraph numbers"

    def check(self, cable, settings):
        previous = None
        fix = None
        for paragraph in read_body(cable).numbered_paragraphs:
            number = paragraph.value
            if number is None:
                continue
            if previous is not None and number != previous + 1:
                kind = "repeats" if number <= previous else "skips"
                first = fix is None
                if first:
                    from ..renumber import renumber_fix  # here: most cables never need it

                    fix = renumber_fix(cable)
                yield self.finding(
                    f"paragraph {number} follows paragraph {previous} ({kind}); "
                    f"expected {previous + 1}", paragraph.number.span,
                    fix=fix if first else None)
            previous = number
