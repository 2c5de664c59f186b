"""S002 subject-missing: no SUBJECT line, a misspelt label, or a subject without text.

What it checks:
    The text header has one ``SUBJECT:`` line with text. Reported:

    * no SUBJECT line at all (the finding stands at the TAGS line, or the E.O. line or the
      banner when there is no TAGS line);
    * a misspelt label: ``SUBJ:``, ``UBJECT:`` (the case of the label is S006's business);
    * a label with no text after it;
    * a second SUBJECT line in the same header block (a repeated header block, X003, has its
      own).

Why:
    The subject line tells readers and the Department's retrieval systems what the cable is
    about; the text of a telegram begins below it.

Example:
    ``SUBJ: TERRORIST KILL FOUR POLICEMEN``. Clean: ``SUBJECT: TERRORIST KILL FOUR
    POLICEMEN``.

Fix:
    Safe, for the label only: write ``SUBJECT:`` for ``SUBJ:`` or ``UBJECT:`` (the case as
    written is kept: ``Subj:`` becomes ``Subject:``). A missing subject needs a human.

Options:
    None.

Profiles:
    draft: ``SUBJ:`` is reported.
    archive: ``SUBJ:``, the abbreviation of older traffic, is accepted; a cable that the
    release holds only as a partial extract ("This record is a partial extract ...") is not
    reported for a missing SUBJECT line, since its header was not released.

Source:
    5 FAH-1 H-246.1a [FAH1-240]; 5 FAH-1 H-211d [FAH1-210]; missing subjects observed as
    defects [CM: test_issue14.py]; spec/cable-format.md sections 4.6 and 9; spec/rules.md S002.
"""

import re

from .. import regex
from ..body import header_groups
from ..diagnostics import Edit, Fix, Severity
from ..normalise import FLATTENED_HEADER
from .base import Rule

_PARTIAL_EXTRACT = regex.compile(r"This record is a partial extract", re.IGNORECASE)


def _split_after(cable, position: int) -> bool:
    """The normaliser broke the line after the label (``SUBJECT: E.O. 13382 ...``): the
    subject's text was read as another element, so it is not missing."""
    original = cable.original
    split = {a.start for a in cable.artifacts if a.kind == FLATTENED_HEADER}
    end = position
    while end < len(original) and original[end] in " \t":
        end += 1
    return any(p in split for p in range(position, end + 1))


class SubjectMissing(Rule):
    code = "S002"
    name = "subject-missing"
    severity = Severity.ERROR
    fixable = "label typos"
    summary = "no SUBJECT line"

    def check(self, cable, settings):
        archive = settings.profile == "archive"
        if not cable.subjects:
            if archive and _PARTIAL_EXTRACT.search(cable.original, 0, 400):
                return
            place = cable.tags_line or cable.eo_line or cable.banner
            if place is not None:
                yield self.finding("no SUBJECT line", place.span)
            return
        for subject in cable.subjects:
            yield from self.label(subject, archive)
            if (subject.text is None or not subject.text.text.strip()) and not (
                    _split_after(cable, subject.label.span.end)):
                yield self.finding("SUBJECT line has no text", subject.label.span)
        for group in header_groups(cable, merge_runs=False):
            subjects = [span for kind, span in group if kind == "subject"]
            for before, span in zip(subjects, subjects[1:]):
                same_line = before.line == span.line
                yield self.finding("SUBJECT label written twice" if same_line
                                   else "a second SUBJECT line in the same header", span)

    def label(self, subject, archive):
        label = subject.label
        word = label.text.rstrip(":").strip()
        if word.upper() == "SUBJECT" or (archive and word.upper() == "SUBJ"):
            return
        fixed = "SUBJECT" if word.isupper() else "Subject" if word[:1].isupper() else "subject"
        span = label.span
        yield self.finding(f"label '{label.text}' is not 'SUBJECT:'", span,
                           fix=Fix((Edit(span.start, span.start + len(word), fixed),),
                                   safe=True, description=f"write '{fixed}:'"))
