"""The command line: ``cablelint check``, ``cablelint rule CODE``, ``cablelint rules``.

Exit codes: 0 no finding at or above the failing severity, 1 findings, 2 usage,
configuration or input error (a path that does not exist, a file that is not UTF-8 text).
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .config import PROFILES, Settings, UsageError
from .reporters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cablelint", description="Validate and lint US State Department cables.")
    parser.add_argument("--version", action="version", version=f"cablelint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="lint cables (files, or folders searched for *.cable)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report to FILE instead of standard output")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per rule instead of the findings")
    check.add_argument("--show-source", action="store_true",
                       help="show text of portions marked above (U)/(SBU) in findings and "
                            "diffs; off by default so logs stay clean")
    check.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="codes, slugs or prefixes to check, comma-separated (default ALL)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="codes, slugs or prefixes to leave out, comma-separated")
    check.add_argument("--profile", choices=PROFILES,
                       help="draft (the default) or archive; overrides the configuration")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (2 still means an error)")
    check.add_argument("--strict", action="store_true", help="warnings fail the run too")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--fix", action="store_true",
                       help="apply the safe fixes to the files, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, apply the unsafe fixes too")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff and write nothing")
    check.add_argument("--extend-select", action="append", default=[], metavar="CODES",
                       help="codes, slugs or prefixes to check besides the selected ones")
    check.add_argument("--config", action="append", default=[], metavar="FILE|KEY=VALUE",
                       help="a configuration file to use for every cable, or a KEY=VALUE "
                            "override in TOML (rules.S004.width=72); may repeat")
    check.add_argument("--isolated", action="store_true",
                       help="read no configuration file")
    check.add_argument("--show-settings", action="store_true",
                       help="print the settings in force for the first cable, then exit")
    check.add_argument("--show-files", action="store_true",
                       help="print the cables that would be checked, then exit")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the name of the cable read from standard input ('-'), for its "
                            "configuration and the report")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply 'exclude' to files named on the command line too")
    check.add_argument("--baseline", metavar="FILE",
                       help="leave out the findings recorded in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record every finding of this run in a baseline file, then exit 0")
    check.add_argument("--strict-baseline", action="store_true",
                       help="with --baseline, fail when baseline entries no longer match a "
                            "finding (the baseline could shrink)")

    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code (P001) or slug (para-start)")

    commands.add_parser("rules", help="list every rule")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rule":
            return show_rule(args.code)
        if args.command == "rules":
            return list_rules()
        return check(args)
    except UsageError as error:
        print(f"cablelint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


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
        from .discovery import STDIN, cable_files, is_excluded

        self.configurations = configurations_of(args)
        self.configurations.for_folder(".")  # a broken configuration fails before any work
        self.stdin_name = args.stdin_filename
        paths = list(args.paths)
        if self.stdin_name and paths == ["."]:
            paths = [STDIN]
        if paths.count(STDIN) and self.stdin_name and args.force_exclude \
                and is_excluded(self.stdin_name, self.configurations):
            paths = [path for path in paths if path != STDIN]
        self.paths = cable_files(paths, self.configurations, force_exclude=args.force_exclude)
        self._stdin_text = None

    def name(self, path: str) -> str:
        """The path shown in reports: standard input goes by --stdin-filename."""
        from .discovery import STDIN

        return (self.stdin_name or STDIN) if path == STDIN else path

    def settings(self, path: str) -> Settings:
        """The settings in force for a file, its per-file ignores applied."""
        from .discovery import relative_to_root

        name = self.name(path)
        settings = self.configurations.for_file(name)
        return settings.for_path(relative_to_root(name, settings))

    def read(self, path: str):
        """The file's decoded text (:class:`.engine.Decoded`), or its E002 diagnostic."""
        from .discovery import STDIN
        from .engine import decode, read_file, unreadable

        if path != STDIN:
            if not os.path.lexists(path):
                return unreadable(path, "no such file or directory")
            return read_file(path)
        if self._stdin_text is None:
            self._stdin_text = decode(sys.stdin.buffer.read())
        if self._stdin_text.text is None:
            return unreadable(self.name(path), self._stdin_text.problem)
        return self._stdin_text


def check(args) -> int:
    from .diagnostics import Severity

    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.strict_baseline and not args.baseline:
        raise UsageError("--strict-baseline needs --baseline")
    if args.baseline and args.write_baseline:
        raise UsageError("--baseline and --write-baseline cannot be used together")
    run = Run(args)
    args.paths = run.paths
    if args.show_files:
        sys.stdout.writelines(f"{run.name(path)}\n" for path in run.paths)
        return EXIT_OK
    if args.show_settings:
        return show_settings(run)
    if args.diff:
        return show_diff(run, args.unsafe_fixes, args.show_source)
    diagnostics, fixed = [], []
    for path in run.paths:
        if args.fix:
            found, applied = fix_file(run, path, args.unsafe_fixes)
            diagnostics.extend(found)
            fixed.extend(applied)
        else:
            diagnostics.extend(lint_file(run, path))
    diagnostics.sort(key=lambda d: d.sort_key())
    fixed.sort(key=lambda a: a.diagnostic.sort_key())
    if args.write_baseline:
        return write_baseline(args.write_baseline, diagnostics)
    stale = []
    if args.baseline:
        diagnostics, stale = apply_baseline(args.baseline, diagnostics, run)
    names = [run.name(path) for path in run.paths]
    write_report(args, diagnostics, names, fixed)
    if any(d.code == "E002" for d in diagnostics):
        return EXIT_ERROR
    failing = Severity.WARNING if args.strict else Severity.ERROR
    if args.exit_zero:
        return EXIT_OK
    if any(d.severity >= failing for d in diagnostics) or (stale and args.strict_baseline):
        return EXIT_FINDINGS
    return EXIT_OK


def write_baseline(path: str, diagnostics: list) -> int:
    """Record the findings in a baseline file; exit 2 if a file could not be read."""
    from . import baseline

    unread = [d for d in diagnostics if d.code == "E002"]
    for d in unread:
        print(f"{d.path}: {d.code} {d.message}", file=sys.stderr)
    count = baseline.write(path, [d for d in diagnostics if d.code != "E002"])
    print(f"Wrote {count} finding{'' if count == 1 else 's'} to baseline {path}.",
          file=sys.stderr)
    return EXIT_ERROR if unread else EXIT_OK


def apply_baseline(path: str, diagnostics: list, run) -> tuple[list, list]:
    """The findings the baseline does not record, and its stale entries (told on stderr)."""
    from . import baseline

    kept, stale = baseline.apply(path, diagnostics, [run.name(p) for p in run.paths])
    if stale:
        entries = "1 entry that no longer matches" if len(stale) == 1 else \
            f"{len(stale)} entries that no longer match"
        print(f"cablelint: baseline {path} has {entries} a finding; rewrite it with "
              "--write-baseline:", file=sys.stderr)
        for entry in stale:
            print(f"  {entry.path}: {entry.code} {entry.fingerprint}", file=sys.stderr)
    return kept, stale


def show_settings(run) -> int:
    """Print the settings in force for the first cable (or the current folder)."""
    from .rules import registry

    first = run.paths[0] if run.paths else None
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
    return EXIT_OK


def _toml(value) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return '""  # not set'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def write_report(args, diagnostics: list, paths: list[str], fixed: list) -> None:
    """The report in the chosen format (or the statistics), to standard output or -o FILE.

    Text of classified portions is redacted first, unless --show-source."""
    from dataclasses import replace

    from . import reporters
    from .discovery import STDIN
    from .redaction import redact

    if not args.show_source:
        diagnostics = [redact(d) for d in diagnostics]
        fixed = [replace(a, diagnostic=redact(a.diagnostic)) for a in fixed]
    if args.output:
        try:
            stream = open(args.output, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}")
        color = False
    elif args.fix and STDIN in args.paths:  # standard output holds the fixed cable
        stream, color = sys.stderr, False
    else:
        stream, color = sys.stdout, _use_color(args.color)
    try:
        if args.statistics:
            write_statistics(diagnostics, stream)
        else:
            reporters.get(args.format)(diagnostics, stream, color=color, files=paths,
                                       fixed=fixed)
    finally:
        if stream is sys.stdout:
            stream.flush()
        else:
            stream.close()


def write_statistics(diagnostics: list, stream) -> None:
    """``count  CODE  slug  severity`` per rule, most frequent first."""
    from collections import Counter

    counts = Counter((d.code, d.name, d.severity.label) for d in diagnostics)
    for (code, name, severity), count in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
        stream.write(f"{count:>6}  {code}  {name}  {severity}\n")
    stream.write(f"{sum(counts.values()):>6}  in all\n")


def lint_file(run, path: str) -> list:
    from .engine import lint_text

    decoded = run.read(path)
    if not hasattr(decoded, "text"):
        return [decoded]
    return lint_text(decoded.text, path=run.name(path), config=run.settings(path))


def _fixed_text(run, path: str, unsafe: bool):
    """(decoded file, fix result), or (E002 diagnostic, None) for a file that can't be read."""
    from .fixes import fix_text

    decoded = run.read(path)
    if not hasattr(decoded, "text"):
        return decoded, None  # never fix a file that could not be decoded
    return decoded, fix_text(decoded.text, path=run.name(path), config=run.settings(path),
                             unsafe=unsafe)


def fix_file(run, path: str, unsafe: bool) -> tuple[list, list]:
    """Fix one file in place (atomically); (remaining findings, applied fixes).

    Standard input's fixed text goes to standard output."""
    from .discovery import STDIN
    from .engine import unreadable
    from .writing import encode, write_atomic

    decoded, result = _fixed_text(run, path, unsafe)
    if result is None:
        return [decoded], []
    if path == STDIN:
        sys.stdout.buffer.write(encode(result.text, bom=decoded.bom))
        sys.stdout.flush()
    elif result.changed:
        try:
            write_atomic(path, encode(result.text, bom=decoded.bom))
        except OSError as error:
            reason = f"fixes not written, file left as it was: {error.strerror or error}"
            return [unreadable(path, reason), *result.remaining], []
    return result.remaining, result.applied


def show_diff(run, unsafe: bool, show_source: bool = False) -> int:
    """Print what --fix would change as a unified diff; exit 1 if anything would change.

    Lines of classified portions are withheld, unless ``show_source``."""
    import difflib

    from .redaction import redact_diff, text_lines, withheld_text_lines

    changed = fixes = 0
    problems = []
    for path in run.paths:
        decoded, result = _fixed_text(run, path, unsafe)
        if result is None:
            problems.append(decoded)
            continue
        if not result.changed:
            continue
        changed += 1
        fixes += len(result.applied)
        diff = list(difflib.unified_diff(
            text_lines(result.original), text_lines(result.text),
            fromfile=f"a/{run.name(path)}", tofile=f"b/{run.name(path)}"))
        if not show_source:
            diff = redact_diff(diff, withheld_text_lines(result.original),
                               withheld_text_lines(result.text))
        sys.stdout.writelines(diff)
    for problem in problems:
        print(f"{problem.path}: {problem.code} {problem.message}", file=sys.stderr)
    noun = "file" if changed == 1 else "files"
    print(f"Would apply {fixes} fix{'' if fixes == 1 else 'es'} in {changed} {noun}.",
          file=sys.stderr)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def show_rule(key: str) -> int:
    from .rules import registry

    rule = registry().get(key)
    if rule is None:
        raise UsageError(f"unknown rule '{key}' (see 'cablelint rules')")
    from .reference import profiles_of

    print(f"{rule.code} {rule.name} ({rule.severity.label}, fix: {rule.fixable}, "
          f"profiles: {profiles_of(rule)})\n")
    print(rule.documentation())
    return EXIT_OK


def list_rules() -> int:
    from .reference import text_table

    sys.stdout.write(text_table())
    return EXIT_OK
