"""H002 prosign-invalid: an unknown prosign, or an info prosign above the action prosign.

What it checks:
    The prosigns before the date-time group are ``Z`` (FLASH), ``O`` (IMMEDIATE, also for
    NIACT IMMEDIATE), ``P`` (PRIORITY) or ``R`` (ROUTINE). With two prosigns the first is for
    the action (TO) addressees and the second for the information (INFO) addressees, and the
    second may not be higher than the first (``O P`` and ``P R`` are right, ``R O`` is not).
    At most two prosigns: the grammar reads no more (a third is a syntax error, E001).
    Whether the prosigns agree with the addressees' precedence words is H004's.

Why:
    The prosign is what the communications system routes and alerts on; an unknown one is not
    handled, and information copies must not travel faster than the action copy.

Example:
    ``R O 041820Z JAN 10``. Clean: ``P R 041820Z JAN 10``.

Fix:
    No fix: which precedence was meant needs the drafter.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Prosign meanings [NAVY-PREC; FAH2-320 H-321.2-1]; info precedence not above action
    [ARMY-SS0656]; observed pairs ``O P``, ``P R`` [CM]; spec/cable-format.md 3.1;
    spec/rules.md H002.
"""

from ..addresses import PROSIGN_NAMES, PROSIGN_RANK
from ..diagnostics import Severity
from .base import Rule


def named(prosign: str) -> str:
    return f"{prosign} ({PROSIGN_NAMES[prosign]})"


class ProsignInvalid(Rule):
    code = "H002"
    name = "prosign-invalid"
    severity = Severity.ERROR
    summary = "unknown prosign or inverted dual precedence"

    def check(self, cable, settings):
        for dtg in cable.dtgs:
            for prosign in dtg.prosigns:
                if prosign.text not in PROSIGN_NAMES:
                    yield self.finding(
                        f"unknown prosign '{prosign.text}': use Z (FLASH), O (IMMEDIATE), "
                        "P (PRIORITY) or R (ROUTINE)", prosign.span)
            if len(dtg.prosigns) == 2:
                action, info = (p.text for p in dtg.prosigns)
                if {action, info} <= PROSIGN_NAMES.keys() and (
                        PROSIGN_RANK[info] > PROSIGN_RANK[action]):
                    yield self.finding(
                        f"info prosign {named(info)} is higher than action prosign "
                        f"{named(action)}", dtg.prosigns[1].span)
