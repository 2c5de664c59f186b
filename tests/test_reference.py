"""The generated rules reference, the ``rules`` table, rule options and profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablelint import reference
from cablelint.config import Settings, UsageError
from cablelint.engine import lint_text
from cablelint.rules import registry

DOCS_RULES = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_docs_rules_md_is_generated_from_the_rule_modules():
    assert DOCS_RULES.read_text(encoding="utf-8") == reference.markdown(), (
        "docs/rules.md is stale: run 'python -m cablelint.reference > docs/rules.md'")


def test_reference_has_a_section_and_a_row_per_rule():
    page = reference.markdown()
    for rule in registry():
        assert f"### {rule.code} `{rule.name}`" in page
        assert f"| `{rule.name}` | {rule.severity.label} |" in page


def test_text_table_lists_every_rule_once():
    lines = reference.text_table().splitlines()
    codes = [line.split()[0] for line in lines[1:]]
    assert codes == sorted(registry().by_code)


def _rule_with_option():
    for rule in registry():
        if rule.options:
            return rule
    pytest.skip("no rule takes options")


def test_unknown_option_is_a_usage_error_naming_it():
    rule = _rule_with_option()
    with pytest.raises(UsageError, match="no option 'colour'"):
        Settings(options={rule.code: {"colour": 1}}).enabled_codes(registry())


def test_option_of_the_wrong_type_is_a_usage_error():
    rule = _rule_with_option()
    name, default = next((n, d) for n, d in rule.options.items() if d is not None)
    wrong = "text" if not isinstance(default, str) else 1
    with pytest.raises(UsageError, match=f"option '{name}' takes"):
        Settings(options={rule.code: {name: wrong}}).enabled_codes(registry())


def test_options_for_an_unknown_rule_are_a_usage_error():
    with pytest.raises(UsageError, match="unknown rule 'Z999'"):
        Settings(options={"Z999": {}}).enabled_codes(registry())


def test_a_rule_runs_only_in_its_profiles(monkeypatch):
    rule = registry().by_code["T001"]
    text = "UNCLAS OSLO 000001\n\nSUBJECT: NO TAGS HERE\n\n1. Text.\n"
    assert [d.code for d in lint_text(text, config=Settings(select=("T001",)))] == ["T001"]
    monkeypatch.setattr(rule, "profiles", ("archive",))
    assert lint_text(text, config=Settings(select=("T001",))) == []
    assert lint_text(text, config=Settings(select=("T001",), profile="archive")) != []
