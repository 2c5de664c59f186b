"""Writing a fixed cable back: atomically, in its own encoding, keeping mode bits and links.

The new text goes to a temporary file in the same folder, is flushed to disk, gets the
original's permission bits, and then replaces the original in one ``os.replace``. A failure
at any step removes the temporary file and leaves the original as it was. A symbolic link is
followed: the file it points to is replaced and the link keeps pointing there.
"""

from __future__ import annotations

import os
import stat
import tempfile

BOM = "\ufeff"


def encode(text: str, *, bom: bool) -> bytes:
    """The bytes to write: UTF-8, with the byte-order mark the file had."""
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace the file at ``path`` (its link target, for a symlink) with ``data``."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    mode = stat.S_IMODE(os.stat(target).st_mode)
    handle, temporary = tempfile.mkstemp(prefix=".cablelint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
