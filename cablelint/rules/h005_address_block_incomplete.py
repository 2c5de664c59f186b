"""H005 address-block-incomplete: the FM line or the TO addressees are missing, or FM is doubled.

What it checks:
    The address block has exactly one ``FM`` line and at least one ``TO`` (action)
    addressee. A block with INFO addressees but no TO list is reported as a warning: State
    sometimes repeats a cable for information only. A second FM line is an error; so, in the
    draft profile, is a cable with no address block at all. Address lines that the grammar
    could not read (they stand as free text before the banner) are counted too, so a second
    FM line or a TO list lost that way is not mistaken for a missing one.

Why:
    The originator and the action addressees say who sends the cable and who must act on it;
    without them it cannot be routed.

Example:
    ``FM AMEMBASSY BEIJING`` followed directly by ``S E C R E T BEIJING 001050``. Clean:
    ``FM AMEMBASSY BEIJING`` / ``TO SECSTATE WASHDC IMMEDIATE 5948``.

Fix:
    No fix: the addressees are the drafter's to name.

Options:
    None.

Profiles:
    draft: a cable without any address block is an error, and so is any second FM line.
    archive: a cable without an address block is accepted, as released text often lacks it
    (partial extracts), and so is a second FM line that repeats the first (database dumps
    copy the whole header); an incomplete block is still reported.

Source:
    Originator line, then action, then information addressees [FAH2-230 H-232, H-233];
    INFO-only cables observed (08STATE125686), missing zones in released text [CM];
    spec/cable-format.md 3.2, 9.3; spec/rules.md H005.
"""

from .. import addresses
from ..diagnostics import Severity
from .base import Rule


class AddressBlockIncomplete(Rule):
    code = "H005"
    name = "address-block-incomplete"
    severity = Severity.ERROR
    summary = "FM or TO missing or duplicated"

    def check(self, cable, settings):
        if addresses.unread_dtg_line(cable) is not None:
            return  # the block is there but unreadable: H001 reports its DTG line
        stray = addresses.stray_address_lines(cable)
        block = [*cable.dtgs, *cable.originators, *cable.address_lists]
        if not block and not stray:
            if settings.profile == "draft":
                first = cable.header_order[0][1] if cable.header_order else None
                if first is not None:
                    yield self.finding("no address block: the cable has no FM and no TO line",
                                       first)
            return
        from_lines = sorted([(o.span, addresses.bare(o.plad.text)) for o in cable.originators]
                            + [(span, rest) for k, span, rest in stray if k == "FM"],
                            key=lambda line: line[0].start)
        for span, plad in from_lines[1:]:
            if settings.profile == "archive" and plad == from_lines[0][1]:
                continue  # a copy of the whole header, left by the release's database dump
            yield self.finding("second FM line: a cable has one originator", span)
        fm_spans = [span for span, _ in from_lines]
        has_to = any(a.keyword == "TO" for a in cable.address_lists) or any(
            keyword == "TO" for keyword, _, _ in stray)
        if fm_spans and has_to:
            return  # the common case
        opening = min((element.span for element in block), key=lambda span: span.start,
                      default=None)
        if not fm_spans and opening is not None:
            yield self.finding("address block has no FM line", opening)
        if has_to:
            return
        lists = [(a.keyword, addresses.span_of(cable, a.span, 0, len(a.keyword)))
                 for a in cable.address_lists] + [(k, span) for k, span, _ in stray]
        info = next((span for keyword, span in lists if keyword == "INFO"), None)
        if info is not None:
            yield self.finding("address block has INFO addressees but no TO (action) addressee",
                               info, severity=Severity.WARNING)
        elif fm_spans or opening is not None:
            yield self.finding("address block has no TO (action) addressee",
                               fm_spans[0] if fm_spans else opening)
