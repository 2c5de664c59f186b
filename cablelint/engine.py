"""Runs the enabled rules over a cable and returns sorted diagnostics.

Also the front door for files: reading bytes, decoding UTF-8 (with or without a BOM) and
turning unreadable input into an E002 diagnostic instead of an exception.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .build import build_cable
from .config import Settings
from .diagnostics import Diagnostic, Span, maker, same_kind_equality
from .redaction import first_withheld, source_lines, withheld_lines
from .rules import registry

_BOM = "\ufeff"


class Decoded(NamedTuple):
    """A file's text, or why it could not be read."""

    text: str | None
    problem: str | None = None
    bom: bool = False


same_kind_equality(Decoded)


def decode(data: bytes) -> Decoded:
    """UTF-8 text (BOM allowed), or the reason it is not a cable file.

    UTF-16 and UTF-32 hold NUL bytes, so they would pass for binary data: they are named by
    their byte-order mark, or (UTF-16 without one) by the NUL in every other byte. A byte
    that is not UTF-8 is given with its offset."""
    for mark, encoding in ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"),
                           (b"\xfe\xff", "UTF-16"), (b"\xff\xfe", "UTF-16")):
        if data.startswith(mark):
            return Decoded(None, f"{encoding} text (byte-order mark {mark.hex(' ').upper()}), "
                                 "not UTF-8: save the file as UTF-8")
    if b"\x00" in data:
        head = data[:64]
        halves = (head[0::2], head[1::2])
        if len(head) >= 4 and any(set(zeros) == {0} and 0 not in other
                                  for zeros, other in (halves, halves[::-1])):
            hint = " (UTF-16 text without a byte-order mark?): save the file as UTF-8"
        else:
            hint = ""
        return Decoded(None, f"binary data: NUL byte at offset {data.index(0)}{hint}")
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
    if not found:
        return []
    diagnostics = _stamp(path, found, cable)
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
    """A file's bytes, or the E002 diagnostic saying why it cannot be read (see
    :func:`.reading.file_bytes`)."""
    from .reading import file_bytes

    data = file_bytes(path)
    return data if isinstance(data, bytes) else unreadable(display or os.fspath(path), data)


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


def _stamp(path: str, found: list, cable) -> list[Diagnostic]:
    """Each (rule, finding, severity) of ``cable`` as a Diagnostic: the rule's code and name,
    the finding's own severity unless the settings changed the rule's, the withheld phrase
    and the source line of the finding's first line."""
    withheld = withheld_lines(cable)
    sources = source_lines(cable)
    count = len(sources)
    stamped = []
    for rule, (message, span, fix, own_severity), severity in found:
        if own_severity is not None and severity == rule.severity:
            severity = own_severity
        line = span.line
        stamped.append(_diagnostic((
            path, rule.code, rule.name, severity, message, span, fix,
            first_withheld(span, withheld) if withheld else None,
            sources[line - 1] if 0 < line <= count else None)))
    return stamped


#: ``_diagnostic((path, code, ...))`` is ``Diagnostic(path, code, ...)`` without the named
#: tuple's Python-level ``__new__``: a corpus run stamps 137,000 findings
_diagnostic = maker(Diagnostic)
