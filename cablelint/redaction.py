"""Classified text stays out of logs: which lines may be shown, and findings without them.

CI logs and uploaded reports are read by people who may not hold the cable's clearance, so
by default no report echoes text of a portion marked above (U)/(SBU) (DESIGN.md); a finding
names its place and the marking instead, and ``--show-source`` opts in.

* :func:`withheld_lines`: the lines of a classified cable whose text must not be shown,
  each with the marking that says why. A whitelist: only the header's furniture and the
  portions marked (U), (SBU) or (LOU) are shown; everything else, including text the parser
  could not place, is withheld.
* :func:`redact`: a finding on such a line with its quoted fragments, its fix's text and its
  source line taken out.
* :func:`redact_diff`: a unified diff with the lines of withheld text replaced.

The engine stamps each finding with its source line and withheld phrase (``lint_text``
returns them unredacted: API users hold the text anyway); the command line redacts.
"""

from __future__ import annotations

import re

from . import regex
from .build import build_cable
from .diagnostics import Diagnostic, Edit, Fix, Span
from .markings import (LEVEL_WORDS, RANKS, banner_shaped, looks_like_mark, mark_level,
                       per_cable, portion_marks, rank, read_mark)
from .model import Cable, Paragraph, PortionMark, Subject

#: Levels whose text may be shown: not classifications.
SHOWN_LEVELS = frozenset({"U", "SBU", "LOU"})
#: The parts of a cable (attributes of the model's Cable) shown in a classified cable too.
SHOWN_PARTS = ("transmission", "dtgs", "originators", "address_lists", "banners", "captions",
               "eo_lines", "tags_lines", "references", "classified_by")
SHOW_SOURCE = "--show-source shows it"

# a quoted fragment: the quote opens after the start, a blank or punctuation and closes before
# the end, a blank or punctuation ("cable's" holds no quote)
_QUOTED = regex.compile(r"""(?<![^\s(\[{<,;:.!?/=-])(['"])(.*?)\1(?![^\s)\]}>,;:.!?/=-])""",
                        re.DOTALL)
_HUNK = regex.compile(r"@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")
_LINE_END = regex.compile(r"\r?\n\Z")
_DIFF_LINE = regex.compile(r"[^\n]*\n|[^\n]+\Z")
_BANNER_WORDS = (("TOPSECRET", "TS"), ("SECRET", "S"), ("CONFIDENTIAL", "C"))


# --- which lines --------------------------------------------------------------------------------


def withheld_lines(cable: Cable) -> dict[int, str]:
    """1-based original line -> the marking phrase that keeps its text out of reports.

    Empty for an unclassified cable. In a classified one, a line is shown only when it
    belongs to the transmission lines, the date-time group, the FM/TO/INFO lists, a banner, a
    caption line, the E.O. line, TAGS, the REF list, the Classified By block, a SUBJECT marked
    (U)/(SBU)/(LOU) or a paragraph whose counting mark is one of those, and to nothing else;
    blank lines hold no text and are never withheld.
    """
    level = classified_level(cable)
    if level is None:
        return {}
    unmarked = f"unmarked text of a {LEVEL_WORDS[level]} cable"
    counting = {id(mark) for mark in portion_marks(cable)}
    shown: set[int] = set()
    withheld: dict[int, str] = {}
    for part in SHOWN_PARTS:
        for element in getattr(cable, part):
            shown.update(_lines(element.span))
    for item in (*cable.subjects, *cable.body):
        phrase = _phrase(item, counting, unmarked)
        lines = _lines(item.span)
        if phrase is None:
            shown.update(lines)
        else:
            for line in lines:
                withheld.setdefault(line, phrase)
    for attention in cable.attention_lines:
        for line in _lines(attention.span):
            withheld.setdefault(line, unmarked)
    found = {}
    for number, text in enumerate(original_lines(cable), start=1):
        phrase = withheld.get(number)
        if phrase is None:
            if number in shown:
                continue
            phrase = unmarked  # a line the parser did not place
        if text.strip():
            found[number] = phrase
    return found


@per_cable
def original_lines(cable: Cable) -> list[str]:
    """The cable's original text split at its newlines (a CR of a CRLF stays on its line)."""
    return cable.original.split("\n")


def source_lines(cable: Cable) -> list[str]:
    """The cable's original lines without their line ends (line 1 at index 0)."""
    lines = original_lines(cable)
    if "\r" not in cable.original:
        return lines
    return [text[:-1] if text.endswith("\r") else text for text in lines]


def classified_level(cable: Cable) -> str | None:
    """The highest classification of the cable (C, S or TS) from its banners and its counting
    portion marks, or None when none is above (U)/(SBU)/(LOU).

    The portion marks count even under an UNCLASSIFIED banner: a portion marked (S) is
    classified text whatever the banner says (C003 reports the banner). Without a banner, a
    banner-shaped first line that names a level counts (``SECRETT OSLO 000412``)."""
    levels = [mark_level(mark) for mark in portion_marks(cable)]
    levels += [banner.level for banner in cable.banners] or [_shaped_banner_level(cable)]
    best = max(levels, key=lambda level: rank(level) or 0, default=None)
    return best if rank(best) else None


def withheld_text_lines(text: str) -> dict[int, str]:
    """:func:`withheld_lines` of a cable's text."""
    return withheld_lines(build_cable(text))


def _shaped_banner_level(cable: Cable) -> str | None:
    """The level a banner-shaped first line names when the grammar read no banner
    (``SECRETT OSLO 000412``)."""
    span = banner_shaped(cable)
    if span is None:
        return None
    words = re.sub(r"\s+", "", cable.original[span.start:span.end]).upper()
    return next((level for word, level in _BANNER_WORDS if word in words), None)


def _phrase(item, counting: set[int], unmarked: str) -> str | None:
    """None for a SUBJECT or paragraph whose text may be shown; else why it is withheld."""
    if isinstance(item, (Subject, Paragraph)) and item.portion_mark is not None:
        mark = item.portion_mark
        meant = id(mark) in counting or (isinstance(item, Subject) and looks_like_mark(mark))
        if meant:
            return None if mark_level(mark) in SHOWN_LEVELS else mark_phrase(mark)
    return unmarked


def mark_phrase(mark: PortionMark) -> str:
    """``(S//NF) portion``: the mark as written, in upper case."""
    return f"{mark.text.upper()} portion"


def _lines(span: Span) -> range:
    """The lines a span touches (an end at the start of a line does not touch that line)."""
    last = span.end_line
    if span.end_column == 1 and last > span.line:
        last -= 1
    return range(span.line, last + 1)


def first_withheld(span: Span, withheld: dict[int, str]) -> str | None:
    """The phrase of the first withheld line the span touches, or None."""
    if not withheld:
        return None
    if span.end_line == span.line:  # most spans: no range to walk
        return withheld.get(span.line)
    for line in _lines(span):
        phrase = withheld.get(line)
        if phrase is not None:
            return phrase
    return None


# --- findings -----------------------------------------------------------------------------------


def redact(diagnostic: Diagnostic) -> Diagnostic:
    """``diagnostic`` without the withheld text: quoted fragments of its message (portion
    marks excepted) replaced by ``[withheld: PHRASE]``, its fix's replacement text dropped
    (``None``) and its description redacted likewise, no source line. Unchanged when its
    text may be shown."""
    phrase = diagnostic.withheld
    if phrase is None:
        return diagnostic
    fix = diagnostic.fix.resolve() if diagnostic.fix is not None else None
    if fix is not None:
        fix = Fix(tuple(Edit(e.start, e.end, None) for e in fix.edits), fix.safe,
                  redact_text(fix.description, phrase))
    return diagnostic._replace(message=redact_text(diagnostic.message, phrase),
                               fix=fix, source=None)


def redact_text(text: str, phrase: str) -> str:
    """``text`` with each quoted fragment that is not a portion mark replaced."""
    if "'" not in text and '"' not in text:
        return text
    return _QUOTED.sub(lambda m: m.group() if _is_mark(m.group(2)) else f"[withheld: {phrase}]",
                       text)


def _is_mark(fragment: str) -> bool:
    """A fragment that is wholly a portion mark of a known level: ``(C//REL to Spain)``."""
    parts = read_mark(fragment) if fragment.startswith("(") else None
    return parts is not None and parts.level.upper() in RANKS


def withheld_notice(phrase: str) -> str:
    """What stands for a withheld line in reports: ``[text withheld: (S) portion; ...]``."""
    return f"[text withheld: {phrase}; {SHOW_SOURCE}]"


# --- diffs --------------------------------------------------------------------------------------


def text_lines(text: str) -> list[str]:
    """``text`` cut into lines at LF only, line ends kept: the lines :func:`withheld_lines`
    counts (``str.splitlines`` would also cut at a form feed or a lone CR)."""
    return _DIFF_LINE.findall(text)


def redact_diff(diff_lines, old_withheld: dict[int, str],
                new_withheld: dict[int, str]) -> list[str]:
    """The lines of a unified diff with withheld text replaced by :func:`withheld_notice`.

    A context line is withheld when its old or its new line is, a ``-`` line by its old line
    number, a ``+`` line by its new one; the prefix and the line end are kept, and the line
    numbers are followed through the ``@@`` hunk headers."""
    found = []
    old = new = None  # None: before the first hunk (the ---/+++ file lines)
    for line in diff_lines:
        hunk = _HUNK.match(line)
        if hunk:
            old, new = int(hunk.group(1)), int(hunk.group(2))
            found.append(line)
            continue
        kind = line[:1]
        if old is None or kind not in (" ", "-", "+"):
            found.append(line)  # a file line, or "\ No newline at end of file"
            continue
        if kind == " ":
            phrase = old_withheld.get(old) or new_withheld.get(new)
            old, new = old + 1, new + 1
        elif kind == "-":
            phrase = old_withheld.get(old)
            old += 1
        else:
            phrase = new_withheld.get(new)
            new += 1
        if phrase is not None:
            end = _LINE_END.search(line)
            line = kind + withheld_notice(phrase) + (end.group() if end else "")
        found.append(line)
    return found

