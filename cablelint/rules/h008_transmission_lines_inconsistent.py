"""H008 transmission-lines-inconsistent: format lines FL2-FL4 disagree with the cable.

What it checks:
    Only when the cable carries ACP-127 transmission lines (``VZCZC...`` and what follows):
    the FL2 digraph is the action prosign doubled (``PP`` for ``P R 041820Z JAN 10``); FL3
    (``DE RUEHRK #0195/01 2531700``) has the form ``DE <RI> #SSSS[/NN] DDDHHMM``, ``#SSSS``
    is the last four digits of the banner's six-digit serial (not for the series of a
    travelling delegation, ``SECTO``, ``TOSEC``, ``PARTO``, ``TOTAS``), ``/NN`` the banner's SECTION
    number (01, or no ``/NN``, without a SECTION), and ``DDDHHMM`` (day of the year, hour,
    minute) lies within ``max_minutes`` of the date-time group; FL4 (``ZNY CCCCC ZZH``) has
    the security group of the banner (``UUUUU`` unclassified, ``EEEEE`` UNCLAS EFTO,
    ``CCCCC``, ``SSSSS``, ``TTTTT``) after ``ZNR`` (unclassified, not EFTO) or ``ZNY``.
    LIMITED OFFICIAL USE has no known FL4 group and is not checked.

Why:
    The format lines are what the communications system acts on; an FL4 group lower than the
    banner lets classified text travel as clear traffic, and the other mismatches show a
    header that belongs to another message.

Example:
    ``ZNY CCCCC ZZH`` on an ``S E C R E T ...`` cable. Clean: ``ZNY SSSSS ZZH``.

Fix:
    No fix: these lines are terminal output, not the drafter's text.

Options:
    max_minutes (default 30): how far the FL3 time may lie from the date-time group. In real
    traffic it is mostly the same minute, and up to 27 minutes later for Department cables.

Profiles:
    Both profiles alike (drafts rarely carry format lines).

Source:
    FL1-FL4 [FAH2-320 H-321.1-H-321.2-1]; FL4 security groups [NAVY-FL4]; agreement
    observed in 08REYKJAVIK195, 08TRIPOLI220, 10STATE284 [CM]; spec/cable-format.md 2, 8;
    spec/rules.md H008.
"""

import datetime

from .. import addresses, regex
from ..diagnostics import Severity
from .base import Rule

WARNING = Severity.WARNING
_SERIAL = regex.compile(r"\d{6}")
_SECTION_NUMBER = regex.compile(r"\d+")
# message series of travelling delegations: their banner number is not the station serial
_SERIES = frozenset({"SECTO", "TOSEC", "PARTO", "TOTAS"})
_HALF_YEAR = 182 * 24 * 60  # minutes: a time nearer than this in one year is nearest there
_LEVEL_NAMES = {"U": "UNCLASSIFIED", "E": "UNCLAS EFTO", "C": "CONFIDENTIAL", "S": "SECRET",
                "T": "TOP SECRET"}


class TransmissionLinesInconsistent(Rule):
    code = "H008"
    name = "transmission-lines-inconsistent"
    severity = Severity.ERROR
    summary = "FL2-FL4 disagree with the cable"
    options = {"max_minutes": 30}

    def check(self, cable, settings):
        transmission = cable.transmission
        if not transmission:
            return ()
        first = {}  # the first transmission line of each kind
        for line in reversed(transmission):
            first[line.kind] = line
        found = []
        fl2, fl3, fl4 = first.get("FL2"), first.get("FL3"), first.get("FL4")
        if fl2 is not None:
            self.check_fl2(cable, fl2, found)
        if fl3 is not None:
            self.check_fl3(cable, fl3, self.option(settings, "max_minutes"), found)
        if fl4 is not None:
            self.check_fl4(cable, fl4, found)
        return found

    def check_fl2(self, cable, line, found):
        dtg = cable.dtg
        if dtg is None or not dtg.prosigns:
            return
        action = dtg.prosigns[0].text
        if line.text[:2] != action * 2:
            found.append(self.finding(
                f"FL2 precedence {line.text[:2]} is not the action prosign {action} doubled "
                f"({action * 2})", addresses.span_of(cable, line.span, 0, 2), severity=WARNING))

    def check_fl3(self, cable, line, max_minutes, found):
        fl3 = addresses.parse_fl3(line.text)
        if fl3 is None:
            found.append(self.finding("FL3 is not 'DE <routing indicator> #SSSS[/NN] DDDHHMM'",
                                      line.span, severity=WARNING))
            return
        banner = cable.banner
        serial, written = fl3.group("serial", "section")
        if (banner is not None and banner.serial is not None
                and _SERIAL.fullmatch(banner.serial.text) and banner.post is not None
                and banner.post.text.strip() not in _SERIES
                and banner.serial.text[2:] != serial):
            found.append(self.finding(
                f"FL3 serial #{serial} is not the last four digits of the banner serial "
                f"{banner.serial.text}", _place(cable, line, fl3, "serial"), severity=WARNING))
        if banner is not None:
            section = 1
            if banner.section is not None:
                section = int(_SECTION_NUMBER.search(banner.section.text).group())
            number = int(written) if written else 1
            if number != section:
                where = _place(cable, line, fl3, "section" if written else "serial")
                found.append(self.finding(f"FL3 section {number:02d} is not the banner's "
                                          f"section {section:02d}", where, severity=WARNING))
        sent = addresses.dtg_datetime(cable.dtg)
        if sent is not None:
            day, hour, minute = fl3.group("day", "hour", "minute")
            gap = minutes_apart(sent, int(day), int(hour), int(minute))
            if gap is None or gap > max_minutes:
                span = addresses.span_of(cable, line.span, fl3.start("day"), fl3.end("minute"))
                dtg = cable.dtg
                found.append(self.finding(
                    f"FL3 time {day}{hour}{minute} (day of year, hour, minute) is not within "
                    f"{max_minutes} minutes of the DTG {dtg.time.text} {dtg.month.text} "
                    f"{dtg.year.text}", span, severity=WARNING))

    def check_fl4(self, cable, line, found):
        expected = addresses.expected_fl4(cable)
        if expected is None:
            return
        fl4 = addresses.parse_fl4(line.text)
        if fl4 is None:
            return
        signal, group = expected
        if fl4.group("group") != group:
            found.append(self.finding(
                f"FL4 security group {fl4.group('group')} does not match the "
                f"{_LEVEL_NAMES[group[0]]} banner (expected {group})",
                addresses.span_of(cable, line.span, fl4.start("group"), fl4.end("group"))))
        elif fl4.group("signal") != signal:
            found.append(self.finding(
                f"FL4 operating signal {fl4.group('signal')} does not match the "
                f"{_LEVEL_NAMES[group[0]]} banner (expected {signal} {group})",
                addresses.span_of(cable, line.span, fl4.start("signal"), fl4.end("signal")),
                severity=WARNING))


def _place(cable, line, fl3, group: str):
    """The Span of one group of the FL3 line."""
    return addresses.span_of(cable, line.span, fl3.start(group), fl3.end(group))


def minutes_apart(sent: datetime.datetime, day: int, hour: int, minute: int) -> float | None:
    """Minutes between the DTG and an FL3 day-of-year time, in the nearest of three years."""
    if hour > 23 or minute > 59 or not 1 <= day <= 366:
        return None
    into_year = datetime.timedelta(days=day - 1, hours=hour, minutes=minute)
    gap = _minutes(sent.year, into_year, sent)
    if gap <= _HALF_YEAR:  # the usual case: the years before and after are further away
        return gap
    return min(_minutes(sent.year - 1, into_year, sent), gap,
               _minutes(sent.year + 1, into_year, sent))


def _minutes(year: int, into_year: datetime.timedelta, sent: datetime.datetime) -> float:
    """Minutes between ``sent`` and the time ``into_year`` into ``year``."""
    return abs((datetime.datetime(year, 1, 1) + into_year - sent).total_seconds()) / 60
