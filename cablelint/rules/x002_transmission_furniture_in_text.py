"""X002 transmission-furniture-in-text: page and continuation lines, trailers, stamps in the text.

What it checks:
    Furniture that the terminal, the page printer, an archive or the release put into the
    text, which the drafter never wrote:

    - continuation marks of a multi-section telegram, on their own line or inside a re-flowed
      paragraph (``REYKJAVIK 00000195  002 OF 002``, ``STATE 00226504  001.2 OF 002``);
    - page headers of page-printed traffic (``PAGE 02 ROME 01196 01 OF 02 082030Z``, also
      after ``TO``; ``PAGE 02 RUEHFRA0170 S E C R E T``) and, in such a cable, the
      classification line printed at the top and bottom of each page (``CONFIDENTIAL``,
      ``CONFIDENTIAL     PTQ0798``);
    - trailers and stamps: ``End Cable Text``, archival review stamps (``Declassified/Released
      US Department of State EO Systematic Review 30 JUN 2005``), an archive's footer line
      (``2003ROME05149 - Classification: CONFIDENTIAL``);
    - the release database's record fields inside the text (``id:`` ... ``header:`` ... ``-----
      header ends -----``; the number / date / cable ID / origin / classification lines; the
      tab-separated record before a dumped header) and the viewer's date line above the
      banner (``Friday, 23 February 2001, 15:53``);
    - ``NNNN`` (end of message) anywhere but at the end of the text.

    The other rules read the text with the furniture taken out (``NNNN`` stays); the parts of
    a page or continuation mark (post, serial, section, page, total) stay available to S003.

Why:
    None of this belongs to the message: a cable sent again, quoted or filed must not carry
    page marks or release stamps, and text after ``NNNN`` is not part of the message. In a
    re-flowed release a continuation mark sits in the middle of a sentence.

Example:
    The last lines of the reference example ``NNNN`` / ``End Cable Text`` (``End Cable Text``
    is reported); ``... mechanism for proliferation BEIJING 00002305 002 OF 003 regulations
    and ...``. Clean: ``NNNN`` as the last line.

Fix:
    Safe: strip the furniture (its whole line when nothing else stands on it, else the mark and
    the blanks after it). Unsafe: delete a ``NNNN`` that is not at the end (what follows it
    needs a look: often a second copy of the header).

Options:
    None.

Profiles:
    Both profiles alike, at info. A draft should never carry any of this (it was copied from
    a released cable); in the archive profile it is expected release furniture, reported so
    that the reader knows what the normaliser took out.

Source:
    spec/cable-format.md section 9 items 2 and 8 and section 1 zone 5; spec/rules.md X002;
    observed in the corpus (the database records of the viewer pages, the page-printed
    1990s-2003 traffic, the Tehran review stamps).
"""

from ..diagnostics import Edit, Finding, Fix, Severity, maker
from ..model import Block, EndOfMessage, Paragraph
from ..normalise import (
    DATABASE_RECORD,
    FURNITURE,
    PAGE_CLASSIFICATION,
    PAGE_LINE,
    RELEASE_DATE,
    REVIEW_STAMP,
    TRAILER_LINE,
)
from .base import Rule

_MESSAGES = {
    PAGE_CLASSIFICATION: "classification line of a printed page",
    TRAILER_LINE: "'End Cable Text' added by the release",
    REVIEW_STAMP: "archival stamp added after transmission",
    DATABASE_RECORD: "record fields of the release database",
    RELEASE_DATE: "date line added by the release viewer",
}
_FURNITURE = frozenset(FURNITURE)
_finding, _fix, _edit = maker(Finding), maker(Fix), maker(Edit)


class TransmissionFurnitureInText(Rule):
    code = "X002"
    name = "transmission-furniture-in-text"
    severity = Severity.INFO
    fixable = "strip"
    summary = "page/continuation lines and trailers in the text"

    def check(self, cable, settings):
        original_span = cable.source.offsets.original_span
        original = cable.original
        found = []
        for artifact in cable.artifacts:
            if artifact.kind in _FURNITURE:
                start, end = artifact.token
                found.append(_finding((_message(artifact), original_span(start, end),
                                       _fix(((_strip(original, artifact),), True, "strip it")),
                                       None)))
        found += self.early_end_of_message(cable)
        return found

    def early_end_of_message(self, cable):
        """``NNNN`` followed by more text (furniture already taken out)."""
        body = cable.body
        if EndOfMessage not in map(type, body):
            return  # the usual case: no NNNN, or none read
        for index, item in enumerate(body):
            if not isinstance(item, EndOfMessage):
                continue
            if not any(isinstance(later, (Paragraph, Block)) for later in body[index + 1:]):
                continue
            original = cable.original
            line_start = original.rfind("\n", 0, item.span.start) + 1
            line_end = original.find("\n", item.span.end)
            stop = len(original) if line_end < 0 else line_end + 1
            yield self.finding("NNNN (end of message) before the end of the text", item.span,
                               fix=Fix((Edit(line_start, stop, ""),), safe=False,
                                       description="delete the NNNN line"))


def _message(artifact) -> str:
    mark = artifact.page_mark
    if artifact.kind != PAGE_LINE or mark is None:
        return _MESSAGES[artifact.kind]
    if mark.dtg is None and mark.serial is not None and len(mark.serial) == 8:
        section = mark.section + (f".{mark.page}" if mark.page else "")
        words = " ".join(w for w in (mark.post, mark.serial, section, "OF", mark.total) if w)
        return f"continuation mark '{words}'"
    return f"page header 'PAGE {mark.page}' of a printed telegram"


def _strip(original: str, artifact) -> Edit:
    """The deletion of a furniture artifact: a whole line with its line end; inside a line the
    furniture and the blanks after it (at the end of a line the blanks before it stay: after
    ``TO`` the line needs one)."""
    start, end = artifact.start, artifact.end
    at_line_start = start == 0 or original[start - 1] == "\n"
    if original[end - 1:end] == "\n" or end == len(original) and at_line_start:
        return _edit((start, end, ""))  # the whole line
    while end < len(original) and original[end] in " \t":
        end += 1
    return _edit((start, end, ""))
