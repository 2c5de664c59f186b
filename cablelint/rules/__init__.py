"""The rule registry: every rule module, loaded on first use, looked up by code or slug."""

from __future__ import annotations

import importlib
import inspect
from functools import cache

from ..config import UsageError
from .base import Rule

RULE_MODULES = (
    "e001_syntax_error",
    "e002_unreadable_input",
    "d001_eo_line_malformed",
    "d004_classified_without_decl",
    "d005_decl_date_invalid",
    "d006_decl_not_after_cable",
    "d007_decl_exceeds_maximum",
    "p001_para_start",
    "p002_para_sequence",
    "p004_para_missing_portion_mark",
    "t001_tags_missing",
    "t002_tag_unknown",
    "x001_paragraph_mark_artifact",
)


class Registry:
    """All rules, by code; selectors (code, slug, prefix, ALL) resolve to sets of codes."""

    def __init__(self, rules: list[type[Rule]]):
        self.by_code = {rule.code: rule for rule in sorted(rules, key=lambda r: r.code)}
        self.by_name = {rule.name: rule for rule in rules}

    def __iter__(self):
        return iter(self.by_code.values())

    def get(self, key: str) -> type[Rule] | None:
        """A rule by code (any case) or slug."""
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def resolve(self, selector: str) -> set[str]:
        """Codes named by a code, a slug, a group prefix (``D``, ``D00``) or ``ALL``."""
        key = selector.strip()
        if key.upper() == "ALL":
            return set(self.by_code)
        rule = self.get(key)
        if rule is not None:
            return {rule.code}
        matches = {code for code in self.by_code if code.startswith(key.upper())}
        if key and key[0].isalpha() and (key[1:].isdigit() or len(key) == 1) and matches:
            return matches
        raise UsageError(f"unknown rule or group '{selector}' (see 'cablelint rules')")


@cache
def registry() -> Registry:
    """The registry of this process, with every rule module imported once."""
    rules = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        rules.extend(obj for obj in vars(module).values()
                     if inspect.isclass(obj) and issubclass(obj, Rule) and obj is not Rule
                     and obj.__module__ == module.__name__)
    return Registry(rules)
