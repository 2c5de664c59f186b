"""Corpus report: how often each rule fires on the real cables, in both profiles.

Usage (from the repository root, with cablelint installed)::

    python scripts/corpus_report.py                    # writes docs/corpus-report.md
    python scripts/corpus_report.py --select H,C --print --out -    # a quick look, no file

Every ``*.txt`` cable under ``--corpus`` (default ``../shared/corpus/cables``) is linted with
the ``draft`` and the ``archive`` profile. For each rule the report gives the number and share
of cables it fires on in each profile and three example cable IDs (the file names). The
judgements on rules that fire on more than 20% of the corpus are kept in
``scripts/corpus_judgements.md`` and copied into the report, so a regenerated report keeps
them. Nothing is written except the report.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "cables"
DEFAULT_OUT = REPO_ROOT / "docs" / "corpus-report.md"
JUDGEMENTS = Path(__file__).with_name("corpus_judgements.md")
PROFILES = ("draft", "archive")
EXAMPLES = 3
HIGH_SHARE = 0.20

_select: tuple[str, ...] = ("ALL",)


def _init(select: tuple[str, ...]) -> None:
    global _select
    _select = select


def lint_one(path: str) -> tuple[str, dict[str, Counter]]:
    """The rule codes that fire on one cable, counted, for each profile."""
    from cablelint.config import Settings
    from cablelint.engine import lint_text

    text = Path(path).read_bytes().decode("utf-8", errors="replace")
    fired = {}
    for profile in PROFILES:
        settings = Settings(select=_select, profile=profile)
        fired[profile] = Counter(d.code for d in lint_text(text, path=path, config=settings))
    return path, fired


def collect(paths: list[str], select: tuple[str, ...], jobs: int):
    """Per profile: cables fired on by code, findings by code, example IDs by code."""
    cables = {p: Counter() for p in PROFILES}
    findings = {p: Counter() for p in PROFILES}
    examples = {p: defaultdict(list) for p in PROFILES}
    with multiprocessing.Pool(jobs, initializer=_init, initargs=(select,)) as pool:
        for path, fired in pool.imap(lint_one, paths, chunksize=16):
            cable_id = Path(path).stem
            for profile, counts in fired.items():
                for code, count in counts.items():
                    cables[profile][code] += 1
                    findings[profile][code] += count
                    if len(examples[profile][code]) < EXAMPLES:
                        examples[profile][code].append(cable_id)
    return cables, findings, examples


def render(total: int, cables, findings, examples, seconds: float) -> str:
    from cablelint.rules import registry

    lines = [
        "# Corpus report",
        "",
        "Made by `python scripts/corpus_report.py`: every cable of the 2010 release corpus "
        f"({total:,} cables) linted with every rule, once per profile. For each rule: the "
        "cables it fires on (and their share), the findings, and the first three cable IDs "
        "in file-name order. Rules that fire on more than 20% of the corpus in a profile are "
        "marked **high** and judged below the table.",
        "",
        "| code | slug | severity | draft: cables | draft: findings | archive: cables "
        "| archive: findings | examples (archive, else draft) |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for rule in registry():
        row = [f"`{rule.code}`", rule.name, rule.severity.label]
        for profile in PROFILES:
            count = cables[profile][rule.code]
            share = count / total if total else 0.0
            mark = " **high**" if share > HIGH_SHARE else ""
            row += [f"{count:,} ({share:.1%}){mark}", f"{findings[profile][rule.code]:,}"]
        ids = examples["archive"][rule.code] or examples["draft"][rule.code]
        row.append(", ".join(ids) or "—")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f"Run time: {seconds:.0f} s for both profiles.", ""]
    if JUDGEMENTS.is_file():
        lines += [JUDGEMENTS.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", default=str(DEFAULT_OUT),
                        help="where to write the report ('-' for standard output)")
    parser.add_argument("--select", default="ALL", help="codes or prefixes, comma-separated")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--print", action="store_true",
                        help="also print each fired rule's counts to standard error")
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    if not paths:
        print(f"corpus_report: no *.txt cables under {args.corpus}", file=sys.stderr)
        return 2
    select = tuple(code.strip() for code in args.select.split(",") if code.strip())
    start = time.perf_counter()
    cables, findings, examples = collect(paths, select, max(1, args.jobs))
    seconds = time.perf_counter() - start
    report = render(len(paths), cables, findings, examples, seconds)
    if args.print:
        for code in sorted(set(cables["draft"]) | set(cables["archive"])):
            print(f"{code}: draft {cables['draft'][code]}, archive {cables['archive'][code]}; "
                  f"e.g. {', '.join(examples['archive'][code] or examples['draft'][code])}",
                  file=sys.stderr)
    if args.out == "-":
        sys.stdout.write(report)
    else:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report, encoding="utf-8")
        print(f"wrote {args.out} ({len(paths)} cables, {seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
