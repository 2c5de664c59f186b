"""E002 unreadable-input: the file cannot be read as a cable.

What it checks:
    The input is UTF-8 text (a byte-order mark and CRLF line ends are accepted). A file that
    is not UTF-8, holds NUL bytes (binary data), is a directory or cannot be opened is
    reported at line 1, column 1 with the reason, and the run exits with code 2.

Why:
    A linter in a commit hook must never pass a file it could not read, and never crash on it.

Example:
    A Latin-1 file with ``\\xe9`` at byte 120 gives ``not UTF-8 text: byte 0xe9 at offset 120``.

Fix:
    No fix: save the file as UTF-8.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    DESIGN.md (Files: input is UTF-8).
"""

from ..diagnostics import Severity
from .base import Rule


class UnreadableInput(Rule):
    code = "E002"
    name = "unreadable-input"
    severity = Severity.ERROR
    summary = "the file cannot be read as UTF-8 text"

    def check(self, cable, settings):
        """Findings of this code come from reading the file (engine.read_cable), not the model."""
        return iter(())
