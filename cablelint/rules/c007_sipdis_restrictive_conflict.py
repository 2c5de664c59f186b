"""C007 sipdis-restrictive-conflict: SIPDIS together with NODIS or EXDIS.

What it checks:
    The caption area (caption lines under the banner, and captions on the banner line)
    does not hold SIPDIS together with NODIS or EXDIS. Reported once, on the first SIPDIS.

Why:
    SIPDIS releases the cable to SIPRNet readers across the government; NODIS and EXDIS
    restrict it to named offices. The two cannot both apply: the drafter must choose (the
    restrictive caption prevails if both appear, so SIPDIS is misleading).

Example:
    ``EXDIS`` / ``SIPDIS``. Clean: ``SIPDIS`` alone (or ``EXDIS`` alone).

Fix:
    No fix: which caption stays is the drafter's choice.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    [STATE-05-226504 para 2b]; spec/rules.md C007.
"""

from ..diagnostics import Severity
from ..markings import caption_area
from .base import Rule


class SipdisRestrictiveConflict(Rule):
    code = "C007"
    name = "sipdis-restrictive-conflict"
    severity = Severity.ERROR
    summary = "SIPDIS combined with NODIS or EXDIS"

    def check(self, cable, settings):
        if not cable.captions and not (cable.banner and cable.banner.handling):
            return
        area = caption_area(cable)
        sipdis = area.named("SIPDIS")
        restrictive = area.named("NODIS", "EXDIS")
        if sipdis and restrictive:
            token = sipdis[0]
            yield self.finding(
                f"SIPDIS with {restrictive[0].name}: a NODIS or EXDIS cable is not for SIPRNet "
                "distribution; keep one of the two",
                cable.source.offsets.original_span(token.start, token.end))
