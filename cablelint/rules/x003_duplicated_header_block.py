"""X003 duplicated-header-block: the banner ... Classified By block appears twice.

What it checks:
    A later line that opens with the cable's banner exactly as written (``S E C R E T
    SECTION 01 OF 02 STATE 083673``), followed by the same header lines as the first copy:
    the words of both copies agree for the banner and at least three more words (captions,
    attention lines, E.O. line, TAGS ...), whether the copy is laid out line by line or
    flattened onto one line. A banner repeated with different lines after it (a cable repeated
    for action, ``QUOTE`` ... ``S E C R E T STATE 127892`` ...) and the banners of the
    sections of a multi-section cable (``SECTION 02 OF 03``) are not copies.

Why:
    The second copy was pasted or produced by a release (a truncated preview of the header,
    the database record, then the whole text), not drafted: every header element appears
    twice, and the other rules report each problem of the header twice.

Example:
    Two identical blocks ``S E C R E T SECTION 01 OF 02 STATE 083673`` / ``SIPDIS`` /
    ``E.O. 12958: DECL: ...`` / ``TAGS: ...`` / ``SUBJECT: ...`` / ``Classified By: ...``,
    one after the other. Clean: the block once.

Fix:
    Safe, only when the second copy is byte-identical to the first and follows it directly
    (everything from the first banner up to the second banner is repeated from the second
    banner on): delete the second copy. Otherwise no fix: which copy is complete needs a look
    (the first one of a release is often a preview cut off with ``...``).

Options:
    None.

Profiles:
    Both profiles alike, at warning: in the archive the copies come from the release (viewer
    previews and database dumps), but they still double every header finding.

Source:
    spec/cable-format.md section 9 item 5; spec/rules.md X003; observed in STATE-06-083673 and
    the corpus (viewer pages that hold a preview, the database record and the full text).
"""

from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_MORE_WORDS = 3  # words after the banner that must agree


class DuplicatedHeaderBlock(Rule):
    code = "X003"
    name = "duplicated-header-block"
    severity = Severity.WARNING
    fixable = "drop copy"
    summary = "banner ... Classified By block repeated"

    def check(self, cable, settings):
        banner = cable.banner
        if banner is None:
            return
        original = cable.original
        key = original[banner.span.start:banner.span.end]
        if not key.strip():
            return
        offsets = cable.source.offsets
        previous = _line_start(original, banner.span.start)
        first_line = banner.span.line
        at = original.find(key, banner.span.end)
        while at >= 0:
            line_start = _line_start(original, at)
            if not original[line_start:at].strip() and _same_block(original, previous, line_start,
                                                                   len(key.split())):
                span = offsets.original_span(at, at + len(key))
                yield self.finding(f"header block of line {first_line} repeated from here",
                                   span, fix=_drop_copy(original, previous, line_start))
                previous = line_start
            at = original.find(key, at + len(key))


def _line_start(original: str, position: int) -> int:
    return original.rfind("\n", 0, position) + 1


def _same_block(original: str, first: int, second: int, banner_words: int) -> bool:
    """Whether the words from ``second`` on repeat the words of ``first`` ... ``second`` for the
    banner and at least _MORE_WORDS more."""
    wanted = banner_words + _MORE_WORDS
    copy = original[first:second].split(None, wanted)[:wanted]
    if len(copy) < wanted:
        return False
    return original[second:].split(None, wanted)[:wanted] == copy


def _drop_copy(original: str, first: int, second: int) -> Fix | None:
    """Delete the second copy when it repeats everything from the first banner on, byte for
    byte."""
    block = original[first:second]
    if original.startswith(block, second):
        return Fix((Edit(second, second + len(block), ""),), safe=True,
                   description="delete the second copy")
    return None
