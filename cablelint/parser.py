"""Loads ``grammar/cable.lark`` once per process and turns normalised text into a parse tree.

The compiled LALR tables are cached in the user's cache folder (a hook starts a new process
on every commit). The parse itself runs as one loop over Lark's tables (:class:`_FastParser`:
the same tree in half the time, made of this module's light :class:`Tree` and :class:`Token`,
which compare equal to Lark's); Lark itself is imported only to build the cached tables and
to read the text with a syntax error, which it reports. A syntax error becomes a :class:`SyntaxError_` with the place in the
normalised text and what was expected, in the format's own words; the parse then goes on past
the broken line so that several problems are reported in one run.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from functools import cache, partial
from typing import NamedTuple

from . import regex
from .diagnostics import same_kind_equality

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


class SyntaxError_(NamedTuple):
    """A place the grammar could not read: offset in the normalised text and a message."""

    position: int
    end: int
    message: str


same_kind_equality(SyntaxError_)


class Tree:
    """A node of the parse tree: the grammar rule's name (``data``) and its ``children``
    (trees and tokens). Equal to Lark's tree of the same text; Lark's parse (text with a
    syntax error) gives Lark's own trees, which have the same attributes."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list):
        self.data, self.children = data, children

    def __eq__(self, other) -> bool:
        try:
            return self.data == other.data and self.children == other.children
        except AttributeError:
            return False

    def __hash__(self) -> int:
        return hash((self.data, tuple(self.children)))

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"

    def scan_values(self, predicate):
        """The tokens (and other non-tree children) under this tree that ``predicate``
        accepts, depth first, as Lark's ``Tree.scan_values``."""
        for child in self.children:
            if isinstance(child, Tree):
                yield from child.scan_values(predicate)
            elif predicate(child):
                yield child


class Token(str):
    """A token: its text, the terminal's name (``type``) and its place in the normalised
    text, as Lark's ``Token`` has them. The line and column, which the model does not read
    (it maps offsets itself), are counted in the text when asked for: the parse loop then
    need not follow the line ends."""

    __slots__ = ("type", "start_pos", "end_pos", "_text")

    @property
    def value(self) -> str:
        return str(self)

    def _line_of(self, offset: int) -> int:
        return self._text.count("\n", 0, offset) + 1

    def _column_of(self, offset: int) -> int:
        return offset - self._text.rfind("\n", 0, offset)

    line = property(lambda self: self._line_of(self.start_pos))
    column = property(lambda self: self._column_of(self.start_pos))
    end_line = property(lambda self: self._line_of(self.end_pos))
    end_column = property(lambda self: self._column_of(self.end_pos))


def is_token(node) -> bool:
    """Whether a child of a tree is a token (this module's or Lark's: both are strings)."""
    return isinstance(node, str)


def grammar_path() -> str:
    """The grammar file: inside the installed package, or at the top of a source checkout.
    (A plain path: pathlib costs a one-file run more than it gives.)"""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "grammar", _GRAMMAR_NAME)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(here), "grammar", _GRAMMAR_NAME)


def grammar_text() -> str:
    """The text of the grammar file."""
    with open(grammar_path(), encoding="utf-8") as stream:
        return stream.read()


def _cache_file(grammar_text: str) -> str | bool:
    """A private, per-user cache file for Lark's tables (False when none can be made)."""
    import hashlib

    import lark

    from . import usercache

    folder = usercache.folder()
    if folder is None:
        return False
    key = grammar_text + lark.__version__ + repr(sorted(_OPTIONS.items()))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return os.path.join(folder, f"grammar-{digest}.lark-tables")


# LALR with the contextual lexer. Positions come from the tokens (build.py reads a rule's
# edge tokens), so Lark's propagate_positions, a third of the parse time, is left off.
_OPTIONS = dict(parser="lalr", lexer="contextual", propagate_positions=False,
                maybe_placeholders=False)


@cache
def get_parser():
    """The one Lark instance of this process."""
    import lark

    text = grammar_text()
    cache_file = _cache_file(text)
    if cache_file:
        try:
            parser = lark.Lark(text, cache=cache_file, **_OPTIONS)
        except (OSError, EOFError, ValueError):
            pass
        else:
            from . import usercache

            usercache.mark_used(cache_file)  # (Lark's file: kept while in use)
            return parser
    return lark.Lark(text, **_OPTIONS)


def parse(text: str) -> tuple[Tree, list[SyntaxError_]]:
    """Parse normalised text; on an error, report it, blank the broken line and go on."""
    problems: list[SyntaxError_] = []
    while True:
        try:
            return _parse_once(text), problems
        except Exception as error:  # (Lark, imported only for a syntax error, raised it)
            from lark.exceptions import UnexpectedInput

            if not isinstance(error, UnexpectedInput):
                raise
            problem = _describe(error, text)
            problems.append(problem)
            blanked = _blank_line(text, problem.position)
            if blanked == text or len(problems) >= _MAX_PROBLEMS:
                return Tree("start", []), problems
            text = blanked


def _parse_once(text: str) -> Tree:
    """The tree of ``text``: by the fast loop, else (a syntax error) by Lark, which raises it
    with all its details (the Lark instance is loaded only then)."""
    fast = _fast_parser()
    try:
        tree = fast(text) if fast is not None else None
    except ValueError:  # a state's lexer laid out otherwise (see _FastParser.pattern)
        tree = None
    return tree if tree is not None else get_parser().parse(text)


@cache
def _fast_parser():
    """A parse function over the grammar's tables (:func:`_parse_tables`), or None when the
    Lark release lays them out otherwise (Lark's own loop then does all the work)."""
    try:
        return _FastParser(_parse_tables())
    except (AttributeError, KeyError, ValueError, TypeError, IndexError):
        return None


# The layout of the cached parse tables; a new layout gets a new key.
_TABLES_LAYOUT = 1


def _parse_tables() -> dict:
    """The parse tables in plain data (see :func:`_tables_of`): from the user's cache folder,
    else from Lark, then cached there. Read from the cache, a clean cable needs no Lark
    instance and no lexer of Lark's: loading them costs more than the lint of the file."""
    from . import __version__, usercache

    text = grammar_text()
    key = "|".join((text, _lark_version(), repr(sorted(_OPTIONS.items())), __version__,
                    str(_TABLES_LAYOUT), sys.version))
    folder = usercache.folder()
    path = None
    if folder is not None:
        path = os.path.join(folder, f"parse-tables-{zlib.crc32(key.encode()):08x}.marshal")
        tables = usercache.read(path, key)
        if isinstance(tables, dict):
            return tables
    tables = _tables_of(get_parser(), patterns=path is not None)
    if path is not None and usercache.write(path, key, tables):
        usercache.prune(path, "parse-tables-")  # (those of other versions)
        usercache.prune(path, "grammar-")  # (Lark's own, see get_parser)
    return tables


def _lark_version() -> str:
    """The installed Lark's version, read from its ``__init__.py`` without importing it
    (importing Lark costs a one-file run a fifth of its time); imported when not found so."""
    for folder in sys.path:
        path = os.path.join(folder or ".", "lark", "__init__.py")
        try:
            with open(path, encoding="utf-8") as stream:
                found = re.search(r"^__version__\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]",
                                  stream.read(), re.MULTILINE)
        except (OSError, ValueError):
            continue
        if found:
            return f"{found.group(1)}@{path}"
        break
    import lark

    return f"{lark.__version__}@{lark.__file__}"


def _tables_of(parser, patterns: bool) -> dict:
    """What :class:`_FastParser` needs of a Lark parser, as plain data: the start and end
    states; per state its actions (``(True, next state)`` for a shift, ``(False, rule
    number)`` for a reduction), its lexer's ignored tokens and the number of its lexer's
    pattern; the patterns (``(text, flags)``, None for a lexer laid out otherwise); the
    rules (length, name and the tree they make, see :func:`_rule_shape`); the tokens no tree
    keeps. Without ``patterns`` the lexers are kept as they are, to be compiled when first
    reached, as Lark's lexer does (what is not cached need not be compiled now)."""
    from lark.parsers.lalr_analysis import Shift

    frontend = parser.parser
    lalr = frontend.parser.parser
    table, callbacks = lalr.parse_table, lalr.callbacks
    if any(isinstance(key, str) for key in callbacks):
        raise ValueError("token callbacks")
    rules, rule_numbers, sources, source_numbers, states = [], {}, [], {}, {}
    dropped, kept = set(), set()
    for state, row in table.states.items():
        actions = {}  # (names are plain str: a fresh grammar names things with Tokens)
        for symbol, (action, arg) in row.items():
            if action is Shift:
                actions[str(symbol)] = (True, int(arg))
                continue
            if arg not in rule_numbers:
                rule_numbers[arg] = len(rules)
                rules.append((len(arg.expansion), str(arg.origin.name),
                              *_rule_shape(callbacks[arg])))
                for item in arg.expansion:
                    if item.is_term:
                        drop = item.filter_out and not arg.options.keep_all_tokens
                        (dropped if drop else kept).add(str(item.name))
            actions[str(symbol)] = (False, rule_numbers[arg])
        lexer = frontend.lexer.lexers[state]
        if id(lexer) not in source_numbers:
            source_numbers[id(lexer)] = len(sources)
            sources.append(_lexer_source(lexer) if patterns else lexer)
        states[int(state)] = (actions, tuple(map(str, lexer.ignore_types)),
                              source_numbers[id(lexer)])
    return {"start": int(table.start_states["start"]), "end": int(table.end_states["start"]),
            "states": states, "patterns": sources, "rules": rules,
            "dropped": sorted(dropped - kept)}


def _rule_shape(callback) -> tuple:
    """(tree name, whether a single child stands for the tree, the children kept as
    ``(index, whether its children are spliced in)`` or None for all) of Lark's tree
    callback of a rule; a ValueError for a callback of another make."""
    import lark
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild

    kept = None
    if isinstance(callback, ChildFilterLALR_NoPlaceholders):
        kept = [(int(index), bool(splice)) for index, splice in callback.to_include]
        callback = callback.node_builder
    single = isinstance(callback, ExpandSingleChild)
    if single:
        callback = callback.node_builder
    if not (isinstance(callback, partial) and callback.func is lark.Tree
            and len(callback.args) == 1 and not callback.keywords):
        raise ValueError("tree callback")
    return str(callback.args[0]), single, kept


def _kept_children(length: int, single: bool, kept: list | None):
    """How a rule of that shape (see :func:`_rule_shape`) keeps its children, as Lark's own
    callback: a slice of the parse stack's values for all of them or a stretch of them (its
    bounds counted from the top of the stack, where the rule's ``length`` children are),
    :func:`_append` for a list's rule, else a function of the rule's children that keeps
    those listed and splices in the children of the inlined rules."""
    kept = [(index, False) for index in range(length)] if kept is None else list(map(tuple, kept))
    if not kept:
        return slice(0, 0)
    first = kept[0][0]
    if kept == [(index, False) for index in range(first, first + len(kept))]:
        return slice(first - length, first + len(kept) - length or None)
    if kept == [(0, True), (1, False)] and length == 2 and not single:
        return _append

    def filtered(children: list) -> list:  # (Lark's own)
        chosen = []
        for index, splice in kept:
            if not splice:
                chosen.append(children[index])
            elif chosen:
                chosen += children[index].children
            else:  # (Lark's own shortcut for left recursion: the list is taken over)
                chosen = children[index].children
        return chosen

    return filtered


def _append(children: list) -> list:
    """The children of a list's rule (``items: items item``): those of the list so far, then
    the new item (Lark's callback takes the list over). The parse loop appends to the list's
    tree itself instead of making a new tree for its list (see _FastParser.__call__)."""
    chosen = children[0].children
    chosen.append(children[1])
    return chosen


def _lexer_source(lexer) -> tuple[str, int] | None:
    """The text and flags of a lexer's one pattern, or None when the lexer is laid out
    otherwise (several patterns, token callbacks, another engine than ``re``)."""
    patterns = lexer.scanner._mres
    if (len(patterns) != 1 or not isinstance(patterns[0], re.Pattern) or lexer.callback
            or lexer.re is not re or lexer.use_bytes):
        return None
    return str(patterns[0].pattern), int(lexer.g_regex_flags)


class _FastParser:
    """Lark's LALR parse with its contextual lexer, as one loop over Lark's own tables.

    The same pattern per parser state, the same tokens, the same tree callbacks, so the same
    tree; in a fraction of the time, as there are no layers of calls per token or per rule,
    no objects for the blanks between tokens or for the line ends that no tree keeps, and no
    count of lines (see :class:`Token`). Called on text with a syntax error it returns None:
    Lark's parse then reports the error.
    """

    def __init__(self, tables: dict):
        # A state is [actions, compiled pattern, ignored token types, goto, pattern number]:
        # an action is (True, next state) for a shift, (False, (length, rule name, whether a
        # single child stands for the tree, the children kept: see _kept_children)) for a
        # reduction; goto maps a rule name to the state after reducing to it. The parse
        # stack holds the states themselves, not their numbers: one look-up less per step.
        # A state's pattern is compiled the first time the state is reached, as Lark's
        # lexer does: a single-file run reaches about half of them.
        reductions = [(False, (length, name, single, _kept_children(length, single, kept)))
                      for length, name, _, single, kept in tables["rules"]]
        self.sources = tables["patterns"]
        self.compiled = [None] * len(self.sources)
        self.states = {state: [None, None, frozenset(ignore), {}, source]
                       for state, (_, ignore, source) in tables["states"].items()}
        for state, (actions, _, _) in tables["states"].items():
            entry = self.states[state]
            entry[0] = {symbol: (True, self.states[arg]) if shift else reductions[arg]
                        for symbol, (shift, arg) in actions.items()}
            entry[3].update((symbol, self.states[arg])
                            for symbol, (shift, arg) in actions.items() if shift)
            if "$END" in actions and actions["$END"][0]:
                raise ValueError("$END shifted")  # (the loop below never shifts it)
        self.start, self.end = self.states[tables["start"]], self.states[tables["end"]]
        if "$END" in self.end[0]:
            raise ValueError("end state with an action")  # (the loop stops there)
        self.pattern(self.start)  # lexers laid out otherwise fail here
        self.dropped = frozenset(tables["dropped"])

    def pattern(self, state: list) -> re.Pattern:
        """The compiled pattern of a state's lexer (compiled now if it was not yet)."""
        if state[1] is None:
            number = state[4]
            compiled = self.compiled[number]
            if compiled is None:
                source = self.sources[number]
                if source is not None and not isinstance(source, tuple):  # Lark's lexer
                    source = _lexer_source(source)
                if source is None:
                    raise ValueError("lexer layout")
                compiled = self.compiled[number] = regex.compile(*source)
            state[1] = compiled
        return state[1]

    def __call__(self, text: str) -> Tree | None:
        dropped, end_state = self.dropped, self.end
        new_tree = object.__new__
        state = self.start
        stack, values = [state], []
        position, end = 0, len(text)
        while True:
            actions, pattern, ignore, _, _ = state
            if pattern is None:
                pattern = self.pattern(state)
            match = pattern.match(text, position)
            if match is not None:
                kind = match.lastgroup
                stop = match.end()
                if kind in ignore:
                    position = stop
                    continue
                if kind in dropped:
                    token = None
                else:  # (attributes set here: Token has no Python-level __init__ to call)
                    token = Token(match.group())
                    token.type = kind
                    token.start_pos = position
                    token.end_pos = stop
                    token._text = text
                position = stop
            elif position < end:
                return None
            else:
                kind = "$END"  # (never shifted: checked in __init__)
            while True:  # reduce while the token asks for it, then shift it
                action = actions.get(kind)
                if action is None:  # the end of the text in the end state, or an error
                    return values[-1] if state is end_state and kind == "$END" else None
                shift, arg = action
                if shift:
                    state = arg
                    stack.append(state)
                    values.append(token)
                    break
                length, rule, single, kept = arg  # (kept as Lark's tree callback keeps them)
                if kept is _append and values[-2].data == rule:  # (the list's tree, longer)
                    value = values[-2]
                    value.children.append(values[-1])
                    del stack[-2:], values[-2:]
                else:
                    children = values[kept] if kept.__class__ is slice else kept(values[-length:])
                    if length:
                        del stack[-length:], values[-length:]
                    if single and len(children) == 1:
                        value = children[0]
                    else:  # Tree(rule, children) without a Python-level __init__
                        value = new_tree(Tree)
                        value.data, value.children = rule, children
                state = stack[-1][3][rule]
                stack.append(state)
                values.append(value)
                actions = state[0]


def _describe(error, text: str) -> SyntaxError_:
    """A SyntaxError_ in the format's words for Lark's ``UnexpectedInput`` error."""
    from lark.exceptions import UnexpectedToken

    position = getattr(error, "pos_in_stream", None) or 0
    if isinstance(error, UnexpectedToken):
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
