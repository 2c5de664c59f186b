"""H004 precedence-mismatch: the prosigns disagree with the addressees' precedence words.

What it checks:
    The action prosign (the first before the date-time group) is the one of the highest
    precedence among the TO addressees: FLASH -> ``Z``, NIACT IMMEDIATE or IMMEDIATE -> ``O``,
    PRIORITY -> ``P``, ROUTINE or no word -> ``R``. An info prosign, when there is one, is the
    one of the highest precedence among the INFO addressees (``R`` when there are none). A
    single prosign says nothing of the INFO addressees. Not checked when a prosign is unknown
    (H002), when there is no TO list (H005), or when a precedence word on the list is unknown
    (H003); a misspelling such as ``PRIOITY`` counts as the word it stands for.

Why:
    The highest precedence of a message decides its prosign; a prosign lower than an
    addressee's precedence delays that addressee, a higher one alerts everyone needlessly.

Example:
    ``P 201106Z MAR 08`` with ``TO SECSTATE WASHDC IMMEDIATE 5948``. Clean:
    ``O 201106Z MAR 08`` with the same TO line.

Fix:
    Safe: write the prosign(s) computed from the addressee lines. None when the computed info
    prosign would be higher than the action prosign (the addressee lines need the drafter).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Highest precedence decides the prosign [FAH2-320 H-321.2-1]; prosign meanings
    [NAVY-PREC]; observed pairs (``O ...`` with ``IMMEDIATE``) [CM]; spec/cable-format.md
    3.1, 8; spec/rules.md H004.
"""

from .. import addresses
from ..addresses import PROSIGN_NAMES, PROSIGN_RANK
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class PrecedenceMismatch(Rule):
    code = "H004"
    name = "precedence-mismatch"
    severity = Severity.WARNING
    fixable = "yes"
    summary = "prosign disagrees with addressee precedences"

    def check(self, cable, settings):
        dtg = cable.dtg
        if dtg is None or not dtg.prosigns:
            return
        prosigns = dtg.prosigns
        wanted = self.expected(cable, len(prosigns))
        if all(want is None or prosign.text == want for prosign, want in zip(prosigns, wanted)):
            return  # the usual cable
        # the prosigns after every fix: a fix may not leave the info prosign above the action one
        result = [want or prosign.text for want, prosign in zip(wanted, prosigns)]
        ranks = [PROSIGN_RANK.get(prosign, 0) for prosign in result]
        fixable = len(ranks) < 2 or ranks[1] <= ranks[0]
        for index, (prosign, want) in enumerate(zip(prosigns, wanted)):
            if want is None or prosign.text not in PROSIGN_NAMES or prosign.text == want:
                continue
            role, keyword = ("action", "TO") if index == 0 else ("info", "INFO")
            fix = None
            if fixable:
                fix = Fix((Edit(prosign.span.start, prosign.span.end, want),), safe=True,
                          description=f"write the {role} prosign {want}")
            yield self.finding(
                f"{role} prosign {prosign.text} does not match the highest {keyword} "
                f"precedence {PROSIGN_NAMES[want]} (prosign {want})", prosign.span, fix=fix)

    @staticmethod
    def expected(cable, count: int) -> list[str | None]:
        """The prosigns the TO and INFO lines call for (None: cannot tell)."""
        to, info = [], []
        for address_list, _, parts in addresses.addressees(cable, "TO", "INFO"):
            (to if address_list.keyword == "TO" else info).append(parts.prosign)
        action = _highest(to) if to and None not in to else None
        return [action, _highest(info) if None not in info else None][:count]


def _highest(prosigns: list[str]) -> str:
    """The highest of some prosigns (R when there are none); quick when they are all one."""
    distinct = set(prosigns)
    return distinct.pop() if len(distinct) == 1 else addresses.highest(distinct)
