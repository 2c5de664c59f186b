"""``--format json``: an array of findings with the fields of DESIGN.md's JSON contract."""

from __future__ import annotations

import json


def report(diagnostics, stream, *, color: bool = False, files: int = 0) -> None:
    json.dump([d.to_dict() for d in diagnostics], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
