"""Findings and their parts: Span, Severity, Edit, Fix, Diagnostic.

Positions are 1-based lines and columns counted in characters of the original text, as the
user's editor shows them. ``start`` and ``end`` are character offsets into the original text,
kept so that fixes can edit it without re-deriving positions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a finding is; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> "Severity":
        return cls[word.strip().upper()]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text: 1-based line/column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original text ``[start, end)`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """The edits that mend one finding; ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: message and place. The engine adds code and severity."""

    message: str
    span: Span
    fix: Fix | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding stamped with the rule's code, name and severity and the file's path."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = field(default=None, compare=False)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The JSON contract of DESIGN.md."""
        fix = None
        if self.fix is not None:
            fix = {
                "safe": self.fix.safe,
                "description": self.fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "fix": fix,
        }
