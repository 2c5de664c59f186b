"""``--format text``: one line per finding, then a summary; colour on a terminal only."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Severity


def _palette(color: bool) -> dict[str, str]:
    if not color:
        return {"path": "", "code": "", "error": "", "warning": "", "info": "", "reset": ""}
    from colorama import Fore, Style

    return {"path": Style.BRIGHT, "code": Fore.RED + Style.BRIGHT, "error": Fore.RED,
            "warning": Fore.YELLOW, "info": Fore.CYAN, "reset": Style.RESET_ALL}


def report(diagnostics, stream, *, color: bool = False, files=(), fixed=(), **context) -> None:
    paint = _palette(color)
    for applied in fixed:
        d = applied.diagnostic
        stream.write(f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
                     f"{d.code} [fixed] {d.message}: {applied.description} ({d.name})\n")
    for d in diagnostics:
        level = d.severity.label
        stream.write(
            f"{paint['path']}{d.path}:{d.line}:{d.column}:{paint['reset']} "
            f"{paint['code']}{d.code}{paint['reset']} "
            f"{paint[level]}[{level}]{paint['reset']} {d.message} ({d.name})\n")
    counts = Counter(d.severity for d in diagnostics)
    files = len(files)
    noun = "file" if files == 1 else "files"
    if fixed:
        stream.write(f"Fixed {len(fixed)} problem{'' if len(fixed) == 1 else 's'}.\n")
    if not diagnostics:
        stream.write(f"All checks passed ({files} {noun}).\n")
        return
    parts = [f"{counts[s]} {s.label}{'' if counts[s] == 1 else 's'}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
    total = len(diagnostics)
    stream.write(f"Found {total} problem{'' if total == 1 else 's'} "
                 f"({', '.join(parts)}) in {files} {noun}.\n")
