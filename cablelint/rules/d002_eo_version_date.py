"""D002 eo-version-date: the E.O. line cites an order that was not in force on the cable's date.

What it checks:
    The order number of the E.O. line is the order that governed new classifications on the
    date of the cable's own date-time group (spec/cable-format.md section 6): E.O. 11652 to
    1978-11-30, E.O. 12065 from 1978-12-01, E.O. 12356 from 1982-08-01, E.O. 12958 from
    1995-10-14 to 2010-06-26 (the 2003 amendment kept the number), E.O. 13526 from
    2010-06-27. Around each change of number there is a transition window of ``grace_days``
    on either side of the first day of the new order: citing the other of the two orders
    inside it is a warning (a post still using the old order for a few weeks, or a drafter
    anticipating the new one), outside it an error.

    Not judged here: a cable without a readable date-time group (H001) or dated before
    E.O. 11652; an unknown order number such as ``1295`` (D001); an E.O. line that is an
    archival declassification stamp (``E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21,
    2006``), which cites the order of the later review.

Why:
    The order is the legal authority of the classification; it decides the reason categories
    and the declassification rules that apply (D007, D009, D012).

Example:
    ``E.O. 13526: DECL: 03/20/2033`` on a cable dated ``201106Z MAR 08``. Clean:
    ``E.O. 12958: DECL: 03/20/2033``.

Fix:
    Unsafe, and only outside every transition window: replace the order number by the order
    in force on the cable's date (``13526`` -> ``12958``). It is unsafe because it changes
    the legal authority cited, and the date-time group may be the part that is wrong.
    No fix inside the window.

Options:
    grace_days (default ``30``): days on either side of the first day of a new order in
    which citing the neighbouring order is a warning instead of an error.

Profiles:
    Both profiles alike: the cable is judged by its own date-time group.

Source:
    78 STATE 296107 [STATE-78-296107]; 5 FAM 481.1 [FAM5-480]; 32 CFR 2001 authority line
    (75 FR 37254) [CFR2001]; spec/cable-format.md section 6; spec/rules.md D002.
"""

import datetime
from functools import cache

from .. import codes
from ..dates import cable_date
from ..declassification import KNOWN_ORDERS, declassification, governing_order
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


@cache
def transitions() -> tuple[tuple[datetime.date, str, str], ...]:
    """Each change of order number: (first day of the new order, old number, new number)."""
    orders = codes.executive_orders()
    return tuple((new.in_force_from, old.order, new.order)
                 for old, new in zip(orders, orders[1:]) if old.order != new.order)


class EoVersionDate(Rule):
    code = "D002"
    name = "eo-version-date"
    severity = Severity.ERROR
    fixable = "when unambiguous"
    summary = "wrong executive order for the cable date"
    options = {"grace_days": 30}

    def check(self, cable, settings):
        reading = declassification(cable)
        sent = cable_date(cable)
        if reading is None or sent is None or reading.order not in KNOWN_ORDERS:
            return
        expected = governing_order(cable)
        if expected is None or reading.order == expected.order or reading.review_stamp:
            return
        span = reading.line.order.span
        grace = self.option(settings, "grace_days")
        near = [(start, old, new) for start, old, new in transitions()
                if abs((sent - start).days) <= grace]
        for start, old, new in near:
            if {reading.order, expected.order} == {old, new}:
                days = (sent - start).days
                when = f"{days} days after" if days >= 0 else f"{-days} days before"
                yield self.finding(
                    f"E.O. {reading.order} cited on a cable dated {sent.isoformat()}, {when} "
                    f"E.O. {new} took effect ({start.isoformat()}): check which order applies",
                    span, severity=Severity.WARNING)
                return
        fix = None
        if not near:
            fix = Fix((Edit(span.start, span.end, expected.order),), safe=False,
                      description=f"cite E.O. {expected.order}")
        yield self.finding(
            f"E.O. {reading.order} did not govern new classifications on {sent.isoformat()}: "
            f"cite E.O. {expected.order}", span, fix=fix)
