"""S006 header-not-uppercase: a header line or label is not in capitals.

What it checks:
    These are written in capitals: the FM, TO, INFO and XMT lines, the classification banner,
    the caption lines, the attention lines (``DEPT FOR ...``), the E.O. line, the TAGS line
    (label and tags) and the ``SUBJECT:`` label. The text of the subject is left alone, and so
    are "Classified By" and the REF list. The finding covers the element's words that hold
    lower-case letters, one finding per element.

    Not reported: free lines of the header that are not attention lines (a handling notice in
    mixed case, a heading run into the header), and an "E.O." that is a citation split off a
    Classified By line (``for E.O. 12958 reasons 1.4 (d)``).

Why:
    Telegrams are written in capitals, and the Department's processors match labels, tags and
    captions as written; ``Tags: prel`` or ``Sipdis`` may be missed.

Example:
    ``E.o. 12958: decl: 01/07/2014`` and ``Tags: prel, pgov``. Clean:
    ``E.O. 12958: DECL: 01/07/2014`` and ``TAGS: PREL, PGOV``.

Fix:
    Upper-case the element's letters (for SUBJECT, the label only). Safe for labels, TAGS,
    the E.O. line, captions and the address lines; unsafe for the banner (a classification
    marking deserves a look) and for attention lines (free text with names).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Cables in capitals [ITA]; lower-case header variants observed (04ANKARA348) [CM];
    spec/cable-format.md section 9 item 10; spec/rules.md S006.
"""


from .. import regex
from ..body import is_attention, is_eo_citation, is_notice
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_WORD = regex.compile(r"[^\s,;]+")


class HeaderNotUppercase(Rule):
    code = "S006"
    name = "header-not-uppercase"
    severity = Severity.WARNING
    fixable = "yes"
    summary = "header keys or values not upper case"

    def check(self, cable, settings):
        found = []
        for originator in cable.originators:
            found.append(("FM line", originator.span, True))
        for address_list in cable.address_lists:
            found.append((f"{address_list.keyword} line", address_list.span, True))
        for banner in cable.banners:
            found.append(("classification banner", banner.span, False))
        for caption in cable.captions:
            if not is_notice(caption.text):
                found.append(("caption line", caption.span, True))
        for attention in cable.attention_lines:
            if is_attention(attention.text):
                found.append(("attention line", attention.span, False))
        for line in cable.eo_lines:
            if not is_eo_citation(line):
                found.append(("E.O. line", line.span, True))
        for line in cable.tags_lines:
            found.append(("TAGS line", line.span, True))
        for subject in cable.subjects:
            found.append(("SUBJECT label", subject.label.span, True))
        original = cable.original
        for what, span, safe in found:
            text = original[span.start:span.end]
            if text == text.upper():
                continue
            words = [m for m in _WORD.finditer(text) if m.group() != m.group().upper()]
            start, end = span.start + words[0].start(), span.start + words[-1].end()
            fix = Fix((Edit(start, end, original[start:end].upper()),), safe=safe,
                      description="write it in capitals")
            yield self.finding(f"{what} is not in capitals", cable.source.offsets.original_span(
                start, end), fix=fix)
