"""The E.O. line read the tolerant way: which order, which instruction, and the value.

Rules D001 to D009 share this reading, so the line is interpreted in one place: the order
cited, the instruction (DECL, DNG or N/A), the date or event (and a date written in a form
that is not accepted), the exemption markings and which orders allow them, and the order
in force on the cable's own date.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from . import codes, regex
from .dates import WrittenDate, cable_date, find_date, find_date_like
from .diagnostics import Span, same_kind_equality
from .markings import per_cable
from .model import Cable, EoLine

KNOWN_ORDERS = ("11652", "12065", "12356", "12958", "13526")

_INSTRUCTION = regex.compile(
    r"[^\S\n]*:?[^\S\n]*(?:(?P<kind>DECL|DNG)[A-Za-z]*[^\S\n]*:?[^\S\n]*(?P<value>.*?)"
    r"|(?P<na>N/?A)\b[^\S\n]*(?P<after>.*?))[^\S\n]*$",
    re.IGNORECASE | re.DOTALL,
)
_REVIEW_STAMP = regex.compile(r"\bDECLASSIFIED\b", re.IGNORECASE)
_EXEMPTION = regex.compile(
    r"\b(?:1\.6)?X[1-8]\b|\b25X\d\b|\b50X1-HUM\b|\b50X2-WMD\b|\bOADR\b|\bMR\b(?!\.)",
    re.IGNORECASE)


class Declassification(NamedTuple):
    """What an E.O. line says: ``kind`` is DECL, DNG, N/A or None (unreadable)."""

    line: EoLine
    order: str
    kind: str | None
    value: str
    value_offset: int  # offset of ``value`` inside line.instruction.text
    kind_offset: int = 0  # offset of the ``DECL``/``DNG``/``N/A`` keyword in the instruction

    @property
    def review_stamp(self) -> bool:
        """An archival declassification stamp in the E.O. line's place (``E.O. 12958: AS
        AMENDED; DECLASSIFIED JUNE 21, 2006``, ``DECL: DECLASSIFIED BY NARA 09/02/2009``): it
        cites the order of a later review, not a classification instruction."""
        return bool(_REVIEW_STAMP.search(self.line.instruction.text)) if self.line.instruction \
            else False

    @property
    def exemptions(self) -> tuple[str, ...]:
        return tuple(m.group(0).upper() for m in _EXEMPTION.finditer(self.value))

    def canonical(self) -> str | None:
        """The line in the standard form, or None when its instruction cannot be read."""
        if self.kind is None:
            return None
        if self.kind == "N/A":
            return f"E.O. {self.order}: N/A"
        return f"E.O. {self.order}: {self.kind}: {self.value}".rstrip()


same_kind_equality(Declassification)


def read(line: EoLine) -> Declassification:
    """Read one E.O. line."""
    instruction = line.instruction.text if line.instruction else ""
    match = _INSTRUCTION.match(instruction)
    if match is None:
        return Declassification(line, line.order.text, None, instruction.strip(), 0)
    if match.group("na") is not None:
        return Declassification(line, line.order.text, "N/A", match.group("after"),
                                match.start("after"), match.start("na"))
    return Declassification(line, line.order.text, match.group("kind").upper(),
                            match.group("value"), match.start("value"), match.start("kind"))


@per_cable
def declassification(cable: Cable) -> Declassification | None:
    """The reading of the cable's first E.O. line, if it has one (read once per cable: D001
    to D009 share it)."""
    return read(cable.eo_line) if cable.eo_line else None


class DeclDate(NamedTuple):
    """The date written after ``DECL:``/``DNG:`` and its place in the original text."""

    written: WrittenDate
    span: Span


same_kind_equality(DeclDate)


@per_cable
def decl_date(cable: Cable) -> DeclDate | None:
    """The DECL (or DNG) date of the cable's E.O. line, if one is written."""
    reading = declassification(cable)
    if reading is None or reading.kind not in ("DECL", "DNG") or reading.line.instruction is None:
        return None
    written = find_date(reading.value)
    if written is None:
        return None
    start = reading.line.instruction.span.start + reading.value_offset + written.start
    span = cable.source.offsets.original_span(start, start + len(written.text))
    return DeclDate(written, span)


def instruction_span(cable: Cable, reading: Declassification, start: int, end: int) -> Span:
    """The Span of ``[start, end)`` counted in the instruction text of ``reading``'s line."""
    base = reading.line.instruction.span.start
    return cable.source.offsets.original_span(base + start, base + end)


def undated_decl(cable: Cable) -> Span | None:
    """Where a DECL/DNG value writes a date in a form that is not accepted (``2034-03-14``)."""
    reading = declassification(cable)
    if reading is None or reading.kind not in ("DECL", "DNG") or reading.line.instruction is None:
        return None
    if find_date(reading.value) is not None:
        return None
    found = find_date_like(reading.value)
    if found is None:
        return None
    return instruction_span(cable, reading, reading.value_offset + found[0],
                            reading.value_offset + found[1])


class Marking(NamedTuple):
    """An exemption or indefinite marking written after ``DECL:`` (``OADR``, ``X1``, ``25X1``)."""

    text: str
    kind: str  # "indefinite" (OADR, MR), "X" (X1-X8), "25X", "50X"
    span: Span


same_kind_equality(Marking)


def _marking_kind(text: str) -> str:
    upper = text.upper()
    if upper in ("OADR", "MR"):
        return "indefinite"
    if upper.startswith("25X"):
        return "25X"
    if upper.startswith("50X"):
        return "50X"
    return "X"


def markings(cable: Cable) -> tuple[Marking, ...]:
    """The exemption and indefinite markings of the cable's DECL/DNG instruction, placed."""
    reading = declassification(cable)
    if reading is None or reading.kind not in ("DECL", "DNG") or reading.line.instruction is None:
        return ()
    found = []
    for match in _EXEMPTION.finditer(reading.value):
        start = reading.value_offset + match.start()
        found.append(Marking(match.group(0), _marking_kind(match.group(0)),
                             instruction_span(cable, reading, start, start + len(match.group(0)))))
    return tuple(found)


def marking_allowed(marking: Marking, order: codes.ExecutiveOrder) -> bool:
    """Whether the order in force allows the marking (25X is judged apart: ISCAP approval).

    OADR and MR belong to E.O. 12356 and the orders before it; X1-X8 to the original
    E.O. 12958 (to 2003-03-24); 50X1-HUM and 50X2-WMD to E.O. 13526.
    """
    if marking.kind == "indefinite":
        return order.in_force_from <= _order_by_key("12356").in_force_from
    if marking.kind == "X":
        return order.key == "12958"
    if marking.kind == "50X":
        return order.order == "13526"
    return True


def _order_by_key(key: str) -> codes.ExecutiveOrder:
    return next(order for order in codes.executive_orders() if order.key == key)


def order_name(order: codes.ExecutiveOrder) -> str:
    """``E.O. 12958``, ``E.O. 12958 as amended`` (from 2003-03-25), ``E.O. 13526``."""
    return f"E.O. {order.order}" + (" as amended" if order.key.endswith("-amended") else "")


@per_cable
def governing_order(cable: Cable) -> codes.ExecutiveOrder | None:
    """The order in force on the date of the cable's own date-time group, if it has one."""
    sent = cable_date(cable)
    return _order_on(sent) if sent else None


@lru_cache(maxsize=1024)
def _order_on(day: datetime.date) -> codes.ExecutiveOrder | None:
    return codes.order_in_force(day)
