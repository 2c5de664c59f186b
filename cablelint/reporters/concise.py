"""``--format concise``: ``path:line:col: CODE message``, one line per finding, nothing else."""

from __future__ import annotations

from . import Chunk, Reporter


class Report(Reporter):
    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        return Chunk("".join(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n"
                             for d in diagnostics))
