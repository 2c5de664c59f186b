"""D007 decl-exceeds-maximum: declassification beyond the longest period the order allows.

What it checks:
    The order in force on the cable's own date (its date-time group) sets the maximum:
    E.O. 12958 as amended (2003-03-25 to 2010-06-26) and E.O. 13526 (from 2010-06-27):
    25 years, and 75 years for ``50X1-HUM`` or ``50X2-WMD`` under E.O. 13526; the original
    E.O. 12958 (1995-10-14 to 2003-03-24): 10 years, unless an ``X1``-``X8`` exemption is
    given. The limit itself is allowed (25 years to the day is within it); 29 February plus
    whole years falls on 28 February.

Why:
    A date beyond the maximum is not a valid classification decision and keeps the record
    closed longer than the law allows.

Example:
    A 2004 cable with ``DECL: 06/01/2034``. Clean: ``DECL: 06/01/2029``.

Fix:
    No fix: the date is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    32 CFR 2001.12(a)(1)(iii), (a)(2) [CFR2001]; CFR2001-2004 2001.12(a)(1); 5 CFR
    1312.6(a)(1) [CFR1312]; observed 04ROME3708 [CM]; spec/rules.md D007.
"""

from ..dates import add_years, cable_date
from ..declassification import decl_date, declassification, governing_order
from ..diagnostics import Severity
from .base import Rule


class DeclExceedsMaximum(Rule):
    code = "D007"
    name = "decl-exceeds-maximum"
    severity = Severity.ERROR
    summary = "declassification beyond the allowed duration"

    def check(self, cable, settings):
        found = decl_date(cable)
        sent = cable_date(cable)
        if found is None or sent is None:
            return
        value = found.written.value(sent.year)
        order = governing_order(cable)
        if value is None or order is None or order.max_years is None:
            return
        exemptions = declassification(cable).exemptions
        years = order.max_years
        if order.key == "12958" and any(e.replace("1.6", "").startswith("X") for e in exemptions):
            return
        if order.order == "13526" and {"50X1-HUM", "50X2-WMD"} & set(exemptions):
            years = order.marked_max_years or 75
        limit = add_years(sent, years)
        if value > limit:
            yield self.finding(
                f"DECL date {value.isoformat()} is more than {years} years after the cable's "
                f"date {sent.isoformat()} (E.O. {order.order} allows up to {limit.isoformat()})",
                found.span)
