"""The throughput benchmarks as their users run them: scripts in a subprocess, on a small
folder of synthetic cables (the figures themselves are not tested: they belong to
``bench/``, not to timed tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from cables import clean_cable, unclassified_cable

REPO_ROOT = Path(__file__).resolve().parent.parent


def bench(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO_ROOT / "bench" / script), *args],
                          capture_output=True, text=True, timeout=300)


def small_corpus(folder: Path) -> Path:
    """Four cables, one of them with a syntax error (a DTG without its year), as the
    corpus's ``*.txt`` files."""
    folder.mkdir()
    (folder / "clean.txt").write_text(clean_cable(), encoding="utf-8")
    (folder / "unclassified.txt").write_text(unclassified_cable(), encoding="utf-8")
    (folder / "crlf.txt").write_bytes(clean_cable(newline="\r\n").encode("utf-8"))
    (folder / "broken.txt").write_text(clean_cable(dtg="O 141530Z MAR"), encoding="utf-8")
    return folder


def test_bench_corpus_names_the_interpreter_then_each_run_and_the_median(tmp_path):
    corpus = small_corpus(tmp_path / "cables")
    result = bench("bench_corpus.py", "--corpus", str(corpus), "--runs", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"interpreter: CPython {sys.version.split()[0]} (")
    assert lines[0].endswith(f"({sys.executable})")
    assert [line.split(":")[0] for line in lines[1:]] == ["run 1", "run 2", "median"]
    size = sum(path.stat().st_size for path in corpus.iterdir()) / 1e6
    assert re.fullmatch(rf"median: 4 cables, {size:.2f} MB, [\d.]+ s, [\d.]+ MB/s, "
                        r"75\.0% without E001", lines[-1])


def test_compare_checkouts_runs_each_side_under_its_own_interpreter(tmp_path):
    corpus = small_corpus(tmp_path / "cables")
    result = bench("compare_checkouts.py", str(REPO_ROOT), str(REPO_ROOT), "--rounds", "2",
                   "--corpus", str(corpus), "--second-python", sys.executable)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines[:2]:  # the same checkout twice: each side keeps its own two times
        assert re.fullmatch(rf"{re.escape(str(REPO_ROOT))}: median [\d.]+ s "
                            r"\([\d.]+, [\d.]+\)", line)
    assert re.fullmatch(r"second / first: [\d.]+", lines[2])


def test_compare_checkouts_names_an_interpreter_it_cannot_run(tmp_path):
    corpus = small_corpus(tmp_path / "cables")
    missing = tmp_path / "no-such-python"
    result = bench("compare_checkouts.py", str(REPO_ROOT), str(REPO_ROOT), "--rounds", "1",
                   "--corpus", str(corpus), "--first-python", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: cannot run {missing}: No such file or directory"
    assert result.stdout == ""
