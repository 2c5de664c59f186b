"""Configuration files: finding the nearest one to a cable, reading and validating it.

A configuration is ``.cablelint.toml`` (top-level keys) or the ``[tool.cablelint]`` table of
``pyproject.toml``; in one folder ``.cablelint.toml`` comes first, and a ``pyproject.toml``
without the table is passed over. The nearest file to each cable wins, whole: files are not
merged. Every key and value is checked; anything unknown is a :class:`UsageError` naming the
file and the key.

Keys: ``select``, ``ignore``, ``extend-select``, ``extend-ignore``, ``per-file-ignores``,
``severity``, ``profile``, ``include``, ``exclude``, ``extend-exclude`` and ``rules`` (per-rule
options, by code or slug: ``[tool.cablelint.rules.S004] width = 72``).
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .config import DEFAULT_EXCLUDE, PROFILES, Settings, UsageError
from .diagnostics import Severity

CONFIG_NAMES = (".cablelint.toml", "pyproject.toml")

_LISTS = ("select", "ignore", "extend-select", "extend-ignore", "include", "exclude",
          "extend-exclude")
_TABLES = ("per-file-ignores", "severity", "rules")
KEYS = (*_LISTS, *_TABLES, "profile")
_NEWLINE = b"\n"


def read_table(path: str) -> dict | None:
    """The cablelint table of a configuration file; None for a pyproject.toml without one."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise UsageError(f"{path}: cannot be read: {error.strerror or error}")
    import tomllib  # (when there is a configuration file: a plain run need not load it)

    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = data.count(_NEWLINE, 0, error.start) + 1
        raise UsageError(f"{path}: not UTF-8 text: byte 0x{data[error.start]:02x} "
                         f"(at line {line})")
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if "(at line " not in message:  # "at end of document"
            message = f"{message} (at line {data.count(_NEWLINE) + 1})"
        raise UsageError(f"{path}: not valid TOML: {message}")
    if os.path.basename(path) != "pyproject.toml":
        return document
    table = document.get("tool", {}).get("cablelint")
    if table is not None and not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.cablelint] must be a table")
    return table


def parse_override(text: str) -> dict:
    """A ``--config KEY=VALUE`` override as a table: the value is TOML (``select=["T"]``,
    ``rules.S004.width=72``); a bare word is taken as a string (``profile=archive``)."""
    key, equals, value = text.partition("=")
    if not equals or not key.strip():
        raise UsageError(f"--config '{text}': give a configuration file or KEY=VALUE")
    import tomllib

    try:
        return tomllib.loads(f"{key.strip()} = {value.strip()}")
    except tomllib.TOMLDecodeError:
        pass
    try:
        return tomllib.loads(f"{key.strip()} = {_quoted(value.strip())}")
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"--config '{text}': not a TOML key and value: {error}")


def _quoted(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def merge(base: dict, override: dict) -> dict:
    """``base`` with the keys of ``override`` replacing its own (tables merged key by key)."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class CommandLine(NamedTuple):
    """What the command line adds on top of a configuration file."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None


def settings_from(table: dict, *, root: str = ".", source: str | None = None,
                  command_line: CommandLine = CommandLine()) -> Settings:
    """Settings from a configuration table, checked key by key, with the command line on top."""
    where = source or "configuration"
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise UsageError(f"{where}: unknown key '{unknown[0]}' (keys: {', '.join(KEYS)})")
    lists = {key: _strings(table, key, where) for key in _LISTS if key in table}
    if command_line.select:  # the command line's --select replaces the file's selection
        select = command_line.select
    else:
        select = (*lists.get("select", ("ALL",)), *lists.get("extend-select", ()))
    select = (*select, *command_line.extend_select)
    ignore = (*lists.get("ignore", ()), *lists.get("extend-ignore", ()), *command_line.ignore)
    exclude = (*lists.get("exclude", DEFAULT_EXCLUDE), *lists.get("extend-exclude", ()))
    profile = command_line.profile or table.get("profile", "draft")
    if profile not in PROFILES:
        raise UsageError(f"{where}: profile must be {' or '.join(PROFILES)}, not {profile!r}")
    return Settings(select=select, ignore=ignore, profile=profile,
                    severity=_severities(_table(table, "severity", where), where),
                    options=_options(_table(table, "rules", where), where),
                    per_file_ignores=_per_file(_table(table, "per-file-ignores", where), where),
                    include=lists.get("include", ()), exclude=exclude, root=root,
                    source=source)


def _strings(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table[key]
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{where}: '{key}' must be a list of strings, not {value!r}")
    return tuple(item.strip() for item in value)


def _table(table: dict, key: str, where: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise UsageError(f"{where}: '{key}' must be a table, not {value!r}")
    return value


def _severities(table: dict, where: str) -> dict[str, Severity]:
    """``{selector: "error"|"warning"|"info"}`` as ``{code: Severity}``."""
    from .rules import registry

    found = {}
    for selector, word in table.items():
        try:
            severity = Severity.parse(word) if isinstance(word, str) else None
        except (KeyError, ValueError):
            severity = None
        if severity is None:
            raise UsageError(f"{where}: severity of '{selector}' must be error, warning or "
                             f"info, not {word!r}")
        try:
            codes = registry().resolve(selector)
        except UsageError as error:
            raise UsageError(f"{where}: severity: {error}") from None
        for code in sorted(codes):
            found[code] = severity
    return found


def _options(table: dict, where: str) -> dict[str, dict[str, object]]:
    """``{code or slug: {option: value}}`` with codes and option names as the rules have them."""
    from .rules import registry

    found = {}
    for key, values in table.items():
        rule = registry().get(key)
        if rule is None:
            raise UsageError(f"{where}: options for unknown rule '{key}' (see 'cablelint rules')")
        if not isinstance(values, dict):
            raise UsageError(f"{where}: rules.{key} must be a table of options")
        found[rule.code] = {name.replace("-", "_"): value for name, value in values.items()}
    return found


def _per_file(table: dict, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((pattern, _strings(table, pattern, f"{where}: per-file-ignores"))
                 for pattern in table)


class Configurations:
    """The settings in force for each file: its nearest configuration file, or one named
    file (``--config FILE``), or none (``--isolated``), with overrides and the command line."""

    def __init__(self, *, command_line: CommandLine = CommandLine(), overrides: dict | None = None,
                 config_file: str | None = None, isolated: bool = False):
        self.command_line = command_line
        self.overrides = overrides or {}
        self.config_file = config_file
        self.isolated = isolated
        self._by_source: dict[str | None, Settings] = {}
        self._by_folder: dict[str, str | None] = {}

    def for_file(self, path: str) -> Settings:
        """The settings for a cable at ``path`` (per-file ignores not yet applied)."""
        folder = os.path.dirname(os.path.abspath(path))
        return self._settings(self._source(folder))

    def settings_for(self, path: str) -> Settings:
        """The settings a check of the file at ``path`` uses: its nearest configuration's,
        with the ``per-file-ignores`` that match it applied."""
        settings = self.for_file(path)
        if not settings.per_file_ignores:
            return settings
        return settings.for_path(settings.relative(path))

    def for_folder(self, folder: str) -> Settings:
        return self._settings(self._source(os.path.abspath(folder)))

    def _source(self, folder: str) -> str | None:
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file
        if folder not in self._by_folder:
            self._by_folder[folder] = _nearest(folder, self._by_folder)
        return self._by_folder[folder]

    def _settings(self, source: str | None) -> Settings:
        settings = self._by_source.get(source)
        if settings is None:
            settings = self._by_source[source] = self._load(source)
        return settings

    def _load(self, source: str | None) -> Settings:
        from .rules import registry

        table, root = {}, os.getcwd()
        if source is not None:
            path = source
            if not os.path.isfile(path):
                raise UsageError(f"--config {source}: no such configuration file "
                                 "(give a file, or KEY=VALUE)")
            table = read_table(path)
            if table is None:
                raise UsageError(f"{source}: has no [tool.cablelint] table")
            root = os.path.dirname(os.path.realpath(path))
        table = merge(table, self.overrides)
        try:
            settings = settings_from(table, root=root, source=source,
                                     command_line=self.command_line)
            settings.validate(registry())
        except UsageError as error:
            if not self.overrides:
                raise
            raise UsageError(f"{error} (with the --config overrides)") from None
        return settings


def _nearest(folder: str, known: dict[str, str | None]) -> str | None:
    """The nearest configuration file in ``folder`` or above it (remembering each folder)."""
    visited = []
    current = folder
    while True:
        if current in known:
            found = known[current]
            break
        visited.append(current)
        found = _config_in(current)
        if found is not None:
            break
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    for seen in visited:
        known[seen] = found
    return found


def _config_in(folder: str) -> str | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            if name == "pyproject.toml" and read_table(candidate) is None:
                continue
            return candidate
    return None
