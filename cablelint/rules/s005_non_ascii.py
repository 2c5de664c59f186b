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

import re
import unicodedata
from bisect import bisect_right

from ..diagnostics import Edit, Fix, Severity
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
_OUTSIDE = re.compile(r"[^\x20-\x7e\n]+")


class NonAscii(Rule):
    code = "S005"
    name = "non-ascii"
    severity = Severity.WARNING
    fixable = "transliterate"
    summary = "characters outside printable ASCII"

    def check(self, cable, settings):
        text = cable.original
        artifacts = cable.artifacts
        if _only_marks_and_ascii(text, artifacts) and _no_controls(text):
            return  # the common case: nothing outside printable ASCII but the release's marks
        starts = [a.start for a in artifacts]
        offsets = cable.source.offsets
        for match in _OUTSIDE.finditer(text):
            for start, end in _runs(text, match.start(), match.end(), artifacts, starts):
                yield self.finding(_message(text[start:end]), offsets.original_span(start, end),
                                   fix=_transliterate(text[start:end], start))


def _only_marks_and_ascii(text: str, artifacts) -> bool:
    """Every character is ASCII or a ``¶`` that the normaliser recorded (cheap: no scan in
    Python; a ``¶`` is two bytes in UTF-8, any other non-ASCII character at least two)."""
    if text.isascii():
        return True
    marks = text.count("\u00b6")
    if len(text.encode("utf-8", "surrogatepass")) - len(text) != marks:
        return False
    return marks == sum(1 for a in artifacts if a.kind == PARAGRAPH_MARK)


def _no_controls(text: str) -> bool:
    """No control character (tab included) but LF and the CR of a CRLF (``isprintable`` runs
    in C, far faster than a regex scan)."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return False
    return text.replace("\n", "").replace("\r", "").isprintable()


def _runs(text, start, end, artifacts, starts):
    """The parts of ``text[start:end]`` outside the artifacts (and not the CR of a CRLF)."""
    run_start = None
    for position in range(start, end + 1):
        skip = position == end or _in_artifact(position, artifacts, starts) or (
            text[position] == "\r" and text[position + 1:position + 2] == "\n")
        if skip:
            if run_start is not None:
                yield run_start, position
                run_start = None
        elif run_start is None:
            run_start = position


def _in_artifact(position, artifacts, starts) -> bool:
    i = bisect_right(starts, position) - 1
    return i >= 0 and artifacts[i].start <= position < artifacts[i].end


def _message(run: str) -> str:
    first = run[0]
    name = unicodedata.name(first, "control character" if ord(first) < 0x20 else "unnamed")
    if len(run) == 1:
        return f"non-ASCII character U+{ord(first):04X} ({name})"
    return f"{len(run)} non-ASCII characters from U+{ord(first):04X} ({name})"


def _transliterate(run: str, start: int) -> Fix | None:
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
    return Fix((Edit(start, start + len(run), replacement),), safe=safe,
               description=f"write {replacement!r}" if replacement else "delete it")
