"""S005 non-ascii: characters outside printable ASCII.

What it checks:
    Every character is printable ASCII (``0x20``-``0x7E``) or a line end (``LF``, or ``CRLF``
    throughout a file). Reported, one finding per run of such characters: typographic
    punctuation (``’ “ ” – —``), no-break spaces, accented letters, tabs, control
    characters. Characters that the X rules already report are left alone: the release's
    ``¶`` paragraph marks (X001) and whatever stands in the page lines and trailers the
    normaliser took out (X002).

Why:
    Telegrams are sent as plain ASCII text (teletype heritage); typographic characters come
    from word processors or the release, and arrive garbled or not at all.

Example:
    ``SUBJECT: SPAIN’S INVESTIGATIONS``. Clean: ``SUBJECT: SPAIN'S INVESTIGATIONS``.

Fix:
    Safe, from a small table: ``’ ‘ ′`` -> ``'``, ``“ ” „ ″`` -> ``"``, ``– ‐ ‑ ‒ −`` -> ``-``,
    ``— ―`` -> ``--``, ``…`` -> ``...``, no-break space -> blank, ``•`` -> ``-``, ``« »`` ->
    ``<< >>``, ``½`` -> ``1/2``, zero-width characters and a stray byte-order mark -> nothing.
    Unsafe: an accented letter to its base letter (``é`` -> ``e``; a name may want ``oe`` for
    ``ö``), a tab to a blank (columns may shift). Other characters (Cyrillic, control
    characters) have no fix.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Teletype heritage and capitals [ITA]; Unicode punctuation appears only as release or
    word-processor artefacts [CM]; spec/cable-format.md section 9 item 7; spec/rules.md S005.
"""

import unicodedata
from bisect import bisect_right
from functools import lru_cache

from ..diagnostics import Edit, Finding, Fix, Severity, maker
from ..normalise import PARAGRAPH_MARK
from .base import Rule

TRANSLITERATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u2014": "--", "\u2015": "--",
    "\u2026": "...", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u2022": "-", "\u00b7": ".", "\u00ab": "<<", "\u00bb": ">>",
    "\u00bc": "1/4", "\u00bd": "1/2", "\u00be": "3/4", "\u00d7": "x",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}
_PRINTABLE_AND_LF = bytes(range(0x20, 0x7F)) + b"\n"
_finding, _fix, _edit = maker(Finding), maker(Fix), maker(Edit)


class NonAscii(Rule):
    code = "S005"
    name = "non-ascii"
    severity = Severity.WARNING
    fixable = "transliterate"
    summary = "characters outside printable ASCII"

    def check(self, cable, settings):
        text = cable.original
        artifacts = cable.artifacts
        if _clean(text, artifacts):
            return  # the common case: nothing outside printable ASCII but the release's marks
        starts = [a.start for a in artifacts]
        original_span = cable.source.offsets.original_span
        for run_start, run_end in _outside(text):
            for start, end in _runs(text, run_start, run_end, artifacts, starts):
                message, replacement = _reading(text[start:end])
                fix = None if replacement is None else _fix((
                    (_edit((start, end, replacement[0])),), replacement[1], replacement[2]))
                yield _finding((message, original_span(start, end), fix, None))


def _clean(text: str, artifacts) -> bool:
    """Every character is printable ASCII, a line end (LF, or the CR of a CRLF) or a ``¶``
    that the normaliser recorded. Cheap, no scan in Python: in the Latin-1 encoding, with the
    printable ASCII and the LFs deleted (``bytes.translate``), what is left must be ``¶`` marks
    and the CRs of CRLFs."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return False  # a character beyond Latin-1
    left = data.translate(None, _PRINTABLE_AND_LF)
    if not left:
        return True
    marks = left.count(b"\xb6")
    if marks:
        if marks != sum(1 for a in artifacts if a.kind == PARAGRAPH_MARK):
            return False
        left = left.replace(b"\xb6", b"")
    return not left or (not left.strip(b"\r") and len(left) == text.count("\r\n"))


def _outside(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of characters outside printable ASCII and LF.

    Found with ``bytes.find``, one search per distinct character, in the Latin-1 encoding (one
    byte a character; ``?`` for any other, looked at where the text has no ``?``): a pattern
    such as ``[^\\x20-\\x7e\\n]+`` would test every character of the text one by one."""
    data = text.encode("latin-1", "replace")
    positions = []
    for byte in set(data.translate(None, _PRINTABLE_AND_LF)):
        _find_all(data, bytes((byte,)), positions)
    for at in _find_all(data, b"?", []):
        if text[at] != "?":
            positions.append(at)
    positions.sort()
    runs: list[tuple[int, int]] = []
    for at in positions:
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _find_all(data: bytes, byte: bytes, positions: list[int]) -> list[int]:
    """``positions`` with every offset of ``byte`` in ``data`` added."""
    at = data.find(byte)
    while at >= 0:
        positions.append(at)
        at = data.find(byte, at + 1)
    return positions


def _runs(text, start, end, artifacts, starts) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` outside the artifacts (and not the CR of a CRLF)."""
    i = bisect_right(starts, start) - 1
    if i == bisect_right(starts, end - 1) - 1 and "\r" not in text[start:end]:
        # the common cases: no artifact in the run, or one artifact covering it (a "¶")
        if i < 0 or artifacts[i].end <= start:
            return [(start, end)]
        if artifacts[i].end >= end:
            return []
    runs = []
    run_start = None
    for position in range(start, end + 1):
        skip = position == end or _in_artifact(position, artifacts, starts) or (
            text[position] == "\r" and text[position + 1:position + 2] == "\n")
        if skip:
            if run_start is not None:
                runs.append((run_start, position))
                run_start = None
        elif run_start is None:
            run_start = position
    return runs


def _in_artifact(position, artifacts, starts) -> bool:
    i = bisect_right(starts, position) - 1
    return i >= 0 and artifacts[i].start <= position < artifacts[i].end


@lru_cache(maxsize=1024)
def _reading(run: str) -> tuple[str, tuple[str, bool, str] | None]:
    """The message on ``run`` and its replacement (see :func:`_replacement`), remembered: the
    same characters recur (one read for both)."""
    return _message(run), _replacement(run)


def _message(run: str) -> str:
    first = run[0]
    name = unicodedata.name(first, "control character" if ord(first) < 0x20 else "unnamed")
    if len(run) == 1:
        return f"non-ASCII character U+{ord(first):04X} ({name})"
    return f"{len(run)} non-ASCII characters from U+{ord(first):04X} ({name})"


def _replacement(run: str) -> tuple[str, bool, str] | None:
    """The ASCII for ``run``, whether writing it is safe, and the fix's description (None: no
    replacement)."""
    pieces = []
    safe = True
    for char in run:
        if char in TRANSLITERATION:
            pieces.append(TRANSLITERATION[char])
            continue
        if char == "\t":
            pieces.append(" ")
            safe = False
            continue
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if not base or not base.isprintable():
            return None
        pieces.append(base)
        safe = False
    replacement = "".join(pieces)
    return replacement, safe, f"write {replacement!r}" if replacement else "delete it"
