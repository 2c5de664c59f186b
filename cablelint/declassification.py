"""The E.O. line read the tolerant way: which order, which instruction, and the value.

Rules D001 and D004 to D009 share this reading, so the line is interpreted in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import WrittenDate, find_date
from .diagnostics import Span
from .model import Cable, EoLine

KNOWN_ORDERS = ("11652", "12065", "12356", "12958", "13526")

_INSTRUCTION = re.compile(
    r"[^\S\n]*:?[^\S\n]*(?:(?P<kind>DECL|DNG)[A-Za-z]*[^\S\n]*:?[^\S\n]*(?P<value>.*?)"
    r"|(?P<na>N/?A)\b[^\S\n]*(?P<after>.*?))[^\S\n]*$",
    re.IGNORECASE | re.DOTALL,
)
_EXEMPTION = re.compile(r"\b(?:1\.6)?X[1-8]\b|\b25X\d\b|\b50X1-HUM\b|\b50X2-WMD\b|\bOADR\b|\bMR\b",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Declassification:
    """What an E.O. line says: ``kind`` is DECL, DNG, N/A or None (unreadable)."""

    line: EoLine
    order: str
    kind: str | None
    value: str
    value_offset: int  # offset of ``value`` inside line.instruction.text

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


def read(line: EoLine) -> Declassification:
    """Read one E.O. line."""
    instruction = line.instruction.text if line.instruction else ""
    match = _INSTRUCTION.match(instruction)
    if match is None:
        return Declassification(line, line.order.text, None, instruction.strip(), 0)
    if match.group("na") is not None:
        return Declassification(line, line.order.text, "N/A", match.group("after"),
                                match.start("after"))
    return Declassification(line, line.order.text, match.group("kind").upper(),
                            match.group("value"), match.start("value"))


def declassification(cable: Cable) -> Declassification | None:
    """The reading of the cable's first E.O. line, if it has one."""
    return read(cable.eo_line) if cable.eo_line else None


@dataclass(frozen=True, slots=True)
class DeclDate:
    """The date written after ``DECL:``/``DNG:`` and its place in the original text."""

    written: WrittenDate
    span: Span


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
