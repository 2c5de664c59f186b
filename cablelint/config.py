"""Settings for one run: which rules, the profile, severity overrides and rule options.

Codes in ``select`` and ``ignore`` may be a rule code (``P001``), a slug (``para-start``),
a group prefix (``P``, ``D00``) or ``ALL``. An unknown one is a :class:`UsageError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Severity

PROFILES = ("draft", "archive")


class UsageError(Exception):
    """A mistake in how cablelint was called or configured (exit code 2)."""


@dataclass(frozen=True)
class Settings:
    """What to check and how strictly."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    profile: str = "draft"
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, object]] = field(default_factory=dict)

    def __post_init__(self):
        if self.profile not in PROFILES:
            raise UsageError(f"unknown profile '{self.profile}': choose {' or '.join(PROFILES)}")

    def enabled_codes(self, registry) -> frozenset[str]:
        """The codes that ``select`` picks and ``ignore`` does not."""
        chosen = set()
        for selector in self.select:
            chosen |= registry.resolve(selector)
        for selector in self.ignore:
            chosen -= registry.resolve(selector)
        self._check_options(registry)
        return frozenset(chosen)

    def _check_options(self, registry) -> None:
        """Every option set names a rule and one of its options, with a value of its type."""
        for code, values in self.options.items():
            rule = registry.get(code)
            if rule is None:
                raise UsageError(f"options for unknown rule '{code}'")
            for name, value in values.items():
                if name not in rule.options:
                    known = ", ".join(sorted(rule.options)) or "none"
                    raise UsageError(f"{rule.code} has no option '{name}' (options: {known})")
                default = rule.options[name]
                if default is not None and type(value) is not type(default):
                    raise UsageError(f"{rule.code} option '{name}' takes a "
                                     f"{type(default).__name__}, not {value!r}")
