"""C010 subject-not-portion-marked: a classified cable's SUBJECT has no portion mark.

What it checks:
    In a CONFIDENTIAL, SECRET or TOP SECRET cable the SUBJECT text starts with a portion
    mark: ``SUBJECT: (C) ...``. Reported on the ``SUBJECT:`` label of the first SUBJECT
    line (a repeated header block is X003's). A SUBJECT with no text is S002's.

Why:
    A subject is a portion and is marked like any other, so that it can be quoted (in
    indexes, replies, REF lists) at its own level; the mark goes before the subject text.

Example:
    ``SUBJECT: FOLLOW-UP ON CHINA NONPROLIFERATION COOPERATION`` in a SECRET cable. Clean:
    ``SUBJECT: (C) FOLLOW-UP ON CHINA NONPROLIFERATION COOPERATION``.

Fix:
    No fix: the subject's level is a classifier's decision.

Options:
    None.

Profiles:
    Both profiles alike (the severity is a warning because many 2000s cables omit the mark).

Source:
    Subjects are portions [CFR2001 2001.21(c)]; mark before the subject text, by analogy
    with e-mail [CFR2001 2001.23(b)(4)]; practice observed (``SUBJECT: (C/NF) ...``) [CM];
    spec/rules.md C010.
"""

from ..diagnostics import Severity
from ..markings import LEVEL_WORDS, main_banner
from .base import Rule


class SubjectNotPortionMarked(Rule):
    code = "C010"
    name = "subject-not-portion-marked"
    severity = Severity.WARNING
    summary = "classified cable with an unmarked SUBJECT"

    def check(self, cable, settings):
        banner = main_banner(cable)
        subject = cable.subject
        if banner is None or banner.level not in ("C", "S", "TS") or subject is None:
            return
        if subject.portion_mark is None and subject.text is not None:
            yield self.finding(f"SUBJECT of a {LEVEL_WORDS[banner.level]} cable has no portion "
                               "mark before its text", subject.label.span)
