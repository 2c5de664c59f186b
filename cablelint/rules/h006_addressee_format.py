"""H006 addressee-format: an addressee line is not ``[RI/]PLAD[ precedence][ MCN]``.

What it checks:
    On every TO, INFO and XMT line: a routing indicator before ``/`` is ``R`` and 4-7 capital
    letters (or the operating signal ``ZEN``, addressee served by other means), and is
    joined to the PLAD by ``/`` (not ``-``, ``\\``, ``//`` or a space); the PLAD starts with
    a known address designator (``AMEMBASSY``, ``AMCONSUL``, ``USMISSION``, ``SECSTATE``,
    ``SECDEF``, ``USINT``, ``AIT``, ``USLO``, ``HQ``, ``CDR`` ... 931 first words from the
    State handbook, the ACP 117 routing book and real traffic) or ends with ``COLLECTIVE``;
    the message continuity number (MCN) is four digits (a multi-section cable may give a
    range, ``2593-2599``). The FM line's PLAD is checked for its designator too, and must
    not carry a routing indicator. An ``XMT`` list (addressees exempted from a collective)
    must follow a ``COLLECTIVE`` addressee: directly, or at the end of the address block,
    where State traffic puts it (format line 9).

Why:
    The communications centre routes on these lines; a malformed one is delivered late,
    wrongly or not at all.

Example:
    ``TO RUEHC-SECSTATE WASHDC IMMEDIATE 46960``. Clean:
    ``TO RUEHC/SECSTATE WASHDC IMMEDIATE 4696``.

Fix:
    Safe: ``/`` for a ``-``, ``\\`` or ``//`` between a routing indicator and a known
    designator, and for a space after a US routing indicator (``RU...``, ``RH...``); the
    designator misspellings seen in traffic (``AMMBASSY``, ``AMEMBASS``, ``AMEMBASY`` ->
    ``AMEMBASSY``; ``AMCONSU``, ``AMCOMSUL`` -> ``AMCONSUL``; ``SESTATE``, ``ECSTATE`` ->
    ``SECSTATE``; ``SCDEF`` -> ``SECDEF``; ``USMISSIN`` -> ``USMISSION``). An MCN or a
    routing indicator of the wrong length, and an unknown designator, have no fix.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    RI and PLAD rules [FAH2-230 H-231]; MCN [FAH2 H-321.7/.8 via CM interfaces.py]; XMT
    [FAH2 H-321.9 via CM test_reader_recipients.py; NAVY-ADDR]; PLAD typos observed
    (08BRASILIA93) [CM]; designators: cablelint/data/plad_designators.tsv;
    spec/cable-format.md 2, 3.2; spec/rules.md H006.
"""

import re
from functools import lru_cache

from .. import addresses, codes, regex
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_ROUTING_INDICATOR = regex.compile(r"R[A-Z]{4,7}")
_MCN = regex.compile(r"\d{4}(?:-\d{4})?")
# a routing indicator joined by "-", "\\" or "//"; by a space only a US one (RU..., RH...)
_JOINED_BY_OTHER = regex.compile(r"(?:(?P<ri>R[A-Z]{4,7})(?P<separator>-|\\|//)"
                                 r"|(?P<us>R[UH][A-Z]{3,6})(?P<space>[^\S\n]+))(?=[A-Z])")


@lru_cache(maxsize=1024)
def unknown_designator(plad: str) -> str | None:
    """The first word of a PLAD, without an office (``COMSIXTHFLT//N2//``), when it is no
    known address designator and the PLAD is no collective; else None."""
    if not plad:
        return None
    first = plad.split(maxsplit=1)[0].split("//", 1)[0]
    if first in codes.plad_designators() or addresses.is_collective(plad):
        return None
    return first


@lru_cache(maxsize=1024)
def _well_formed(routing_indicator: str | None, plad: str) -> bool:
    """Nothing to report on an addressee's routing indicator and PLAD (remembered: the same
    addressees recur from cable to cable)."""
    if routing_indicator is not None and not (_ROUTING_INDICATOR.fullmatch(routing_indicator)
                                              or routing_indicator in addresses.OPERATING_PREFIXES):
        return False
    if routing_indicator is None and AddresseeFormat.joined_by_other(plad) is not None:
        return False
    return bool(plad) and unknown_designator(plad) is None


class AddresseeFormat(Rule):
    code = "H006"
    name = "addressee-format"
    severity = Severity.WARNING
    fixable = "partial"
    summary = "malformed addressee line"

    def check(self, cable, settings):
        found = []
        for originator in cable.originators:
            found += self.check_originator(cable, originator)
        for _, addressee, parts in addresses.addressees(cable, "TO", "INFO", "XMT"):
            self.check_addressee(cable, addressee, parts, found)
        if cable.address_lists:
            found += self.check_exemptions(cable)
        return found

    def check_originator(self, cable, originator):
        parts = addresses.parse_addressee(originator.plad.text)
        if parts.routing_indicator is not None:
            ri = parts.routing_indicator
            yield self.finding(f"FM line takes a PLAD, not routing indicator '{ri.text}'",
                               addresses.span_of(cable, originator.plad.span, ri.start, ri.end))
        yield from self.check_designator(cable, originator.plad.span, parts.plad)

    def check_addressee(self, cable, addressee, parts, found):
        """The findings on one addressee line, added to ``found`` (the lines are many: no
        generator for each)."""
        ri, plad = parts.routing_indicator, parts.plad
        if not _well_formed(None if ri is None else ri.text, plad.text):
            if ri is not None and not (_ROUTING_INDICATOR.fullmatch(ri.text)
                                       or ri.text in addresses.OPERATING_PREFIXES):
                found.append(self.finding(
                    f"routing indicator '{ri.text}' is not R and 4-7 letters",
                    addresses.part_span(cable, addressee, ri)))
            joined = self.joined_by_other(plad.text) if ri is None else None
            if joined is not None:
                found.append(self.separator_finding(cable, addressee, plad, joined))
            elif not plad.text:
                found.append(self.finding("addressee line has no PLAD", addressee.span))
            elif unknown_designator(plad.text) is not None:
                found += self.check_designator(cable, addressee.span, plad)
        mcn = parts.mcn
        if mcn is not None and not _MCN.fullmatch(mcn.text):
            found.append(self.finding(f"MCN '{mcn.text}' is not four digits",
                                      addresses.part_span(cable, addressee, mcn)))

    @staticmethod
    @lru_cache(maxsize=1024)
    def joined_by_other(plad: str) -> re.Match | None:
        """``RUEHC-SECSTATE WASHDC``: a routing indicator joined to a designator without ``/``."""
        match = _JOINED_BY_OTHER.match(plad)
        if match is None or (match.group("ri") or match.group("us")) in codes.plad_designators():
            return None
        rest = plad[match.end():]
        first = rest.split(maxsplit=1)[0] if rest.strip() else ""
        if first in codes.plad_designators() or addresses.is_collective(rest):
            return match
        return None

    def separator_finding(self, cable, addressee, plad, joined):
        group = "separator" if joined.group("separator") else "space"
        start = plad.start + joined.start(group)
        end = plad.start + joined.end(group)
        span = addresses.span_of(cable, addressee.span, start, end)
        shown = "a space" if group == "space" else f"'{joined.group(group)}'"
        ri = joined.group("ri") or joined.group("us")
        return self.finding(
            f"routing indicator {ri} is joined to the PLAD by {shown}, not '/'",
            span, fix=Fix((Edit(span.start, span.end, "/"),), safe=True,
                          description="join the routing indicator with '/'"))

    def check_designator(self, cable, base, plad):
        first = unknown_designator(plad.text)
        if first is None:
            return
        span = addresses.span_of(cable, base, plad.start, plad.start + len(first))
        right = addresses.DESIGNATOR_TYPOS.get(first)
        if right is not None:
            yield self.finding(f"'{first}' is a misspelling of {right}", span,
                               fix=Fix((Edit(span.start, span.end, right),), safe=True,
                                       description=f"write {right}"))
            return
        guess = addresses.designator_guess(first)
        hint = f"; did you mean {guess}?" if guess else ""
        yield self.finding(f"PLAD does not start with a known address designator: "
                           f"'{first}'{hint}", span)

    def check_exemptions(self, cable):
        """XMT follows a COLLECTIVE addressee, directly or at the end of the block."""
        lists = cable.address_lists
        for index, address_list in enumerate(lists):
            if address_list.keyword != "XMT":
                continue
            before = [a for earlier in lists[:index] for a in earlier.addressees
                      if earlier.keyword != "XMT"]
            plads = [addresses.parse_addressee(a.text).plad.text for a in before]
            last_in_block = all(later.keyword == "XMT" for later in lists[index + 1:])
            if plads and (addresses.is_collective(plads[-1])
                          or (last_in_block and any(map(addresses.is_collective, plads)))):
                continue
            yield self.finding("XMT list does not follow a COLLECTIVE addressee",
                               addresses.span_of(cable, address_list.span, 0, 3))
