"""Baselines: adopt cablelint on an existing archive by recording the findings it has now.

``--write-baseline FILE`` records one entry per finding: the path (relative to the baseline's
folder, with ``/``), the code and a fingerprint (:func:`.diagnostics.fingerprints`: the code,
the message and the finding's rank among identical ones, never its line), so entries survive
lines moving. No message is written, so the file holds no text of the cables.

``--baseline FILE`` leaves out the findings it records. An entry of a file checked in this
run that matches no finding is stale: the problem was fixed, and the baseline could shrink.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import NamedTuple

from .config import UsageError
from .diagnostics import fingerprints

VERSION = 1


class Entry(NamedTuple):
    path: str
    code: str
    fingerprint: str


def _key_path(path: str, folder: str) -> str:
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def entries(diagnostics, baseline_path: str) -> list[Entry]:
    """An entry per diagnostic, in the diagnostics' order."""
    folder = os.path.dirname(os.path.abspath(baseline_path))
    paths = [_key_path(d.path, folder) for d in diagnostics]
    prints = fingerprints(diagnostics, paths=paths)
    return [Entry(path, d.code, fingerprint)
            for path, d, fingerprint in zip(paths, diagnostics, prints)]


def write(baseline_path: str, found: list[Entry]) -> int:
    """Write a baseline of these entries; the number of entries."""
    found = sorted(found, key=lambda e: (e.path, e.code, e.fingerprint))
    document = {"tool": "cablelint", "version": VERSION,
                "findings": [entry._asdict() for entry in found]}
    try:
        with open(baseline_path, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(document, handle, indent=1)
            handle.write("\n")
    except OSError as error:
        raise UsageError(f"cannot write baseline {baseline_path}: {error.strerror or error}")
    return len(found)


def read(baseline_path: str) -> Counter:
    """The entries of a baseline file, counted."""
    try:
        with open(baseline_path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise UsageError(f"cannot read baseline {baseline_path}: {error.strerror or error}")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"baseline {baseline_path} is not JSON: {error}")
    try:
        if document["tool"] != "cablelint" or document["version"] != VERSION:
            raise ValueError("not a cablelint baseline of version 1")
        return Counter(Entry(e["path"], e["code"], e["fingerprint"])
                       for e in document["findings"])
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(f"baseline {baseline_path} is not a cablelint baseline: {error}")


class Baseline:
    """A baseline being applied, file by file."""

    def __init__(self, baseline_path: str):
        self.path = baseline_path
        self.folder = os.path.dirname(os.path.abspath(baseline_path))
        self.recorded = read(baseline_path)
        self.checked: set[str] = set()

    def filter(self, name: str, diagnostics: list) -> list:
        """The diagnostics of one file that the baseline does not record."""
        self.checked.add(_key_path(name, self.folder))
        kept = []
        for d, entry in zip(diagnostics, entries(diagnostics, self.path)):
            if self.recorded[entry] > 0:
                self.recorded[entry] -= 1
            else:
                kept.append(d)
        return kept

    def stale(self) -> list[Entry]:
        """Entries of the files checked so far that matched no finding."""
        return sorted((entry for entry, count in self.recorded.items()
                       if count > 0 and entry.path in self.checked for _ in range(count)),
                      key=lambda e: (e.path, e.code, e.fingerprint))
