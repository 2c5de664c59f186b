"""D008 decl-beyond-ten-years: the declassification date is more than ten years out.

What it checks:
    Under an order that allows up to 25 years (E.O. 12958 as amended, from 2003-03-25, and
    E.O. 13526, as in force on the cable's own date), a DECL date more than 10 years and at
    most 25 years after the cable's date: 10 y < DECL - date <= 25 y. Ten years to the day
    is not reported; 29 February plus whole years falls on 28 February. Beyond 25 years is
    D007's error; under the original E.O. 12958 (ten years, unless exempted) and the older
    orders the range means something else and is not reported here.

Why:
    The classifier should first seek a date under ten years, ordinarily use ten years, and
    go up to 25 years only when the sensitivity of the information requires it; a long date
    is worth a second look (information only).

Example:
    ``O 201106Z MAR 08`` with ``DECL: 03/20/2033`` (25 years). Clean:
    ``DECL: 03/20/2018``.

Fix:
    No fix: the date is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike: the cable is judged by its own date-time group.

Source:
    32 CFR 2001.12(a)(1)(i)-(iii) [CFR2001]; spec/rules.md D008.
"""

from ..dates import add_years, cable_date
from ..declassification import decl_date, governing_order
from ..diagnostics import Severity
from .base import Rule

_USUAL_YEARS = 10


class DeclBeyondTenYears(Rule):
    code = "D008"
    name = "decl-beyond-ten-years"
    severity = Severity.INFO
    summary = "DECL more than 10 years out"

    def check(self, cable, settings):
        found = decl_date(cable)
        sent = cable_date(cable)
        if found is None or sent is None:
            return
        order = governing_order(cable)
        value = found.written.value(sent.year)
        if value is None or order is None or order.max_years is None:
            return
        if order.max_years <= _USUAL_YEARS:
            return
        if add_years(sent, _USUAL_YEARS) < value <= add_years(sent, order.max_years):
            yield self.finding(
                f"DECL date {value.isoformat()} is more than 10 years after the cable's date "
                f"{sent.isoformat()}: 10 years or less is the usual period", found.span)
