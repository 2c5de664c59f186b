"""H007 niact-unjustified: NIACT IMMEDIATE without a justification in paragraph 1.

What it checks:
    When any TO or INFO addressee carries ``NIACT IMMEDIATE``, paragraph 1 (the first
    numbered paragraph, else the first paragraph or block of text of the body) mentions
    ``NIACT`` and gives a reason: one of the words ``because``, ``due to``, ``owing to``,
    ``reason``, ``since``, ``given``, ``in view of``, ``in light of``, ``in order to``,
    ``so that``, ``urgent``, ``deadline``, ``time-sensitive``, ``before``, ``by`` and a date,
    ``required``, ``needed`` (any case). One finding per cable, at the first NIACT
    precedence; the message names paragraph 1's line and never quotes its text.

Why:
    NIACT wakes the addressee's duty officer at night; the handbook asks the drafter to say
    why in the first paragraph, so that the reader can judge the call.

Example:
    ``TO AMEMBASSY PARIS NIACT IMMEDIATE`` with ``1. (C) Please deliver the following ...``.
    Clean: ``1. (U) NIACT PRECEDENCE BECAUSE OF GOVERNMENT CRISIS. ...``.

Fix:
    No fix: the reason is the drafter's to give.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    NIACT justified in the first paragraph [FAH2-420 H-421.2b]; observed model
    95TELAVIV17504 [CM]; spec/cable-format.md 3.2; spec/rules.md H007.
"""

import re

from .. import addresses, regex
from ..diagnostics import Severity
from ..model import Block
from .base import Rule

_NIACT = regex.compile(r"\bNIACT\b", re.IGNORECASE)
_REASON = regex.compile(
    r"\b(?:because|due\s+to|owing\s+to|reasons?|since|given|in\s+view\s+of|in\s+light\s+of"
    r"|in\s+order\s+to|so\s+that|urgent(?:ly)?|deadline|time[-\s]sensitive|before"
    r"|by\s+\w*\s*\d|required|needed)\b", re.IGNORECASE)


def first_paragraph(cable):
    """Paragraph 1: the first numbered paragraph, else the first paragraph or block of text
    (four words or more: not a heading or the signature)."""
    if cable.numbered_paragraphs:
        return cable.numbered_paragraphs[0]
    if cable.paragraphs:
        return cable.paragraphs[0]
    return next((item for item in cable.body
                 if isinstance(item, Block) and len(item.text.text.split()) >= 4), None)


class NiactUnjustified(Rule):
    code = "H007"
    name = "niact-unjustified"
    severity = Severity.WARNING
    summary = "NIACT without a justification in paragraph 1"

    def check(self, cable, settings):
        if not any("NIACT" in a.text.upper() for lst in cable.address_lists
                   for a in lst.addressees):
            return
        niact = next(((addressee, parts) for _, addressee, parts
                      in addresses.addressees(cable, "TO", "INFO")
                      if parts.word == "NIACT IMMEDIATE"), None)
        if niact is None:
            return
        addressee, parts = niact
        span = addresses.part_span(cable, addressee, parts.precedence)
        paragraph = first_paragraph(cable)
        text = paragraph.text.text if paragraph is not None and paragraph.text else ""
        where = f"paragraph 1 (line {paragraph.span.line})" if paragraph else "paragraph 1"
        if paragraph is None:
            problem = "the cable has no paragraph 1 to justify it"
        elif not _NIACT.search(text):
            problem = f"{where} does not mention NIACT"
        elif not _REASON.search(text):
            problem = f"{where} mentions NIACT but gives no reason"
        else:
            return
        yield self.finding(f"NIACT IMMEDIATE for {parts.plad.text}: {problem}", span)
