"""T005 tags-missing-subject-or-geo: the TAGS line has no subject tag, or no geographic tag.

What it checks:
    The TAGS line carries at least one subject tag (``PREL``, ``ECON``) or program tag
    (``KDEM``, a subject of the ``K`` category). A cable from a post (its banner names a post
    other than ``STATE``; without a post in the banner, its ``FM`` line is not ``SECSTATE``)
    also carries at least one two-letter geographic tag (``CH``); a mission to an
    international organisation (``FM USMISSION ...``, ``FM USEU BRUSSELS``, or a banner post
    such as ``USUN NEW YORK``, ``USNATO``, ``UNVIE VIENNA``) may carry an organisation tag
    (``UNSC``, ``NATO``) instead. Department cables need no geographic tag. The parts of a
    run-together token (``PHUMBA``, T003) count. A cable without tags is left to T001.

Why:
    TAGS stand for "Traffic Analysis by Geography and Subject": retrieval and distribution
    go by subject and by country; a cable without either is missed by one of them.

Example:
    ``TAGS: CH`` (no subject tag). Clean: ``TAGS: PARM PREL ETTC CH``.

Fix:
    No fix: which tag to add is the drafter's choice.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-3 H-011, H-012 [FAH3]; 74 STATE 150591 [STATE-74-150591]; spec/cable-format.md
    section 4.5; spec/rules.md T005.
"""

from functools import lru_cache

from .. import codes
from ..citations import listed_tags, splits
from ..diagnostics import Severity
from .base import Rule

_MISSION_POSTS = ("USUN", "USNATO", "USEU", "USOSCE", "UNVIE", "UNESCO")


def origin(cable) -> str | None:
    """The originating post in station form (``BEIJING``, ``STATE``), or None if unknown."""
    if cable.banner is not None and cable.banner.post is not None:
        return codes.squeeze_post(cable.banner.post.text)
    if cable.originators:
        plad = cable.originators[0].plad.text.upper()
        return "STATE" if "SECSTATE" in plad else codes.squeeze_post(plad)
    return None


def is_mission(cable, post: str) -> bool:
    """A mission to an international organisation, by its banner post or its FM line."""
    plad = codes.squeeze_post(cable.originators[0].plad.text) if cable.originators else ""
    return post.startswith(_MISSION_POSTS) or plad.startswith(_MISSION_POSTS + ("USMISSION",))


@lru_cache(maxsize=1024)
def tag_kinds(text: str) -> frozenset[str | None]:
    """The kinds of a TAGS token (see ``codes.tag_kind``), or of its parts when it runs tags
    together (``PHUMBA``: subject and geographic)."""
    token = text.strip().rstrip(".")
    ways = splits(token)
    return frozenset(codes.tag_kind(word) for word in (ways[0] if ways else (token.upper(),)))


class TagsMissingSubjectOrGeo(Rule):
    code = "T005"
    name = "tags-missing-subject-or-geo"
    severity = Severity.WARNING
    summary = "no subject tag / no geographic tag"

    def check(self, cable, settings):
        for line in cable.tags_lines[:1]:
            if not line.tags:
                continue
            kinds = set()
            for tag in listed_tags(line):
                kinds |= tag_kinds(tag.text)
            if not kinds & {"subject", "program"}:
                yield self.finding("TAGS line has no subject tag (such as PREL, PGOV, ECON)",
                                   line.label.span)
            if "geographic" in kinds:
                continue  # (the usual line: the origin need not be read)
            post = origin(cable)
            if post is None or post == "STATE":
                continue
            if "organization" in kinds and is_mission(cable, post):
                continue
            written = cable.banner.post.text if cable.banner and cable.banner.post else post
            yield self.finding(f"TAGS line has no geographic tag for a cable from {written}",
                               line.label.span)
