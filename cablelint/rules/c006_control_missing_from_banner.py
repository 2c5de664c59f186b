"""C006 control-missing-from-banner: a portion's control is not rolled up to the top.

What it checks:
    A portion (SUBJECT or paragraph) marked with a NOFORN control (``(S/NF)``,
    ``(C//NOFORN)``, ``(SBU/N)``) needs ``NOFORN`` in the caption area: a caption line, a
    handling line under the banner, or the banner line after the serial. A portion marked
    ``REL ...`` needs a REL line there, or NOFORN (which is stricter). Reported once per
    control, on the first portion that carries it.

Why:
    Dissemination controls of the portions appear at the top of the document after the
    classification, so that whoever handles the cable sees them before reading; a NOFORN
    portion in a cable without the NOFORN caption may be passed to foreign readers.

Example:
    Banner ``S E C R E T ANKARA 000123``, captions ``SIPDIS``, paragraph
    ``4. (S/NF) ...``. Clean: captions ``NOFORN`` / ``SIPDIS``.

Fix:
    Unsafe (applied with ``--unsafe-fixes`` only), for NOFORN: insert a ``NOFORN`` caption
    line under the banner, before the other captions. It adds a dissemination control to
    the whole cable, which widens the portion's restriction to every reader of it: a
    decision the drafter confirms. A missing REL line has no fix (the list of countries is
    the drafter's).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Control markings at the top after the classification [CFR2001 2001.24(j)(3)]; NOFORN
    marking duty [STATE-05-226504 para 2d]; spec/rules.md C006.
"""

from ..diagnostics import Edit, Fix, Severity
from ..markings import caption_area, line_end, mark_control, portion_marks
from .base import Rule


class ControlMissingFromBanner(Rule):
    code = "C006"
    name = "control-missing-from-banner"
    severity = Severity.ERROR
    fixable = "yes"
    summary = "portion control not rolled up to the caption area"

    def check(self, cable, settings):
        first = {}
        for mark in portion_marks(cable):
            kind = mark_control(mark)
            if kind in ("noforn", "n"):
                first.setdefault("noforn", mark)
            elif kind == "rel":
                first.setdefault("rel", mark)
        if not first:
            return
        area = caption_area(cable)
        if "noforn" in first and not area.has_noforn():
            mark = first["noforn"]
            yield self.finding(f"portion marked '{mark.text}' but the cable has no NOFORN "
                               "caption", mark.span, fix=self.insert_noforn(cable, area))
        if "rel" in first and not (area.has_rel() or area.has_noforn()):
            mark = first["rel"]
            yield self.finding(f"portion marked '{mark.text}' but the caption area has no REL "
                               "line", mark.span)

    @staticmethod
    def insert_noforn(cable, area):
        if area.banner is None:
            return None
        at = line_end(cable.original, area.banner.span.end)
        return Fix((Edit(at, at, "\n\nNOFORN"),), safe=False,
                   description="add a NOFORN caption line under the banner")
