"""Path patterns of the configuration (``include``, ``exclude``, ``per-file-ignores``).

Patterns are globs over paths relative to the configuration file's folder, written with
``/``: ``*`` and ``?`` stay within one path segment, ``**`` crosses segments, ``[abc]``
is a character class. A pattern without ``/`` matches any single segment, so ``drafts``
matches a folder of that name at any depth and ``*.txt`` any file ending so, as in
``.gitignore``. A pattern matches a folder's path and every path under it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import regex


def matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a ``/``-separated path) or one of its parent folders matches."""
    return _compile(pattern).search(relative) is not None


@lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern:
    glob = pattern.strip().removeprefix("./")
    anchored = "/" in glob.rstrip("/")
    body = _translate(glob.strip("/"))
    start = r"\A" if anchored else r"(?:\A|/)"
    return regex.compile(f"{start}{body}(?:/|\\Z)")


def _translate(glob: str) -> str:
    """A glob as a regular expression fragment."""
    out, i = [], 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in glob[i + 2:]:
            end = glob.index("]", i + 2)
            members = glob[i + 1:end]
            negate = members[:1] in ("!", "^")
            members = members[1:] if negate else members
            members = members.replace("\\", "\\\\").replace("^", "\\^")
            out.append(("[^" if negate else "[") + members + "]")
            i = end + 1
            continue
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)
