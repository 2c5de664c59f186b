"""Parallel runs (--jobs), the results cache (--no-cache, cablelint clean) and streamed
reports, through the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cablelint.cache import Cache, decode_findings, encode_findings

try:
    from cables import FAULTY, clean_cable
    from commandline import run
    from test_cache import doctor, packed, packs
except ImportError:  # tests run as a package
    from tests.cables import FAULTY, clean_cable
    from tests.commandline import run
    from tests.test_cache import doctor, packed, packs

NO_TAGS = clean_cable(tags=None)


@pytest.fixture
def folder(tmp_path):
    """Twenty cables (enough for a process pool): faulty, clean, without TAGS, one binary."""
    for index in range(20):
        text = (FAULTY, clean_cable(), NO_TAGS)[index % 3]
        (tmp_path / f"cable-{index:02d}.cable").write_text(text, encoding="utf-8")
    (tmp_path / "cable-07.cable").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return tmp_path


@pytest.mark.parametrize("form", ["text", "json", "sarif", "gitlab", "junit", "concise"])
def test_jobs_give_the_same_report_as_one_process(folder, form):
    one = run("check", "--no-cache", "--jobs", "1", "--format", form, ".", cwd=folder)
    two = run("check", "--no-cache", "--jobs", "2", "--format", form, ".", cwd=folder)
    assert one.returncode == two.returncode == 2  # the binary file is an input error
    assert two.stdout == one.stdout
    if form == "json":
        found = json.loads(two.stdout)
        assert [d["path"] for d in found] == sorted(d["path"] for d in found)
        assert {d["code"] for d in found} == {"T002", "P002", "T001", "E002"}
    if form == "junit":
        assert ElementTree.fromstring(two.stdout).get("tests") == str(7 * 2 + 6 + 6 + 1)


def test_jobs_zero_means_one_per_core_and_negative_is_refused(folder):
    assert run("check", "--no-cache", "--jobs", "0", ".", cwd=folder).returncode == 2
    refused = run("check", "--jobs", "-1", ".", cwd=folder)
    assert refused.returncode == 2 and "--jobs takes 0" in refused.stderr


def test_fix_in_parallel(folder):
    (folder / "cable-07.cable").unlink()
    result = run("check", "--fix", "--jobs", "2", "--select", "P002", ".", cwd=folder)
    assert result.returncode == 0
    assert "Fixed 7 problems." in result.stdout
    assert (folder / "cable-00.cable").read_text(encoding="utf-8") == \
        FAULTY.replace("3. (U) Embassy", "2. (U) Embassy")
    assert not (folder / ".cablelint_cache").exists()  # fixing never fills the cache


def findings_held(folder) -> dict:
    """The findings that the findings packs in a folder's cache hold, by (name, settings key,
    digest)."""
    cache = Cache(str(folder / ".cablelint_cache"))
    return {identity: decode_findings(text, identity[0])
            for pack in packs(folder, "findings")
            for identity, text in cache.load_findings(str(pack)).items()}


def test_cache_is_filled_read_and_kept_out_of_git(folder):
    cold = run("check", "--format", "json", ".", cwd=folder)
    cache = folder / ".cablelint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # one batch: one pack of findings and one of rendered parts, and no file per cable
    [findings], [pack] = packs(folder, "findings"), packs(folder)
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 3
    readable = sorted(p.name for p in folder.glob("*.cable") if p.name != "cable-07.cable")
    assert sorted(name for name, _, _ in findings_held(folder)) == readable
    assert sorted(name for name, _, _ in packed(folder)) == \
        sorted(p.name for p in folder.glob("*.cable"))
    stamp = findings.stat().st_mtime_ns
    warm = run("check", "--format", "json", ".", cwd=folder)
    assert warm.stdout == cold.stdout and warm.returncode == cold.returncode
    assert findings.stat().st_mtime_ns == stamp  # a warm run leaves the findings alone
    # the warm run answers from the rendered pack: a doctored one shows through
    doctor(folder, lambda text: re.sub(r'"message": "[^"]*"', '"message": "from the pack"',
                                       text))
    doctored = json.loads(run("check", "--format", "json", ".", cwd=folder).stdout)
    assert {d["message"] for d in doctored if d["code"] != "E002"} == {"from the pack"}
    # without its rendered pack, a file is answered from the findings (the pack made anew)
    pack.unlink()
    Cache(str(cache)).put_findings(str(findings), [
        (identity, encode_findings([d._replace(message="from the findings") for d in found]))
        for identity, found in findings_held(folder).items()])
    doctored = json.loads(run("check", "--format", "json", ".", cwd=folder).stdout)
    assert {d["message"] for d in doctored if d["code"] != "E002"} == {"from the findings"}
    assert pack.is_file()
    fresh = json.loads(run("check", "--no-cache", "--format", "json", ".", cwd=folder).stdout)
    assert fresh == json.loads(cold.stdout)


def test_an_edited_file_leaves_the_others_findings_in_the_pack(folder):
    run("check", ".", cwd=folder)
    before = findings_held(folder)
    (folder / "cable-00.cable").write_text(FAULTY.replace("PRELL", "PREL"), encoding="utf-8")
    run("check", ".", cwd=folder)
    after = findings_held(folder)
    [(old, _)] = [(i, f) for i, f in before.items() if i not in after]
    [(new, found)] = [(i, f) for i, f in after.items() if i not in before]
    assert old[0] == new[0] == "cable-00.cable" and old[2] != new[2]
    assert [d.code for d in found] == ["P002"]
    assert len(after) == 19  # the other 18 carried over from the pack read
    # a run that needs the findings themselves (another format) reads them from the pack
    assert run("check", "--format", "concise", "cable-00.cable", cwd=folder).stdout.count(
        "P002") == 1


def test_cache_follows_content_and_settings(folder):
    run("check", ".", cwd=folder)
    (folder / "cable-00.cable").write_text(FAULTY.replace("PRELL", "PREL"), encoding="utf-8")
    changed = run("check", "--format", "concise", "cable-00.cable", cwd=folder)
    assert [line.split(": ")[1][:4] for line in changed.stdout.splitlines()] == ["P002"]
    (folder / ".cablelint.toml").write_text('ignore = ["P002"]\n', encoding="utf-8")
    configured = run("check", "--format", "concise", "cable-00.cable", cwd=folder)
    assert configured.stdout == "" and configured.returncode == 0


def test_no_cache_and_clean(folder):
    run("check", "--no-cache", ".", cwd=folder)
    assert not (folder / ".cablelint_cache").exists()
    run("check", ".", cwd=folder)
    assert (folder / ".cablelint_cache").is_dir()
    cleaned = run("clean", cwd=folder)
    assert cleaned.returncode == 0 and cleaned.stdout == "Removed .cablelint_cache/.\n"
    assert not (folder / ".cablelint_cache").exists()
    again = run("clean", cwd=folder)
    assert again.returncode == 0 and again.stdout == "No .cablelint_cache/ here.\n"


def test_an_unwritable_cache_only_costs_time(folder):
    (folder / ".cablelint_cache").write_text("not a folder", encoding="utf-8")
    result = run("check", "--format", "concise", ".", cwd=folder)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 7 * 2 + 6 + 1
    assert Path(folder / ".cablelint_cache").read_text(encoding="utf-8") == "not a folder"


def test_batches_over_a_pool_keep_the_order_with_cache_hits_between(folder, monkeypatch):
    """Many batches (four files each), half of them answered by the cache, the rest by two
    worker processes: the same results, in the same order, as one process without a cache."""
    from cablelint import runner
    from cablelint.config import Settings

    monkeypatch.setattr(runner, "BATCH", 4)
    monkeypatch.setattr(runner, "POOL_FROM", 2)
    monkeypatch.chdir(folder)
    settings = Settings()
    paths = sorted(str(p.name) for p in folder.glob("*.cable"))
    tasks = lambda names: (runner.Task(n, n, 0, settings) for n in names)  # noqa: E731

    def flat(results):
        return [(r.name, [(d.code, d.line, d.column, d.message) for d in r.diagnostics])
                for r in results]

    alone = flat(runner.check_files(tasks(paths), runner.Job(), jobs=1))
    cached = runner.Job(cache_folder=".cablelint_cache")
    list(runner.check_files(tasks(paths[::2]), cached, jobs=1))  # every other file cached
    mixed = flat(runner.check_files(tasks(paths), cached, jobs=2))
    assert [name for name, _ in mixed] == paths
    assert mixed == alone
