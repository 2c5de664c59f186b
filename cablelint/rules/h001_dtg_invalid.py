"""H001 dtg-invalid: the precedence/date-time group line is missing or malformed.

What it checks:
    The address block opens with ``<prosign>[ <prosign>] DDHHMMZ MON YY``. The time group is
    six digits and the zone letter ``Z`` (UTC); the day is a day of that month in that year
    (``29 FEB 08`` is valid, ``29 FEB 09`` is not; years 66-99 are 1966-1999, 00-65 are
    2000-2065), the hour 00-23, the minute 00-59; the month one of ``JAN`` ... ``DEC`` in
    capitals; the year two digits. Each wrong part is reported at its own place. A cable with
    FM or TO lines but no DTG line is reported at the first of them, and a DTG line so broken
    that the grammar could not read it (the address block below it then reads as free text)
    is reported where it stands. Prosigns are H002's.

Why:
    The date-time group identifies the message and dates it: declassification and the
    executive order in force are judged from it.

Example:
    ``O 311106Z APR 08`` (there is no 31 April). Clean: ``O 301106Z APR 08``.

Fix:
    Safe: upper-case the month (``Mar`` -> ``MAR``), shorten a month name (``MARCH`` ->
    ``MAR``), write a four-digit year with two digits (``2008`` -> ``08``). Unsafe:
    zero-pad a five-digit time group when exactly one way of padding a day, hour or minute
    gives a valid time (``91106Z`` -> ``091106Z``). A date is never invented: an impossible
    day, hour or minute, a missing zone letter or a time group of four digits or fewer has no
    fix.

Options:
    None.

Profiles:
    Both profiles check the DTG line alike. A missing DTG line is not reported in the
    archive profile when the cable has the old telegram layout above its FM line, whose
    ``PAGE 01 ...`` line or distribution block (``ACTION AF-00``, ``INFO LOG-00 ...``, a
    dashed routing line with the time) stands in for it (1970s-2000s traffic).

Source:
    DTG composition [NAVY-DTG; ACP121]; FL5 position [FAH2-320]; two-digit years observed
    [CM]; spec/cable-format.md 3.1; spec/rules.md H001.
"""

import calendar

from .. import addresses, codes, regex
from ..dates import MONTHS, full_year
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_TIME = regex.compile(r"(?P<digits>\d+)(?P<zone>[A-Za-z]?)")
_MONTH_NAMES = {name: abbreviation for abbreviation, name in zip(MONTHS, (
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
    "OCTOBER", "NOVEMBER", "DECEMBER"))}
_MONTH_NAMES["SEPT"] = "SEP"
_OLD_LAYOUT = regex.compile(r"(?m)^[^\S\n]*(?:PAGE[^\S\n]+0*1[^\S\n]"
                            r"|(?:ACTION|INFO)[^\S\n]+[A-Z]+-\d\d\b|-{6,}[0-9A-F]+[^\S\n]+\d{6}Z)")


class DtgInvalid(Rule):
    code = "H001"
    name = "dtg-invalid"
    severity = Severity.ERROR
    fixable = "partial"
    summary = "precedence/DTG line missing or malformed"

    def check(self, cable, settings):
        for dtg in cable.dtgs:
            if addresses.dtg_datetime(dtg) is None:  # a real date and time has nothing to report
                yield from self.check_dtg(cable, dtg)
        if cable.dtgs:
            return
        unread = addresses.unread_dtg_line(cable)
        if unread is not None:
            yield self.finding("precedence/DTG line not readable: expected "
                               "<prosign> DDHHMMZ MON YY, such as O 201106Z MAR 08", unread.span)
            return
        first = min((element.span for element in (*cable.originators, *cable.address_lists)),
                    key=lambda span: span.start, default=None)
        if first is None or any(p.span.start < first.start for p in cable.syntax_problems):
            return  # no address block, or E001 reports the unreadable line above it
        if settings.profile == "archive" and self.old_layout(cable, first.start):
            return
        yield self.finding("address block has no precedence/DTG line "
                           "(such as O 201106Z MAR 08) before the FM line", first)

    @staticmethod
    def old_layout(cable, before: int) -> bool:
        """The old telegram layout above the FM line: ``PAGE 01 ...`` or the distribution block
        (``ACTION AF-00``, ``INFO LOG-00 ...``, ``----8A8E0D 271459Z /38``), which carry the
        time instead of a DTG line."""
        return _OLD_LAYOUT.search(cable.original, 0, before) is not None

    def check_dtg(self, cable, dtg):
        month, year = yield from self.check_month_and_year(dtg)
        time = dtg.time
        match = _TIME.fullmatch(time.text)
        digits = match.group("digits") if match else time.text
        if len(digits) == 5:
            yield self.padding(cable, dtg, digits, month, year)
        elif len(digits) != 6:
            yield self.finding(f"DTG time group '{time.text}' is not DDHHMMZ "
                               "(day, hour, minute, zone Z)", time.span)
        else:
            yield from self.check_day_hour_minute(cable, dtg, digits, month, year)
        if match and len(digits) in (5, 6):
            yield from self.check_zone(cable, dtg, match)

    def check_month_and_year(self, dtg):
        """Findings on the month and year; returns their values (None when unreadable)."""
        written = dtg.month.text
        word = written.upper().rstrip(".")
        month = MONTHS.get(word) or MONTHS.get(_MONTH_NAMES.get(word, ""))
        if month is None:
            guess = codes.suggest(word, MONTHS)
            hint = f"; did you mean {guess}?" if guess else ""
            yield self.finding(f"DTG month '{written}' is not one of JAN ... DEC{hint}",
                               dtg.month.span)
        elif written not in MONTHS:
            right = _MONTH_NAMES.get(word, word)
            yield self.finding(
                f"DTG month '{written}' must be written {right}", dtg.month.span,
                fix=Fix((Edit(dtg.month.span.start, dtg.month.span.end, right),), safe=True,
                        description=f"write the month as {right}"))
        year_text = dtg.year.text
        year = None
        if len(year_text) == 4:
            year = int(year_text)
            yield self.finding(
                f"DTG year '{year_text}' must be two digits ({year_text[2:]})", dtg.year.span,
                fix=Fix((Edit(dtg.year.span.start, dtg.year.span.end, year_text[2:]),),
                        safe=True, description=f"write the year as {year_text[2:]}"))
        elif year_text.isdigit():
            year = full_year(int(year_text))
        return month, year

    def check_day_hour_minute(self, cable, dtg, digits, month, year):
        day, hour, minute = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
        last = days_in(month, year)
        if not 1 <= day <= last:
            if month is None:
                where = "any month"
            elif month == 2:
                where = f"FEB {dtg.year.text}"
            else:
                where = next(name for name, number in MONTHS.items() if number == month)
            yield self.finding(f"DTG day {digits[:2]} is not a day of {where}",
                               addresses.span_of(cable, dtg.time.span, 0, 2))
        if hour > 23:
            yield self.finding(f"DTG hour {digits[2:4]} is not 00-23",
                               addresses.span_of(cable, dtg.time.span, 2, 4))
        if minute > 59:
            yield self.finding(f"DTG minute {digits[4:6]} is not 00-59",
                               addresses.span_of(cable, dtg.time.span, 4, 6))

    def check_zone(self, cable, dtg, match):
        zone = match.group("zone")
        if zone == "":
            yield self.finding(f"DTG time group '{dtg.time.text}' has no zone letter Z (UTC)",
                               dtg.time.span)
        elif zone != "Z":
            span = addresses.span_of(cable, dtg.time.span, match.start("zone"),
                                     match.end("zone"))
            yield self.finding(f"DTG zone '{zone}' is not Z (UTC)", span)

    def padding(self, cable, dtg, digits, month, year):
        """A five-digit time group: an unsafe fix when one zero-padding makes a valid time."""
        readings = {digits[:at] + "0" + digits[at:] for at in (0, 2, 4)}
        valid = sorted(r for r in readings if valid_time(r, month, year))
        span = dtg.time.span
        if len(valid) == 1:
            return self.finding(
                f"DTG time group '{dtg.time.text}' has five digits; zero-padded it reads "
                f"{valid[0]}{dtg.time.text[5:]}", span,
                fix=Fix((Edit(span.start, span.start + 5, valid[0]),), safe=False,
                        description=f"zero-pad the time group to {valid[0]}"))
        return self.finding(f"DTG time group '{dtg.time.text}' has five digits, not DDHHMM",
                            span)


def days_in(month: int | None, year: int | None) -> int:
    """Days of a month (31 when the month is unknown; 29 for FEB of an unknown year)."""
    if month is None:
        return 31
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def valid_time(digits: str, month: int | None, year: int | None) -> bool:
    day, hour, minute = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    return 1 <= day <= days_in(month, year) and hour <= 23 and minute <= 59
