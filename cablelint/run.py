"""One ``cablelint check``: its configurations, the files it checks, and standard input.

``Run`` turns the command line into the settings in force for each file (nearest
configuration, ``--config``, ``--isolated``, the selection options) and the sorted list of
files, and reads standard input once. ``show_settings`` prints what is in force.
"""

from __future__ import annotations

import os
import sys

from .config import Settings, UsageError


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def configurations_of(args):
    """The run's configurations from --config, --isolated and the selection flags."""
    from .configfile import CommandLine, Configurations, merge, parse_override

    files = [value for value in args.config if "=" not in value]
    if len(files) > 1:
        raise UsageError("--config names more than one configuration file")
    if files and args.isolated:
        raise UsageError("--config FILE and --isolated cannot be used together")
    overrides = {}
    for value in args.config:
        if "=" in value:
            overrides = merge(overrides, parse_override(value))
    from .rules import registry

    for code in _codes(args.select) + _codes(args.extend_select) + _codes(args.ignore):
        registry().resolve(code)  # a wrong code on the command line is named as such
    command_line = CommandLine(select=_codes(args.select),
                               extend_select=_codes(args.extend_select),
                               ignore=_codes(args.ignore), profile=args.profile)
    return Configurations(command_line=command_line, overrides=overrides,
                          config_file=files[0] if files else None, isolated=args.isolated)


class Run:
    """One ``check``: the configurations, the files and standard input's text and name."""

    def __init__(self, args):
        from .discovery import STDIN, is_excluded

        self.configurations = configurations_of(args)
        self.configurations.for_folder(".")  # a broken configuration fails before any work
        self.stdin_name = args.stdin_filename
        paths = list(args.paths)
        if self.stdin_name and paths == ["."]:
            paths = [STDIN]
        if paths.count(STDIN) and self.stdin_name and args.force_exclude \
                and is_excluded(self.stdin_name, self.configurations):
            paths = [path for path in paths if path != STDIN]
        self._paths, self._force_exclude = paths, args.force_exclude
        self.reads_stdin = STDIN in paths
        self._stdin_text = None

    def files(self):
        """The files to check, in path order, found as they are asked for (a fresh walk on
        each call)."""
        from .discovery import cable_files

        return cable_files(self._paths, self.configurations, force_exclude=self._force_exclude)

    def name(self, path: str) -> str:
        """The path shown in reports: standard input goes by --stdin-filename."""
        from .discovery import STDIN

        return (self.stdin_name or STDIN) if path == STDIN else path

    def settings(self, path: str) -> Settings:
        """The settings in force for a file, its per-file ignores applied."""
        return self.configurations.settings_for(self.name(path))

    def read(self, path: str):
        """The file's decoded text (:class:`.engine.Decoded`), or its E002 diagnostic.

        Standard input is read once, to its end; closed or failing, it is an E002 too."""
        from .discovery import STDIN
        from .engine import Decoded, decode, read_file, unreadable

        if path != STDIN:
            if not os.path.lexists(path):
                return unreadable(path, "no such file or directory")
            return read_file(path)
        if self._stdin_text is None:
            closed = Decoded(None, "standard input is closed: nothing to read")
            stream = getattr(sys.stdin, "buffer", None)  # no sys.stdin: the shell closed it
            try:
                self._stdin_text = closed if stream is None else decode(stream.read())
            except ValueError:  # read from a closed stream
                self._stdin_text = closed
            except OSError as error:
                self._stdin_text = Decoded(None, "standard input cannot be read: "
                                                 f"{error.strerror or error}")
        if self._stdin_text.text is None:
            return unreadable(self.name(path), self._stdin_text.problem)
        return self._stdin_text


def show_settings(run) -> int:
    """Print the settings in force for the first cable (or the current folder)."""
    from .rules import registry

    first = next(run.files(), None)
    settings = run.settings(first) if first else run.configurations.for_folder(".")
    rules = registry()
    enabled = sorted(code for code in settings.enabled_codes(rules)
                     if settings.profile in rules.by_code[code].profiles)
    print(f"# settings for {run.name(first) if first else 'the current folder'}")
    print(f"# configuration: {settings.source or 'none (defaults)'}")
    print(f"profile = {_toml(settings.profile)}")
    print(f"select = {_toml(list(settings.select))}")
    print(f"ignore = {_toml(list(settings.ignore))}")
    print(f"include = {_toml(['*.cable', *settings.include])}")
    print(f"exclude = {_toml(list(settings.exclude))}")
    print(f"# {len(enabled)} rules enabled: {' '.join(enabled)}")
    print("\n[per-file-ignores]")
    for pattern, codes in settings.per_file_ignores:
        print(f"{_toml(pattern)} = {_toml(list(codes))}")
    print("\n[severity]")
    for code in enabled:
        severity = settings.severity.get(code, rules.by_code[code].severity)
        print(f"{code} = {_toml(severity.label)}")
    for code in enabled:
        rule = rules.by_code[code]
        if rule.options:
            print(f"\n[rules.{code}]  # {rule.name}")
            for name in rule.options:
                print(f"{name} = {_toml(rule().option(settings, name))}")
    return 0


def _toml(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return '""  # not set'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)
