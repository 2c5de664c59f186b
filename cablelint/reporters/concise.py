"""``--format concise``: ``path:line:col: CODE message``, one line per finding, nothing else."""

from __future__ import annotations


def report(diagnostics, stream, **context) -> None:
    for d in diagnostics:
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
