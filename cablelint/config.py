"""Settings for one run: which rules, the profile, severity overrides and rule options.

Codes in ``select`` and ``ignore`` may be a rule code (``P001``), a slug (``para-start``),
a group prefix (``P``, ``D00``) or ``ALL``. An unknown one is a :class:`UsageError`.

Settings come from the nearest configuration file to each cable (see :mod:`.configfile`):
``.cablelint.toml``, or the ``[tool.cablelint]`` table of ``pyproject.toml``.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .diagnostics import Severity, same_kind_equality
from .patterns import matches

PROFILES = ("draft", "archive")

#: Folders never searched for cables unless ``exclude`` is set to something else.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox",
                   "node_modules", "__pycache__", ".cablelint_cache")


class UsageError(Exception):
    """A mistake in how cablelint was called or configured (exit code 2)."""


class _Choices(NamedTuple):
    """The fields of :class:`Settings`."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    profile: str = "draft"
    severity: dict[str, Severity] | None = None  # None: a new empty dict (see Settings)
    options: dict[str, dict[str, object]] | None = None  # the same
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    root: str = "."
    source: str | None = None


class Settings(_Choices):
    """What to check and how strictly, and which files a folder search takes.

    ``root`` is the folder of the configuration file (``per-file-ignores``, ``include`` and
    ``exclude`` patterns are relative to it); ``source`` is that file, or None.

    A named tuple (immutable, equal only to settings); ``_replace`` makes a changed copy."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        settings = super().__new__(cls, *args, **kwargs)
        if settings.profile not in PROFILES:
            raise UsageError(f"unknown profile '{settings.profile}': "
                             f"choose {' or '.join(PROFILES)}")
        if settings.severity is None or settings.options is None:
            settings = settings._replace(
                severity={} if settings.severity is None else settings.severity,
                options={} if settings.options is None else settings.options)
        return settings

    def enabled_codes(self, registry) -> frozenset[str]:
        """The codes that ``select`` picks and ``ignore`` does not."""
        chosen = set()
        for selector in self.select:
            chosen |= registry.resolve(selector)
        for selector in self.ignore:
            chosen -= registry.resolve(selector)
        self._check_options(registry)
        return frozenset(chosen)

    def validate(self, registry) -> None:
        """Raise :class:`UsageError` for any unknown code, option or value, before any work;
        the message names the configuration file."""
        try:
            self.enabled_codes(registry)
            for _, codes in self.per_file_ignores:
                for selector in codes:
                    registry.resolve(selector)
        except UsageError as error:
            if self.source is None:
                raise
            raise UsageError(f"{self.source}: {error}") from None

    def for_path(self, relative: str) -> "Settings":
        """These settings with the ``per-file-ignores`` that match ``relative`` (a path
        relative to ``root``, with ``/``) added to ``ignore``; the same object if none match."""
        extra = tuple(code for pattern, codes in self.per_file_ignores
                      if matches(pattern, relative) for code in codes)
        if not extra:
            return self
        key = (id(self), extra)
        derived = _derived.get(key)
        if derived is None or derived[0] is not self:
            settings = self._replace(ignore=self.ignore + extra, per_file_ignores=())
            derived = _derived[key] = (self, settings)
        return derived[1]

    def relative(self, path: str) -> str:
        """``path`` relative to ``root`` (the configuration's folder), with ``/``."""
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")

    def excludes(self, relative: str) -> bool:
        """Whether a path relative to ``root`` matches an ``exclude`` pattern."""
        return any(matches(pattern, relative) for pattern in self.exclude)

    def includes(self, relative: str) -> bool:
        """Whether a file found in a folder search is a cable to check."""
        return relative.endswith(".cable") or any(matches(p, relative) for p in self.include)

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
                    kind = _KINDS.get(type(default), type(default).__name__)
                    raise UsageError(f"{rule.code} option '{name}' takes {kind}, "
                                     f"not {value!r}")


same_kind_equality(Settings)

_KINDS = {int: "an integer", bool: "true or false", str: "a string", float: "a number",
          list: "a list", dict: "a table"}

#: Settings derived by ``for_path``, kept alive with their parent so ids stay their own.
_derived: dict[tuple, tuple[Settings, Settings]] = {}
