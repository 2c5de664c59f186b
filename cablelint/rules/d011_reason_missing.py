"""D011 reason-missing: the "Classified By" block gives no classification reason.

What it checks:
    In a CONFIDENTIAL, SECRET or TOP SECRET cable, the "Classified By" block cites a reason:
    a section number and at least one category letter (``Reasons 1.4 (b) and (d)``).
    Reported: no reason at all (``Classified By: Glyn T. Davies``, ``REASON:`` with nothing
    after it), a section without letters (``Reason: 1.4``), letters without a section
    (``for reasons (b) and (d)``). Whether the section and letters are right for the order
    is D012's; a missing block is D010's. A derivative classification (``Derived from
    ...``) cites its source instead of a reason and is not reported.

Why:
    The reason ties the classification to one of the categories the order allows; without
    it the classification has no stated basis.

Example:
    ``Classified By: Glyn T. Davies``. Clean:
    ``Classified By: Glyn T. Davies, reasons 1.4 (b) and (d)``.

Fix:
    No fix: the reason is a classifier's decision.

Options:
    None.

Profiles:
    draft: every block is judged.
    archive: a block the release cut short (``Classified By: Ambassador ...``) is not
    judged.

Source:
    5 FAH-1 H-240 [FAH1-240]; 32 CFR 2001.21(a)(3) [CFR2001]; observed defects
    07STATE156455, 08NAIROBI232 [CM]; spec/rules.md D011.
"""

from ..declassification import governing_order
from ..diagnostics import Severity
from ..reasons import judged_block
from .base import Rule


class ReasonMissing(Rule):
    code = "D011"
    name = "reason-missing"
    severity = Severity.ERROR
    summary = "no classification reason"

    def check(self, cable, settings):
        block = judged_block(cable, settings)
        if block is None or block.derived:
            return
        reason = block.reason
        order = governing_order(cable)
        section = order.reason_section if order and order.reason_section else "1.4"
        if reason is None or (reason.section is None and not reason.letters):
            yield self.finding(f"'Classified By' gives no reason: add 'Reason {section} (x)' "
                               "with the category letter(s)", block.label)
        elif reason.section is None:
            yield self.finding(f"reason has letters but no section number: write "
                               f"'{section}' before them", reason.notation_span)
        elif not reason.letters:
            yield self.finding(f"reason {reason.section_value} gives no category letter",
                               reason.section_span)
