"""D005 decl-date-invalid: the DECL date is not a real date, not in an accepted form, or 2-digit.

What it checks:
    A date after ``DECL:`` or ``DNG:`` is written ``MM/DD/YYYY``, ``M/D/YYYY``,
    ``YYYY/MM/DD`` or ``YYYYMMDD`` and is a real calendar date (``02/30/2018`` is not;
    ``02/29/2024`` is, ``02/29/2023`` is not). Something written as a date in another form
    is an error too: ``2034-03-14``, ``14.03.2034``, ``12-29-13``, ``08 OCTOBER 2019``,
    ``MARCH 14, 2034``, a seven-digit ``2034031``. A two-digit year (``8/24/05``) is a
    warning in the draft profile; its century is read relative to the cable's own year.
    An event (``DECL: AFTER KOREAN UNIFICATION``) or an exemption marking is not a date.

Why:
    Record systems compute the release date from this field; an impossible or ambiguous
    date stops the record from ever being released automatically.

Example:
    ``DECL: 02/30/2018``. Clean: ``DECL: 02/28/2018``.

Fix:
    Safe, for a two-digit year only: write the year in full relative to the date-time
    group's year (``6/30/08`` -> ``06/30/2008``). No fix for an impossible date or another
    form: which part is the month needs the drafter.

Options:
    None.

Profiles:
    draft: a two-digit year is a warning (new drafts write four digits).
    archive: a two-digit year is tolerated (no finding); historical traffic used them
    throughout. Impossible dates and other forms are errors in both profiles.

Source:
    observed forms [CM]; 32 CFR 2001.21(a)(4) numeric form [CFR2001]; spec/rules.md D005.
"""

from ..dates import cable_date
from ..declassification import decl_date, undated_decl
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class DeclDateInvalid(Rule):
    code = "D005"
    name = "decl-date-invalid"
    severity = Severity.ERROR
    fixable = "2-digit year"
    summary = "DECL date not a real date / ambiguous format"

    def check(self, cable, settings):
        found = decl_date(cable)
        if found is None:
            other = undated_decl(cable)
            if other is not None:
                written = cable.original[other.start:other.end]
                yield self.finding(f"DECL date '{written}' is not in an accepted form: write "
                                   "MM/DD/YYYY", other)
            return
        written = found.written
        sent = cable_date(cable)
        value = written.value(sent.year if sent else None)
        if value is None:
            yield self.finding(f"DECL date '{written.text}' is not a real calendar date",
                               found.span)
            return
        if written.two_digit_year and settings.profile == "draft":
            full = f"{value.month:02d}/{value.day:02d}/{value.year}"
            fix = Fix((Edit(found.span.start, found.span.end, full),), safe=True,
                      description=f"write the year in full: {full}")
            yield self.finding(f"DECL date '{written.text}' has a two-digit year; write "
                               f"'{full}'", found.span, fix=fix, severity=Severity.WARNING)
