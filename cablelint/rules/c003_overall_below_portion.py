"""C003 overall-below-portion: a portion is marked higher than the banner.

What it checks:
    The banner's level ranks at least as high as every portion mark, the SUBJECT's included:
    U < C < S < TS, where SBU (and LIMITED OFFICIAL USE in the banner) rank with U. Each
    portion marked above the banner is reported where its mark stands (``(S)`` in a
    CONFIDENTIAL cable). Marks that are not a level (``(CONF)``) are C005's and do not count.

    In an UNCLAS cable only marks that read as marks without doubt count: the SUBJECT's,
    upper-case marks after a paragraph number, and marks with a control (``(S/NF)``). A bare
    ``(C)`` or ``(S)`` opening an unnumbered line, or a lower-case ``(c)``, is there far more
    often a list or REF letter (``(C) 05 SAO PAULO 975``, a questionnaire's item c) than a
    CONFIDENTIAL portion in an unclassified cable.

Why:
    The overall marking is the highest level of any portion; a cable whose banner is lower
    than one of its portions is handled below the protection its content needs.

Example:
    ``C O N F I D E N T I A L ...`` with ``3. (S) The Minister said ...``. Clean:
    ``S E C R E T ...`` with the same paragraph.

Fix:
    No fix: raising the banner or lowering the portion is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    [CFR2001 2001.21(b)(2)]; [FAH1-130 H-132]; spec/rules.md C003.
"""

from ..diagnostics import Severity
from ..markings import (LEVEL_WORDS, main_banner, mark_level, mark_rank, portion_marks, rank,
                        read_mark)
from .base import Rule


def certain(mark, numbered: bool, subject: bool) -> bool:
    """A mark that cannot be a list letter: SUBJECT's, upper case after a number, controlled."""
    parts = read_mark(mark.text)
    return subject or bool(parts.control) or (numbered and parts.level.isupper())


class OverallBelowPortion(Rule):
    code = "C003"
    name = "overall-below-portion"
    severity = Severity.ERROR
    summary = "banner lower than a portion mark"

    def check(self, cable, settings):
        banner = main_banner(cable)
        overall = rank(banner.level) if banner else None
        if overall is None:
            return
        above = [m for m in portion_marks(cable) if mark_rank(m) > overall]
        if not above:
            return
        numbered = {p.portion_mark.span.start for p in cable.numbered_paragraphs
                    if p.portion_mark is not None}
        subject = cable.subject.portion_mark if cable.subject else None
        for mark in above:
            level = mark_level(mark)
            if overall == 0 and not certain(mark, mark.span.start in numbered, mark is subject):
                continue
            yield self.finding(
                f"portion marked ({level}) in a {LEVEL_WORDS[banner.level]} cable: the "
                f"banner must be at least {LEVEL_WORDS[level]}", mark.span)
