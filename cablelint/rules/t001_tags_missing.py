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
    draft: every mislabelled line is reported. archive: the label ``TAGS`` without a colon
    before comma-separated tags (``TAGS PGOV, PREL, UK``) is accepted. In the 2010 release
    it is the form of one rendering of the traffic, not of a drafter: 517 cables from over a
    hundred posts, 2000-2010, always with commas (521 of 522 such lines; 3 of 5,203 ``TAGS:``
    lines have commas) and nearly always beside ``EO 12958 DECL:`` written the same way.

Source:
    5 FAH-3 H-011 [FAH3]; 5 FAH-2 H-252 [FAH2-250]; 74 STATE 150591; spec/rules.md T001.
"""


from .. import regex
from ..diagnostics import Edit, Fix, Severity, Span
from .base import Rule

_GOOD_LABEL = regex.compile(r"TAGS:$")


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
        if settings.profile == "archive" and self.rendered_without_colon(cable, line):
            label = "TAGS:"
        if not _GOOD_LABEL.match(label.upper()):
            fix = Fix((Edit(line.label.span.start, line.label.span.end, "TAGS:"),),
                      safe=True, description="write the label as TAGS:")
            yield self.finding(f"TAGS line is labelled '{label}'; write 'TAGS:'",
                               line.label.span, fix=fix)
        if not line.tags:
            yield self.finding("TAGS line lists no tags", line.span)

    @staticmethod
    def rendered_without_colon(cable, line) -> bool:
        """``TAGS PGOV, PREL, UK``: the archive rendering of a TAGS line (see Profiles)."""
        text = cable.original[line.label.span.end:line.span.end]
        return line.label.text.strip().upper() == "TAGS" and "," in text

    @staticmethod
    def expected_place(cable) -> Span:
        if cable.subject is not None:
            return cable.subject.label.span
        if cable.eo_line is not None:
            return cable.eo_line.span
        if cable.banner is not None:
            return cable.banner.span
        return Span(1, 1, 1, 1, 0, 0)
