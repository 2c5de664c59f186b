"""D006 decl-not-after-cable: the declassification date is not after the cable's date.

What it checks:
    The DECL date is later than the date of the cable's own date-time group. A cable without
    a readable date-time group or DECL date is not judged here (H001 and D005 report those).

Why:
    The declassification period runs from the original decision; a date on or before the
    cable's own date declassifies it at birth, which is almost always a typo.

Example:
    ``O 201106Z MAR 08`` with ``DECL: 03/20/2007``. Clean: ``DECL: 03/20/2018``.

Fix:
    No fix: the date is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    32 CFR 2001.12(a)(1) [CFR2001; CFR2001-2004]; spec/rules.md D006.
"""

from ..dates import cable_date
from ..declassification import decl_date
from ..diagnostics import Severity
from .base import Rule


class DeclNotAfterCable(Rule):
    code = "D006"
    name = "decl-not-after-cable"
    severity = Severity.ERROR
    summary = "declassification date not in the future"

    def check(self, cable, settings):
        found = decl_date(cable)
        sent = cable_date(cable)
        if found is None or sent is None:
            return
        value = found.written.value(sent.year)
        if value is not None and value <= sent:
            yield self.finding(
                f"DECL date {value.isoformat()} is not after the cable's date "
                f"{sent.isoformat()}", found.span)
