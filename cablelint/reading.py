"""Reading a cable file: its bytes, or why it cannot be read, in a plain sentence.

Light on purpose: the runner reads files here to look them up in the results cache before
anything of the engine is loaded; :func:`.engine.read_bytes` turns the reason into E002."""

from __future__ import annotations

import errno
import os
import stat


def file_bytes(path: str | os.PathLike) -> bytes | str:
    """A file's bytes, or the reason it cannot be read.

    The file is opened without waiting and must be a regular file: a FIFO or a device named
    like a cable is reported, never waited on; a symbolic link loop or a broken link is
    named as such."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            return "broken symbolic link: the file it points to does not exist"
        return "no such file or directory"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (too many levels of symbolic links)"
        try:
            reason = _not_regular(os.stat(path).st_mode)
        except OSError:
            reason = None
        return reason or f"cannot be read: {error.strerror or error}"
    try:
        reason = _not_regular(os.fstat(descriptor).st_mode)
        if reason:
            return reason
        with open(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    finally:
        os.close(descriptor)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a directory, not a cable file"
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    for test, kind in kinds:
        if test(mode):
            return f"not a regular file: {kind}"
    return None if stat.S_ISREG(mode) else "not a regular file"
