"""Code lists shipped as data: TAGS, geographic codes, stations, precedences, captions, orders.

The lists live in ``cablelint/data/*.tsv`` (UTF-8, tab-separated, a ``#`` comment block naming
the source, then a header row, then one row per entry). Each file is read once, on first use,
and cached; importing this module reads nothing.

Tag kinds follow spec/cable-format.md section 4.5: subject tags (four letters), program tags
(``K`` + three letters), geographic tags (two letters, FIPS 10-4 style) and organization tags
(acronyms). Person tags (``(SURNAME, GIVEN)``) are not a code list and are not handled here.

The returned sets are frozen; the returned dicts are shared cached objects: do not modify them.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable
from typing import NamedTuple

from . import regex
from .diagnostics import same_kind_equality

__all__ = [
    "ExecutiveOrder",
    "captions",
    "executive_orders",
    "fips_codes",
    "geo_codes",
    "is_known_tag",
    "order_in_force",
    "organization_tags",
    "precedence_words",
    "program_tags",
    "stations",
    "subject_tags",
    "suggest",
    "tag_kind",
    "tag_names",
]


# --- reading the data files --------------------------------------------------------------------


def _data_text(name: str) -> str:
    """The text of ``cablelint/data/<name>``: the file beside this module (installed package
    or source tree), else the package's resource (a zipped install)."""
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", name),
                  encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        from importlib import resources

        return (resources.files("cablelint") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def _table(name: str) -> tuple[tuple[str, ...], ...]:
    """The data rows of a TSV file (comment lines, blank lines and the header row skipped)."""
    header: list[str] | None = None
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(_data_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(
                f"cablelint/data/{name}, line {number}: {len(cells)} fields, "
                f"expected {len(header)} ({', '.join(header)})"
            )
        rows.append(tuple(cell.strip() for cell in cells))
    return tuple(rows)


def _column(name: str, index: int = 0) -> frozenset[str]:
    return frozenset(row[index] for row in _table(name))


# --- TAGS --------------------------------------------------------------------------------------


@functools.cache
def subject_tags() -> frozenset[str]:
    """Subject TAGS (``PREL``, ``PGOV``, ``ECON``, ``MARR`` ...)."""
    return _column("tags_subject.tsv")


@functools.cache
def program_tags() -> frozenset[str]:
    """Program ("K") TAGS observed in real traffic (``KDEM``, ``KNNP``, ``KCRM`` ...)."""
    return _column("tags_program.tsv")


@functools.cache
def organization_tags() -> frozenset[str]:
    """Organization TAGS (``NATO``, ``UNSC``, ``IAEA`` ...), upper-cased."""
    return frozenset(tag.upper() for tag in _column("tags_organization.tsv"))


@functools.cache
def geo_codes() -> frozenset[str]:
    """Two-letter geographic TAGS: FIPS 10-4 codes plus the non-FIPS codes seen in traffic."""
    return _column("geo_codes.tsv")


@functools.cache
def fips_codes() -> frozenset[str]:
    """The FIPS 10-4 codes only (``CH``, ``RS``, ``GM`` ...), without the observed extras."""
    return frozenset(code for code, _name, kind in _table("geo_codes.tsv") if kind == "fips")


@functools.cache
def tag_names() -> dict[str, str]:
    """Names for the TAGS whose names are known (tag -> name); most tags have none."""
    return dict(_table("tag_names.tsv"))


def tag_kind(token: str) -> str | None:
    """The kind of a TAGS token: "subject", "program", "geographic", "organization" or None.

    The token is upper-cased first. A ``K`` tag missing from the observed program list is
    unknown (None) unless it is an organization acronym (``KANU``).
    """
    tag = token.strip().upper()
    if len(tag) == 4 and tag.startswith("K") and tag in program_tags():
        return "program"
    if len(tag) == 4 and tag in subject_tags():
        return "subject"
    if len(tag) == 2 and tag in geo_codes():
        return "geographic"
    if tag in organization_tags():
        return "organization"
    return None


def is_known_tag(token: str) -> bool:
    """True if the token is a known subject, program, geographic or organization tag."""
    return tag_kind(token) is not None


# --- stations, precedence, captions ------------------------------------------------------------


@functools.cache
def stations() -> frozenset[str]:
    """Station identifiers as written in cable IDs (``BEIJING``, ``USUNNEWYORK``, ``STATE``)."""
    return _column("stations.tsv")


@functools.cache
def precedence_words() -> dict[str, str]:
    """Addressee precedence words -> prosign (``"NIACT IMMEDIATE"`` -> ``"O"``)."""
    return dict(_table("precedence.tsv"))


@functools.cache
def captions() -> dict[str, str]:
    """Captions -> kind: "channel" (NODIS, EXDIS ...), "distribution" or "control" (NOFORN)."""
    return dict(_table("captions.tsv"))


# --- "did you mean" ----------------------------------------------------------------------------


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment); any value > limit means 'far'.

    Only the cells within ``limit`` of the diagonal are worked out (a path through any other
    cell costs more than ``limit``); the others count as far."""
    far = limit + 1
    if abs(len(a) - len(b)) > limit:
        return far
    size = len(b)
    previous2: list[int] = []
    previous = list(range(size + 1))
    for i in range(1, len(a) + 1):
        letter = a[i - 1]
        current = [far] * (size + 1)
        if i <= limit:
            current[0] = i
        for j in range(max(1, i - limit), min(size, i + limit) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != b[j - 1]))
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return far
        previous2, previous = previous, current
    return min(previous[-1], far)


def suggest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary entry closest to ``word``, for a "did you mean" hint, or None.

    Distance is Damerau-Levenshtein (a swap of two neighbours counts as one edit), compared
    case-insensitively; at most 1 edit for words of up to 5 characters, 2 for longer words.
    Ties go to the alphabetically first entry. A word that is itself in the vocabulary is
    returned as is (distance 0).
    """
    target = word.strip().upper()
    if not target:
        return None
    limit = 1 if len(target) <= 5 else 2
    best: tuple[int, str] | None = None
    for entry in vocabulary:
        entry_upper = entry.upper()
        if abs(len(entry_upper) - len(target)) > limit:
            continue
        # every character of the word that the entry lacks costs at least one edit, and so
        # does every character of the entry that the word lacks
        if (sum(1 for c in target if c not in entry_upper) > limit
                or sum(1 for c in entry_upper if c not in target) > limit):
            continue
        d = _distance(target, entry_upper, limit)
        if d <= limit and (best is None or (d, entry) < best):
            best = (d, entry)
    return None if best is None else best[1]


# --- executive orders --------------------------------------------------------------------------


class ExecutiveOrder(NamedTuple):
    """An executive order on classification, for the period it governed new classifications.

    ``key`` tells apart two periods of one order ("12958" original, "12958-amended" after
    E.O. 13292). Dates are inclusive; ``in_force_to`` None means still in force.
    ``reason_section`` is the section cited as "Reason" ("1.5", "1.4"; None if not recorded)
    and ``reason_letters`` its category letters ("abcdefg"; "" if not recorded). ``max_years``
    is the longest declassification period without an exemption (None: no fixed maximum).
    ``indefinite_markings`` are the exemption markings allowed in ``DECL:`` (``OADR``,
    ``X1``..``X8``, ``50X1-HUM`` ...), and ``marked_max_years`` the longest period with such a
    marking where the order sets one (E.O. 13526: 75 years).
    """

    order: str
    key: str
    in_force_from: datetime.date
    in_force_to: datetime.date | None
    reason_section: str | None
    reason_letters: str
    max_years: int | None
    indefinite_markings: tuple[str, ...]
    marked_max_years: int | None = None

    def in_force_on(self, on: datetime.date) -> bool:
        """True if the order governed new classifications on that date."""
        return self.in_force_from <= on and (self.in_force_to is None or on <= self.in_force_to)


same_kind_equality(ExecutiveOrder)


def _date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


@functools.cache
def executive_orders() -> tuple[ExecutiveOrder, ...]:
    """All orders, oldest first (see spec/cable-format.md section 6)."""
    orders = []
    for key, order, start, end, section, letters, years, markings, marked in _table(
        "executive_orders.tsv"
    ):
        orders.append(
            ExecutiveOrder(
                order=order,
                key=key,
                in_force_from=datetime.date.fromisoformat(start),
                in_force_to=_date(end),
                reason_section=section or None,
                reason_letters=letters,
                max_years=_int(years),
                indefinite_markings=tuple(m.strip() for m in markings.split(",") if m.strip()),
                marked_max_years=_int(marked),
            )
        )
    return tuple(sorted(orders, key=lambda o: o.in_force_from))


def order_in_force(on: datetime.date) -> ExecutiveOrder | None:
    """The order governing new classifications on a date (None before the first one)."""
    if isinstance(on, datetime.datetime):
        on = on.date()
    for order in executive_orders():
        if order.in_force_on(on):
            return order
    return None


# --- H: address designators --------------------------------------------------------------------


@functools.cache
def plad_designators() -> frozenset[str]:
    """First words of address designators (``AMEMBASSY``, ``SECSTATE``, ``HQ``, ``CDR`` ...)."""
    return _column("plad_designators.tsv")


__all__ += ["plad_designators"]


# --- T and R: post names in REF citations ------------------------------------------------------


def squeeze_post(written: str) -> str:
    """A post as written (``Rio de Janeiro``, ``PORT-AU-PRINCE``) in station form: upper case,
    without blanks, dots, hyphens or apostrophes (``RIODEJANEIRO``, ``PORTAUPRINCE``)."""
    return _NOT_ALNUM.sub("", written.upper())


_NOT_ALNUM = regex.compile(r"[\W_]")  # what str.isalnum rejects (\w is alphanumeric or "_")


@functools.cache
def ref_posts() -> dict[str, tuple[str, str]]:
    """Post names in REF citations that are not stations, squeezed -> (post as written, kind).

    kind "alias": another name of a station (``SECSTATE`` -> ``STATE``, ``RIO DE JAN`` ->
    ``RIO DE JANEIRO``); kind "series": a message series accepted as is (``SECTO``).
    """
    return {squeeze_post(written): (post, kind) for written, post, kind in _table("ref_posts.tsv")}


__all__ += ["ref_posts", "squeeze_post"]
