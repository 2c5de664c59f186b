"""P003 single-para-numbered: a one-paragraph cable numbers its only paragraph.

What it checks:
    The body has exactly one paragraph and it is numbered ``1.``. Paragraphs are counted as
    P004 counts portions (see ``cablelint/body.py``): numbered or marked paragraphs and
    unnumbered prose blocks; headings, the signature, list items and blocks that continue a
    paragraph (after a page break) do not count.

Why:
    Paragraphs are numbered only when there are two or more; a single paragraph stands
    unnumbered, with its portion mark first.

Example:
    ``1. (U) Post concurs.`` as the only paragraph. Clean: ``(U) Post concurs.``.

Fix:
    Safe: delete the number and the blanks after it; the portion mark stays where it was,
    now at the start of the paragraph (``1. (U) Post concurs.`` -> ``(U) Post concurs.``).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.2b [FAH1-240]; spec/rules.md P003.
"""

from ..body import read_body
from ..diagnostics import Edit, Fix, Severity
from ..model import Paragraph
from .base import Rule


class SingleParaNumbered(Rule):
    code = "P003"
    name = "single-para-numbered"
    severity = Severity.INFO
    fixable = "yes"
    summary = "a one-paragraph cable is numbered"

    def check(self, cable, settings):
        portions = read_body(cable).portions
        if len(portions) != 1:
            return
        paragraph = portions[0].head
        if not isinstance(paragraph, Paragraph) or paragraph.value != 1:
            return
        number = paragraph.number.span
        rest = paragraph.portion_mark or paragraph.text
        end = rest.span.start if rest is not None else number.end
        fix = Fix((Edit(number.start, end, ""),), safe=True,
                  description="drop the number of the only paragraph")
        yield self.finding("the only paragraph is numbered '1.'; a single paragraph is not "
                           "numbered", number, fix=fix)
