"""The rule registry: every rule module (found by name), loaded on first use, looked up by code or slug."""

from __future__ import annotations

import importlib
import os
import re
from importlib.machinery import all_suffixes
from functools import cache

from ..config import UsageError
from .base import Rule


def _rule_modules() -> tuple[str, ...]:
    """The rule modules of this package: one per rule, named ``<code>_<slug>``.

    (Read from the folder rather than with ``pkgutil.iter_modules``, which imports
    ``inspect``: a one-file run need not pay for it.)"""
    suffixes = set(all_suffixes())
    names = {stem for folder in __path__ for stem, dot, suffix in
             (entry.partition(".") for entry in os.listdir(folder)) if dot + suffix in suffixes}
    return tuple(sorted(name for name in names if re.fullmatch(r"[a-z]\d{3}_\w+", name)))


RULE_MODULES = _rule_modules()


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
                     if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                     and obj.__module__ == module.__name__)
    return Registry(rules)
