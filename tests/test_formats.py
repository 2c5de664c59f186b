"""Output formats, run through the command line as a subprocess: concise, github, gitlab,
junit, sarif (validated against the SARIF 2.1.0 schema), -o FILE and --statistics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

try:
    from cables import FAULTY, clean_cable
    from commandline import run
except ImportError:  # tests run as a package
    from tests.cables import FAULTY, clean_cable
    from tests.commandline import run

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"



@pytest.fixture
def folder(tmp_path):
    (tmp_path / "faulty.cable").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.cable").write_text(clean_cable(), encoding="utf-8")
    return tmp_path


def test_concise_is_one_line_per_finding(folder):
    result = run("check", "--format", "concise", ".", cwd=folder)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "faulty.cable:20:1: P002 paragraph 3 follows paragraph 1 (skips); expected 2",
    ]


def test_github_workflow_commands(folder):
    lines = run("check", "--format", "github", ".", cwd=folder).stdout.splitlines()
    assert lines[0].startswith("::warning file=faulty.cable,line=10,col=7,endLine=10,"
                               "endColumn=12,title=T002 tag-unknown::unknown tag 'PRELL'")
    assert lines[1].startswith("::error file=faulty.cable,line=20,col=1,")


def test_gitlab_fingerprints_survive_lines_moving(folder):
    first = json.loads(run("check", "--format", "gitlab", ".", cwd=folder).stdout)
    assert {issue["severity"] for issue in first} == {"minor", "major"}
    assert first[0]["location"] == {"path": "faulty.cable", "lines": {"begin": 10, "end": 10}}
    moved = FAULTY.replace("SIPDIS\n", "SIPDIS\n\n\n")
    (folder / "faulty.cable").write_text(moved, encoding="utf-8")
    second = json.loads(run("check", "--format", "gitlab", ".", cwd=folder).stdout)
    assert [i["location"]["lines"]["begin"] for i in second] == [12, 22]
    assert [i["fingerprint"] for i in second] == [i["fingerprint"] for i in first]
    assert len({i["fingerprint"] for i in first}) == len(first)


def test_junit_has_a_suite_per_file(folder):
    root = ElementTree.fromstring(run("check", "--format", "junit", ".", cwd=folder).stdout)
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"clean.cable", "faulty.cable"}
    assert suites["clean.cable"].get("failures") == "0"
    assert suites["faulty.cable"].get("failures") == "2"
    assert root.get("tests") == "3" and root.get("failures") == "2"


def test_sarif_is_valid_and_describes_the_rules(folder):
    result = run("check", "--format", "sarif", ".", cwd=folder)
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"T002", "P002", "H001", "X004"} <= {rule["id"] for rule in rules}
    t002 = next(rule for rule in rules if rule["id"] == "T002")
    assert "What it checks:" in t002["help"]["text"]
    assert [(r["ruleId"], r["level"]) for r in run_["results"]] == [("T002", "warning"),
                                                                     ("P002", "error")]
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (10, 7)
    assert "fixes" in run_["results"][1]  # the renumbering


def test_sarif_of_a_clean_run_is_valid(folder):
    log = json.loads(run("check", "--format", "sarif", "clean.cable", cwd=folder).stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []


def test_output_file_and_statistics(folder):
    result = run("check", "--format", "json", "-o", "report.json", ".", cwd=folder)
    assert result.returncode == 1 and result.stdout == ""
    assert [d["code"] for d in json.loads((folder / "report.json").read_text())] == ["T002",
                                                                                     "P002"]
    stats = run("check", "--statistics", ".", cwd=folder)
    assert stats.stdout.splitlines() == ["     1  P002  para-sequence  error",
                                         "     1  T002  tag-unknown  warning",
                                         "     2  in all"]
    assert stats.returncode == 1
    bad = run("check", "-o", "no/such/folder/report.txt", ".", cwd=folder)
    assert bad.returncode == 2 and "cannot write no/such/folder/report.txt" in bad.stderr


def run_env(*args, cwd, env):
    """The command line with an environment of its own (colour variables under test)."""
    import os

    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "cablelint", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120, env=environment)


ANSI = "\x1b["


@pytest.mark.parametrize("env, args, coloured", [
    ({}, (), False),                                    # a pipe: no colour
    ({"FORCE_COLOR": "1"}, (), True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), False),  # NO_COLOR wins
    ({"NO_COLOR": "1"}, ("--color", "always"), True),   # the option wins over both
    ({"FORCE_COLOR": "1"}, ("--color", "never"), False),
    ({"FORCE_COLOR": "1"}, ("--format", "concise"), False),  # only the text format paints
])
def test_text_colour_follows_the_stream_and_the_environment(folder, env, args, coloured):
    result = run_env("check", *args, "faulty.cable", cwd=folder, env=env)
    assert result.returncode == 1
    assert (ANSI in result.stdout) is coloured
    assert "T002" in result.stdout


def test_text_colour_on_a_terminal_only(folder):
    """On a pseudo-terminal the text format is coloured, unless NO_COLOR is set."""
    import os
    import pty

    def on_terminal(env) -> str:
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("NO_COLOR", "FORCE_COLOR")}
        environment.update(env)
        controller, terminal = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "cablelint", "check", "faulty.cable"],
                                   stdout=terminal, stderr=terminal, cwd=folder, env=environment)
        os.close(terminal)
        output = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            output += chunk
        process.wait(timeout=120)
        os.close(controller)
        return output.decode("utf-8", "replace")

    assert ANSI in on_terminal({})
    plain = on_terminal({"NO_COLOR": "1"})
    assert ANSI not in plain and "T002" in plain


def test_text_excerpt_of_a_long_line_is_a_window_around_the_place(tmp_path):
    long_line = "3. (U) " + " ".join(f"word{i:03d}" for i in range(40))  # 326 characters
    paragraphs = ["1. (C) The ministry began a review, as ref A and ref B foresaw.",
                  "2. (U) Embassy will report.", long_line]
    (tmp_path / "long.cable").write_text(clean_cable(paragraphs=paragraphs), encoding="utf-8")
    lines = run("check", "--select", "S004", "long.cable", cwd=tmp_path).stdout.splitlines()
    assert lines[0] == f"long.cable:22:70: S004 [warning] line is {len(long_line)} characters " \
                       "long (limit 69) (line-too-long)"
    shown, carets = lines[1], lines[2]
    # 100 characters from 33 before the place, cut at both ends
    assert shown == "   22 | ..." + long_line[36:136] + "..."
    assert carets == "      | " + " " * 36 + "^" * 67
    assert shown.index(long_line[69:75]) == carets.index("^")
