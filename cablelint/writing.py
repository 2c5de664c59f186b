"""Writing a fixed cable back: atomically, in its own encoding, keeping mode bits and links.

The new text goes to a temporary file in the same folder, is flushed to disk, gets the
original's permission bits (and owner, where the process may set it), and then replaces the
original in one ``os.replace``; the folder is then flushed too, so the rename survives a crash.
A failure at any step (a full disk, a read-only folder, an interrupt) removes the temporary
file and leaves the original as it was, byte for byte. Given the bytes the fix was made from,
the write is refused if the file no longer holds them (saved again while it was being fixed).
A symbolic link is followed: the file it points to is replaced and the link keeps pointing
there.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile

BOM = "\ufeff"


class ChangedOnDisk(OSError):
    """The file no longer holds the text the fix was made from; nothing was written."""


def encode(text: str, *, bom: bool) -> bytes:
    """The bytes to write: UTF-8, with the byte-order mark the file had."""
    return ((BOM if bom else "") + text).encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace the file at ``path`` (its link target, for a symlink) with ``data``.

    With ``expected`` (the bytes read before fixing), raise :class:`ChangedOnDisk` instead of
    writing if the file holds anything else by the time the new text is ready."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    original = os.stat(target)
    handle, temporary = tempfile.mkstemp(prefix=".cablelint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(original.st_mode))
        _keep_owner(temporary, original)
        if expected is not None and _contents(target) != expected:
            raise ChangedOnDisk(errno.EBUSY, "the file changed on disk while it was being fixed",
                                os.fspath(path))
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass  # the first error is the one to report
        raise
    _sync_folder(folder)


def _contents(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _keep_owner(path: str, original: os.stat_result) -> None:
    """Give the new file the original's owner and group, where this process may."""
    if not hasattr(os, "chown"):
        return
    current = os.stat(path)
    if (current.st_uid, current.st_gid) != (original.st_uid, original.st_gid):
        try:
            os.chown(path, original.st_uid, original.st_gid)
        except PermissionError:
            pass  # only the superuser may give a file away; the mode bits are kept all the same


def _sync_folder(folder: str) -> None:
    """Flush the folder's entry for the renamed file (POSIX; a no-op where unsupported)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
