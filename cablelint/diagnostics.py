"""Findings and their parts: Span, Severity, Edit, Fix, Diagnostic.

Positions are 1-based lines and columns counted in characters of the original text, as the
user's editor shows them. ``start`` and ``end`` are character offsets into the original text,
kept so that fixes can edit it without re-deriving positions.
"""

from __future__ import annotations

import enum
from functools import partial
from typing import NamedTuple


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


class Span(NamedTuple):
    """A stretch of the original text: 1-based line/column, end exclusive.

    A named tuple rather than a frozen dataclass: as immutable, and four times cheaper to
    make, which counts for the hundreds of thousands of spans an archive run builds."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0


class Edit(NamedTuple):
    """Replace original text ``[start, end)`` with ``replacement``."""

    start: int
    end: int
    replacement: str


class Fix(NamedTuple):
    """The edits that mend one finding; ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""

    def resolve(self) -> "Fix":
        return self


def same_kind_equality(*kinds: type) -> None:
    """Make named tuples equal only to one of their own kind, as frozen dataclasses are (a
    bare named tuple equals any tuple of the same values); they still hash as tuples.

    Named tuples rather than frozen dataclasses: as immutable, and made at import about ten
    times faster (start-up counts for a pre-commit hook)."""
    for kind in kinds:
        kind.__eq__, kind.__ne__, kind.__hash__ = _same_kind_equal, _same_kind_unequal, \
            tuple.__hash__


def _same_kind_equal(self, other) -> bool:
    return type(self) is type(other) and tuple.__eq__(self, other)


def _same_kind_unequal(self, other) -> bool:
    return not _same_kind_equal(self, other)


same_kind_equality(Edit, Fix)


def maker(kind: type) -> partial:
    """``maker(Kind)((a, b, ...))`` is ``Kind(a, b, ...)`` with every field given in order,
    without the named tuple's Python-level ``__new__`` (no defaults, no keywords): for the
    records a corpus run makes by the hundred thousand."""
    return partial(tuple.__new__, kind)


class LazyFix:
    """A fix made only when first asked for: for rules whose fix is dear to compute and
    mostly not needed (plain text output never looks at fixes). ``make`` returns a Fix or
    None; until then the object answers like the Fix it will be (no edits if None)."""

    __slots__ = ("_make", "_fix")

    def __init__(self, make):
        self._make = make
        self._fix = None

    def resolve(self) -> Fix | None:
        if self._make is not None:
            self._fix, self._make = self._make(), None
        return self._fix

    @property
    def edits(self) -> tuple[Edit, ...]:
        fix = self.resolve()
        return fix.edits if fix else ()

    @property
    def safe(self) -> bool:
        fix = self.resolve()
        return fix.safe if fix else False

    @property
    def description(self) -> str:
        fix = self.resolve()
        return fix.description if fix else ""

    def __repr__(self) -> str:
        return f"LazyFix({self.resolve()!r})"


class Finding(NamedTuple):
    """What a rule reports: message and place. The engine adds code and severity."""

    message: str
    span: Span
    fix: Fix | LazyFix | None = None
    severity: Severity | None = None


same_kind_equality(Finding)


class Diagnostic(NamedTuple):
    """A finding stamped with the rule's code, name and severity and the file's path.

    ``source`` is the text of the finding's first line (for a report's caret display);
    ``withheld`` names the marking that keeps that line's text out of reports (``(S)
    portion``), None when it may be shown (see ``cablelint.redaction``).

    A named tuple, like :class:`Span`: a run over an archive makes hundreds of thousands,
    and a named tuple is made several times faster than a frozen dataclass."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | LazyFix | None = None
    withheld: str | None = None
    source: str | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The JSON contract of DESIGN.md, plus ``withheld``. A redacted fix (its edits'
        replacement text withheld, None) says so with ``"withheld": true``."""
        fix = self.fix.resolve() if self.fix is not None else None
        if fix is not None:
            edits = fix.edits
            fix = {
                "safe": fix.safe,
                "description": fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in edits
                ],
            }
            if any(e.replacement is None for e in edits):
                fix["withheld"] = True
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
            "withheld": self.withheld,
        }


def fingerprints(diagnostics, paths=None) -> list[str]:
    """A fingerprint per diagnostic that survives lines moving: a hash of the path, the code,
    the message (with any ``line N`` in it set aside) and the finding's rank among identical
    (path, code, message) ones. ``paths`` replaces the diagnostics' own paths when given."""
    import hashlib
    import re
    from collections import Counter

    seen: Counter = Counter()
    found = []
    for d, path in zip(diagnostics, paths or [d.path for d in diagnostics]):
        key = (path, d.code, re.sub(r"\bline \d+", "line N", d.message))
        seen[key] += 1
        text = "\0".join((*key, str(seen[key])))
        found.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return found
