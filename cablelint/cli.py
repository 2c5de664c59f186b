"""The command line: ``cablelint check``, ``cablelint rule CODE``, ``cablelint rules``.

Exit codes: 0 no finding at or above the failing severity, 1 findings, 2 usage,
configuration or input error (a path that does not exist, a file that is not UTF-8 text).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .config import PROFILES, Settings, UsageError
from .reporters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CABLE_SUFFIX = ".cable"


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
    check.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="codes, slugs or prefixes to check, comma-separated (default ALL)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="codes, slugs or prefixes to leave out, comma-separated")
    check.add_argument("--profile", choices=PROFILES, default="draft")
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


def check(args) -> int:
    from .diagnostics import Severity
    from .rules import registry

    settings = Settings(select=_codes(args.select) or ("ALL",), ignore=_codes(args.ignore),
                        profile=args.profile)
    settings.enabled_codes(registry())  # unknown codes are usage errors before any work
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    paths = _expand(args.paths)
    if args.diff:
        return show_diff(paths, settings, args.unsafe_fixes)
    diagnostics, fixed = [], []
    for path in paths:
        if args.fix:
            found, applied = fix_file(path, settings, args.unsafe_fixes)
            diagnostics.extend(found)
            fixed.extend(applied)
        else:
            diagnostics.extend(lint_file(path, settings))
    diagnostics.sort(key=lambda d: d.sort_key())
    fixed.sort(key=lambda a: a.diagnostic.sort_key())
    write_report(args, diagnostics, paths, fixed)
    if any(d.code == "E002" for d in diagnostics):
        return EXIT_ERROR
    failing = Severity.WARNING if args.strict else Severity.ERROR
    if args.exit_zero or not any(d.severity >= failing for d in diagnostics):
        return EXIT_OK
    return EXIT_FINDINGS


def write_report(args, diagnostics: list, paths: list[str], fixed: list) -> None:
    """The report in the chosen format (or the statistics), to standard output or -o FILE."""
    from . import reporters

    if args.output:
        try:
            stream = open(args.output, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}")
        color = False
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


def lint_file(path: str, settings: Settings) -> list:
    from .engine import lint_path, unreadable

    if not os.path.lexists(path):
        return [unreadable(path, "no such file or directory")]
    return lint_path(path, config=settings)


def _fixed_text(path: str, settings: Settings, unsafe: bool):
    """(decoded file, fix result), or (E002 diagnostic, None) for a file that can't be read."""
    from .engine import read_file, unreadable
    from .fixes import fix_text

    if not os.path.lexists(path):
        return unreadable(path, "no such file or directory"), None
    decoded = read_file(path)
    if not hasattr(decoded, "text"):
        return decoded, None  # never fix a file that could not be decoded
    return decoded, fix_text(decoded.text, path=path, config=settings, unsafe=unsafe)


def fix_file(path: str, settings: Settings, unsafe: bool) -> tuple[list, list]:
    """Fix one file in place (atomically); (remaining findings, applied fixes)."""
    from .engine import unreadable
    from .writing import encode, write_atomic

    decoded, result = _fixed_text(path, settings, unsafe)
    if result is None:
        return [decoded], []
    if result.changed:
        try:
            write_atomic(path, encode(result.text, bom=decoded.bom))
        except OSError as error:
            reason = f"fixes not written, file left as it was: {error.strerror or error}"
            return [unreadable(path, reason), *result.remaining], []
    return result.remaining, result.applied


def show_diff(paths: list[str], settings: Settings, unsafe: bool) -> int:
    """Print what --fix would change as a unified diff; exit 1 if anything would change."""
    import difflib

    changed = fixes = 0
    problems = []
    for path in paths:
        decoded, result = _fixed_text(path, settings, unsafe)
        if result is None:
            problems.append(decoded)
            continue
        if not result.changed:
            continue
        changed += 1
        fixes += len(result.applied)
        sys.stdout.writelines(difflib.unified_diff(
            result.original.splitlines(keepends=True), result.text.splitlines(keepends=True),
            fromfile=f"a/{path}", tofile=f"b/{path}"))
    for problem in problems:
        print(f"{problem.path}: {problem.code} {problem.message}", file=sys.stderr)
    noun = "file" if changed == 1 else "files"
    print(f"Would apply {fixes} fix{'' if fixes == 1 else 'es'} in {changed} {noun}.",
          file=sys.stderr)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


def _expand(paths: list[str]) -> list[str]:
    """Named files as given; folders searched for *.cable, in a stable order."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(sorted(str(p) for p in Path(path).rglob(f"*{CABLE_SUFFIX}")
                                if p.is_file()))
        else:
            found.append(path)
    return found


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
