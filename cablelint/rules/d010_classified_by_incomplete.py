"""D010 classified-by-incomplete: "Classified By" missing, or without a name or a position.

What it checks:
    A cable whose banner is CONFIDENTIAL, SECRET or TOP SECRET has a "Classified By" block
    of its own before paragraph 1 (error if there is none), and the block names the
    classifier and gives the classifier's position (warning if either is missing):
    ``Classified By: Ambassador Clark T. Randt, Jr.`` has both; ``Classified By:
    Ambassador`` has no name; ``Classified By: Glyn T. Davies`` has no position.

    A position is a title or office word (``Ambassador``, ``DCM``, ``Charge d'Affaires``,
    ``Political Counselor``, ``Director``, an office symbol such as ``INR/OPS``); a name is
    any other capitalised word that is not a place (``Embassy Tripoli``) or a filler word.
    ``Derived from Multiple Sources`` names neither. A name redacted in the release
    (``XXXXXXXXXXXX``) is not judged (X004 reports redactions). A block standing elsewhere
    in the header or body counts as present (its place is S001's); a block the release ran
    into another header line (``REF: STATE 6461  Classified by ...``) is found there.

Why:
    The classifier's name and position make the decision accountable; records reviewers
    need them to challenge or downgrade the classification.

Example:
    ``Classified By: Ambassador``. Clean:
    ``Classified By: Ambassador Clark T. Randt, Jr. Reasons 1.4 (b) and (d).``

Fix:
    No fix: only the drafter knows who classified the cable.

Options:
    None.

Profiles:
    draft: the block must stand before paragraph 1; a legacy block inside paragraph 1
    (``1. (U) CLASSIFIED BY ...``) is reported as an error.
    archive: the legacy block inside paragraph 1 is accepted (1990s traffic); a cable
    dated before E.O. 12958 (1995-10-14) needs no block (the telegrams of E.O. 11652,
    12065 and 12356 carried the classification authority only in the E.O. line:
    ``E.O. 12356: DECL: OADR``); a block the release cut short (``Classified By:
    Ambass...``) is not judged for name and position.

Source:
    Unnumbered classifier paragraph with name and position [FAH1-240]; 32 CFR
    2001.21(a)(1)-(2) [CFR2001]; observed ``Classified By: Ambassador`` (10SANAA317) [CM];
    spec/rules.md D010.
"""

from ..declassification import governing_order
from ..diagnostics import Severity
from ..reasons import classified_by
from .base import Rule

LEVEL_WORDS = {"C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}


class ClassifiedByIncomplete(Rule):
    code = "D010"
    name = "classified-by-incomplete"
    severity = Severity.ERROR
    summary = "Classified By missing, or no name/position"

    def check(self, cable, settings):
        if not cable.is_classified:
            return
        block = classified_by(cable)
        level = LEVEL_WORDS[cable.level]
        if block is None:
            if settings.profile == "archive" and before_12958(cable):
                return
            yield self.finding(f"{level} cable has no 'Classified By' block before paragraph 1",
                               cable.banner.classification.span)
            return
        if block.place == "paragraph" and settings.profile == "draft":
            yield self.finding("'Classified By' is written inside paragraph 1: make it a block "
                               "of its own before paragraph 1", block.label)
        if block.truncated and settings.profile == "archive":
            return
        has_name, has_position = block.name_and_position()
        if not has_name and not has_position:
            missing = "the classifier's name or position"
        elif not has_name:
            missing = "the classifier's name"
        elif not has_position:
            missing = "the classifier's position"
        else:
            return
        yield self.finding(f"'Classified By' does not give {missing}", block.authority_span,
                           severity=Severity.WARNING)


def before_12958(cable) -> bool:
    """Dated before E.O. 12958 (1995-10-14): telegrams then carried no classifier line."""
    order = governing_order(cable)
    return order is not None and order.order in ("11652", "12065", "12356")
