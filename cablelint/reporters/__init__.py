"""Output formats. Each reporter takes sorted diagnostics and a stream."""

from __future__ import annotations

FORMATS = ("text", "json")


def get(name: str):
    """The reporter module's ``report`` function for a format name."""
    if name == "json":
        from .json import report
    else:
        from .text import report
    return report
