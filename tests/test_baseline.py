"""Baselines through the command line: --write-baseline, --baseline, stale entries and
--strict-baseline."""

from __future__ import annotations

import json

import pytest

try:
    from cables import FAULTY
    from commandline import run
except ImportError:  # tests run as a package
    from tests.cables import FAULTY
    from tests.commandline import run

#: T002 at 10:7 and P002 at 20:1.



@pytest.fixture
def archive(tmp_path):
    (tmp_path / "cables").mkdir()
    (tmp_path / "cables" / "a.cable").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "cables" / "b.cable").write_text(FAULTY, encoding="utf-8")
    written = run("check", "--write-baseline", "baseline.json", "cables", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert "Wrote 4 findings to baseline baseline.json." in written.stderr
    return tmp_path


def test_baseline_records_paths_codes_and_fingerprints_only(archive):
    document = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert document["tool"] == "cablelint" and document["version"] == 1
    entries = document["findings"]
    assert [(e["path"], e["code"]) for e in entries] == [
        ("cables/a.cable", "P002"), ("cables/a.cable", "T002"),
        ("cables/b.cable", "P002"), ("cables/b.cable", "T002")]
    assert all(set(e) == {"path", "code", "fingerprint"} for e in entries)
    assert "PRELL" not in (archive / "baseline.json").read_text(encoding="utf-8")


def test_recorded_findings_are_not_reported(archive):
    result = run("check", "--baseline", "baseline.json", "cables", cwd=archive)
    assert result.returncode == 0
    assert result.stdout == "All checks passed (2 files).\n"
    assert result.stderr == ""


def test_entries_survive_lines_moving_and_other_folders(archive):
    moved = FAULTY.replace("SIPDIS\n", "SIPDIS\n\n\n")
    (archive / "cables" / "a.cable").write_text(moved, encoding="utf-8")
    result = run("check", "--format", "concise", "--baseline", "../baseline.json", ".",
                 cwd=archive / "cables")
    assert result.returncode == 0 and result.stdout == ""


def test_new_findings_are_reported(archive):
    worse = FAULTY.replace("TAGS: PRELL PGOV NO", "TAGS: PRELL PGOV PGOV NO")
    (archive / "cables" / "a.cable").write_text(worse, encoding="utf-8")
    result = run("check", "--format", "concise", "--baseline", "baseline.json", "cables",
                 cwd=archive)
    assert result.stdout.splitlines() == [
        "cables/a.cable:10:18: T004 tag PGOV is listed twice (first at column 13)"]


def test_a_second_identical_finding_is_new(archive):
    twice = FAULTY.replace("3. (U) Embassy will report.",
                           "3. (U) Embassy will report.\n\n5. (U) More.")
    (archive / "cables" / "a.cable").write_text(twice, encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "P002", "--baseline",
                 "baseline.json", "cables/a.cable", cwd=archive)
    assert result.stdout.splitlines() == [
        "cables/a.cable:22:1: P002 paragraph 5 follows paragraph 3 (skips); expected 4"]


def test_stale_entries_are_reported_and_can_fail_the_run(archive):
    fixed = FAULTY.replace("PRELL", "PREL")
    (archive / "cables" / "a.cable").write_text(fixed, encoding="utf-8")
    result = run("check", "--baseline", "baseline.json", "cables", cwd=archive)
    assert result.returncode == 0
    stale = result.stderr.splitlines()
    assert stale[0] == ("cablelint: baseline baseline.json has 1 entry that no longer match"
                        "es a finding; rewrite it with --write-baseline:")
    assert stale[1].startswith("  cables/a.cable: T002 ")
    strict = run("check", "--baseline", "baseline.json", "--strict-baseline", "cables",
                 cwd=archive)
    assert strict.returncode == 1
    # only the files checked in this run can make entries stale
    one = run("check", "--baseline", "baseline.json", "--strict-baseline", "cables/b.cable",
              cwd=archive)
    assert one.returncode == 0 and one.stderr == ""


def test_baseline_usage_errors(archive):
    (archive / "broken.json").write_text("{", encoding="utf-8")
    broken = run("check", "--baseline", "broken.json", "cables", cwd=archive)
    assert broken.returncode == 2 and "baseline broken.json is not JSON" in broken.stderr
    (archive / "other.json").write_text('{"tool": "x", "version": 1, "findings": []}',
                                        encoding="utf-8")
    other = run("check", "--baseline", "other.json", "cables", cwd=archive)
    assert other.returncode == 2 and "is not a cablelint baseline" in other.stderr
    missing = run("check", "--baseline", "none.json", "cables", cwd=archive)
    assert missing.returncode == 2 and "cannot read baseline none.json" in missing.stderr
    both = run("check", "--baseline", "baseline.json", "--write-baseline", "x.json", cwd=archive)
    assert both.returncode == 2
    alone = run("check", "--strict-baseline", "cables", cwd=archive)
    assert alone.returncode == 2 and "--strict-baseline needs --baseline" in alone.stderr
