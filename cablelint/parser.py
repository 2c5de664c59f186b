"""Loads ``grammar/cable.lark`` once per process and turns normalised text into a Lark tree.

The compiled LALR tables are cached in the user's cache folder (a hook starts a new process
on every commit). The parse itself runs as one loop over Lark's tables (:class:`_FastParser`:
the same tree in half the time); Lark's own parser reads only the text with a syntax error,
to report it. A syntax error becomes a :class:`SyntaxError_` with the place in the
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
from lark.parsers.lalr_analysis import Shift

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
            return _parse_once(parser, text), problems
        except lark.exceptions.UnexpectedInput as error:
            problem = _describe(error, text)
            problems.append(problem)
            blanked = _blank_line(text, problem.position)
            if blanked == text or len(problems) >= _MAX_PROBLEMS:
                return lark.Tree("start", []), problems
            text = blanked


def _parse_once(parser: lark.Lark, text: str) -> lark.Tree:
    """The tree of ``text``: by the fast loop, else (a syntax error) by Lark, which raises it
    with all its details."""
    fast = _fast_parser()
    try:
        tree = fast(text) if fast is not None else None
    except ValueError:  # a state's lexer laid out otherwise (see _FastParser.pattern)
        tree = None
    return tree if tree is not None else parser.parse(text)


@cache
def _fast_parser():
    """A parse function over the compiled tables of :func:`get_parser`, or None when the
    Lark release lays them out otherwise (Lark's own loop then does all the work)."""
    try:
        return _FastParser(get_parser())
    except (AttributeError, KeyError, ValueError):
        return None


class _FastParser:
    """Lark's LALR parse with its contextual lexer, as one loop over Lark's own tables.

    The same compiled pattern per parser state, the same tokens (with their lines and
    columns), the same tree callbacks, so the same tree; in about half the time, as there are
    no layers of calls per token and no objects for the blanks between tokens or for the line
    ends that no tree keeps. Called on text with a syntax error it returns None: Lark's parse
    then reports the error.
    """

    def __init__(self, parser: lark.Lark):
        frontend = parser.parser
        lalr = frontend.parser.parser
        table, callbacks = lalr.parse_table, lalr.callbacks
        if any(isinstance(key, str) for key in callbacks):
            raise ValueError("token callbacks")
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]
        # state -> [actions, pattern, ignored token types]; an action is (True, next state)
        # for a shift, (False, (length, rule name, callback)) for a reduction. A state's
        # pattern is compiled the first time the state is reached, as Lark's lexer does:
        # compiling them all would cost a single-file run more than its whole parse.
        self.lexers = frontend.lexer.lexers
        self.states = {}
        self.goto = {}  # state -> rule name -> state after reducing to that rule
        for state, row in table.states.items():
            actions = {symbol: (True, arg) if action is Shift else
                       (False, (len(arg.expansion), arg.origin.name, callbacks[arg]))
                       for symbol, (action, arg) in row.items()}
            self.states[state] = [actions, None, self.lexers[state].ignore_types]
            self.goto[state] = {symbol: arg for symbol, (_, arg) in row.items()}
        self.pattern(self.start)  # a Lark that lays its lexers out otherwise fails here
        # terminals that no tree keeps (the line ends): shifted as None, no Token made
        dropped, kept = set(), set()
        for row in table.states.values():
            for action, rule in row.values():
                if action is not Shift:
                    for symbol in rule.expansion:
                        if symbol.is_term:
                            drop = symbol.filter_out and not rule.options.keep_all_tokens
                            (dropped if drop else kept).add(symbol.name)
        self.dropped = frozenset(dropped - kept)

    def pattern(self, state) -> re.Pattern:
        """The compiled pattern of a state's lexer (compiled now if it was not yet)."""
        entry = self.states[state]
        if entry[1] is None:
            lexer = self.lexers[state]
            patterns = lexer.scanner._mres
            if len(patterns) != 1 or not isinstance(patterns[0], re.Pattern) or lexer.callback:
                raise ValueError("lexer layout")
            entry[1] = patterns[0]
        return entry[1]

    def __call__(self, text: str) -> lark.Tree | None:
        states, goto, end_state, dropped = self.states, self.goto, self.end, self.dropped
        new_token = str.__new__
        stack, values = [self.start], []
        position, end, line, line_start = 0, len(text), 1, 0
        while True:
            actions, pattern, ignore = states[stack[-1]]
            if pattern is None:
                pattern = self.pattern(stack[-1])
            if position < end:
                match = pattern.match(text, position)
                if match is None:
                    return None
                kind, value, stop = match.lastgroup, match.group(), match.end()
                column = position - line_start + 1
                newlines = value.count("\n")
                if newlines:
                    line += newlines
                    line_start = position + value.rindex("\n") + 1
                if kind in ignore:
                    position = stop
                    continue
                if kind in dropped:
                    token = None
                else:  # lark.Token(kind, value, position, ...) without its layers of calls
                    token = new_token(lark.Token, value)
                    token.type, token.value, token.start_pos, token.end_pos = (kind, value,
                                                                               position, stop)
                    token.line, token.column = line - newlines, column
                    token.end_line, token.end_column = line, stop - line_start + 1
                position = stop
            else:
                kind, token = "$END", None  # (never shifted: its value is not used)
            while True:  # reduce while the token asks for it, then shift it
                action = actions.get(kind)
                if action is None:
                    return None
                shift, arg = action
                if shift:
                    if kind == "$END":
                        return None
                    stack.append(arg)
                    values.append(token)
                    break
                length, rule, callback = arg
                children = values[-length:] if length else []
                if length:
                    del stack[-length:], values[-length:]
                stack.append(goto[stack[-1]][rule])
                values.append(callback(children))
                if kind == "$END" and stack[-1] == end_state:
                    return values[-1]
                actions = states[stack[-1]][0]


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
