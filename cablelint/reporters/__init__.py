"""Output formats. Each format module has a ``Report`` class (a :class:`Reporter`) that
writes a report file by file, as results arrive, so a run over any number of cables holds
one file's findings at a time: ``begin()``, then ``file(name, diagnostics, fixed)`` for each
file in order (its diagnostics sorted, ``fixed`` the fixes ``--fix`` applied), then
``end()``."""

from __future__ import annotations

import importlib

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit")


class Reporter:
    """A report being written to ``stream``; ``color`` only matters to the text format."""

    def __init__(self, stream, *, color: bool = False):
        self.stream = stream
        self.color = color

    def begin(self) -> None:
        """Called once before the first file."""

    def file(self, name: str, diagnostics: list, fixed: list) -> None:
        raise NotImplementedError

    def end(self) -> None:
        """Called once after the last file."""


class JsonArray:
    """A JSON array written element by element, laid out as ``json.dump(indent=2)`` lays it
    out at ``depth`` levels of nesting."""

    def __init__(self, stream, depth: int = 0):
        self.stream = stream
        self.indent = "  " * depth
        self.count = 0

    def add(self, value) -> None:
        import json

        inner = self.indent + "  "
        text = inner + json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + inner)
        self.stream.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]" if self.count == 0 else f"\n{self.indent}]")


def get(name: str) -> type[Reporter]:
    """The ``Report`` class of a format name."""
    if name not in FORMATS:
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
