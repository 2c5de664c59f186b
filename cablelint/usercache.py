"""Private files in the user's cache folder (``~/.cache/cablelint``), for start-up speed.

A file holds one marshalled value with the key it is valid for and a checksum; a file of
another key, a damaged one or none at all reads as None. Writing goes through a temporary
file and a rename, and any error is ignored: the cache only saves time, nothing depends on it.

Each Python, Lark or cablelint version has files of its own, so old ones would pile up: a
file's modification time says when a run last used it (refreshed at most once a day), and
writing a new file of a kind removes those of the kind that no run used for 30 days.
"""

from __future__ import annotations

import marshal
import os
import time
import zlib

#: A cache file no run used for this many seconds goes when another of its kind is written.
UNUSED_FOR = 30 * 86400
_DAY = 86400


def folder() -> str | None:
    """The private, per-user cache folder of cablelint (made if missing), or None when there
    is none: no home (an empty or relative one would put it in the current folder), a folder
    that cannot be made, or one that others own or may write."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        if os.environ.get("HOME") == "":  # (expanduser would make it the root folder)
            return None
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    path = os.path.join(base, "cablelint")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        status = os.stat(path)
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return None
    except (OSError, AttributeError):
        return None
    return path


def read(path: str, key: str):
    """The value stored in ``path`` under ``key``, or None."""
    try:
        with open(path, "rb") as stream:
            stored_key, checksum, payload = marshal.load(stream)
            used = os.fstat(stream.fileno()).st_mtime
        if stored_key == key and checksum == zlib.crc32(payload):
            value = marshal.loads(payload)
            if time.time() - used > _DAY:
                mark_used(path)
            return value
    except Exception:  # missing, damaged or foreign
        pass
    return None


def mark_used(path: str) -> None:
    """Record that a run used ``path`` now (see :func:`prune`)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(path: str, prefix: str) -> None:
    """Remove the files of ``path``'s folder whose names start with ``prefix`` (one kind of
    file), other than ``path``, that no run used for :data:`UNUSED_FOR` seconds."""
    folder = os.path.dirname(path)
    cutoff = time.time() - UNUSED_FOR
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        other = os.path.join(folder, name)
        if not name.startswith(prefix) or other == path:
            continue
        try:
            if os.stat(other).st_mtime < cutoff:
                os.remove(other)
        except OSError:
            pass


def write(path: str, key: str, value) -> bool:
    """Store ``value`` under ``key`` in ``path`` (readable by the user only); False if that
    could not be done."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        payload = marshal.dumps(value)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "wb") as stream:
            marshal.dump((key, zlib.crc32(payload), payload), stream)
        os.replace(temporary, path)
        return True
    except Exception:
        try:
            os.remove(temporary)
        except OSError:
            pass
        return False
