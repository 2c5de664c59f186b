"""T002 tag-unknown: a TAGS token that is not in the TAGS vocabulary.

What it checks:
    Each token of the TAGS line is a known subject tag (``PREL``), program tag (``KDEM``),
    organisation tag (``NATO``), geographic code (``CH``, FIPS 10-4 style, plus the non-FIPS
    codes seen in real traffic) or a person tag (``(STEINBERG, JAMES B.)``). Lists ship with
    the package (``cablelint/data``). A caption word used as a tag (``SIPDIS``) and prose
    (``HUMAN RIGHTS``) are reported; a close known tag is suggested (``PRELL`` -> ``PREL``).
    Case is left to S006: ``prel`` is known.

Why:
    TAGS are a controlled vocabulary; an unknown tag routes the cable nowhere.

Example:
    ``TAGS: PGOVV, PREL, HUMAN RIGHTS``. Clean: ``TAGS: PGOV, PREL, PHUM``.

Fix:
    Safe, for ``SIPDIS`` only: remove it from the line. Other tokens need a human choice.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-3 H-011.1, H-110 [FAH3]; observed prose and SIPDIS tags [CM]; spec/rules.md T002.
"""

from functools import cache

from .. import codes
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_CAPTION_WORDS = {"SIPDIS", "NODIS", "EXDIS", "LIMDIS", "NOFORN", "SENSITIVE"}


@cache
def vocabulary() -> frozenset[str]:
    return (codes.subject_tags() | codes.program_tags() | codes.organization_tags()
            | codes.geo_codes())


@cache
def suggestion(word: str) -> str | None:
    """A close known tag for an unknown one (remembered: archives repeat their typos)."""
    return codes.suggest(word, vocabulary()) if word.isalpha() else None


class TagUnknown(Rule):
    code = "T002"
    name = "tag-unknown"
    severity = Severity.WARNING
    fixable = "drop SIPDIS"
    summary = "token not in the TAGS vocabulary"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            for tag in line.tags:
                token = tag.text.strip().rstrip(".")
                word = token.upper()
                if not word or token.startswith("(") or codes.is_known_tag(word):
                    continue
                if word in _CAPTION_WORDS:
                    fix = Fix((Edit(tag.span.start, tag.span.end, ""),), safe=True,
                              description=f"remove {word} from the TAGS line")
                    yield self.finding(f"'{token}' is a caption, not a tag", tag.span, fix=fix)
                    continue
                guess = suggestion(word)
                hint = f"; did you mean '{guess}'?" if guess else ""
                yield self.finding(f"unknown tag '{token}'{hint}", tag.span)
