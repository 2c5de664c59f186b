"""The Rule base class: a code, a slug, a severity, and ``check`` yielding findings.

A rule's documentation is its module docstring, written in fixed sections (What it checks,
Why, Example, Fix, Options, Profiles, Source); ``cablelint rule CODE`` prints it.

A rule's options are named in ``options`` with their defaults; a run's settings may override
them (``Settings.options``), and ``option`` reads the value in force. ``profiles`` names the
profiles the rule runs in; a rule that differs between profiles reads ``settings.profile``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import ClassVar

from ..config import PROFILES
from ..diagnostics import Finding, Severity
from ..model import Cable

DOC_SECTIONS = ("What it checks", "Why", "Example", "Fix", "Options", "Profiles", "Source")


class Rule:
    """One check over the model. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    fixable: ClassVar[str] = "no"
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, object]] = {}
    profiles: ClassVar[tuple[str, ...]] = PROFILES

    def check(self, cable: Cable, settings) -> Iterator[Finding]:
        raise NotImplementedError

    def option(self, settings, name: str):
        """The value of one of this rule's options: the run's setting, else the default."""
        options = settings.options.get(self.code)
        return self.options[name] if options is None else options.get(name, self.options[name])

    @classmethod
    def documentation(cls) -> str:
        """The module docstring: the rule's documentation."""
        return (sys.modules[cls.__module__].__doc__ or "").strip()

    #: ``self.finding(message, span, fix=..., severity=...)``: a Finding (made directly, as
    #: the busiest rules make tens of thousands per run)
    finding = staticmethod(Finding)
