"""D004 classified-without-decl: a classified cable without a declassification instruction.

What it checks:
    A cable whose banner is CONFIDENTIAL, SECRET or TOP SECRET has an E.O. line with ``DECL:``
    (or ``DNG:``) and a date, event or exemption after it: not ``N/A``, not an empty
    instruction, not a missing line.

Why:
    Every classified document carries a "declassify on" instruction; without it the record
    can never be released on schedule.

Example:
    ``S E C R E T ...`` with ``E.O. 12958: N/A``. Clean: ``E.O. 12958: DECL: 03/20/2033``.

Fix:
    No fix: the date is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    32 CFR 2001.21(a)(4) [CFR2001]; 5 FAH-1 H-131c [FAH1-130]; spec/rules.md D004.
"""

from ..declassification import declassification
from ..diagnostics import Severity
from .base import Rule


class ClassifiedWithoutDecl(Rule):
    code = "D004"
    name = "classified-without-decl"
    severity = Severity.ERROR
    summary = "classified cable without a declassification instruction"

    def check(self, cable, settings):
        if not cable.is_classified:
            return
        reading = declassification(cable)
        level = {"C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}[cable.level]
        if reading is None:
            yield self.finding(f"{level} cable has no E.O. line with a DECL instruction",
                               cable.banner.span)
        elif reading.kind == "N/A":
            yield self.finding(f"{level} cable says N/A: a classified cable needs "
                               "'DECL: <date>'", reading.line.span)
        elif reading.kind is None or not reading.value.strip():
            yield self.finding(f"{level} cable has no declassification date, event or "
                               "exemption on its E.O. line", reading.line.span)
