"""C005 portion-mark-invalid: a portion mark that is not ``(level[/control])``.

What it checks:
    Every portion mark of the SUBJECT and the paragraphs reads ``(`` level [separator
    control] ``)``: level U, SBU, C, S or TS; separator the configured one (``/`` by
    default); control NF or NOFORN, N (SBU NOFORN: with SBU only), REL / REL TO /
    RELEASABLE TO and a list, FGI forms, FOUO (with U or SBU), or one of the configured
    extra controls; upper case, no blanks inside. ``(LOU)`` (LIMITED OFFICIAL USE) passes
    in a cable dated before 1995-10-01, as in the banner (C002). An unknown level
    (``(CONF)``, ``(SE)``) or control is an error without a fix; a mark that is right but
    for its separator, blanks or letter case (``(s//nf)``, ``(S / NF)``, ``(C/Rel UK)``)
    gets the normalised form. Mixed-case words after a paragraph number (``4. (China) ...``)
    are topic labels, not marks, and are left alone; so are ``(S/CT)`` (an office) opening
    an unnumbered line and a letter that continues a lettered list (``(c)`` after ``(b)``).

Why:
    Readers, guards and the dissemination software read the mark; an unknown token says
    nothing about the portion's level or its release.

Example:
    ``2. (CONF) The delegation ...``. Clean: ``2. (C/NF) The delegation ...``.

Fix:
    Safe: rewrite the mark with the canonical separator, no blanks and upper case
    (``(s//nf)`` -> ``(S/NF)``). The level letter itself is never changed: a mark with an
    unknown level or control gets no fix.

Options:
    separator (default ``"/"``): the separator between level and control, ``"/"`` or
    ``"//"``; ``"any"`` accepts both.
    extra_controls (default ``[]``): more control words to accept (``["ORCON"]``).

Profiles:
    Both profiles judge ``(LOU)`` by the cable's date-time group; without one, draft reports
    it and archive lets it pass.

Source:
    [FAH1-240 H-246.2c]; [CFR2001 2001.21(c)(1)-(2), 2001.24(c)]; observed controls
    [CM: 10STATE284, test_reader_summary.py]; spec/rules.md C005.
"""


from .. import regex
from ..config import UsageError
from ..dates import cable_date
from ..diagnostics import Edit, Fix, Severity
from ..markings import (LOU_ABOLISHED, LOU_LEVEL, PORTION_LEVELS, control_kind, portion_marks,
                        read_mark)
from .base import Rule

_BLANKS = regex.compile(r"\s+")
_LEVELS = ", ".join(PORTION_LEVELS)
_PLAIN = {f"({level})" for level in PORTION_LEVELS}  # right whatever the options


def lou_in_force(cable, archive: bool) -> bool:
    """An ``(LOU)`` mark is right in a cable dated before 1995-10-01 (undated: archive only)."""
    sent = cable_date(cable)
    return sent < LOU_ABOLISHED if sent is not None else archive


class PortionMarkInvalid(Rule):
    code = "C005"
    name = "portion-mark-invalid"
    severity = Severity.ERROR
    fixable = "normalise"
    summary = "unknown portion-mark token"
    options = {"separator": "/", "extra_controls": []}

    def check(self, cable, settings):
        separator = self.option(settings, "separator")
        if separator not in ("/", "//", "any"):
            raise UsageError(f"C005 option 'separator' is '/', '//' or 'any', not {separator!r}")
        extra = {word.upper() for word in self.option(settings, "extra_controls")}
        archive = settings.profile == "archive"
        for mark in portion_marks(cable):
            if mark.text not in _PLAIN:
                yield from self.judge(cable, mark, separator, extra, archive)

    def judge(self, cable, mark, separator, extra, archive):
        parts = read_mark(mark.text)
        if parts is None:
            return
        level = parts.level.upper()
        if level == LOU_LEVEL and not lou_in_force(cable, archive):
            yield self.finding(f"'{mark.text}': LIMITED OFFICIAL USE was abolished on 1995-10-01; "
                               "SBU replaced it", mark.span)
            return
        if level not in PORTION_LEVELS and level != LOU_LEVEL:
            yield self.finding(f"'{mark.text}' is not a portion mark: the level must be one of "
                               f"{_LEVELS}", mark.span)
            return
        control = _BLANKS.sub(" ", parts.control).upper() if parts.control is not None else None
        if parts.separator is not None:
            problem = self.control_problem(level, control, extra)
            if problem:
                yield self.finding(f"'{mark.text}': {problem}", mark.span)
                return
        wanted_separator = parts.separator
        if parts.separator is not None and separator != "any":
            wanted_separator = separator
        canonical = f"({level}{wanted_separator}{control})" if control else f"({level})"
        if canonical == mark.text:
            return
        fix = None
        if cable.original[mark.span.start:mark.span.end] == mark.text:
            fix = Fix((Edit(mark.span.start, mark.span.end, canonical),), safe=True,
                      description=f"write the mark as {canonical}")
        yield self.finding(f"portion mark '{mark.text}' should read '{canonical}'", mark.span,
                           fix=fix)

    @staticmethod
    def control_problem(level: str, control: str | None, extra: set[str]) -> str | None:
        """Why the control is wrong for the level, or None."""
        if not control:
            return "a separator without a control"
        kind = control_kind(control)
        if kind is None:
            if control.split()[0] in extra or control in extra:
                return None
            return f"unknown control '{control}' (NF, N, REL ..., FGI ...)"
        if kind == "n" and level != "SBU":
            return "control N (SBU NOFORN) goes with SBU only; classified portions use NF"
        if kind == "fouo" and level not in ("U", "SBU"):
            return "FOUO goes with unclassified portions only"
        return None
