"""The results cache: a cable's findings, kept by the hash of its bytes and of the settings,
and its rendered part of a report.

Entries live in ``.cablelint_cache/`` (made in the folder cablelint runs from, with a
``.gitignore`` of ``*`` so it is never committed), under a folder per cablelint version and
a folder per settings key (which holds a stamp of the package's files): a new or edited
cablelint never reads an old entry. A cache that cannot be read or written is passed over
silently; it only ever saves time.

* ``.json`` entries, one per cable and settings: the findings as the engine made them
  (messages unredacted, as the cables beside them), for runs that need the findings
  themselves (a baseline) or another rendering.
* ``.pack`` entries, one per batch of files checked together (see :mod:`.runner`) and
  rendering (format, colour, --show-source): each file's part of the report as it was
  written, withheld text already taken out unless --show-source, by the file's name in the
  report, settings key and content digest. A warm run reads one pack per batch instead of
  an entry per file (opening files is what costs), and no findings at all; a file a pack
  does not hold (edited, or new) is answered from its findings (rendered again) or checked,
  and the batch's pack is written anew.
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

from . import __version__
from .diagnostics import Diagnostic, Edit, Fix, Severity, Span
from .reporters import Chunk

CACHE_DIR = ".cablelint_cache"


def settings_key(settings, with_fixes: bool) -> str:
    """A hash of everything in the settings that changes the findings of a cable, and of the
    package's own files (so an edited rule never answers from an old entry)."""
    parts = [f"{name}={value!r}" for name, value in zip(settings._fields, settings)
             if name not in ("include", "exclude", "root", "source", "per_file_ignores")]
    parts.append(f"fixes={with_fixes}")
    parts.append(f"package={_package_stamp()}")
    import hashlib  # (hashlib, json and shutil only when the cache is used: a hook's start-up)

    return hashlib.blake2b("\n".join(sorted(parts)).encode("utf-8"), digest_size=12).hexdigest()


@functools.cache
def _package_stamp() -> str:
    """Names, sizes and modification times of the package's files."""
    import hashlib

    root = os.path.dirname(os.path.abspath(__file__))
    stamps = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".py", ".lark", ".tsv")):
                status = os.stat(os.path.join(folder, name))
                stamps.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.blake2b("\n".join(sorted(stamps)).encode(), digest_size=8).hexdigest()


class Cache:
    """Findings by (content digest, settings key), and rendered parts of reports in packs;
    ``folder`` is the cache's root."""

    def __init__(self, folder: str = CACHE_DIR):
        self.folder = folder
        self.versioned = os.path.join(folder, __version__)
        self._marked = False

    @staticmethod
    def digest(data: bytes) -> str:
        """The hash of a file's bytes that its entries go by (SHA-256, cut to 128 bits:
        processors hash it faster than BLAKE2, and a warm run hashes every cable)."""
        import hashlib

        return hashlib.sha256(data).hexdigest()[:32]

    def entry(self, digest: str, key: str) -> str:
        """The findings' entry file for a file's digest under a settings key (it may not
        exist)."""
        return os.path.join(self.versioned, key, digest[:2], digest[2:] + ".json")

    def pack_entry(self, rendering: str, first: str, last: str) -> str:
        """The pack entry of a batch of files, by the rendering's key and the names of the
        batch's first and last files (it may not exist; the files it holds are checked on
        loading). A run over other files, or a batch grown or shrunk, has its own pack."""
        import hashlib

        slot = hashlib.blake2b(f"{rendering}\0{first}\0{last}".encode("utf-8", "surrogatepass"),
                               digest_size=12).hexdigest()
        return os.path.join(self.versioned, "packs", slot[:2], slot[2:] + ".pack")

    def load(self, entry: str, path: str) -> list[Diagnostic] | None:
        """The findings an entry holds, named for ``path``; None if it cannot be read."""
        import json

        try:
            with open(entry, encoding="utf-8") as handle:
                return [_diagnostic(path, item) for item in json.load(handle)]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, entry: str, diagnostics: list[Diagnostic]) -> None:
        import json

        self._store(entry, json.dumps([_record(d) for d in diagnostics], ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8"))

    def load_pack(self, entry: str) -> dict[tuple, Rendered]:
        """The rendered files a pack holds, by (name, settings key, digest); empty if there
        is no pack or it cannot be read."""
        import json

        try:
            with open(entry, "rb") as handle:
                data = handle.read()
            end = data.index(b"\n")
            held, offset = {}, end + 1
            for name, key, digest, worst, unreadable, tally, size in json.loads(data[:end]):
                text = data[offset:offset + size].decode("utf-8")
                offset += size
                held[name, key, digest] = Rendered(Chunk(text, tuple(tally)), worst,
                                                   unreadable)
            return held if offset == len(data) else {}
        except (OSError, ValueError, TypeError):
            return {}

    def put_pack(self, entry: str, files: list[tuple[tuple, Rendered]]) -> None:
        """Keep a batch's rendered files, each by (name, settings key, digest): a line of
        JSON (per file: those three, worst severity, E002 or not, tally, size of its text),
        then the texts, as UTF-8."""
        import json

        header, texts = [], []
        for identity, rendered in files:
            try:
                text = rendered.chunk.text.encode("utf-8")
            except UnicodeError:  # text that cannot be stored as it is: rendered again
                continue
            header.append([*identity, rendered.worst, rendered.unreadable,
                           rendered.chunk.tally, len(text)])
            texts.append(text)
        head = json.dumps(header, separators=(",", ":")).encode("ascii")
        self._store(entry, b"\n".join([head, b"".join(texts)]))

    def _store(self, entry: str, data: bytes) -> None:
        """Write an entry atomically (a temporary file, then a rename), or not at all."""
        try:
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            self._mark_ignored()
            temporary = f"{entry}.{os.getpid()}.tmp"
            with open(temporary, "wb") as handle:
                handle.write(data)
            os.replace(temporary, entry)
        except OSError:
            pass

    def _mark_ignored(self) -> None:
        if self._marked:
            return
        ignore = os.path.join(self.folder, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("# made by cablelint\n*\n")
        self._marked = True


class Rendered(NamedTuple):
    """A file's rendered part of a report and what the exit code needs of its findings: the
    worst severity (0 for none) and whether one is E002 (unreadable input)."""

    chunk: Chunk
    worst: int = 0
    unreadable: bool = False


def clean(folder: str = CACHE_DIR) -> bool:
    """Remove the cache folder; whether there was one."""
    if not os.path.isdir(folder):
        return False
    import shutil

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
