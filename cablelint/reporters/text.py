"""``--format text``: one line per finding, then a summary; colour on a terminal only.

Under each finding, its source line with carets under the span, ruff-style::

    oslo.cable:12:7: T002 [warning] unknown tag 'PRELL' (tag-unknown)
       12 | TAGS: PRELL PGOV NO
          |       ^^^^^

A finding on classified text shows ``[text withheld: (S) portion; --show-source shows it]``
instead of the line (see ``cablelint.redaction``).
"""

from __future__ import annotations

import functools
from collections import Counter

from ..diagnostics import Severity
from . import Chunk, Reporter


@functools.cache
def _palette(color: bool) -> dict[str, str]:
    if not color:
        return {"path": "", "code": "", "error": "", "warning": "", "info": "", "reset": ""}
    from colorama import Fore, Style

    return {"path": Style.BRIGHT, "code": Fore.RED + Style.BRIGHT, "error": Fore.RED,
            "warning": Fore.YELLOW, "info": Fore.CYAN, "reset": Style.RESET_ALL}


#: The severities a text report counts, in the order of its summary and of a chunk's tally.
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class Report(Reporter):
    def begin(self) -> None:
        self.counts: Counter = Counter()
        self.files = self.fixes = 0

    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        """The file's findings; tally (fixes applied, errors, warnings, infos)."""
        paint = _palette(color)
        lines = []
        for applied in fixed:
            d = applied.diagnostic
            lines.append(f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
                         f"{d.code} [fixed] {d.message}: {applied.description} ({d.name})\n")
        counts = Counter()
        for d in diagnostics:
            level = d.severity.label
            lines.append(f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
                         f"{paint['code']}{d.code}{paint['reset']} "
                         f"{paint[level]}[{level}]{paint['reset']} {d.message} ({d.name})\n")
            lines.append(_excerpt(d, paint[level], paint["reset"]))
            counts[d.severity] += 1
        return Chunk("".join(lines), (len(fixed), *(counts[s] for s in _COUNTED)))

    def write(self, chunk: Chunk) -> None:
        self.stream.write(chunk.text)
        fixes, *counts = chunk.tally
        self.files += 1
        self.fixes += fixes
        for severity, count in zip(_COUNTED, counts):
            self.counts[severity] += count

    def end(self) -> None:
        counts, write = self.counts, self.stream.write
        noun = "file" if self.files == 1 else "files"
        if self.fixes:
            write(f"Fixed {self.fixes} problem{'' if self.fixes == 1 else 's'}.\n")
        total = sum(counts.values())
        if not total:
            write(f"All checks passed ({self.files} {noun}).\n")
            return
        parts = [f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}"
                 for s in _COUNTED if counts[s]]
        write(f"Found {total} problem{'' if total == 1 else 's'} "
              f"({', '.join(parts)}) in {self.files} {noun}.\n")


#: Characters of a source line shown around a finding; longer lines (the release re-flowed
#: many paragraphs into one line) are cut to a window marked with "...".
EXCERPT_WIDTH = 100
_ELLIPSIS = "..."


def _excerpt(d, color: str, reset: str) -> str:
    """The finding's source line with carets under its span, or the withheld notice."""
    gutter = f"{d.line:>5} | "
    if d.source is None:
        if d.withheld is None:
            return ""
        from ..redaction import withheld_notice

        return f"{gutter}{withheld_notice(d.withheld)}\n"
    line = d.source
    start = min(d.column - 1, len(line))
    end = d.span.end_column - 1 if d.span.end_line == d.line else len(line)
    end = max(start + 1, min(end, len(line)))
    line, start, end = _window(line, start, end)
    if not line.isprintable():
        line = "".join(c if c.isprintable() or c == "\t" else "?" for c in line)
    prefix = line[:start]
    pad = "".join("\t" if c == "\t" else " " for c in prefix) if "\t" in prefix \
        else " " * start
    blank = " " * (len(gutter) - 2)
    return f"{gutter}{line}\n{blank}| {pad}{color}{'^' * (end - start)}{reset}\n"


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """At most EXCERPT_WIDTH characters of ``line`` around [start, end), and the span's
    place in them."""
    if len(line) <= EXCERPT_WIDTH:
        return line, start, end
    first = max(0, min(start - EXCERPT_WIDTH // 3, len(line) - EXCERPT_WIDTH))
    last = first + EXCERPT_WIDTH
    head = _ELLIPSIS if first > 0 else ""
    tail = _ELLIPSIS if last < len(line) else ""
    shift = len(head) - first
    return head + line[first:last] + tail, start + shift, min(end, last) + shift
