"""Command-line benchmark: parallel runs, the results cache, start-up beside yamllint, and
memory as the number of cables grows. Every figure is a median of ``--runs`` runs, and the
compared runs alternate, so a ratio is measured side by side in one run of this script.

Usage (from the repository root, with cablelint installed; yamllint for the start-up part)::

    python bench/bench_cli.py                       # everything, ../shared/corpus/cables
    python bench/bench_cli.py --only startup --runs 21
    python bench/bench_cli.py --only scale --scale 5000 50000

The corpus is copied as ``*.cable`` files into a temporary folder (the corpus itself is
never written to); the scale part repeats it into folders of the sizes asked for. The
temporary folders are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "cables"
EXAMPLE = REPO_ROOT / "examples" / "clean-oslo.cable"
CABLELINT = [sys.executable, "-m", "cablelint"]

#: Runs a command and prints its own peak resident memory (its children's, in kB).
_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
         "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_megabytes(command: list[str], cwd: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], cwd=cwd,
                         capture_output=True, text=True).stdout
    return int(out.strip()) / 1024


def alternate(commands: dict[str, list[str]], cwd: Path, runs: int, before=None) -> dict:
    """Median seconds of each command, running them in turn ``runs`` times."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if before is not None:
                before(name)
            times[name].append(timed(command, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def copy_corpus(corpus: Path, folder: Path, count: int | None = None) -> int:
    """Copy the corpus into ``folder`` as .cable files, repeated up to ``count``; bytes."""
    sources = sorted(corpus.glob("*.txt"))
    count = count or len(sources)
    total = 0
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index // 1000:03d}" / f"{index:06d}-{source.stem}.cable"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        total += source.stat().st_size
    return total


def bench_jobs(folder: Path, megabytes: float, runs: int) -> None:
    medians = alternate({
        "--jobs 1": [*CABLELINT, "check", "--no-cache", "--jobs", "1", "--exit-zero", "."],
        "--jobs 2": [*CABLELINT, "check", "--no-cache", "--jobs", "2", "--exit-zero", "."],
    }, folder, runs)
    for name, seconds in medians.items():
        print(f"  {name}: {seconds:.2f} s, {megabytes / seconds:.2f} MB/s")
    print(f"  speed-up --jobs 2 over --jobs 1: {medians['--jobs 1'] / medians['--jobs 2']:.2f}x")


def bench_cache(folder: Path, runs: int) -> None:
    command = [*CABLELINT, "check", "--jobs", "1", "--exit-zero", "."]
    cache = folder / ".cablelint_cache"

    def before(name):
        if name == "cold" and cache.exists():
            shutil.rmtree(cache)

    medians = alternate({"cold": command, "warm": command}, folder, runs, before)
    print(f"  cold cache: {medians['cold']:.2f} s; warm cache: {medians['warm']:.3f} s; "
          f"warm is {medians['cold'] / medians['warm']:.1f}x as fast")
    shutil.rmtree(cache, ignore_errors=True)


def bench_startup(runs: int) -> None:
    yamllint = shutil.which("yamllint")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "one.yaml").write_text("key: value\n", encoding="utf-8")
        shutil.copyfile(EXAMPLE, folder / "one.cable")
        script = shutil.which("cablelint")
        cablelint = [script] if script else CABLELINT
        commands = {"cablelint check one.cable": [*cablelint, "check", "--no-cache",
                                                  "one.cable"]}
        if yamllint:
            commands["yamllint one.yaml"] = [yamllint, "one.yaml"]
        else:
            print("  yamllint is not installed (pip install yamllint): cablelint alone")
        for command in commands.values():  # warm the disk cache and byte-code first
            timed(command, folder)
        medians = alternate(commands, folder, runs)
    for name, seconds in medians.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")
    if yamllint:
        ratio = medians["cablelint check one.cable"] / medians["yamllint one.yaml"]
        print(f"  cablelint / yamllint: {ratio:.2f}")


def bench_scale(corpus: Path, sizes: list[int]) -> None:
    peaks = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            total = copy_corpus(corpus, folder, size)
            command = [*CABLELINT, "check", "--no-cache", "--jobs", "1", "--exit-zero",
                       "--format", "json", "--output", os.devnull, "."]
            start = time.perf_counter()
            peaks[size] = peak_megabytes(command, folder)
            seconds = time.perf_counter() - start
        print(f"  {size} cables ({total / 1e6:.0f} MB): {seconds:.1f} s, "
              f"peak memory {peaks[size]:.0f} MB")
    if len(sizes) > 1:
        low, high = peaks[sizes[0]], peaks[sizes[-1]]
        print(f"  peak for {sizes[-1]} over peak for {sizes[0]}: {high / low:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("jobs", "cache", "startup", "scale"))
    parser.add_argument("--scale", type=int, nargs="+", default=[5000, 50000])
    args = parser.parse_args(argv)
    parts = [args.only] if args.only else ["startup", "jobs", "cache", "scale"]
    if set(parts) - {"startup"} and not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    print(f"cablelint command-line benchmark, {args.runs} runs each, medians; "
          f"{os.cpu_count()} cores")
    if "startup" in parts:
        print("start-up, one small file:")
        bench_startup(args.runs)
    if "jobs" in parts or "cache" in parts:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            megabytes = copy_corpus(args.corpus, folder) / 1e6
            if "jobs" in parts:
                print(f"parallel runs over the corpus ({megabytes:.1f} MB):")
                bench_jobs(folder, megabytes, args.runs)
            if "cache" in parts:
                print("results cache over the corpus:")
                bench_cache(folder, args.runs)
    if "scale" in parts:
        print("scale, one process, JSON report to a null device:")
        bench_scale(args.corpus, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
