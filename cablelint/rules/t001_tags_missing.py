"""T001 tags-missing: no TAGS line, a mislabelled one, or one without tags.

What it checks:
    The text header has a ``TAGS:`` line with at least one tag. A line labelled with a
    misspelling seen in real traffic (``TAG``, ``TAGES``, ``TAS:``, ``TABS:``, ``TGS:``,
    ``AGS:``, ``TAGS,``) is reported as mislabelled; a cable with no TAGS line at all is
    reported where the line belongs (before SUBJECT), or at the first line.

Why:
    TAGS drive the dissemination and retrieval of every telegram; an untagged cable is lost
    to the people who search for it.

Example:
    ``TGS: GOV, PREL, GR``. Clean: ``TAGS: PGOV, PREL, GR``.

Fix:
    Safe, for a mislabelled line: write the label as ``TAGS:``. No fix for a missing line.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-3 H-011 [FAH3]; 5 FAH-2 H-252 [FAH2-250]; 74 STATE 150591; spec/rules.md T001.
"""

import re

from ..diagnostics import Edit, Fix, Severity, Span
from .base import Rule

_GOOD_LABEL = re.compile(r"TAGS:$")


class TagsMissing(Rule):
    code = "T001"
    name = "tags-missing"
    severity = Severity.ERROR
    fixable = "label typos"
    summary = "no TAGS line, or mislabelled"

    def check(self, cable, settings):
        line = cable.tags_line
        if line is None:
            yield self.finding("no TAGS line: every cable needs at least one tag",
                               self.expected_place(cable))
            return
        label = line.label.text.strip()
        if not _GOOD_LABEL.match(label.upper()):
            fix = Fix((Edit(line.label.span.start, line.label.span.end, "TAGS:"),),
                      safe=True, description="write the label as TAGS:")
            yield self.finding(f"TAGS line is labelled '{label}'; write 'TAGS:'",
                               line.label.span, fix=fix)
        if not line.tags:
            yield self.finding("TAGS line lists no tags", line.span)

    @staticmethod
    def expected_place(cable) -> Span:
        if cable.subject is not None:
            return cable.subject.label.span
        if cable.eo_line is not None:
            return cable.eo_line.span
        if cable.banner is not None:
            return cable.banner.span
        return Span(1, 1, 1, 1, 0, 0)
