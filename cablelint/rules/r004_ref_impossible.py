"""R004 ref-impossible: a REF citation of the cable itself or of a later cable.

What it checks:
    The cable's own ID is its banner's post and serial and the year of its date-time group
    (``08 BEIJING 1050``). Each cable cited in the REF list (as read by R003; a citation
    without a year is of the citing cable's year) must be earlier: its year is not after
    the cable's year, and a citation of the same post and year has a lower serial. Citing
    the cable's own ID, a later serial of the same post and year, or a later year is
    reported. Posts are compared as stations (``SECSTATE`` is ``STATE``). A cable without a
    date-time group or without a post and serial in its banner is not judged, nor is the
    cable's own ID written with an eight-digit serial (``TRIPOLI 00000268``: a continuation
    page line run into the REF line, not a citation).

Why:
    A cable cannot refer to itself or to traffic not yet sent: the citation is mistyped
    (often last year's serial without its year, in a January cable).

Example:
    In 08 BEIJING 1050: ``REF: A. BEIJING 1203``. Clean: ``REF: A. BEIJING 463``.

Fix:
    No fix: only the drafter knows which cable was meant.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Logic over the cable ID scheme [CM: consts.py]; self-references filtered in
    [CM: reader.py]; spec/cable-format.md sections 4.1, 4.7 and 8; spec/rules.md R004.
"""

from ..citations import citation_span, read_reference, resolve_post
from ..dates import cable_date
from ..diagnostics import Severity
from .base import Rule


class RefImpossible(Rule):
    code = "R004"
    name = "ref-impossible"
    severity = Severity.ERROR
    summary = "reference to the cable itself or to a later cable"

    def check(self, cable, settings):
        if not cable.references:
            return
        sent = cable_date(cable)
        banner = cable.banner
        if sent is None or banner is None or banner.post is None or banner.serial is None:
            return
        resolved = resolve_post(banner.post.text)
        own_station = resolved[0] if resolved else None
        own_serial = int(banner.serial.text)
        own = f"{sent.year % 100:02d} {banner.post.text.strip()} {own_serial}"
        for item in cable.references[0].references:
            reading = read_reference(item.citation.text)
            if reading.redacted:
                continue
            for cited in reading.cables:
                year = cited.year or sent.year
                if year < sent.year or (year == sent.year and (cited.station != own_station
                                                               or cited.number < own_serial)):
                    continue  # an earlier cable: the common case
                written = item.citation.text[cited.start:cited.end]
                span = citation_span(cable, item.citation, cited.start, cited.end)
                if year > sent.year:
                    yield self.finding(f"REF {written} is of {year}, after this cable "
                                       f"({own}, {sent.year})", span)
                elif cited.number == own_serial and len(cited.serial) < 8:
                    yield self.finding(f"REF {written} cites this cable itself ({own})", span)
                elif cited.number > own_serial:
                    hint = "" if cited.year else "; a cable of an earlier year needs its year"
                    yield self.finding(f"REF {written} is later than this cable ({own})"
                                       f"{hint}", span)
