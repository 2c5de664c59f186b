"""``--format concise``: ``path:line:col: CODE message``, one line per finding, nothing else."""

from __future__ import annotations

from . import Reporter


class Report(Reporter):
    def file(self, name, diagnostics, fixed) -> None:
        self.stream.writelines(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n"
                               for d in diagnostics)
