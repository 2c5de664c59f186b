"""``--format sarif``: a SARIF 2.1.0 log with one run, the rule metadata and the results.

Every rule of the registry is described (id, name, short and full description, help text
from its documentation, default level); each result names its rule, level, message and
region (1-based lines and columns, as SARIF counts them) and carries its fix, if any (not a
fix whose text is withheld: the replacement text would be classified).
"""

from __future__ import annotations

import functools
import json

from .. import __version__
from ..rules import registry
from . import Chunk, JsonArray, Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule) -> dict:
    doc = rule.documentation()
    first = doc.splitlines()[0] if doc else rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or first},
        "fullDescription": {"text": first},
        "help": {"text": doc, "markdown": f"```\n{doc}\n```"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.label]},
        "properties": {"fix": rule.fixable},
    }


def _fix(d, uri: str) -> list:
    fix = d.fix.resolve() if d.fix is not None else None
    if fix is None or not fix.edits or any(e.replacement is None for e in fix.edits):
        return []  # no fix, or one whose text is withheld (cablelint.redaction)
    return [{
        "description": {"text": fix.description or "fix"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [{"deletedRegion": {"charOffset": e.start,
                                                "charLength": e.end - e.start},
                              "insertedContent": {"text": e.replacement}}
                             for e in fix.edits],
        }],
    }]


_RESULTS = "@results@"


class Report(Reporter):
    """The log up to its results is written first, each result as it comes, then the rest."""

    def begin(self) -> None:
        rules = list(registry())
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "cablelint", "version": __version__,
                                    "rules": [_rule(rule) for rule in rules]}},
                "columnKind": "unicodeCodePoints",
                "results": _RESULTS,
            }],
        }
        text = json.dumps(log, indent=2, ensure_ascii=False)
        self.head, self.tail = text.split(f'"{_RESULTS}"')
        self.stream.write(self.head)
        self.results = JsonArray(self.stream, depth=3)

    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        return JsonArray.chunk([_result(d) for d in diagnostics], depth=3)

    def write(self, chunk: Chunk) -> None:
        self.results.write(chunk)

    def end(self) -> None:
        self.results.close()
        self.stream.write(self.tail + "\n")


@functools.cache
def _rule_index() -> dict[str, int]:
    """Each rule's place in the log's list of rules."""
    return {rule.code: i for i, rule in enumerate(registry())}


def _result(d) -> dict:
    uri = d.path.replace("\\", "/")
    result = {
        "ruleId": d.code,
        "ruleIndex": _rule_index()[d.code],
        "level": _LEVEL[d.severity.label],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": d.line, "startColumn": d.column,
                       "endLine": d.span.end_line, "endColumn": d.span.end_column},
        }}],
    }
    fixes = _fix(d, uri)
    if fixes:
        result["fixes"] = fixes
    return result
