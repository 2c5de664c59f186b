"""E002 unreadable-input: the file cannot be read as a cable.

What it checks:
    The input is UTF-8 text (a byte-order mark and CRLF line ends are accepted). Reported at
    line 1, column 1 with the reason, and the run exits with code 2:

    * a file that is not UTF-8 (UTF-16 and UTF-32 are named by their byte-order mark) or
      holds NUL bytes (binary data);
    * a path that does not exist, a directory, a FIFO, a device or a socket (not a regular
      file), a symbolic link that loops or leads nowhere, a file that cannot be opened;
    * standard input (``-``) that is closed or cannot be read;
    * with ``--fix``, fixes that could not be written (the file is left as it was).

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
