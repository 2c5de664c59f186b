"""``cablelint check --diff``: what ``--fix`` would change, as a unified diff."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fixed_text(run, path: str, unsafe: bool):
    """(decoded file, fix result), or (E002 diagnostic, None) for a file that can't be read."""
    from .fixes import fix_text

    decoded = run.read(path)
    if not hasattr(decoded, "text"):
        return decoded, None  # never fix a file that could not be decoded
    return decoded, fix_text(decoded.text, path=run.name(path), config=run.settings(path),
                             unsafe=unsafe)


def show_diff(run, unsafe: bool, show_source: bool = False) -> int:
    """Print what --fix would change as a unified diff; exit 1 if anything would change.

    Lines of classified portions are withheld, unless ``show_source``."""
    import difflib

    from .redaction import redact_diff, text_lines, withheld_text_lines

    changed = fixes = 0
    problems = []
    for path in run.files():
        decoded, result = _fixed_text(run, path, unsafe)
        if result is None:
            problems.append(decoded)
            continue
        if not result.changed:
            continue
        changed += 1
        fixes += len(result.applied)
        diff = list(difflib.unified_diff(
            text_lines(result.original), text_lines(result.text),
            fromfile=f"a/{run.name(path)}", tofile=f"b/{run.name(path)}"))
        if not show_source:
            diff = redact_diff(diff, withheld_text_lines(result.original),
                               withheld_text_lines(result.text))
        sys.stdout.writelines(diff)
    for problem in problems:
        print(f"{problem.path}: {problem.code} {problem.message}", file=sys.stderr)
    noun = "file" if changed == 1 else "files"
    print(f"Would apply {fixes} fix{'' if fixes == 1 else 'es'} in {changed} {noun}.",
          file=sys.stderr)
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK
