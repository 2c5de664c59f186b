"""D009 decl-exemption-invalid: an exemption or indefinite marking the order does not allow.

What it checks:
    Each marking written after ``DECL:`` or ``DNG:`` against the order in force on the
    cable's own date:

    - ``OADR`` and ``MR`` (indefinite) only under E.O. 12356 or an earlier order (to
      1995-10-13);
    - ``X1`` to ``X8`` (also ``1.6X1``) only under the original E.O. 12958
      (1995-10-14 to 2003-03-24);
    - ``50X1-HUM`` and ``50X2-WMD`` only under E.O. 13526 (from 2010-06-27);
    - any ``25X...`` marking (``25X1``, ``25X1-HUMAN``): a warning on every cable, since a
      25X exemption on a newly classified cable needs the approval of the Interagency
      Security Classification Appeals Panel.

    A cable without a readable date-time group is judged on its 25X markings only.

Why:
    An indefinite or exemption marking of another order keeps a record closed without legal
    basis; prior-order markings are to be replaced by a date.

Example:
    A 2005 cable with ``E.O. 12958: DECL: OADR``. Clean: a 1992 cable with
    ``E.O. 12356: DECL: OADR``.

Fix:
    No fix: the replacement date is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike: the cable is judged by its own date-time group.

Source:
    32 CFR 2001.12(c)(2), 2001.22(e)(3) (prior-order markings), 2001.12(a)(2),
    2001.21(a)(4)(iii-iv) (50X), 2001.26(a)(4) (25X after Panel approval) [CFR2001];
    observed ``E.O. 12356: DECL: OADR`` (1992), ``DECL: X1, X5`` (2002) [CM];
    spec/rules.md D009.
"""

from ..dates import cable_date
from ..declassification import governing_order, marking_allowed, markings, order_name
from ..diagnostics import Severity
from .base import Rule

_ALLOWED_UNDER = {
    "indefinite": "E.O. 12356 and earlier orders",
    "X": "the original E.O. 12958 (to 2003-03-24)",
    "50X": "E.O. 13526",
}


class DeclExemptionInvalid(Rule):
    code = "D009"
    name = "decl-exemption-invalid"
    severity = Severity.ERROR
    summary = "exemption/indefinite marking not allowed for this order"

    def check(self, cable, settings):
        found = markings(cable)
        if not found:
            return
        sent = cable_date(cable)
        order = governing_order(cable)
        for marking in found:
            if marking.kind == "25X":
                yield self.finding(
                    f"'{marking.text}' on a newly classified cable needs ISCAP approval: give "
                    "a date or event", marking.span, severity=Severity.WARNING)
            elif order is not None and not marking_allowed(marking, order):
                yield self.finding(
                    f"'{marking.text}' is allowed only under {_ALLOWED_UNDER[marking.kind]}, "
                    f"not under {order_name(order)} in force on {sent.isoformat()}",
                    marking.span)

