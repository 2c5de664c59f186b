"""Fix a temporary copy of every corpus cable and report what went wrong.

Usage (from the repository root, with cablelint installed)::

    python scripts/fix_corpus.py                  # safe fixes, archive profile
    python scripts/fix_corpus.py --unsafe-fixes --profile draft

Each ``*.txt`` cable under ``--corpus`` is copied into a temporary folder and fixed in place
there with the same code path as ``cablelint check --fix`` (atomic write included). Then the
script checks, for each cable:

* no exception escaped;
* the fix is idempotent: fixing the fixed file again changes nothing;
* no parse regression: the fixed text has no more E001 findings than the original;
* no classification marking changed (banner levels, portion-mark levels, captions, reason
  letters, as ``cablelint.fixes.markings`` reads them); with ``--unsafe-fixes`` a caption
  that the portions require may be added, as ``fix_text`` allows.

It prints the counts, the fixes applied by rule, and up to five cable IDs per problem. Exit
status 1 if any problem was found. The corpus itself is only read.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "cables"
PROBLEMS = ("crashed", "not idempotent", "parse regression", "marking changed",
            "did not converge")

_options: dict = {}


def _init(options: dict) -> None:
    _options.update(options)


def fix_one(path: str) -> tuple[str, list[str], Counter, bool]:
    """(cable ID, problems, fixes applied by code, changed) for one temporary copy."""
    from cablelint.config import Settings
    from cablelint.engine import lint_text, read_file
    from cablelint.fixes import fix_text, markings
    from cablelint.runner import fix_path

    cable_id = Path(path).stem
    settings = Settings(profile=_options["profile"])
    unsafe = _options["unsafe"]
    problems: list[str] = []
    applied: Counter = Counter()
    try:
        before = read_file(path).text
        syntax_only = Settings(select=("E001",))
        errors_before = len(lint_text(before, config=syntax_only))
        applied.update(a.diagnostic.code for a in fix_path(path, settings, unsafe).fixed)
        after = read_file(path).text
        if len(lint_text(after, config=syntax_only)) > errors_before:
            problems.append("parse regression")
        if after != before and not markings(before).kept_in(markings(after), unsafe=unsafe):
            problems.append("marking changed")
        again = fix_text(after, config=settings, unsafe=unsafe)
        if again.changed:
            problems.append("not idempotent")
        if not again.converged:
            problems.append("did not converge")
        return cable_id, problems, applied, after != before
    except Exception:  # the point of this script is to catch what escapes
        traceback.print_exc(file=sys.stderr)
        return cable_id, ["crashed"], applied, False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profile", choices=("draft", "archive"), default="archive")
    parser.add_argument("--unsafe-fixes", action="store_true")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--limit", type=int, default=0, help="only the first N cables")
    args = parser.parse_args(argv)
    sources = sorted(args.corpus.rglob("*.txt"))[: args.limit or None]
    if not sources:
        print(f"fix_corpus: no *.txt cables under {args.corpus}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    found = {problem: [] for problem in PROBLEMS}
    fixes: Counter = Counter()
    changed = 0
    with tempfile.TemporaryDirectory(prefix="cablelint-fix-corpus-") as folder:
        copies = []
        for source in sources:
            copy = Path(folder) / source.name
            shutil.copyfile(source, copy)
            copies.append(str(copy))
        options = {"profile": args.profile, "unsafe": args.unsafe_fixes}
        with multiprocessing.Pool(max(1, args.jobs), _init, (options,)) as pool:
            for cable_id, problems, applied, was_changed in pool.imap(fix_one, copies, 8):
                for problem in problems:
                    found[problem].append(cable_id)
                fixes.update(applied)
                changed += was_changed
    seconds = time.perf_counter() - start
    kind = "safe and unsafe" if args.unsafe_fixes else "safe"
    print(f"{len(sources)} cables, {args.profile} profile, {kind} fixes, {seconds:.0f} s")
    print(f"changed: {changed}; fixes applied: {sum(fixes.values())}")
    for code, count in sorted(fixes.items()):
        print(f"  {code}: {count}")
    for problem in PROBLEMS:
        ids = found[problem]
        print(f"{problem}: {len(ids)}" + (f" (e.g. {', '.join(ids[:5])})" if ids else ""))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
