"""``--format json``: an array of findings with the fields of DESIGN.md's JSON contract.

After ``--fix`` the array also holds the findings whose fix was applied, with
``"fixed": true`` (their place is in the text before the fix); every other finding has
``"fixed": false``. Order: by path, then within a file the fixed findings first, then the
others, each by line, column and code.
"""

from __future__ import annotations

from . import ArrayReport, Chunk, JsonArray


class Report(ArrayReport):
    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        return JsonArray.chunk([*({**applied.diagnostic.to_dict(), "fixed": True}
                                  for applied in fixed),
                                *({**d.to_dict(), "fixed": False} for d in diagnostics)])
