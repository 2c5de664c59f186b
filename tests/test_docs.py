"""The guides stay true: every configuration example in docs/configuration.md is accepted,
and every cablelint command of the CI jobs in docs/ci.md runs and writes what the job uploads."""

from __future__ import annotations

import json
import re
import shlex
import textwrap
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

DOCS = Path(__file__).resolve().parents[1] / "docs"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def blocks(name: str, language: str) -> list[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    found = re.findall(rf"^ *```{language}\n(.*?)^ *```", text, flags=re.M | re.S)
    return [textwrap.dedent(block) for block in found]


@pytest.fixture
def cables(tmp_path):
    (tmp_path / "faulty.cable").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.cable").write_text(clean_cable(), encoding="utf-8")
    return tmp_path


def test_configuration_examples_are_accepted(cables):
    examples = blocks("configuration.md", "toml")
    assert len(examples) >= 4
    for example in examples:
        name = "pyproject.toml" if "[tool.cablelint" in example else ".cablelint.toml"
        (cables / name).write_text(example, encoding="utf-8")
        result = run("check", "--show-settings", "faulty.cable", cwd=cables)
        assert result.returncode == 0, (example, result.stderr)
        assert name in result.stdout
        (cables / name).unlink()


def _ci_commands() -> list[list[str]]:
    """The cablelint command lines of the GitHub and GitLab jobs."""
    import yaml

    commands = []
    for job in blocks("ci.md", "yaml"):
        document = yaml.safe_load(job)
        lines = [step.get("run", "") for j in document.get("jobs", {}).values()
                 for step in j["steps"]]
        lines += [line for j in document.values() if isinstance(j, dict)
                  for line in j.get("script", [])]
        commands += [shlex.split(line)[1:] for line in lines if line.startswith("cablelint ")]
    return commands


def test_ci_jobs_parse_and_their_commands_run(cables):
    commands = _ci_commands()
    assert len(commands) == 5
    for args in commands:
        result = run(*args, cwd=cables)
        expected = 0 if "--exit-zero" in args else 1
        assert result.returncode == expected, (args, result.stderr)
        if "--output" not in args:
            continue
        output = (cables / args[args.index("--output") + 1]).read_text(encoding="utf-8")
        kind = args[args.index("--format") + 1]
        if kind == "sarif":
            jsonschema.validate(json.loads(output),
                                json.loads(SCHEMA.read_text(encoding="utf-8")))
        elif kind == "gitlab":
            assert [issue["check_name"] for issue in json.loads(output)] == ["T002 tag-unknown",
                                                                       "P002 para-sequence"]
        elif kind == "junit":
            assert ElementTree.fromstring(output).tag == "testsuites"
