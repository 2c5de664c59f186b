"""The results cache: a cable's findings and its rendered part of a report, kept by the hash
of its bytes, its name and the settings.

Entries live in ``.cablelint_cache/`` (made in the folder cablelint runs from, with a
``.gitignore`` of ``*`` so it is never committed), under a folder per cablelint version;
each file in an entry is kept under its settings key, which holds a stamp of the package's
files: a new or edited cablelint never reads an old entry. A cache that cannot be read or
written is passed over silently; it only ever saves time.

Both kinds of entry are packs, one per batch of files checked together (see :mod:`.runner`):
creating a file costs more than linting a cable, so a cold run writes two files a batch,
not one a cable.

* **Findings packs**, by settings: each file's findings as the engine made them (messages
  unredacted, as the cables beside them) by the file's name in the report, settings key and
  content digest, for runs that need the findings themselves (a baseline) or another
  rendering. Each file's findings are decoded only when asked for.
* **Rendered packs**, by rendering (format, colour, --show-source): each file's part of the
  report as it was written, withheld text already taken out unless --show-source. A warm
  run reads one rendered pack per batch and no findings at all; a file the pack does not
  hold (edited, or new) is answered from the findings pack (rendered again) or checked,
  and the batch's packs are written anew.

A pack is a line of JSON, a row per file (its identity, what else the kind keeps, and the
size of its text), then the files' texts, as UTF-8.
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

    def findings_entry(self, key: str, first: str, last: str) -> str:
        """The findings pack of a batch of files checked under settings ``key`` (those of its
        first file), by the names of the batch's first and last files (it may not exist)."""
        return self._slot("findings", key, first, last)

    def pack_entry(self, rendering: str, first: str, last: str) -> str:
        """The rendered pack of a batch of files, by the rendering's key and the names of the
        batch's first and last files (it may not exist; the files it holds are checked on
        loading). A run over other files, or a batch grown or shrunk, has its own pack."""
        return self._slot("packs", rendering, first, last)

    def _slot(self, kind: str, key: str, first: str, last: str) -> str:
        import hashlib

        slot = hashlib.blake2b(f"{key}\0{first}\0{last}".encode("utf-8", "surrogatepass"),
                               digest_size=12).hexdigest()
        return os.path.join(self.versioned, kind, slot[:2], slot[2:] + ".pack")

    def load_findings(self, entry: str) -> dict[tuple, bytes]:
        """The findings a pack holds, by (name, settings key, digest), each still encoded
        (see :func:`decode_findings`); empty if there is no pack or it cannot be read."""
        try:
            return {(name, key, digest): text
                    for (name, key, digest, _), text in _read_pack(entry)}
        except (ValueError, TypeError):  # rows of another shape
            return {}

    def put_findings(self, entry: str, files: list[tuple[tuple, bytes]]) -> None:
        """Keep a batch's findings, each file's by (name, settings key, digest), encoded by
        :func:`encode_findings`."""
        self._store(entry, _pack([[*identity, len(text)] for identity, text in files],
                                 [text for _, text in files]))

    def load_pack(self, entry: str) -> dict[tuple, Rendered]:
        """The rendered files a pack holds, by (name, settings key, digest); empty if there
        is no pack or it cannot be read."""
        try:
            return {(name, key, digest): Rendered(Chunk(text.decode("utf-8"), tuple(tally)),
                                                  worst, unreadable)
                    for (name, key, digest, worst, unreadable, tally, _), text
                    in _read_pack(entry)}
        except (ValueError, TypeError):
            return {}

    def put_pack(self, entry: str, files: list[tuple[tuple, Rendered]]) -> None:
        """Keep a batch's rendered files, each by (name, settings key, digest), with its
        worst severity, whether an E002 is among its findings, and its tally."""
        rows, texts = [], []
        for identity, rendered in files:
            try:
                text = rendered.chunk.text.encode("utf-8")
            except UnicodeError:  # text that cannot be stored as it is: rendered again
                continue
            rows.append([*identity, rendered.worst, rendered.unreadable, rendered.chunk.tally,
                         len(text)])
            texts.append(text)
        self._store(entry, _pack(rows, texts))

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


def encode_findings(diagnostics: list[Diagnostic]) -> bytes | None:
    """A file's findings as a findings pack keeps them: JSON, without the path, and each
    source line once, by its number (a long line with many findings on it would otherwise
    be kept once a finding). None for findings whose source is not the text of their line
    (the engine never makes such): they are not kept."""
    import json

    lines = {str(d.span.line): d.source for d in diagnostics if d.source is not None}
    if any(lines.get(str(d.span.line)) != d.source for d in diagnostics):
        return None
    return json.dumps([lines, [_record(d) for d in diagnostics]], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def decode_findings(text: bytes, path: str) -> list[Diagnostic] | None:
    """The findings :func:`encode_findings` made, named for ``path``; None if they cannot be
    read."""
    import json

    try:
        lines, records = json.loads(text)
        return [_diagnostic(path, item, lines) for item in records]
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _pack(rows: list[list], texts: list[bytes]) -> bytes:
    import json

    return b"\n".join([json.dumps(rows, separators=(",", ":")).encode("ascii"), b"".join(texts)])


def _read_pack(entry: str) -> list[tuple[list, bytes]]:
    """A pack's rows, each with its text (the last field of a row is the text's size); empty
    if there is no pack or it cannot be read, or does not add up."""
    import json

    try:
        with open(entry, "rb") as handle:
            data = handle.read()
        end = data.index(b"\n")
        files, offset = [], end + 1
        for row in json.loads(data[:end]):
            size = row[-1]
            files.append((row, data[offset:offset + size]))
            offset += size
        return files if offset == len(data) else []
    except (OSError, ValueError, TypeError, IndexError, KeyError):
        return []


def _record(d: Diagnostic) -> list:
    fix = d.fix.resolve() if d.fix is not None else None
    if fix is not None:
        fix = [fix.safe, fix.description, [[e.start, e.end, e.replacement] for e in fix.edits]]
    return [d.code, d.name, int(d.severity), d.message, list(d.span), fix, d.withheld]


def _diagnostic(path: str, item: list, lines: dict[str, str]) -> Diagnostic:
    code, name, severity, message, span, fix, withheld = item
    if fix is not None:
        safe, description, edits = fix
        fix = Fix(tuple(Edit(*edit) for edit in edits), safe, description)
    return Diagnostic(path, code, name, _SEVERITIES[severity], message, Span(*span), fix,
                      withheld, lines.get(str(span[0])))


_SEVERITIES = {int(severity): severity for severity in Severity}
