"""``--format gitlab``: a GitLab code quality report (a JSON array of issues).

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity`` and
``location`` (``path`` and ``lines.begin``). The fingerprint is made from the path, the code,
the message and the finding's rank among identical ones in the file: not from the line, so
it stays the same when lines move above it, and merge requests show only new findings.
"""

from __future__ import annotations

import json

from ..diagnostics import fingerprints

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def report(diagnostics, stream, **context) -> None:
    issues = [{
        "description": f"{d.code} {d.message}",
        "check_name": f"{d.code} {d.name}",
        "fingerprint": fingerprint,
        "severity": _SEVERITY[d.severity.label],
        "location": {"path": d.path, "lines": {"begin": d.line, "end": d.span.end_line}},
    } for d, fingerprint in zip(diagnostics, fingerprints(diagnostics))]
    json.dump(issues, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
