"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE slug::message``; info
findings are ``::notice``. Property values escape ``%``, CR, LF, ``:`` and ``,``; the message
escapes ``%``, CR and LF, as the runner expects.
"""

from __future__ import annotations

from . import Chunk, Reporter

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Report(Reporter):
    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        lines = []
        for d in diagnostics:
            properties = ",".join([
                f"file={_property(d.path)}", f"line={d.line}", f"col={d.column}",
                f"endLine={d.span.end_line}", f"endColumn={d.span.end_column}",
                f"title={_property(f'{d.code} {d.name}')}"])
            lines.append(f"::{_COMMAND[d.severity.label]} {properties}::{_data(d.message)}\n")
        return Chunk("".join(lines))
