"""Output formats. Each format module has a ``Report`` class (a :class:`Reporter`) split in
two, so that a file's part of the report can be made wherever the file is checked (a worker
process) and kept in the results cache:

* ``Report.render(name, diagnostics, fixed, color)``, pure: one file's part of the report, a
  :class:`Chunk` (its text, and the small tally the writer needs for the whole report);
* a ``Report`` object, the writer: ``begin()``, then ``write(chunk)`` for each file in
  order, then ``end()``. ``file(name, diagnostics, fixed)`` renders and writes at once.

A run over any number of cables holds one file's part at a time. :class:`Rendering` is how a
run renders: the format, colour, and whether classified text is withheld (it redacts before
rendering, wherever that happens)."""

from __future__ import annotations

import importlib
from typing import NamedTuple

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit")
#: ``--statistics``: not a format of its own, but rendered and written like one.
STATISTICS = "statistics"


class Chunk(NamedTuple):
    """One file's part of a report: its text and the tally the writer adds up (what it
    holds is the format's business: counts per severity, the number of JSON elements...)."""

    text: str
    tally: tuple = ()


class Reporter:
    """A report being written to ``stream``; ``color`` only matters to the text format."""

    def __init__(self, stream, *, color: bool = False):
        self.stream = stream
        self.color = color

    @classmethod
    def render(cls, name: str, diagnostics: list, fixed: list, color: bool = False) -> Chunk:
        """One file's part of the report (its diagnostics sorted, ``fixed`` the fixes
        ``--fix`` applied)."""
        raise NotImplementedError

    def begin(self) -> None:
        """Called once before the first file."""

    def write(self, chunk: Chunk) -> None:
        """Write one file's part, in the run's order."""
        self.stream.write(chunk.text)

    def file(self, name: str, diagnostics: list, fixed: list) -> None:
        self.write(self.render(name, diagnostics, fixed, self.color))

    def end(self) -> None:
        """Called once after the last file."""


class JsonArray:
    """A JSON array written a chunk of elements at a time, laid out as
    ``json.dump(indent=2)`` lays it out at ``depth`` levels of nesting. A chunk's tally is
    its number of elements."""

    def __init__(self, stream, depth: int = 0):
        self.stream = stream
        self.indent = "  " * depth
        self.count = 0

    @staticmethod
    def chunk(values: list, depth: int = 0) -> Chunk:
        """The elements ``values``, laid out at ``depth``, ready for :meth:`write`."""
        import json

        inner = "  " * (depth + 1)
        texts = [inner + json.dumps(value, indent=2, ensure_ascii=False)
                 .replace("\n", "\n" + inner) for value in values]
        return Chunk(",\n".join(texts), (len(texts),))

    def write(self, chunk: Chunk) -> None:
        if chunk.tally[0]:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + chunk.text)
            self.count += chunk.tally[0]

    def close(self) -> None:
        self.stream.write("[]" if self.count == 0 else f"\n{self.indent}]")


class ArrayReport(Reporter):
    """A report that is one JSON array, written chunk by chunk (json, gitlab)."""

    def begin(self) -> None:
        self.array = JsonArray(self.stream)

    def write(self, chunk: Chunk) -> None:
        self.array.write(chunk)

    def end(self) -> None:
        self.array.close()
        self.stream.write("\n")


class Rendering(NamedTuple):
    """How a run renders each file: the format (or :data:`STATISTICS`), colour, and whether
    classified text may show (``--show-source``)."""

    form: str = "text"
    color: bool = False
    show_source: bool = False

    def render(self, name: str, diagnostics: list, fixed=()) -> Chunk:
        """A file's part of the report, its findings redacted unless ``show_source``."""
        if not self.show_source:
            from ..redaction import redact

            diagnostics = [redact(d) for d in diagnostics]
            if fixed:  # after --fix: the fixes applied (dataclasses, see .fixes)
                from dataclasses import replace

                fixed = [replace(a, diagnostic=redact(a.diagnostic)) for a in fixed]
        return get(self.form).render(name, diagnostics, list(fixed), self.color)

    def reporter(self, stream) -> Reporter:
        """The writer of this rendering's report to ``stream``."""
        return get(self.form)(stream, color=self.color)

    def key(self) -> str:
        """What sets a rendered chunk apart, for the results cache."""
        return f"{self.form}:{int(self.color)}:{int(self.show_source)}"


def get(name: str) -> type[Reporter]:
    """The ``Report`` class of a format name (or :data:`STATISTICS`)."""
    if name not in FORMATS and name != STATISTICS:
        raise ValueError(f"unknown format {name!r}")
    module = "json_format" if name == "json" else name
    return importlib.import_module(f"{__name__}.{module}").Report


def report(name: str, diagnostics, stream, *, files=(), fixed=(), color=False) -> None:
    """Write a whole report at once: the diagnostics and fixes grouped by file, in order."""
    from collections import defaultdict

    by_file, fixed_by_file = defaultdict(list), defaultdict(list)
    for d in diagnostics:
        by_file[d.path].append(d)
    for applied in fixed:
        fixed_by_file[applied.diagnostic.path].append(applied)
    reporter = get(name)(stream, color=color)
    reporter.begin()
    for path in sorted({*files, *by_file, *fixed_by_file}):
        reporter.file(path, by_file[path], fixed_by_file[path])
    reporter.end()
