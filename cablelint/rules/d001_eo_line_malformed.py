"""D001 eo-line-malformed: E.O. line missing, misspelled or not in its standard form.

What it checks:
    The text header has exactly one E.O. line, written ``E.O. <order>: DECL: <date or
    instruction>``, ``E.O. <order>: DNG: <date>`` or ``E.O. <order>: N/A``, with a known
    order number (11652, 12065, 12356, 12958, 13526). Variants seen in real traffic
    (``EO 12958 DECL:``, ``E.O.1295: NA``, ``E.o. 12958: decl:``, ``DECL:03/20/2033``) are
    reported with the standard form. A second E.O. line that differs from the first is
    reported too (an identical repeat belongs to a duplicated header block, X003).

Why:
    The E.O. line carries the declassification instruction every record system reads.

Example:
    ``E.O.1295: NA``. Clean: ``E.O. 12958: N/A``.

Fix:
    Safe: rewrite punctuation, spacing and case to the standard form. Never the order number.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-240 [FAH1-240]; ITA cable form [ITA]; observed variants [CM]; spec/rules.md D001.
"""

from ..declassification import KNOWN_ORDERS, declassification
from ..diagnostics import Edit, Fix, Severity, Span
from .base import Rule


class EoLineMalformed(Rule):
    code = "D001"
    name = "eo-line-malformed"
    severity = Severity.ERROR
    fixable = "normalise"
    summary = "E.O. line missing or misspelled"

    def check(self, cable, settings):
        if not cable.eo_lines:
            yield self.finding("no E.O. line: write 'E.O. <order>: DECL: <date>' or "
                               "'E.O. <order>: N/A'", self.expected_place(cable))
            return
        first = cable.eo_lines[0]
        reading = declassification(cable)
        if reading.order not in KNOWN_ORDERS:
            yield self.finding(f"unknown executive order '{reading.order}'", first.order.span)
        written = cable.original[first.span.start:first.span.end].rstrip()
        standard = reading.canonical()
        if standard is None:
            yield self.finding("E.O. line has no DECL:, DNG: or N/A instruction", first.span)
        elif written != standard:
            fix = Fix((Edit(first.span.start, first.span.start + len(written), standard),),
                      safe=True, description="write the standard form")
            yield self.finding(f"E.O. line is not in the standard form: write '{standard}'",
                               first.span, fix=fix)
        first_text = written
        for other in cable.eo_lines[1:]:
            other_text = cable.original[other.span.start:other.span.end].rstrip()
            if other_text != first_text:
                yield self.finding("second E.O. line; a cable has exactly one", other.span)

    @staticmethod
    def expected_place(cable) -> Span:
        if cable.tags_line is not None:
            return cable.tags_line.span
        if cable.subject is not None:
            return cable.subject.label.span
        if cable.banner is not None:
            return cable.banner.span
        return Span(1, 1, 1, 1, 0, 0)
