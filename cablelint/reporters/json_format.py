"""``--format json``: an array of findings with the fields of DESIGN.md's JSON contract.

After ``--fix`` the array also holds the findings whose fix was applied, with
``"fixed": true`` (their place is in the text before the fix); every other finding has
``"fixed": false``. Order: by path, then within a file the fixed findings first, then the
others, each by line, column and code.
"""

from __future__ import annotations

from . import JsonArray, Reporter


class Report(Reporter):
    def begin(self) -> None:
        self.array = JsonArray(self.stream)

    def file(self, name, diagnostics, fixed) -> None:
        for applied in fixed:
            self.array.add({**applied.diagnostic.to_dict(), "fixed": True})
        for d in diagnostics:
            self.array.add({**d.to_dict(), "fixed": False})

    def end(self) -> None:
        self.array.close()
        self.stream.write("\n")
