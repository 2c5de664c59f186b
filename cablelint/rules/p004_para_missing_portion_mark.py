"""P004 para-missing-portion-mark: a paragraph of a classified or SBU cable has no mark.

What it checks:
    In a cable whose banner is CONFIDENTIAL, SECRET or TOP SECRET, or an unclassified cable
    that carries SBU text (a ``SENSITIVE`` caption or an ``(SBU)`` portion), every numbered
    paragraph starts with a portion mark, and so does every unnumbered prose block of the body.
    A prose block is one that reads as text: at least 80 characters, or a sentence of four or
    more words ending in ``.``, ``?`` or ``!``. Headings and the signature are not portions.
    A mark written later in the paragraph's opening (``1. Summary: (SBU) ...``) is left to
    P005. In the ``archive`` profile a legacy ``CONFIDENTIAL - ENTIRE TEXT`` statement marks
    the whole cable.

    A block of text after a blank line is a portion of its own, even when it continues the
    sentence of the paragraph above (a page break in the release): the linter cannot tell a
    continuation from a new portion, and a reviewer reads it as unmarked.

Why:
    Every portion of a classified document is marked with its level, so readers know what
    may be extracted and shared.

Example:
    ``3. The Minister said ...`` in a SECRET cable. Clean: ``3. (S) The Minister said ...``.

Fix:
    No fix: the level of a portion is a human decision.

Options:
    None.

Profiles:
    draft: a legacy ``CONFIDENTIAL - ENTIRE TEXT`` line does not stand in for portion marks.
    archive: such a line marks every paragraph of the cable.

Source:
    5 FAH-1 H-246.2c [FAH1-240]; 32 CFR 2001.21(c), 2001.22(g) [CFR2001]; spec/rules.md P004.
"""

import re

from ..diagnostics import Severity
from ..model import Block, Paragraph
from .base import Rule

_MARK_NEAR_START = re.compile(r"\((?:U|C|S|TS|SBU)(?:/[^)]*)?\)")
_LEVEL_WORDS = {"C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}
_ENTIRE_TEXT = re.compile(r"\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*-+\s*ENTIRE TEXT", re.I)


def is_prose(text: str) -> bool:
    """Reads as running text rather than a heading, a rule line or a signature."""
    stripped = text.strip()
    if len(stripped) >= 80:
        return True
    return stripped.endswith((".", "?", "!", '."')) and len(stripped.split()) >= 4


def needs_marks(cable) -> bool:
    """Classified, or unclassified with SBU text."""
    if cable.is_classified:
        return True
    if cable.level != "U":
        return False
    if any(c.text.strip().upper() == "SENSITIVE" for line in cable.captions for c in line.captions):
        return True
    return any(p.portion_mark and p.portion_mark.level == "SBU" for p in cable.paragraphs)


class ParaMissingPortionMark(Rule):
    code = "P004"
    name = "para-missing-portion-mark"
    severity = Severity.ERROR
    summary = "paragraph without a portion mark"

    def check(self, cable, settings):
        if not needs_marks(cable):
            return
        if settings.profile == "archive" and _ENTIRE_TEXT.search(cable.source.text):
            return
        level = _LEVEL_WORDS.get(cable.level, "SBU") if cable.is_classified else "SBU"
        for item in cable.body:
            if isinstance(item, Paragraph) and item.number is not None:
                if item.portion_mark is None and not self.mark_nearby(item):
                    yield self.finding(
                        f"paragraph {item.number.text.rstrip('.')} has no portion mark "
                        f"in a {level} cable", item.number.span)
            elif isinstance(item, Block) and is_prose(item.text.text):
                yield self.finding(f"unnumbered paragraph has no portion mark in a {level} cable",
                                   item.text.span)

    @staticmethod
    def mark_nearby(paragraph: Paragraph) -> bool:
        opening = paragraph.text.text[:60] if paragraph.text else ""
        return bool(_MARK_NEAR_START.search(opening))
