"""Runs the enabled rules over a cable and returns sorted diagnostics.

Also the front door for files: reading bytes, decoding UTF-8 (with or without a BOM) and
turning unreadable input into an E002 diagnostic instead of an exception.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .build import build_cable
from .config import Settings
from .diagnostics import Diagnostic, Finding, Span
from .redaction import first_withheld, source_line, withheld_lines
from .rules import registry

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, or why it could not be read."""

    text: str | None
    problem: str | None = None
    bom: bool = False


def decode(data: bytes) -> Decoded:
    """UTF-8 text (BOM allowed), or the reason it is not a cable file."""
    if b"\x00" in data:
        return Decoded(None, f"binary data: NUL byte at offset {data.index(0)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return Decoded(None, f"not UTF-8 text: byte 0x{byte:02x} at offset {error.start}")
    if text.startswith(_BOM):
        return Decoded(text[1:], None, True)
    return Decoded(text)


def lint_text(text: str, *, path: str = "<text>", config: Settings | None = None) -> list[Diagnostic]:
    """All findings for one cable's text, sorted by line, column and code.

    Each carries its first line's text (``source``) and, on text of a classified portion,
    the ``withheld`` phrase; they are not redacted here (reports redact them)."""
    settings = config or _DEFAULT
    cable = build_cable(text, path)
    found = [(rule, finding, severity) for rule, checker, severity in _plan(settings)
             for finding in checker.check(cable, settings)]
    withheld = withheld_lines(cable) if found else {}
    diagnostics = [_stamp(path, rule, finding, severity, cable, withheld)
                   for rule, finding, severity in found]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


_DEFAULT = Settings()
_plans: dict[int, tuple] = {}


def _plan(settings: Settings) -> list:
    """(rule class, rule object, severity) for each rule this run enables, in code order.

    Worked out once per Settings object (kept alive with it, so its id stays its own)."""
    known = _plans.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    rules = registry()
    plan = []
    for code in sorted(settings.enabled_codes(rules)):
        rule = rules.by_code[code]
        if settings.profile in rule.profiles:
            plan.append((rule, rule(), settings.severity.get(code, rule.severity)))
    if len(_plans) > 64:
        _plans.clear()
    _plans[id(settings)] = (settings, plan)
    return plan


def read_bytes(path: str | os.PathLike, display: str | None = None) -> bytes | Diagnostic:
    """A file's bytes, or the E002 diagnostic saying why it cannot be read."""
    name = display or os.fspath(path)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        return unreadable(name, "is a directory, not a cable file")
    except FileNotFoundError:
        return unreadable(name, "no such file or directory")
    except OSError as error:
        return unreadable(name, f"cannot be read: {error.strerror or error}")


def read_file(path: str | os.PathLike, display: str | None = None) -> Decoded | Diagnostic:
    """A file's decoded text, or the E002 diagnostic saying why it cannot be read."""
    data = read_bytes(path, display)
    if isinstance(data, Diagnostic):
        return data
    decoded = decode(data)
    if decoded.text is None:
        return unreadable(display or os.fspath(path), decoded.problem)
    return decoded


def lint_path(path: str | os.PathLike, *, config: Settings | None = None,
              display: str | None = None) -> list[Diagnostic]:
    """Findings for one file; unreadable input gives one E002 diagnostic."""
    decoded = read_file(path, display)
    if isinstance(decoded, Diagnostic):
        return [decoded]
    return lint_text(decoded.text, path=display or os.fspath(path), config=config)


def unreadable(path: str, reason: str) -> Diagnostic:
    rule = registry().by_code["E002"]
    return Diagnostic(path, rule.code, rule.name, rule.severity, reason, Span(1, 1, 1, 1, 0, 0))


def _stamp(path: str, rule, finding: Finding, severity, cable, withheld: dict) -> Diagnostic:
    if finding.severity is not None and severity == rule.severity:
        severity = finding.severity
    span = finding.span
    return Diagnostic(path, rule.code, rule.name, severity, finding.message, span,
                      finding.fix, first_withheld(span, withheld), source_line(cable, span.line))
