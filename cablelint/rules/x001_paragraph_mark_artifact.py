"""X001 paragraph-mark-artifact: ``¶`` marks and mangled ``¶`` digits.

What it checks:
    Release artifacts on paragraph numbers and REF letters: a ``¶`` before a paragraph number
    or REF letter (``¶1.``, ``¶ 14.``, ``¶B.``), and the ``¶`` that became the digit ``1``:
    a run of paragraphs starting ``11.``, ``12.``, ... (``110.`` for 10) and REF letters written
    ``1B.``, ``1C.``. The other rules read the text with these taken out, so paragraph 1 is 1.

Why:
    The marks were added by the web release, not by the drafter; a cable sent again or quoted
    must not carry them.

Example:
    ``11. (S) PolMinCouns and MFA ...`` (paragraph 1), ``1B. 07 BEIJING 7297``,
    ``¶ 14. (S) ...``. Clean: ``1. (S) ...``, ``B. 07 BEIJING 7297``.

Fix:
    Safe: delete the mark or the extra ``1``. The leading ``1`` is dropped only when the whole
    run is consistent (first numbered paragraph ``11.`` and every later one ``1n.``).

Options:
    None.

Profiles:
    Both profiles alike, at info. A draft should never carry the marks (they were copied from
    a released cable); in the archive profile they are expected release artifacts (86% of the
    shared corpus carries ``¶``), reported so that the reader knows what the normaliser
    changed.

Source:
    spec/cable-format.md section 9 item 1; spec/rules.md X001.
"""

from functools import partial

from ..diagnostics import Edit, Finding, Fix, LazyFix, Severity, maker
from ..normalise import MANGLED_LETTER, MANGLED_NUMBER, PARAGRAPH_MARK
from .base import Rule

_MESSAGES = {
    PARAGRAPH_MARK: "paragraph mark '¶' added by the release",
    MANGLED_NUMBER: "paragraph number carries a '1' that was a '¶' mark",
    MANGLED_LETTER: "REF letter carries a '1' that was a '¶' mark",
}
_finding = maker(Finding)


class ParagraphMarkArtifact(Rule):
    code = "X001"
    name = "paragraph-mark-artifact"
    severity = Severity.INFO
    fixable = "yes"
    summary = "¶ marks and mangled ¶ digits"

    def check(self, cable, settings):
        # most cables carry several marks: the findings are made directly and the fixes
        # only when asked for
        artifacts = cable.artifacts
        if not artifacts:
            return ()
        span = cable.source.offsets.original_span
        messages = _MESSAGES
        return [_finding((message, span(artifact.start, artifact.end),
                          LazyFix(partial(_deletion, artifact)), None))
                for artifact in artifacts if (message := messages.get(artifact.kind)) is not None]


def _deletion(artifact) -> Fix:
    return Fix((Edit(artifact.start, artifact.end, ""),), safe=True, description="delete it")

