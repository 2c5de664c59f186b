"""``--format gitlab``: a GitLab code quality report (a JSON array of issues).

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location`` (``path`` and ``lines.begin``). The fingerprint is made from the path, the code,
the message and the finding's rank among identical ones in the file: not from the line, so
it stays the same when lines move above it, and merge requests show only new findings.
"""

from __future__ import annotations

from ..diagnostics import fingerprints
from . import ArrayReport, Chunk, JsonArray

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class Report(ArrayReport):
    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        return JsonArray.chunk([{
            "description": f"{d.code} {d.message}",
            "check_name": f"{d.code} {d.name}",
            "fingerprint": fingerprint,
            "severity": _SEVERITY[d.severity.label],
            "location": {"path": d.path, "lines": {"begin": d.line, "end": d.span.end_line}},
        } for d, fingerprint in zip(diagnostics, fingerprints(diagnostics))])
