"""Fuzz ``lint_text`` and ``fix_text`` with broken cables, many more times than CI does.

Usage (from the repository root, with cablelint and the test extra installed)::

    python bench/fuzz.py                          # 10,000 examples, seed 0
    python bench/fuzz.py --examples 50000 --seed 7 --batch 2000 --out /tmp/fuzz

The generator and the property are those of ``tests/test_fuzz.py`` (broken synthetic
cables; no exception escapes, a fix keeps the markings, parses no worse and is idempotent).
The examples run in batches of ``--batch``, batch ``i`` with hypothesis seed ``seed + i``, so
one failure does not end the run and any batch can be replayed alone. A failing batch is
shrunk by hypothesis to a minimal example, written to the output folder (a temporary folder
unless ``--out`` is given) as ``failure-<seed>.cable`` (the text, or ``.bin`` for bytes)
with ``failure-<seed>.txt`` (profile, unsafe, traceback). The report: examples, time,
examples per second, failures. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from test_fuzz import check_case, fuzz_cases  # noqa: E402


class Batch:
    """One hypothesis run of ``size`` examples; counts calls, keeps the last failing case."""

    def __init__(self, size: int, number: int):
        self.size, self.seed = size, number
        self.calls = 0
        self.examples = None  # calls before the first failure (then hypothesis shrinks)
        self.failure = None   # (case, traceback text) of the last failing call: the minimal one

    def run(self) -> bool:
        @seed(self.seed)
        @settings(max_examples=self.size, deadline=None, database=None, print_blob=False,
                  phases=(Phase.generate, Phase.shrink), report_multiple_bugs=False,
                  suppress_health_check=list(HealthCheck))
        @given(fuzz_cases())
        def property_holds(case):
            self.calls += 1
            try:
                check_case(case)
            except Exception:
                if self.examples is None:
                    self.examples = self.calls
                self.failure = (case, traceback.format_exc())
                raise

        try:
            property_holds()
        except Exception:
            return False
        finally:
            if self.examples is None:
                self.examples = self.calls
        return True

    def write(self, folder: Path) -> Path:
        case, trace = self.failure
        stem = folder / f"failure-{self.seed}"
        if case.data is not None:
            stem.with_suffix(".bin").write_bytes(case.data)
        else:
            stem.with_suffix(".cable").write_text(case.text, encoding="utf-8", newline="")
        stem.with_suffix(".txt").write_text(
            f"seed {self.seed}, profile {case.profile}, unsafe {case.unsafe}\n"
            f"text: {case.text!r}\n\n{trace}", encoding="utf-8")
        return stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed of the first batch")
    parser.add_argument("--batch", type=int, default=1000, help="examples per batch")
    parser.add_argument("--out", type=Path, help="folder for failing examples "
                                                 "(default: a new temporary folder)")
    args = parser.parse_args(argv)

    examples, failures = 0, []
    start = time.perf_counter()
    number = args.seed
    while examples < args.examples:
        batch = Batch(min(args.batch, args.examples - examples), number)
        if not batch.run():
            failures.append(batch)
        examples += batch.examples
        number += 1
        print(f"batch seed {batch.seed}: {batch.examples} examples, "
              f"{'FAILED' if batch.failure else 'ok'}", flush=True)
    seconds = time.perf_counter() - start

    print(f"\n{examples} examples in {number - args.seed} batches (seeds {args.seed}-"
          f"{number - 1}), {seconds:.1f} s, {examples / seconds:.0f} examples/s")
    if not failures:
        print("failures: 0")
        return 0
    folder = args.out or Path(tempfile.mkdtemp(prefix="cablelint-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    kinds = collections.Counter(batch.failure[1].strip().splitlines()[-1] for batch in failures)
    print(f"failures: {len(failures)} batches; minimal examples in {folder}")
    for batch in failures:
        print(f"  seed {batch.seed}: {batch.write(folder)}.*")
    for kind, count in kinds.most_common():
        print(f"  {count} x {kind}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
