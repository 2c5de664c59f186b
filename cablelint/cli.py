"""The command line: ``cablelint check``, ``cablelint rule CODE``, ``cablelint rules``.

Exit codes: 0 no finding at or above the failing severity, 1 findings, 2 usage,
configuration or input error (a path that does not exist, a file that is not UTF-8 text).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from . import __version__
from .config import PROFILES, UsageError
from .cache import CACHE_DIR
from .reporters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, the terminal's width read as ``shutil.get_terminal_size``
    reads it, without importing shutil: argparse makes a formatter for every option added,
    and shutil (with the compression modules it loads) is a cost a hook's run need not pay."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)


def _columns() -> int:
    """$COLUMNS, else the width of standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

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

    check.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="processes to check files in (default 0: one per core)")
    check.add_argument("--no-cache", action="store_true",
                       help=f"neither read nor write the results cache ({CACHE_DIR}/)")

    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code (P001) or slug (para-start)")

    commands.add_parser("rules", help="list every rule")
    commands.add_parser("clean", help=f"remove the results cache ({CACHE_DIR}/) of this folder")
    commands.add_parser("server", help="run the language server over stdio (needs "
                        "cablelint[lsp])")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rule":
            return show_rule(args.code)
        if args.command == "rules":
            return list_rules()
        if args.command == "clean":
            return clean()
        if args.command == "server":
            from .server import serve
            return serve()
        return check(args)
    except UsageError as error:
        print(f"cablelint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


def check(args) -> int:
    from .run import Run, show_settings

    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.strict_baseline and not args.baseline:
        raise UsageError("--strict-baseline needs --baseline")
    if args.baseline and args.write_baseline:
        raise UsageError("--baseline and --write-baseline cannot be used together")
    if args.jobs < 0:
        raise UsageError("--jobs takes 0 (one per core) or more")
    run = Run(args)
    if args.show_files:
        sys.stdout.writelines(f"{run.name(path)}\n" for path in run.files())
        return EXIT_OK
    if args.show_settings:
        return show_settings(run)
    if args.diff:
        from .diffing import show_diff

        return show_diff(run, args.unsafe_fixes, args.show_source)
    if args.write_baseline:
        return write_baseline(args, run)
    return report(args, run)


def report(args, run) -> int:
    """Check the files and write the report as results arrive; the exit code.

    Each file's part of the report comes rendered from where the file was checked (or from
    the cache), except with a baseline, which filters the findings here first."""
    from .diagnostics import Severity
    from .runner import rendered

    baseline = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline(args.baseline)
    failing = Severity.WARNING if args.strict else Severity.ERROR
    rendering = _rendering(args)
    unreadable = failed = False
    with report_stream(args, run) as (stream, color):
        rendering = rendering._replace(color=color)
        reporter = rendering.reporter(stream)
        reporter.begin()
        for result in results(args, run, rendering if baseline is None else None):
            if result.chunk is None:
                if baseline is not None:
                    result = result._replace(
                        diagnostics=baseline.filter(result.name, result.diagnostics))
                result = rendered(result, rendering)
            unreadable = unreadable or result.unreadable
            failed = failed or result.worst >= failing
            reporter.write(result.chunk)
        reporter.end()
    stale = report_stale(baseline) if baseline is not None else []
    if unreadable:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failed or (stale and args.strict_baseline) else EXIT_OK


def results(args, run, rendering=None):
    """A :class:`.runner.FileResult` per file, in the run's order, rendered by ``rendering``
    (a :class:`.reporters.Rendering`) if given; standard input is read and checked in this
    process, the files by :func:`.runner.check_files`."""
    from .cache import CACHE_DIR
    from .discovery import STDIN
    from .runner import Job, Task, check_files

    if run.reads_stdin:
        yield stdin_result(args, run)
    numbers = {}

    def tasks():
        for path in run.files():
            if path != STDIN:
                settings = run.settings(path)
                number = numbers.setdefault(id(settings), len(numbers))
                yield Task(path, run.name(path), number, settings)

    with_fixes = args.format in ("json", "sarif") and not args.statistics
    use_cache = not (args.no_cache or args.fix)
    job = Job(fix=args.fix, unsafe=args.unsafe_fixes, with_fixes=with_fixes,
              cache_folder=CACHE_DIR if use_cache else None, rendering=rendering)
    yield from check_files(tasks(), job, args.jobs)


def stdin_result(args, run):
    """Standard input, checked; with --fix its fixed text goes to standard output."""
    from .discovery import STDIN
    from .engine import lint_text
    from .runner import FileResult
    from .writing import encode

    name = run.name(STDIN)
    decoded = run.read(STDIN)
    if not hasattr(decoded, "text"):
        return FileResult(name, [decoded])
    if not args.fix:
        return FileResult(name, lint_text(decoded.text, path=name, config=run.settings(STDIN)))
    from .fixes import fix_text

    result = fix_text(decoded.text, path=name, config=run.settings(STDIN),
                      unsafe=args.unsafe_fixes)
    sys.stdout.buffer.write(encode(result.text, bom=decoded.bom))
    sys.stdout.flush()
    return FileResult(name, result.remaining, result.applied, result.changed)


def _rendering(args):
    """How the report renders each file (its colour is set once the stream is known)."""
    from .reporters import STATISTICS, Rendering

    return Rendering(STATISTICS if args.statistics else args.format,
                     show_source=args.show_source)


@contextlib.contextmanager
def report_stream(args, run):
    """(stream, colour) for the report: -o FILE, standard error when standard output holds
    a fixed cable, else standard output."""
    if args.output:
        try:
            stream = open(args.output, "w", encoding="utf-8", newline="\n")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}")
        with stream:
            yield stream, False
    elif args.fix and run.reads_stdin:
        yield sys.stderr, False
    else:
        try:
            yield sys.stdout, _use_color(args.color)
        finally:
            sys.stdout.flush()


def report_stale(baseline) -> list:
    """Tell the baseline's stale entries on standard error; return them."""
    stale = baseline.stale()
    if stale:
        entries = "1 entry that no longer matches" if len(stale) == 1 else \
            f"{len(stale)} entries that no longer match"
        print(f"cablelint: baseline {baseline.path} has {entries} a finding; rewrite it with "
              "--write-baseline:", file=sys.stderr)
        for entry in stale:
            print(f"  {entry.path}: {entry.code} {entry.fingerprint}", file=sys.stderr)
    return stale


def write_baseline(args, run) -> int:
    """Record every finding in a baseline file; exit 2 if a file could not be read."""
    from . import baseline

    recorded, unread = [], False
    for result in results(args, run):
        for d in result.diagnostics:
            if d.code == "E002":
                unread = True
                print(f"{d.path}: {d.code} {d.message}", file=sys.stderr)
        found = [d for d in result.diagnostics if d.code != "E002"]
        recorded.extend(baseline.entries(found, args.write_baseline))
    count = baseline.write(args.write_baseline, recorded)
    print(f"Wrote {count} finding{'' if count == 1 else 's'} to baseline "
          f"{args.write_baseline}.", file=sys.stderr)
    return EXIT_ERROR if unread else EXIT_OK


def clean() -> int:
    """``cablelint clean``: remove the results cache of the current folder."""
    from .cache import CACHE_DIR, clean as remove

    if remove(CACHE_DIR):
        print(f"Removed {CACHE_DIR}/.")
    else:
        print(f"No {CACHE_DIR}/ here.")
    return EXIT_OK


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
