"""Throughput of two source checkouts side by side: which of them lints the corpus faster.

Usage (from the repository root)::

    git worktree add ../before HEAD~3          # or any other folder holding a checkout
    python bench/compare_checkouts.py ../before . --rounds 5

Each round runs ``bench/bench_corpus.py --runs 1`` once against each checkout (its
``cablelint`` package first on ``PYTHONPATH``), the order switching every round, so a
machine that speeds up or slows down over the minutes weighs on both alike. Prints each
checkout's times and median, and the ratio of the medians (second / first: below 1 means the
second is faster). The corpus is read, never written.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BENCH_CORPUS = REPO_ROOT / "bench" / "bench_corpus.py"
_MEDIAN = re.compile(r"^median: .*?MB, ([\d.]+) s,", re.MULTILINE)


def one_pass(checkout: Path, corpus: Path | None) -> float:
    """Seconds for one pass over the corpus with ``checkout``'s package."""
    command = [sys.executable, str(BENCH_CORPUS), "--runs", "1"]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    environment = dict(os.environ, PYTHONPATH=str(checkout))
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    found = _MEDIAN.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"error: the benchmark failed for {checkout}:\n{result.stderr.strip()}")
    return float(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="a checkout (a folder holding cablelint/)")
    parser.add_argument("second", type=Path, help="the checkout compared with the first")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of *.txt cables (default: bench_corpus.py's own)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    for checkout in (args.first, args.second):
        if not (checkout / "cablelint" / "__init__.py").is_file():
            parser.error(f"not a checkout of cablelint: {checkout}")

    checkouts = [args.first.resolve(), args.second.resolve()]
    times: dict[Path, list[float]] = {checkout: [] for checkout in checkouts}
    for round_number in range(args.rounds):
        for checkout in checkouts if round_number % 2 == 0 else checkouts[::-1]:
            times[checkout].append(one_pass(checkout, args.corpus))
    medians = [statistics.median(times[checkout]) for checkout in checkouts]
    for checkout, median in zip(checkouts, medians):
        runs = ", ".join(f"{seconds:.2f}" for seconds in times[checkout])
        print(f"{checkout}: median {median:.2f} s ({runs})")
    print(f"second / first: {medians[1] / medians[0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
