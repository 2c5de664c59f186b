"""P004 para-missing-portion-mark: a paragraph of a classified or SBU cable has no mark.

What it checks:
    In a cable whose banner is CONFIDENTIAL, SECRET or TOP SECRET, or an unclassified cable
    that carries SBU text (a ``SENSITIVE`` caption or an ``(SBU)`` portion), every numbered
    paragraph starts with a portion mark, and so does every unnumbered paragraph of the body.
    An unnumbered paragraph is a block of prose: at least 80 characters, or a sentence of four
    or more words ending in ``.``, ``?`` or ``!``.

    Not portions of their own, and so never reported (see ``cablelint/body.py``):

    * headings and rule lines (``Review of Open Cases``, ``----- SUMMARY -----``), short lines,
      the signature;
    * a block that continues the paragraph above after a blank line, as at a page break of the
      release: a page line stood between them, or the block starts with a lower-case letter,
      or the paragraph above stops mid-sentence (it ends in a letter, a digit, ``,``, ``:``,
      ``;`` or ``-``). Decision for the reference example 08BEIJING1050: ``holding our first
      review ...`` after the blank line in paragraph 6 continues that paragraph's sentence
      (``He proposed``), so it is part of paragraph 6 and is not reported;
    * a number that the line wrapping put at the start of a line (``... on November`` /
      ``8. He also ...``: no blank line before it, the line above stops mid-sentence, not the
      next paragraph number): text of the paragraph above, not a paragraph;
    * list items and sub-paragraphs under a paragraph (``-- ...``, ``a. ...``, ``(1) ...``):
      they share the paragraph's mark;
    * header or transmission lines that the release repeated in the body (``TAGS:``,
      ``E.O. 12958: ...``, ``DE RUEHxx #0123``), "Classified By" fragments and the "Visit ...
      Classified Web Site" notice: release furniture, reported by the X rules.

    A numbered paragraph with no text is not reported (nothing to mark), nor one whose mark
    stands later in its opening (``1. Summary: (SBU) ...``, ``5, (C) ...``): P005 reports those.
    A block that starts with a capital after a finished sentence is a new, unmarked portion.

    In the ``archive`` profile a legacy whole-text marking at the start of the body marks
    every paragraph: ``CONFIDENTIAL - ENTIRE TEXT``, ``(S-ENTIRE TEXT)``, ``SENSITIVE BUT
    UNCLASSIFIED -- ENTIRE TEXT``, ``ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED``.

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
    draft: every paragraph needs its own mark; a whole-text marking does not stand in for
    portion marks.
    archive: a whole-text marking (``CONFIDENTIAL - ENTIRE TEXT`` and its variants) in the first
    paragraphs of the body marks every paragraph of the cable.

Source:
    5 FAH-1 H-246.2c [FAH1-240]; 32 CFR 2001.21(c), 2001.22(g) [CFR2001]; spec/rules.md P004.
"""

import re

from .. import regex
from ..body import (BROKEN_MARK, NUMBER_START, NUMBERED, first_line, has_mark_in_opening,
                    opening_text, read_body)
from ..diagnostics import Severity
from ..model import Block, Paragraph
from .base import Rule

_LEVEL_WORDS = {"C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}
_ENTIRE_TEXT = regex.compile(
    r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|SENSITIVE BUT UNCLASSIFIED|LIMITED OFFICIAL USE"
    r"|\b(?:U|C|S|TS|SBU))[^\S\n]*-+[^\S\n]*ENTIRE TEXT"
    r"|ENTIRE TEXT[^\S\n]+(?:IS[^\S\n]+)?(?:SENSITIVE BUT UNCLASSIFIED|CONFIDENTIAL|SECRET)"
    r"|ENTIRE TEXT OF THIS (?:REPORT|CABLE|MESSAGE|TELEGRAM) IS",
    re.IGNORECASE)
_CLASSIFIED_BY = regex.compile(r"CLASS?IFIED[^\S\n]+BY\b", re.IGNORECASE)
_OPENING_ITEMS = 3  # a whole-text marking stands in the first items of the body


def needs_marks(cable) -> bool:
    """Classified, or unclassified with SBU text."""
    if cable.is_classified:
        return True
    if cable.level != "U":
        return False
    if any(c.text.strip().upper() == "SENSITIVE" for line in cable.captions for c in line.captions):
        return True
    return any(p.portion_mark and p.portion_mark.level == "SBU" for p in cable.paragraphs)


def marked_entire_text(body) -> bool:
    """A legacy whole-text marking in the opening items of the body."""
    for item in body.items[:_OPENING_ITEMS]:
        opening = item.text.text[:200].upper() if item.text is not None else ""
        if "ENTIRE TEXT" in opening and _ENTIRE_TEXT.search(opening):
            return True
    return False


class ParaMissingPortionMark(Rule):
    code = "P004"
    name = "para-missing-portion-mark"
    severity = Severity.ERROR
    summary = "paragraph without a portion mark"

    def check(self, cable, settings):
        if not needs_marks(cable):
            return
        body = read_body(cable)
        if settings.profile == "archive" and marked_entire_text(body):
            return
        level = _LEVEL_WORDS.get(cable.level, "SBU") if cable.is_classified else "SBU"
        for portion in body.portions:
            head = portion.head
            if isinstance(head, Paragraph):
                if (head.number is None or head.portion_mark is not None or head.text is None
                        or has_mark_in_opening(head.text.text) or BROKEN_MARK.match(head.text.text)
                        or _CLASSIFIED_BY.match(head.text.text)):
                    continue
                yield self.finding(
                    f"paragraph {head.number.text.rstrip('.')} has no portion mark "
                    f"in a {level} cable", head.number.span)
            elif isinstance(head, Block):
                opening = opening_text(head.text.text)
                if has_mark_in_opening(opening, 16) or BROKEN_MARK.match(opening):
                    continue
                number = NUMBER_START.match(opening) if body.kind(head) == NUMBERED else None
                what = f"paragraph {number.group(1)}" if number else "unnumbered paragraph"
                yield self.finding(f"{what} has no portion mark in a {level} cable",
                                   first_line(cable, head.text.span))
