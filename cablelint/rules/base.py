"""The Rule base class: a code, a slug, a severity, and ``check`` yielding findings.

A rule's documentation is its module docstring, written in fixed sections (What it checks,
Why, Example, Fix, Options, Source); ``cablelint rule CODE`` prints it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import ClassVar

from ..diagnostics import Finding, Severity, Span
from ..model import Cable

DOC_SECTIONS = ("What it checks", "Why", "Example", "Fix", "Options", "Source")


class Rule:
    """One check over the model. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    fixable: ClassVar[str] = "no"
    summary: ClassVar[str] = ""

    def check(self, cable: Cable, settings) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        """The module docstring: the rule's documentation."""
        return (sys.modules[cls.__module__].__doc__ or "").strip()

    @staticmethod
    def finding(message: str, span: Span, **extra) -> Finding:
        return Finding(message, span, **extra)
