"""H003 precedence-word-unknown: an addressee's precedence is not an authorised designator.

What it checks:
    The precedence word after a TO or INFO addressee's PLAD is one of ``FLASH``,
    ``NIACT IMMEDIATE``, ``IMMEDIATE``, ``PRIORITY`` or ``ROUTINE`` (no word means ROUTINE).
    A last word that resembles one (``PRIOITY``, ``IMEDIATE``) or a bare ``NIACT`` is
    reported with the word it resembles. ``PRIORITY`` is accepted unless the option
    ``allow_priority`` is turned off in the draft profile: the current handbook lists only
    FLASH, NIACT IMMEDIATE, IMMEDIATE and ROUTINE. Letter case is S006's.

Why:
    The precedence decides how fast and at what hours the addressee handles the cable; a
    word the system does not know is not a precedence at all.

Example:
    ``INFO AMEMBASSY BUENOS AIRES PRIOITY``. Clean: ``INFO AMEMBASSY BUENOS AIRES PRIORITY``.

Fix:
    Safe, for the misspellings seen in real traffic only: ``PRIOITY``, ``PIORITY``,
    ``PRIORTY``, ``PRORITY`` -> ``PRIORITY``. Other words need the drafter.

Options:
    allow_priority (default true): set it to false to report ``PRIORITY`` in the draft
    profile, as the current handbook would. The default accepts it: rules.md's passing
    example uses it, and a word still in wide use should not block a commit unasked.

Profiles:
    draft: ``PRIORITY`` is reported only when ``allow_priority`` is false (5 FAH-2 H-421,
    2017 and later, omits it). archive: ``PRIORITY`` is always valid, as it was for
    cable-era traffic.

Source:
    Cable-era precedence list [FAH1-221 via CM]; current list without PRIORITY
    [FAH2-420 H-421]; typos observed in 08BRASILIA93, 06BRASILIA1910, 08SAOPAULO335 and
    cablemap reader.py [CM]; spec/cable-format.md 3.2; spec/rules.md H003.
"""

from .. import addresses
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class PrecedenceWordUnknown(Rule):
    code = "H003"
    name = "precedence-word-unknown"
    severity = Severity.ERROR
    fixable = "typos"
    summary = "addressee precedence not an authorised designator"
    options = {"allow_priority": True}

    def check(self, cable, settings):
        priority_ok = settings.profile == "archive" or self.option(settings, "allow_priority")
        for _, addressee, parts in addresses.addressees(cable, "TO", "INFO"):
            written = parts.precedence
            if written is None:
                continue
            word = written.text.upper()
            typo = word in addresses.PRECEDENCE_TYPOS
            if not typo and parts.word is not None and (parts.word != "PRIORITY" or priority_ok):
                continue  # an authorised word: the common case
            span = addresses.part_span(cable, addressee, written)
            if typo:
                right = addresses.PRECEDENCE_TYPOS[word]
                yield self.finding(
                    f"precedence '{written.text}' is a misspelling of {right}", span,
                    fix=Fix((Edit(span.start, span.end, right),), safe=True,
                            description=f"write {right}"))
            elif parts.word is None:
                hint = f"; did you mean {parts.guess}?" if parts.guess else ""
                yield self.finding(f"unknown precedence '{written.text}'{hint}", span)
            elif parts.word == "PRIORITY" and not priority_ok:
                yield self.finding(
                    "PRIORITY is not an authorised precedence for new cables (FLASH, "
                    "NIACT IMMEDIATE, IMMEDIATE, ROUTINE); set allow_priority to accept it",
                    span)
