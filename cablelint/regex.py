"""Compiled regular expressions, kept from one process to the next.

``re.compile`` parses and compiles a pattern in pure Python; the hundreds of patterns of the
rules and of the parser's lexer cost a one-file run (a pre-commit hook) about half its time.
:func:`compile` keeps what ``re`` hands to ``_sre.compile`` (the pattern's compiled code,
its groups and flags) in a private file of the user's cache folder, so that a later process
calls ``_sre.compile`` directly.

The file is keyed by the Python build, the regular-expression engine's ``MAGIC`` and
``CODESIZE`` and this package's version, and checked by a checksum; an entry is stored only
when the pattern it makes equals the one ``re.compile`` makes. Any problem (no cache folder,
a damaged file, another Python) falls back to ``re.compile``. New entries are written once,
at exit, atomically (a temporary file, then a rename), and only when there are any.
"""

from __future__ import annotations

import os
import re
import sys

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: no cache, plain re.compile
    _sre = _compiler = _parser = None

from . import __version__, usercache

#: More entries than the package's own patterns need: the file is then made afresh.
_LIMIT = 4000

_table: dict | None = None  # (pattern, flags) -> the arguments of _sre.compile after them
_used: set = set()
_new = False


def cache_key() -> str:
    """What the cached code is valid for: this Python, its engine, this package."""
    magic = getattr(_sre, "MAGIC", None)
    size = getattr(_sre, "CODESIZE", None)
    return f"{sys.version}|{magic}|{size}|{__version__}"


def cache_file() -> str | None:
    folder = usercache.folder()
    if folder is None or _sre is None:
        return None
    return os.path.join(folder, f"regex-{sys.implementation.cache_tag}-{__version__}.marshal")


def compile(pattern, flags=0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    global _new
    flags = int(flags)
    key = (pattern, flags)
    table = _table if _table is not None else _load()
    arguments = table.get(key)
    if arguments is not None:
        try:
            compiled = _sre.compile(pattern, *arguments)
        except Exception:  # an entry that does not fit this engine: compile it anew
            del table[key]
        else:
            _used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    if _sre is not None and not flags & re.DEBUG:
        arguments = _arguments(pattern, flags, compiled)
        if arguments is not None:
            if not _new:
                _new = True
                import atexit

                atexit.register(save)
            table[key] = arguments
            _used.add(key)
    return compiled


def _arguments(pattern, flags: int, compiled: re.Pattern) -> tuple | None:
    """What ``re`` passes to ``_sre.compile`` after the pattern, or None if that does not
    remake exactly ``compiled`` (patterns compare by flags and compiled code)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        arguments = (flags | parsed.state.flags, [int(op) for op in code],
                     parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern, *arguments) == compiled:
            return arguments
    except Exception:  # a change in re's internals: this pattern is not cached
        pass
    return None


def _load() -> dict:
    """The cached entries (an empty table when there is no usable file)."""
    global _table
    path = cache_file()
    table = usercache.read(path, cache_key()) if path else None
    _table = table if isinstance(table, dict) else {}
    return _table


def save() -> None:
    """Write the table if this process added to it (errors are ignored: the cache is only a
    speed-up). A table grown past its limit keeps only this process's entries."""
    global _new
    path = cache_file()
    if not _new or _table is None or path is None:
        return
    table = _table if len(_table) <= _LIMIT else {key: _table[key] for key in _used}
    if usercache.write(path, cache_key(), table):
        _new = False
        usercache.prune(path, "regex-")  # (the files of other Pythons and versions)
