"""Throughput of two source checkouts side by side: which of them lints the corpus faster.

Usage (from the repository root)::

    git worktree add ../before HEAD~3          # or any other folder holding a checkout
    python bench/compare_checkouts.py ../before . --rounds 5
    python bench/compare_checkouts.py . . --second-python /usr/bin/python3.11   # interpreters

The two sides may run under different interpreters (``--first-python``, ``--second-python``;
each needs lark installed, and the same major.minor version shares the byte code): the same
checkout twice then compares the interpreters.

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


def one_pass(checkout: Path, python: str, corpus: Path | None) -> float:
    """Seconds for one pass over the corpus with ``checkout``'s package under ``python``."""
    command = [python, str(BENCH_CORPUS), "--runs", "1"]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    environment = dict(os.environ, PYTHONPATH=str(checkout))
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
    except OSError as error:
        raise SystemExit(f"error: cannot run {python}: {error.strerror}") from None
    found = _MEDIAN.search(result.stdout)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"error: the benchmark failed for {checkout} under {python}:\n"
                         f"{result.stderr.strip()}")
    return float(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="a checkout (a folder holding cablelint/)")
    parser.add_argument("second", type=Path, help="the checkout compared with the first")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of *.txt cables (default: bench_corpus.py's own)")
    for side in ("first", "second"):
        parser.add_argument(f"--{side}-python", default=sys.executable, metavar="PYTHON",
                            help=f"the interpreter for the {side} checkout (default: this one)")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    for checkout in (args.first, args.second):
        if not (checkout / "cablelint" / "__init__.py").is_file():
            parser.error(f"not a checkout of cablelint: {checkout}")

    sides = [(args.first.resolve(), args.first_python), (args.second.resolve(), args.second_python)]
    times: list[list[float]] = [[], []]
    for round_number in range(args.rounds):
        for index in (0, 1) if round_number % 2 == 0 else (1, 0):
            checkout, python = sides[index]
            times[index].append(one_pass(checkout, python, args.corpus))
    medians = [statistics.median(side_times) for side_times in times]
    for (checkout, python), median, side_times in zip(sides, medians, times):
        runs = ", ".join(f"{seconds:.2f}" for seconds in side_times)
        under = f" under {python}" if args.first_python != args.second_python else ""
        print(f"{checkout}{under}: median {median:.2f} s ({runs})")
    print(f"second / first: {medians[1] / medians[0]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
