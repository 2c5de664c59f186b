"""Dates in cables: the date-time group's date, DECL dates in their written forms, year sums."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from . import regex
from .diagnostics import same_kind_equality
from .markings import per_cable
from .model import Cable, DateTimeGroup

MONTHS = {name: number for number, name in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}

_DECL_DATE = regex.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"
    r"|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2})(?![\d/])"
    r"|(?P<y3>\d{4})(?P<m3>\d{2})(?P<d3>\d{2})(?!\d)"
)


# something written as a date but not in an accepted form: "2034-03-14", "14.03.2034",
# "12-29-13", "08 OCTOBER 2019", "MARCH 14, 2034", "3/14/034", "2034031"
_MONTH_NAME = (r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
               r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?")
_DATE_LIKE = regex.compile(
    r"(?<![\d/.-])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d/])"
    r"|(?<!\d)\d{1,2}[^\S\n]*-?[^\S\n]*" + _MONTH_NAME
    + r"[^\S\n]*-?[^\S\n]*,?[^\S\n]*\d{2,4}(?!\d)"
    r"|\b" + _MONTH_NAME + r"[^\S\n]+\d{1,2}(?:ST|ND|RD|TH)?,?[^\S\n]+\d{2,4}(?!\d)"
    r"|\b" + _MONTH_NAME + r"[^\S\n]+\d{4}(?!\d)"
    r"|(?<![\d.])(?:19|20)\d{5,6}(?!\d)",
    re.IGNORECASE)


def full_year(two_digits: int) -> int:
    """Cable years are two digits: 66-99 are 1966-1999, 00-65 are 2000-2065."""
    return 1900 + two_digits if two_digits >= 66 else 2000 + two_digits


def dtg_date(dtg: DateTimeGroup | None) -> datetime.date | None:
    """The calendar date of a date-time group, or None if it is not a real date."""
    if dtg is None:
        return None
    return _calendar_date(dtg.time.text, dtg.month.text, dtg.year.text)


@lru_cache(maxsize=1024)
def _calendar_date(time: str, month_text: str, year_text: str) -> datetime.date | None:
    """The date of a date-time group's parts as written (``201106Z``, ``MAR``, ``08``)."""
    month = MONTHS.get(month_text.upper().rstrip("."))
    if month is None or not time[:2].isdigit() or len(time.rstrip("Zz")) != 6:
        return None
    year = int(year_text) if len(year_text) == 4 else full_year(int(year_text))
    try:
        return datetime.date(year, month, int(time[:2]))
    except ValueError:
        return None


@per_cable
def cable_date(cable: Cable) -> datetime.date | None:
    """The date that governs date-dependent rules: the cable's own date-time group (read once
    per cable: many rules ask)."""
    return dtg_date(cable.dtg)


class WrittenDate(NamedTuple):
    """A DECL date as written: where it stands in the instruction, its parts and value."""

    start: int
    end: int
    text: str
    year: int
    month: int
    day: int
    two_digit_year: bool

    def value(self, reference_year: int | None = None) -> datetime.date | None:
        """The calendar date, or None when the parts make no real date."""
        year = self.year
        if self.two_digit_year:
            year = expand_year(year, reference_year)
        try:
            return datetime.date(year, self.month, self.day)
        except ValueError:
            return None


same_kind_equality(WrittenDate)


def expand_year(two_digits: int, reference_year: int | None) -> int:
    """A DECL year ``YY`` read relative to the cable's year: the first year >= cable year - 5."""
    if reference_year is None:
        return full_year(two_digits)
    century = reference_year - reference_year % 100
    year = century + two_digits
    return year + 100 if year < reference_year - 5 else year


def find_date(text: str) -> WrittenDate | None:
    """The first date written in ``text`` (MM/DD/YYYY, M/D/YY, YYYY/MM/DD or YYYYMMDD)."""
    match = _DECL_DATE.search(text)
    if match is None:
        return None
    if match.group("m"):
        year_text = match.group("y")
        return WrittenDate(match.start(), match.end(), match.group(0), int(year_text),
                           int(match.group("m")), int(match.group("d")), len(year_text) == 2)
    if match.group("y2"):
        return WrittenDate(match.start(), match.end(), match.group(0), int(match.group("y2")),
                           int(match.group("m2")), int(match.group("d2")), False)
    return WrittenDate(match.start(), match.end(), match.group(0), int(match.group("y3")),
                       int(match.group("m3")), int(match.group("d3")), False)


def find_date_like(text: str) -> tuple[int, int] | None:
    """Where ``text`` writes a date in a form that is not accepted (``2034-03-14``), if it does.

    Only meaningful where :func:`find_date` found no accepted date. Returns ``(start, end)``.
    """
    match = _DATE_LIKE.search(text)
    return (match.start(), match.end()) if match else None


def add_years(day: datetime.date, years: int) -> datetime.date:
    """``day`` plus whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
