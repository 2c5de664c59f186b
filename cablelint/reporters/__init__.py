"""Output formats. Each reporter's ``report(diagnostics, stream, **context)`` writes sorted
diagnostics to a stream; ``context`` holds ``color``, ``files`` (the paths linted, in order)
and ``fixed`` (the fixes applied by ``--fix``)."""

from __future__ import annotations

import importlib

FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit")


def get(name: str):
    """The reporter module's ``report`` function for a format name."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    module = "json_format" if name == "json" else name
    return importlib.import_module(f"{__name__}.{module}").report
