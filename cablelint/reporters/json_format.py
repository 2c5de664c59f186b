"""``--format json``: an array of findings with the fields of DESIGN.md's JSON contract.

After ``--fix`` the array also holds the findings whose fix was applied, with
``"fixed": true`` (their place is in the text before the fix); every other finding has
``"fixed": false``. Order: by path, line, column and code, fixed findings first.
"""

from __future__ import annotations

import json


def report(diagnostics, stream, *, fixed=(), **context) -> None:
    entries = [{**applied.diagnostic.to_dict(), "fixed": True} for applied in fixed]
    entries += [{**d.to_dict(), "fixed": False} for d in diagnostics]
    json.dump(entries, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
