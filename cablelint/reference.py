"""The rules reference: the table of ``cablelint rules`` and the page ``docs/rules.md``.

Both are made from the rule classes and their module docstrings, so they cannot drift from the
code; ``tests/test_reference.py`` fails when ``docs/rules.md`` is stale. Regenerate it with
``python -m cablelint.reference > docs/rules.md``.
"""

from __future__ import annotations

import sys

from .config import PROFILES
from .rules import registry
from .rules.base import Rule

GROUPS = {
    "E": "Input and syntax",
    "H": "Address block and transmission lines",
    "C": "Classification, portion marks, captions, handling",
    "D": "E.O. line, declassification, classification authority",
    "T": "TAGS",
    "R": "References",
    "P": "Paragraphs and body",
    "S": "Structure and style",
    "X": "Release artifacts",
}


def profiles_of(rule: type[Rule]) -> str:
    """``draft, archive``, or the one profile the rule runs in."""
    return ", ".join(profile for profile in PROFILES if profile in rule.profiles)


def table_rows() -> list[tuple[str, str, str, str, str]]:
    """(code, slug, severity, fix, profiles) for every rule, in code order."""
    return [(rule.code, rule.name, rule.severity.label, rule.fixable, profiles_of(rule))
            for rule in registry()]


def text_table() -> str:
    """The table printed by ``cablelint rules``."""
    header = ("code", "slug", "severity", "fix", "profiles")
    rows = [header, *table_rows()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def rule_markdown(rule: type[Rule]) -> list[str]:
    doc = rule.documentation().splitlines()
    title, body = doc[0], doc[1:]
    lines = [f"### {rule.code} `{rule.name}`", "",
             f"{title.split(':', 1)[1].strip()}", "",
             f"Severity: **{rule.severity.label}** · Fix: {rule.fixable} · "
             f"Profiles: {profiles_of(rule)}", ""]
    for line in body:
        stripped = line.strip()
        if line and not line.startswith(" ") and stripped.endswith(":"):
            lines += [f"**{stripped[:-1]}**", ""]
        elif stripped:
            lines.append(stripped)
        elif lines[-1] != "":
            lines.append("")
    return lines + [""]


def doc_section(rule: type[Rule], heading: str) -> str:
    """The text of one section of a rule's documentation, joined into one paragraph."""
    lines = rule.documentation().splitlines()
    label = f"{heading}:"
    if label not in lines:
        return ""
    body = []
    for line in lines[lines.index(label) + 1:]:
        if line and not line.startswith(" "):
            break
        body.append(line.strip())
    return " ".join(part for part in body if part)


def profile_differences() -> list[str]:
    """Markdown lines: the rules that behave differently under ``draft`` and ``archive``."""
    lines = [
        "## Profiles",
        "",
        "`--profile draft` (the default) is for new cables in a repository; `--profile "
        "archive` is for historical traffic, where release artifacts and the conventions of "
        "their time are expected. Date-dependent rules judge every cable by its own date-time "
        "group in both. The rules below differ between the two; every other rule behaves "
        "alike.",
        "",
        "| rule | runs in | difference |",
        "|---|---|---|",
    ]
    for rule in registry():
        text = doc_section(rule, "Profiles")
        if text and not text.startswith("Both profiles alike"):
            lines.append(f"| {rule.code} `{rule.name}` | {profiles_of(rule)} | {text} |")
    return lines + [""]


def markdown() -> str:
    """The whole of ``docs/rules.md``."""
    rules = list(registry())
    lines = [
        "# Rules reference",
        "",
        "Generated from the rule modules by `python -m cablelint.reference > docs/rules.md`;",
        "do not edit by hand. `cablelint rule CODE` prints one rule's section,",
        "`cablelint rules` the table.",
        "",
        "| code | slug | severity | fix | profiles |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| [{code}](#{code.lower()}-{slug}) | `{slug}` | {severity} | {fix} | {profiles} |"
              for code, slug, severity, fix, profiles in table_rows()]
    lines.append("")
    lines += profile_differences()
    for letter, heading in GROUPS.items():
        group = [rule for rule in rules if rule.code.startswith(letter)]
        if not group:
            continue
        lines += [f"## {letter}: {heading}", ""]
        for rule in group:
            lines += rule_markdown(rule)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
