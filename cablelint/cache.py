"""The results cache: a cable's findings, kept by the hash of its bytes and of the settings.

Entries live in ``.cablelint_cache/`` (made in the folder cablelint runs from, with a
``.gitignore`` of ``*`` so it is never committed), one small JSON file per cable and set of
settings, under a folder per cablelint version: a new version never reads an old entry.
A cache that cannot be read or written is passed over silently; it only ever saves time.

Entries hold the findings as the engine made them (messages unredacted, as the cables beside
them): withholding is applied when a report is written, whatever came from the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from dataclasses import fields

from . import __version__
from .diagnostics import Diagnostic, Edit, Fix, Severity, Span

CACHE_DIR = ".cablelint_cache"


def settings_key(settings, with_fixes: bool) -> str:
    """A hash of everything in the settings that changes the findings of a cable, and of the
    package's own files (so an edited rule never answers from an old entry)."""
    parts = [f"{f.name}={getattr(settings, f.name)!r}" for f in fields(settings)
             if f.name not in ("include", "exclude", "root", "source", "per_file_ignores")]
    parts.append(f"fixes={with_fixes}")
    parts.append(f"package={_package_stamp()}")
    return hashlib.blake2b("\n".join(sorted(parts)).encode("utf-8"), digest_size=12).hexdigest()


@functools.cache
def _package_stamp() -> str:
    """Names, sizes and modification times of the package's files."""
    root = os.path.dirname(os.path.abspath(__file__))
    stamps = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".py", ".lark", ".tsv")):
                status = os.stat(os.path.join(folder, name))
                stamps.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.blake2b("\n".join(sorted(stamps)).encode(), digest_size=8).hexdigest()


class Cache:
    """Findings by (content hash, settings key); ``folder`` is the cache's root."""

    def __init__(self, folder: str = CACHE_DIR):
        self.folder = folder
        self.versioned = os.path.join(folder, __version__)

    def entry(self, data: bytes, key: str) -> str:
        """The entry file for a file's bytes under a settings key (it may not exist)."""
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        return os.path.join(self.versioned, key, digest[:2], digest[2:] + ".json")

    def load(self, entry: str, path: str) -> list[Diagnostic] | None:
        """The findings an entry holds, named for ``path``; None if it cannot be read."""
        try:
            with open(entry, encoding="utf-8") as handle:
                return [_diagnostic(path, item) for item in json.load(handle)]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, data: bytes, key: str, diagnostics: list[Diagnostic]) -> None:
        entry = self.entry(data, key)
        try:
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            self._mark_ignored()
            temporary = f"{entry}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump([_record(d) for d in diagnostics], handle, ensure_ascii=False,
                          separators=(",", ":"))
            os.replace(temporary, entry)
        except OSError:
            pass

    def _mark_ignored(self) -> None:
        ignore = os.path.join(self.folder, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("# made by cablelint\n*\n")


def clean(folder: str = CACHE_DIR) -> bool:
    """Remove the cache folder; whether there was one."""
    if not os.path.isdir(folder):
        return False
    shutil.rmtree(folder)
    return True


def _record(d: Diagnostic) -> list:
    fix = d.fix.resolve() if d.fix is not None else None
    if fix is not None:
        fix = [fix.safe, fix.description, [[e.start, e.end, e.replacement] for e in fix.edits]]
    return [d.code, d.name, int(d.severity), d.message, list(d.span), fix, d.withheld,
            d.source]


def _diagnostic(path: str, item: list) -> Diagnostic:
    code, name, severity, message, span, fix, withheld, source = item
    if fix is not None:
        safe, description, edits = fix
        fix = Fix(tuple(Edit(*edit) for edit in edits), safe, description)
    return Diagnostic(path, code, name, _SEVERITIES[severity], message, Span(*span), fix,
                      withheld, source)


_SEVERITIES = {int(severity): severity for severity in Severity}
