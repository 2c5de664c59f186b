"""C004 overall-above-portions: a classified banner above every portion.

What it checks:
    A CONFIDENTIAL, SECRET or TOP SECRET cable whose portions are all marked lower than the
    banner (every paragraph ``(U)`` in a CONFIDENTIAL cable). The SUBJECT's mark counts.
    The rule judges only cables whose numbered paragraphs all carry a level mark: a cable
    without portion marks, or with unmarked paragraphs, is P004's (an unmarked paragraph
    may be the one that holds the classified text), and a mark that is no level
    (``(CONF)``) is C005's. Reported once, on the banner's classification.

Why:
    The overall marking is the highest portion level. A banner above every portion
    over-classifies the cable; that is right only for a compilation whose combination of
    unclassified items is itself classified, which the cable must then explain.

Example:
    ``C O N F I D E N T I A L ...`` where every paragraph is ``(U)``. Clean: the same with
    at least one ``(C)`` paragraph.

Fix:
    No fix: the level is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    [CFR2001 2001.21(b)]; compilations [CFR2001 2001.24(g)]; spec/rules.md C004.
"""

from ..diagnostics import Severity
from ..markings import LEVEL_WORDS, main_banner, mark_level, mark_rank, portion_marks, rank
from ..model import Paragraph
from .base import Rule


class OverallAbovePortions(Rule):
    code = "C004"
    name = "overall-above-portions"
    severity = Severity.WARNING
    summary = "banner higher than every portion"

    def check(self, cable, settings):
        banner = main_banner(cable)
        if banner is None or banner.level not in ("C", "S", "TS"):
            return
        marks = portion_marks(cable)
        if not marks or max(map(mark_rank, marks)) >= rank(banner.level):
            return  # the usual case: a portion as high as the banner
        if any(isinstance(item, Paragraph) and item.number is not None
               and item.portion_mark is None for item in cable.body):
            return  # an unmarked numbered paragraph
        levels = [mark_level(mark) for mark in marks]
        if not levels or None in levels:
            return
        highest = max(levels, key=lambda level: (rank(level), level != "U"))
        if rank(highest) < rank(banner.level):
            yield self.finding(
                f"{LEVEL_WORDS[banner.level]} banner but no portion is above ({highest}); "
                "mark the classified portions or lower the banner", banner.classification.span)
