"""``--format text``: one line per finding, then a summary; colour on a terminal only.

Under each finding, its source line with carets under the span, ruff-style::

    oslo.cable:12:7: T002 [warning] unknown tag 'PRELL' (tag-unknown)
       12 | TAGS: PRELL PGOV NO
          |       ^^^^^

A finding on classified text shows ``[text withheld: (S) portion; --show-source shows it]``
instead of the line (see ``cablelint.redaction``).
"""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Severity
from ..redaction import withheld_notice
from . import Reporter


def _palette(color: bool) -> dict[str, str]:
    if not color:
        return {"path": "", "code": "", "error": "", "warning": "", "info": "", "reset": ""}
    from colorama import Fore, Style

    return {"path": Style.BRIGHT, "code": Fore.RED + Style.BRIGHT, "error": Fore.RED,
            "warning": Fore.YELLOW, "info": Fore.CYAN, "reset": Style.RESET_ALL}


class Report(Reporter):
    def begin(self) -> None:
        self.paint = _palette(self.color)
        self.counts: Counter = Counter()
        self.files = self.fixes = 0

    def file(self, name, diagnostics, fixed) -> None:
        paint, write = self.paint, self.stream.write
        self.files += 1
        self.fixes += len(fixed)
        for applied in fixed:
            d = applied.diagnostic
            write(f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
                  f"{d.code} [fixed] {d.message}: {applied.description} ({d.name})\n")
        for d in diagnostics:
            level = d.severity.label
            write(f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
                  f"{paint['code']}{d.code}{paint['reset']} "
                  f"{paint[level]}[{level}]{paint['reset']} {d.message} ({d.name})\n")
            write(_excerpt(d, paint[level], paint["reset"]))
            self.counts[d.severity] += 1

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
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
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
        return f"{gutter}{withheld_notice(d.withheld)}\n" if d.withheld is not None else ""
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
