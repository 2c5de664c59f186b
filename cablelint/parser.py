"""Loads ``grammar/cable.lark`` once per process and turns normalised text into a Lark tree.

The compiled LALR tables are cached in the user's cache folder (a hook starts a new process
on every commit). A syntax error becomes a :class:`SyntaxError_` with the place in the
normalised text and what was expected, in the format's own words; the parse then goes on past
the broken line so that several problems are reported in one run.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import lark

_GRAMMAR_NAME = "cable.lark"
_MAX_PROBLEMS = 20

# What the parser expected, in cable words, by terminal name.
EXPECTED_WORDS = {
    "PROSIGN": "a precedence prosign (Z, O, P or R)",
    "DTG_TIME": "a date-time group such as 201106Z MAR 08",
    "DTG_MONTH": "the month of the date-time group, such as MAR",
    "DTG_YEAR": "the two-digit year of the date-time group, such as 08",
    "PLAD_TEXT": "the originator, such as AMEMBASSY BEIJING",
    "EO_ORDER": "an executive order number such as 12958",
    "POST_SERIAL": "the post and serial, such as BEIJING 001050",
    "SECTION": "SECTION nn OF nn",
    "_NL": "the end of the line",
    "$END": "the end of the cable",
}


@dataclass(frozen=True, slots=True)
class SyntaxError_:
    """A place the grammar could not read: offset in the normalised text and a message."""

    position: int
    end: int
    message: str


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).parent / "grammar" / _GRAMMAR_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).parent.parent / "grammar" / _GRAMMAR_NAME


def _cache_file(grammar_text: str) -> str | bool:
    """A private, per-user cache file for the compiled tables (False when none can be made)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "cablelint"
    key = grammar_text + lark.__version__ + repr(sorted(_OPTIONS.items()))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o022:
            return False
    except (OSError, AttributeError):
        return False
    return str(folder / f"grammar-{digest}.lark-tables")


# LALR with the contextual lexer. Positions come from the tokens (build.py reads a rule's
# edge tokens), so Lark's propagate_positions, a third of the parse time, is left off.
_OPTIONS = dict(parser="lalr", lexer="contextual", propagate_positions=False,
                maybe_placeholders=False)


@cache
def get_parser() -> lark.Lark:
    """The one Lark instance of this process."""
    text = grammar_path().read_text(encoding="utf-8")
    cache_file = _cache_file(text)
    if cache_file:
        try:
            return lark.Lark(text, cache=cache_file, **_OPTIONS)
        except (OSError, EOFError, ValueError):
            pass
    return lark.Lark(text, **_OPTIONS)


def parse(text: str) -> tuple[lark.Tree, list[SyntaxError_]]:
    """Parse normalised text; on an error, report it, blank the broken line and go on."""
    parser = get_parser()
    problems: list[SyntaxError_] = []
    while True:
        try:
            return parser.parse(text), problems
        except lark.exceptions.UnexpectedInput as error:
            problem = _describe(error, text)
            problems.append(problem)
            blanked = _blank_line(text, problem.position)
            if blanked == text or len(problems) >= _MAX_PROBLEMS:
                return lark.Tree("start", []), problems
            text = blanked


def _describe(error: lark.exceptions.UnexpectedInput, text: str) -> SyntaxError_:
    position = getattr(error, "pos_in_stream", None) or 0
    if isinstance(error, lark.exceptions.UnexpectedToken):
        expected = error.expected
        token = error.token
        position = token.start_pos if token.start_pos is not None else len(text)
        found = "the end of the cable" if token.type == "$END" else _found(str(token))
    else:
        expected = error.allowed or set()
        found = _found(text[position:])
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    words = sorted({EXPECTED_WORDS.get(name, _plain(name)) for name in expected})
    wanted = " or ".join(words[:4]) if words else "something else"
    return SyntaxError_(position, max(end, position + 1), f"expected {wanted}, found {found}")


def _found(rest: str) -> str:
    piece = rest.split("\n", 1)[0].strip()
    if not piece:
        return "the end of the line"
    word = piece.split()[0]
    return f"'{word[:30]}'"


def _plain(terminal: str) -> str:
    return "a " + terminal.strip("_").lower().replace("_", " ")


def _blank_line(text: str, position: int) -> str:
    """Replace the line holding ``position`` with spaces (positions stay where they are)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    if not text[start:end].strip():
        start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
    return text[:start] + re.sub(r"\S", " ", text[start:end]) + text[end:]
