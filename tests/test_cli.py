"""The command line, run as a subprocess the way users and hooks run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
REFERENCE = REPO.parent / "shared" / "examples" / "08BEIJING1050.txt"


def run(*args, cwd=None, env=None):
    environment = dict(os.environ, **(env or {}))
    environment.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "cablelint", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=environment, timeout=120)


def test_clean_examples_pass_with_exit_0():
    result = run("check", str(EXAMPLES / "clean-oslo.cable"),
                 str(EXAMPLES / "clean-state-unclas.cable"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed (2 files)." in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name, code, line", [
    ("faulty-numbering.cable", "P002", 26),
    ("faulty-no-tags.cable", "T001", 11),
    ("faulty-decl.cable", "D005", 9),
])
def test_faulty_examples_fail_with_their_code(name, code, line):
    result = run("check", "--format", "json", str(EXAMPLES / name))
    assert result.returncode == 1
    found = json.loads(result.stdout)
    assert [(d["code"], d["line"]) for d in found] == [(code, line)]


def test_folder_is_searched_for_cable_files():
    result = run("check", "--format", "json", "examples")
    assert result.returncode == 1
    paths = {Path(d["path"]).name for d in json.loads(result.stdout)}
    assert paths == {"faulty-numbering.cable", "faulty-no-tags.cable", "faulty-decl.cable"}


def test_json_fields_follow_the_contract():
    result = run("check", "--format", "json", str(EXAMPLES / "faulty-decl.cable"))
    (finding,) = json.loads(result.stdout)
    assert set(finding) >= {"path", "code", "name", "severity", "message", "line", "column",
                            "end_line", "end_column", "fix"}
    assert finding["severity"] in ("error", "warning", "info")
    assert finding["column"] == 19 and finding["end_column"] == 29


def test_text_output_names_file_line_column_and_code():
    result = run("check", "--color", "never", str(EXAMPLES / "faulty-numbering.cable"))
    first = result.stdout.splitlines()[0]
    assert first.startswith(str(EXAMPLES / "faulty-numbering.cable") + ":26:1: P002 [error]")
    assert "Found 1 problem (1 error) in 1 file." in result.stdout
    assert "\x1b[" not in result.stdout


def test_color_only_when_asked_or_on_a_terminal():
    assert "\x1b[" in run("check", "--color", "always", "examples").stdout
    assert "\x1b[" not in run("check", "examples").stdout  # a pipe is not a terminal


def test_select_and_ignore_take_codes_slugs_and_prefixes():
    ignored = run("check", "--format", "json", "--ignore", "P002", "examples")
    assert "P002" not in {d["code"] for d in json.loads(ignored.stdout)}
    selected = run("check", "--format", "json", "--select", "tags-missing", "examples")
    assert {d["code"] for d in json.loads(selected.stdout)} == {"T001"}
    by_group = run("check", "--format", "json", "--select", "D", "examples")
    assert {d["code"] for d in json.loads(by_group.stdout)} == {"D005"}


def test_unknown_rule_is_a_usage_error():
    result = run("check", "--select", "Q123", "examples")
    assert result.returncode == 2
    assert "unknown rule or group 'Q123'" in result.stderr


def test_missing_path_exits_2_naming_it(tmp_path):
    missing = tmp_path / "nowhere.cable"
    result = run("check", str(missing))
    assert result.returncode == 2
    assert f"{missing}:1:1: E002" in result.stdout


@pytest.mark.parametrize("content, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
    ("UNCLAS STATE 000001\nSUBJECT: CAF\xc9\n".encode("latin-1"), "not UTF-8 text"),
])
def test_unreadable_input_is_e002_with_exit_2(tmp_path, content, reason):
    path = tmp_path / "bad.cable"
    path.write_bytes(content)
    result = run("check", "--format", "json", str(path))
    assert result.returncode == 2
    (finding,) = json.loads(result.stdout)
    assert finding["code"] == "E002" and reason in finding["message"]
    assert "Traceback" not in result.stderr


def test_directory_named_like_a_cable_is_searched_not_crashed(tmp_path):
    folder = tmp_path / "odd.cable"
    folder.mkdir()
    result = run("check", str(folder))
    assert result.returncode == 0
    assert "Traceback" not in result.stderr


def test_exit_zero_turns_findings_into_success():
    assert run("check", "--exit-zero", "examples").returncode == 0


def test_warning_fails_only_with_strict(tmp_path):
    cable = (EXAMPLES / "clean-oslo.cable").read_text().replace("TAGS: PREL", "TAGS: PRELL")
    path = tmp_path / "typo.cable"
    path.write_text(cable)
    assert run("check", str(path)).returncode == 0
    strict = run("check", "--strict", str(path))
    assert strict.returncode == 1
    assert "did you mean 'PREL'" in strict.stdout


def test_rule_and_rules_commands():
    rule = run("rule", "P002")
    assert rule.returncode == 0
    assert "What it checks:" in rule.stdout and "para-sequence" in rule.stdout
    assert run("rule", "para-sequence").stdout == rule.stdout
    assert run("rule", "Z999").returncode == 2
    listing = run("rules")
    assert listing.returncode == 0
    rows = [line.split() for line in listing.stdout.splitlines()]
    assert rows[0] == ["code", "slug", "severity", "fix", "profiles"]
    assert ["P001", "para-start", "error", "renumber", "draft,", "archive"] in rows


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference example not available")
def test_reference_example_from_outside_the_repository(tmp_path):
    """The walk-through of rules.md: X001, X002, C010, D008, D013, plus S004 in draft only.

    S004 fires on the seven paragraphs the release re-flowed into single long lines (the
    draft profile checks line width; archive does not). Line 49 continues paragraph 6's
    sentence after a page break, so P004 stays silent. No error: exit 0, and 1 with --strict.
    """
    result = run("check", "--format", "json", str(REFERENCE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    x001 = [(d["line"], d["column"]) for d in found if d["code"] == "X001"]
    assert [(21, 1), (22, 1), (23, 1), (24, 1)] == [p for p in x001 if p[0] <= 24]
    numbers = {line for line, column in x001 if line > 24}
    assert numbers == {31, 33, 37, 41, 43, 47}
    assert {(41, 1), (43, 1), (47, 1)} <= set(x001)  # the ¶ marks
    others = [(d["code"], d["line"]) for d in found if d["code"] not in ("X001", "S004")]
    assert others == [("D008", 13), ("C010", 17), ("D013", 27), ("X002", 55)]
    assert [d["line"] for d in found if d["code"] == "S004"] == [31, 33, 37, 41, 43, 47, 49]
    assert not [d for d in found if d["severity"] == "error"]
    assert run("check", "--strict", str(REFERENCE), cwd=tmp_path).returncode == 1
    archive = run("check", "--format", "json", "--profile", "archive", str(REFERENCE),
                  cwd=tmp_path)
    codes = {d["code"] for d in json.loads(archive.stdout)}
    assert codes == {"X001", "X002", "C010", "D008", "D013"}


def test_python_m_and_console_script_agree():
    module = run("--version")
    assert module.returncode == 0 and module.stdout.startswith("cablelint ")
