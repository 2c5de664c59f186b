"""The body as the P and S rules read it: portions, headings, lists, signature, delimiters.

The grammar gives the body as a list of items: numbered or marked paragraphs, free blocks
(text up to a blank line) and ``NNNN``. This module says what each free block is:

* a **heading** (``Review of Open Cases``, ``SUMMARY`` between rule lines, a line of dashes);
* a **continuation** of the paragraph above: the text resumes after a blank line, as at a page
  break of the release. A block continues the paragraph when a page line stood between them,
  when it starts with a lower-case letter, or when the paragraph stops mid-sentence (its text
  ends in a letter, a digit, a comma, a colon, a semicolon or a hyphen; after a list item only
  a page line or a lower-case start continues);
* a **list item** or sub-paragraph of the paragraph above (``-- ...``, ``a. ...``, ``(1) ...``);
* **furniture**: header or transmission lines repeated in the body by the release (``TAGS:``,
  ``E.O. 12958``, ``DE RUEHC #0123``, ``id: 123``), "Classified By" fragments, the "Visit ...
  Classified Web Site" notice, ``CABLE ENDS`` lines;
* the **signature** (the last block: one or two upper-case surnames, ``RANDT``);
* **numbered**: a paragraph whose number the grammar did not take (``2.Details``,
  ``5, (C) ...``);
* **prose**: text that reads as a paragraph (80 characters or more, or a sentence of four or
  more words) and is none of the above: an unnumbered paragraph of its own;
* anything else (a short line) is **other**.

A number that the line wrapping put at the start of a line (``... on November`` / ``8. He
said ...``: no blank line before it, the line above stops mid-sentence, and it is not the next
paragraph number) is text, not a paragraph: it continues the portion above.

A *portion* is a numbered or marked paragraph, or a numbered or prose block, together with the
continuations and list items that follow it. The reading is made once per cable and shared by
the rules (see :func:`read_body`).

Delimiters (``Summary:`` ... ``End Summary.``, ``Comment`` / ``End Comment``, ``Note`` /
``End Note`` and compound forms such as ``Summary and Comment``) are found by
:func:`delimiters` in the original text of the body items.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from . import codes, regex
from .diagnostics import Span, maker, same_kind_equality
from .model import Block, Cable, EndOfMessage, Paragraph
from .normalise import PAGE_LINE, OffsetMap

# --- kinds of free block ------------------------------------------------------------------

HEADING = "heading"
CONTINUATION = "continuation"
LIST_ITEM = "list-item"
FURNITURE = "furniture"
SIGNATURE = "signature"
PROSE = "prose"
NUMBERED = "numbered"
OTHER = "other"

_RULE_CHARS = frozenset("-=_*~#+")
_RULE_CHARS_AND_BLANK = "-=_*~#+ \t."  # (a string: for str.lstrip and str.rstrip)
_RULE_ENDS = frozenset("-=_*~#+.")  # what :func:`_trim_rules` may take off a stripped line
_RULE_RUN = regex.compile(r"[-=_*~#+] ?[-=_*~#+] ?[-=_*~#+]")
_INLINE_HEADING = regex.compile(r"[^\n]{1,120}?[^\S\n]?[-=_*]{3,}(?:[^\S\n]+[-=_*]{1,})*[^\S\n]*")
_BULLET = regex.compile(
    r"(?:-{1,3}|\*|o|\u2022|\u00b7|>|\+|=)[^\S\n]?"
    r"|(?:[A-Za-z]|[ivxIVX]{1,4}|\d{1,2})[.)][^\S\n]"
    r"|\((?:[A-Za-z]|[ivxIVX]{1,4}|\d{1,2})\)[^\S\n]?"
)
_RUN_IN_HEAD = regex.compile(r"[A-Z][^\n.:;]{0,40}?[^\S\n]-{1,2}[^\S\n]+(?=[A-Z])")  # "Unity first - The"
_FURNITURE = regex.compile(
    r"(?:SIPDIS|NOFORN|NODIS|EXDIS|TAGS?\b|E\.?[^\S\n]?O\.?[^\S\n]*\d|SUBJ(?:ECT)?[^\S\n]*:"
    r"|REFS?[^\S\n]*:|(?:\(U\)[^\S\n]*)?(?:TEXT[^\S\n]+)?CLASS?IFIED[^\S\n]+BY\b|DERIVED FROM\b"
    r"|DECL(?:ASSIFY)?[^\S\n]*(?:ON)?[^\S\n]*:|(?:ref)?id:|DE[^\S\n]+R[A-Z]{3,}|VZCZC|ZN[YR][^\S\n]"
    r"|(?:ACTION|INFO|ORIGIN)[^\S\n]+[A-Z]+-\d\d"
    r"|(?:PLEASE[^\S\n]+)?VISIT\b[\s\S]{0,120}?(?:WEB[^\S\n]?SITE|FORUM|PORTAL|WIKI|HTTP|\.GOV)"
    r"|REFS?[^\S\n]+[A-Z][.)]?[^\S\n]+\d|(?:-[^\S\n]*)*CORRECTED[^\S\n]+COPY"
    r"|[-=*#\s]*(?:CABLE ENDS|END (?:OF )?CABLE)"
    r"|\d{4,}[,\t][^\n]*\d{1,2}/\d{1,2}/\d{4}|[A-Z/]+,\d\d[A-Z]+\d+,"
    r"|(?:SENSITIVE BUT UNCLASSIFIED|SBU)[^\S\n]*[-.,;:]|(?:PLEASE[^\S\n]+)?DO NOT POST\b"
    r"|(?:THIS (?:CABLE|MESSAGE|TELEGRAM) IS )?NOT FOR (?:INTERNET|PUBLIC)\b"
    r"|THIS (?:CABLE|MESSAGE|TELEGRAM)[^\n]{0,20}(?:SENSITIVE|UNCLASSIFIED|SBU)\b)",
    re.IGNORECASE,
)
_WEBSITE_NOTICE = regex.compile(r"classified[^\S\n]+web[^\S\n]?site|\.sgov\.gov", re.IGNORECASE)
# a paragraph number the grammar did not take: "2.Details ...", "5, (C) ...", "5 . (C) ..."
NUMBER_START = regex.compile(r"(\d{1,3})(?:[.,][^\S\n]*(?=[A-Z(\"])|[^\S\n]+[.,][^\S\n]*(?=\())")
_SENTENCE_END = frozenset(".?!\"')]\u201d\u2019>*")
_SIGNATURE_WORD = regex.compile(r"[A-Z][A-Za-z'\-]*[A-Za-z]\.?|[A-Z]\.")
_SIGNATURE_SUFFIXES = frozenset({"JR", "JR.", "SR", "SR.", "II", "III", "IV"})
_NAME_PARTICLES = frozenset({"VAN", "VON", "DE", "DEL", "DA", "DI", "LA", "LE", "ST.", "MC",
                             "van", "von", "de", "del", "da", "di", "la", "le"})
_NOT_NAMES = frozenset({"END", "NNNN", "BT", "SIPDIS", "NOFORN", "UNCLASSIFIED", "CONFIDENTIAL",
                        "SECRET", "SENSITIVE", "SUMMARY", "COMMENT", "NOTE", "TEXT", "UNQUOTE",
                        "QUOTE", "MINIMIZE", "CONSIDERED", "PARA", "AND", "THE", "OF", "FOR",
                        "CABLE", "ENDS", "CLASSIFIED", "BY"})
_MARK_IN_OPENING = regex.compile(r"\((?:U|C|S|TS|SBU)(?:[^\S\n]?/[^)\n]*)?\)", re.IGNORECASE)
_TABLE_GAP = regex.compile(r"\S[^\S\n]{3,}\S")
_BEGIN_END_LINE = regex.compile(r"(?:BEGIN|END)[^\S\n]+[^\n]{0,60}")
# a mark with a bracket missing or a comma for the number's period (P005 reports these)
BROKEN_MARK = regex.compile(
    r"(?:\d{1,3}[^\S\n]*[,.]?[^\S\n]*)?(?:\((?P<open>U|C|S|TS|SBU)(?:/+[A-Z]+)?(?=[^\S\n)/A-Za-z])"
    r"|(?P<close>U|C|S|TS|SBU)(?:/+[A-Z]+)?\))")
_LABEL_ONLY = regex.compile(
    r"(?:[A-Z][A-Za-z]*[^\S\n]+){0,2}(?:Summary|SUMMARY|Comment|COMMENT|Note|NOTE)"
    r"(?:[^\S\n]+(?:and|AND)[^\S\n]+[A-Za-z]+)?[^\S\n]*[:.\-]*")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with vs via de la".split())


def has_rule(text: str) -> bool:
    """A run of three rule characters somewhere in ``text``."""
    return _RULE_RUN.search(text) is not None


def without_rules(text: str) -> str:
    """``text`` without rule lines and without rule runs at either end of a line."""
    if not has_rule(text):
        return text.strip()
    return _trim_lines(text)


def _trim_lines(text: str) -> str:
    """``text`` with every line trimmed of its rule runs, lines left empty taken out."""
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        if line and (line[0] in _RULE_ENDS or line[-1] in _RULE_ENDS):
            line = _trim_rules(line)  # (a line with no rule character at either end stays)
        if line:
            kept.append(line)
    return "\n".join(kept)


def _trim_rules(line: str) -> str:
    """A line without rule runs at its ends: a leading run of four or more rule characters
    (or three with blanks between, ``- - -``; ``--`` and ``---`` start list items) and a trailing
    run of three or more."""
    stripped = line.strip()
    rest = stripped.lstrip(_RULE_CHARS_AND_BLANK)
    if not rest:
        return ""  # a rule line
    if len(rest) < len(stripped):
        run = stripped[:len(stripped) - len(rest)]
        count = _rule_count(run) if len(run) >= 3 else 0
        if count >= 4 or (count >= 3 and " " in run.strip()):
            stripped = rest
    kept = stripped.rstrip(_RULE_CHARS_AND_BLANK)
    if len(stripped) - len(kept) >= 3 and _rule_count(stripped[len(kept):]) >= 3:
        return kept.rstrip()
    return stripped


def _rule_count(run: str) -> int:
    """The rule characters in a run of rule characters, blanks and periods."""
    return len(run) - run.count(" ") - run.count("\t") - run.count(".")


def is_prose(text: str) -> bool:
    """Reads as running text: a sentence of four or more words, or 80 characters or more of
    text that is not a list of short lines (names, a participants list)."""
    stripped = text.strip()
    if stripped.endswith((".", "?", "!", '."')) and len(stripped.split()) >= 4:
        return True
    if len(stripped) < 80:
        return False
    if "\n" not in stripped or ". " in stripped:
        return True
    return any(len(line) >= 50 for line in stripped.split("\n"))


def is_signature(text: str, *, mixed_case: bool = False) -> bool:
    """One line of one or two surnames in capitals (``RANDT``, ``VAN VOORST``, ``TIMKEN JR``).

    With ``mixed_case`` a capitalised name (``Beyrle``, ``van Voorst``) counts too.
    """
    stripped = text.strip().rstrip('"\\. ').strip()
    if not stripped or "\n" in stripped or len(stripped) > 40:
        return False
    words = [w for w in stripped.split() if w.upper() not in _SIGNATURE_SUFFIXES]
    names = [w for w in words if w not in _NAME_PARTICLES]
    if not 1 <= len(names) <= 2 or any(w.upper() in _NOT_NAMES for w in names):
        return False
    if not all(_SIGNATURE_WORD.fullmatch(w) for w in names):
        return False
    return mixed_case or all(w == w.upper() for w in words)


def has_mark_in_opening(text: str | None, length: int = 60) -> bool:
    """A portion mark somewhere in the first ``length`` characters (``Summary: (SBU) ...``)."""
    return bool(text) and bool(_MARK_IN_OPENING.search(text[:length]))


def ends_mid_sentence(text: str) -> bool:
    """The text stops without closing its sentence (last character a letter, digit, ``,:;-``)."""
    stripped = text.rstrip()
    if not stripped:
        return False
    last = stripped[-1]
    return last not in _SENTENCE_END and (last.isalnum() or last in ",:;-(/&")


def starts_lower_case(text: str) -> bool:
    """The first word starts with a lower-case letter (a redaction run ``xxxxx`` does not count)."""
    stripped = text.lstrip(" \t\"'(\u201c")
    if not stripped or not stripped[0].islower():
        return False
    return not stripped.startswith("xxx")


# --- the reading of one cable ---------------------------------------------------------------


class Portion(NamedTuple):
    """A paragraph (or prose block) with the blocks that belong to it (a named tuple, as
    :class:`Delimiter`: a cable has dozens)."""

    head: Paragraph | Block
    parts: tuple[Block | Paragraph, ...] = ()  # continuations, list items, wrapped numbers


class Body(NamedTuple):
    """One cable's body: its items before ``NNNN``, the kind of every block, the portions."""

    items: tuple[Paragraph | Block, ...]
    kinds: dict[int, str]  # id(block) -> kind
    portions: tuple[Portion, ...]
    signature: Block | None
    end_of_message: EndOfMessage | None
    wrapped: frozenset[int] = frozenset()  # id() of paragraphs whose "number" is wrapped text
    # the numbered paragraphs, without numbers that are wrapped text ("November" / "8. He said")
    numbered_paragraphs: tuple[Paragraph, ...] = ()

    def kind(self, block: Block) -> str:
        return self.kinds[id(block)]

    @property
    def span(self) -> Span | None:
        """From the first body item to the last one (``NNNN`` and trailers excluded)."""
        if not self.items:
            return None
        first, last = self.items[0].span, self.items[-1].span
        return Span(first.line, first.column, last.end_line, last.end_column, first.start,
                    last.end)


same_kind_equality(Body)

_portion = maker(Portion)  # (every field given: see diagnostics.maker)


_last: list = [None, None]  # the most recent (cable, body): the rules of one cable share it


def read_body(cable: Cable) -> Body:
    """The body of ``cable``, read once and shared by the rules that lint the same cable."""
    if _last[0] is cable:
        return _last[1]
    body = _read(cable)
    _last[0], _last[1] = cable, body
    return body


def _read(cable: Cable) -> Body:
    items = []
    end_of_message = None
    for item in cable.body:
        if isinstance(item, EndOfMessage):
            end_of_message = item
            break
        if isinstance(item, (Paragraph, Block)):
            items.append(item)
    page_lines = [a.start for a in cable.artifacts if a.kind == PAGE_LINE]
    kinds: dict[int, str] = {}
    signature = _signature(items)
    portions: list[list] = []
    current = None  # the blocks that a continuation or list item would join
    wrapped = set()
    numbered = []
    expected = 1  # the next paragraph number
    original = cable.original
    for item in items:
        if isinstance(item, Paragraph):
            value = item.value
            if (value is not None and value != expected and current is not None
                    and _wrapped_number(original, current[-1], item)):
                wrapped.add(id(item))  # "... on November\n¶8. He said": a date, not para 8
                current.append(item)
                continue
            if value is not None:
                expected = value + 1
            if item.number is not None:
                numbered.append(item)
            current = [item]
            portions.append(current)
            continue
        if item is signature:
            kinds[id(item)] = SIGNATURE
            current = None
            continue
        kind = _block_kind(item, current, page_lines, kinds)
        kinds[id(item)] = kind
        if kind in (CONTINUATION, LIST_ITEM):
            current.append(item)
        elif kind in (PROSE, NUMBERED):
            current = [item]
            portions.append(current)
        elif kind == OTHER:
            current = [item]  # a fragment: what continues it is not a portion either
        elif kind == HEADING:
            current = None
    return Body(tuple(items), kinds,
                tuple([_portion((p[0], tuple(p[1:]))) for p in portions]), signature,
                end_of_message,
                frozenset(wrapped), tuple(numbered))


def _wrapped_number(original: str, previous, paragraph: Paragraph) -> bool:
    """A number that the line wrapping put at the start of a line (``... on November`` /
    ``8. He also ...``): no blank line before it, and the line before stops mid-sentence."""
    between = original[previous.span.end:paragraph.span.start]
    text = previous.text.text if previous.text else ""
    return between.count("\n") == 1 and ends_mid_sentence(text)


def _signature(items: list) -> Block | None:
    """The last block, when it reads as a signature (mixed-case names included)."""
    for item in reversed(items):
        if isinstance(item, Paragraph):
            return None
        text = without_rules(item.text.text)
        if not text or _FURNITURE.match(text):
            continue
        return item if is_signature(text, mixed_case=True) else None
    return None


def is_title(line: str) -> bool:
    """One line that reads as a title: capitals, or most words capitalised, no closing period."""
    stripped = line.strip()
    if not stripped or len(stripped) > 160 or "\n" in stripped or stripped[0].islower():
        return False
    if (stripped[-1] == "." and not stripped.endswith(("...", ". ."))
            and "." not in stripped[stripped.rfind(" ") + 1:-1]):
        return False  # a sentence (but "MOD Visit to U.S." is a title)
    if stripped.isupper():
        return True
    if len(stripped) > 100:
        return False
    words = [w for w in stripped.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    return sum(1 for w in words if w[0].isupper()) * 3 >= len(words) * 2


def opening_text(text: str) -> str:
    """The text of a block, without rule lines and without a run-in heading (``IRAN ---- x``)."""
    if not has_rule(text):
        return text.strip()
    return _opening(text)


def _opening(text: str) -> str:
    """:func:`opening_text` of a text with rules in it."""
    plain = _trim_lines(text)  # (without_rules, its test made)
    if not has_rule(plain):
        return plain
    heading = _INLINE_HEADING.match(plain)
    if heading and heading.end() < len(plain) and is_title(plain[:heading.end()].rstrip(" -=_*")):
        return plain[heading.end():]
    return plain


def is_table(text: str) -> bool:
    """Lines laid out in columns: most of them have a gap of three or more blanks inside."""
    if "   " not in text:
        return False
    lines = text.split("\n")
    return sum(1 for line in lines if _TABLE_GAP.search(line)) * 2 > len(lines)


def is_label_only(text: str) -> bool:
    """Paragraph text that is only a label (``Comment.``, ``Summary:``): its text follows."""
    stripped = text.strip()
    return len(stripped) <= 40 and bool(_LABEL_ONLY.fullmatch(stripped))


def _block_kind(block: Block, current: list | None, page_lines: list[int],
                kinds: dict[int, str]) -> str:
    text = block.text.text
    ruled = has_rule(text)
    plain = _opening(text) if ruled else text.strip()  # (opening_text, its test made)
    if not plain:
        return HEADING
    if _FURNITURE.match(plain) or (len(plain) < 400 and _is_website_notice(plain)):
        return FURNITURE
    if ruled and plain != text.strip() and "\n" not in plain and not plain.endswith("."):
        return HEADING  # a title between or beside rule lines
    if plain.count("\n") == 1 and plain.isupper() and not plain.endswith("."):
        return HEADING  # a title in capitals over two lines
    if plain[0].isdigit() and NUMBER_START.match(plain):
        return NUMBERED
    if current is not None:
        previous = current[-1]
        previous_text = previous.text.text if previous.text else ""
        after_list = isinstance(previous, Block) and kinds.get(id(previous)) == LIST_ITEM
        if (_page_line_between(page_lines, previous.span.end, block.span.start)
                or starts_lower_case(plain)
                or (not after_list and ends_mid_sentence(previous_text))
                or (len(current) == 1 and is_label_only(previous_text))):
            return CONTINUATION
        if _BULLET.match(plain) or (" -" in plain[:44] and _RUN_IN_HEAD.match(plain)):
            return LIST_ITEM
    if "\n" not in plain and (is_title(plain) or _BEGIN_END_LINE.fullmatch(plain)):
        return HEADING
    if is_prose(plain) and not is_table(plain):
        return PROSE
    return OTHER


def _is_website_notice(text: str) -> bool:
    """The "Visit ... Classified Web Site" notice (no regex search where ``web`` and ``gov``
    are missing, the common case)."""
    folded = text.lower()
    return ("web" in folded or "gov" in folded) and bool(_WEBSITE_NOTICE.search(text))


def _page_line_between(page_lines: list[int], start: int, end: int) -> bool:
    i = bisect_left(page_lines, start)
    return i < len(page_lines) and page_lines[i] < end


# --- delimiters -------------------------------------------------------------------------------

SUMMARY = "Summary"
COMMENT = "Comment"
NOTE = "Note"
_KINDS = {"summary": SUMMARY, "comment": COMMENT, "note": NOTE}

# the words as written: capitalised, in capitals or in lower case
_WORD_FORMS = frozenset(form for word in _KINDS for form in (word.capitalize(), word.upper(), word))
_COMPOUND = regex.compile(r"\s+(?:and|AND|&)\s+(Summary|SUMMARY|summary|Comment|COMMENT|comment"
                          r"|Note|NOTE|note)(?![A-Za-z])")
_CLOSER_BEFORE = regex.compile(r"(?:End|END|end)\s+(?:(?:[A-Z][A-Za-z]*|of|OF)[^\S\n]+)?$")
# what may stand before an opener on its line: a boundary, then up to two capitalised
# qualifier words ("Embassy", "Begin", "Introduction and")
_OPENER_BEFORE = regex.compile(
    r"(?:^(?:\d{1,3}\.?[^\S\n]*)?|(?<=[.?!:;\"')\]\u201d])[^\S\n]+|[(\[][^\S\n]*|--?[^\S\n]*"
    r"|[-=*]{3,}[^\S\n]*|\((?i:U|C|S|TS|SBU)[^)\n]{0,12}\)[^\S\n]*)"
    r"(?P<qualifier>(?:[A-Z][A-Za-z']*[^\S\n]+){0,2}(?:(?:and|AND|&)[^\S\n]+)?)$",
    re.MULTILINE)
_OPENER_AFTER = regex.compile(
    r"(?P<more>(?:[^\S\n]*(?:,|and|AND|&|/)[^\S\n]*(?:and[^\S\n]+|AND[^\S\n]+)?"
    r"[A-Za-z]+(?:[^\S\n]+[A-Za-z]+)?){0,3})"
    r"[^\S\n]*(?::|--?(?![\w-])|\.(?=\s|$)|(?=\\*[^\S\n]*(?:\n|$))|(?=[-=*]{3,})"
    r"|(?=\((?:U|C|S|TS|SBU)\b)|(?<=[^\S\n]{2})(?=[A-Z]))")
_ITEM_OPENING = regex.compile(r"\s*(?:\d{1,3}[.,]?\s*)?(?:\([A-Za-z/ ,]{1,20}\)\s*)?[-=*#\s]*")
_NOT_NOTE_QUALIFIERS = frozenset({"Bio", "BIO", "Biographic", "BIOGRAPHIC", "Biographical",
                                  "Dip", "DIP", "Diplomatic", "DIPLOMATIC", "Verbal", "Protest",
                                  "Press", "Reply", "Text", "TEXT"})
_LETTERS = regex.compile(r"[A-Za-z]+")


class Delimiter(NamedTuple):
    """``Summary:`` (an opener) or ``End Summary`` (a closer) and what it delimits.

    A named tuple, as Span: as immutable as a frozen dataclass, and cheaper to make. The label
    stands at original ``[start, end)``; its Span is made when asked for (most delimiters are
    never reported)."""

    kinds: frozenset[str]
    closes: bool
    label: str  # as written, e.g. "End Summary and Comment"
    start: int
    end: int
    offsets: OffsetMap
    bracketed: bool = False  # an opener inside "(...)" or "[...]", closed by the bracket
    bracket_end: int | None = None  # where that bracket closes (None: not in the same block)
    at_start: bool = False  # the opener starts its paragraph or heading ("8. (C) Comment: ...")
    alone: bool = False  # the opener is all there is of its heading ("Summary" over rules)

    @property
    def name(self) -> str:
        return " and ".join(k for k in (SUMMARY, COMMENT, NOTE) if k in self.kinds)

    @property
    def span(self) -> Span:
        return self.offsets.original_span(self.start, self.end)


_delimiter = maker(Delimiter)  # (every field given: see diagnostics.maker)

_last_delimiters: list = [None, None]


def delimiters(cable: Cable, body: Body | None = None) -> list[Delimiter]:
    """The Summary/Comment/Note openers and closers of the body, in text order (read once per
    cable, as :func:`read_body`)."""
    if _last_delimiters[0] is cable:
        return _last_delimiters[1]
    found = _delimiters(cable, body or read_body(cable))
    _last_delimiters[0], _last_delimiters[1] = cable, found
    return found


def _delimiters(cable: Cable, body: Body) -> list[Delimiter]:
    original = cable.original
    items = body.items
    kinds = body.kinds

    def region(index: int) -> tuple[int, int] | None:
        """The text of body item ``index`` to read, if any (paragraphs have no kind)."""
        item = items[index]
        text = item.text
        if text is None or kinds.get(id(item)) == FURNITURE:
            return None
        return text.span.start, text.span.end

    # "Classified By: ...\nSummary\n-------" with no blank line between
    tail = _header_tail(cable, body)
    first = next(filter(None, map(region, range(len(items)))), tail)
    last = next(filter(None, map(region, reversed(range(len(items))))), tail)
    if first is None:
        return []
    low = (tail or first)[0]
    words = _words(original[low:last[1]])  # one pass over the body, then per region
    if not words:
        return []
    starts = [item.span.start for item in items]
    by_region: dict[int, list] = {}  # item index (-1: the header's tail) -> words in its text
    for i, j in words:
        start, end = low + i, low + j
        index = bisect_right(starts, start) - 1  # the item the word stands in
        place = region(index) if index >= 0 else tail
        if place is not None and place[0] <= start and end <= place[1]:
            by_region.setdefault(index, []).append((start - place[0], end - place[0]))
    found = []
    offsets = cable.source.offsets
    for index, local in by_region.items():  # (in text order: the words were)
        start, end = region(index) if index >= 0 else tail
        found.extend(_item_delimiters(original[start:end], start, offsets, local))
    return found


def _header_tail(cable: Cable, body: Body) -> tuple[int, int] | None:
    """The lines after the first of the last header element (where a heading can hide)."""
    first = body.items[0].span.start if body.items else len(cable.original)
    last = last_kind = None
    last_end = -1
    for kind, span in cable.header_order:
        end = span.end
        if last_end < end <= first:
            last, last_kind, last_end = span, kind, end
    if last is None:
        return None
    if last_kind in ("attention", "classified_by"):  # "... 1.4 (b/d).  1. (C) Summary: ..."
        return last.start, last.end
    newline = cable.original.find("\n", last.start, last.end)
    return None if newline < 0 else (newline + 1, last.end)


def _words(text: str) -> list[tuple[int, int]]:
    """Where the words Summary, Comment and Note stand in ``text`` (capitalised, in capitals or
    in lower case), in order.

    They are looked for in a lower-case copy of ``text`` with one byte a character (Latin-1;
    ``?`` for any other character): three searches, not one for each way of writing a word.
    """
    folded = text.encode("latin-1", "replace").lower()  # (bytes: A-Z only)
    found = []
    for term in (b"summary", b"comment", b"note"):
        start = folded.find(term)
        while start >= 0:
            end = start + len(term)
            if (text[start:end] in _WORD_FORMS
                    and (start == 0 or not text[start - 1].isalpha())
                    and (end == len(text) or not text[end].isalpha())):
                found.append((start, end))
            start = folded.find(term, end)
    found.sort()
    return found


def _item_delimiters(text: str, base: int, offsets, words=None) -> list[Delimiter]:
    found = []
    skip_to = 0
    for i, j in _words(text) if words is None else words:
        if i < skip_to:
            continue
        word = text[i:j]
        window = max(0, i - 40)
        near = text[max(0, i - 16):i]
        closer = ("nd" in near or "ND" in near) and _CLOSER_BEFORE.search(text, window, i)
        if closer:
            named = closer.group().split()[1:2]
            if named and named[0] in _NOT_NOTE_QUALIFIERS:
                continue  # "End Bio Note" closes a heading, not a Note
            kinds = {_KINDS[word.lower()]}
            compound = _COMPOUND.match(text, j)
            label_end = j
            if compound:
                kinds.add(_KINDS[compound.group(1).lower()])
                label_end = compound.end()
            found.append(_delimiter((frozenset(kinds), True, " ".join(
                text[closer.start():label_end].split()),
                base + closer.start(), base + label_end, offsets, False, None, False, False)))
            skip_to = label_end
            continue
        if word[0].islower() and i > 16 and not near.rstrip().endswith(("(", "[")) and not (
                near.split()[-1:] and near.split()[-1][0].isupper()):
            continue  # "declined to comment", "a summary of": no delimiter
        before = _OPENER_BEFORE.search(text, max(window, text.rfind("\n", 0, i) + 1), i)
        after = _OPENER_AFTER.match(text, j)
        if before is None or after is None:
            continue
        qualifier = before.group("qualifier")
        boundary = text[before.start():before.start("qualifier")].strip()
        if word[0].islower() and not qualifier and not (
                (boundary[:1] in ("(", "[") or before.start() == 0) and text[after.end() - 1:after.end()] == ":"):
            continue  # "declined to comment." is no opener; "Embassy comment:", "(note:" are
        kinds = {_KINDS[word.lower()]}
        if kinds == {NOTE} and qualifier.split()[:1] and qualifier.split()[0] in _NOT_NOTE_QUALIFIERS:
            continue  # "Bio Note:", "Dip Note" name a document
        more = after.group("more")
        if more:
            for other in _LETTERS.findall(more):
                if other.lower() in _KINDS:
                    kinds.add(_KINDS[other.lower()])
        label_start = before.start("qualifier")
        label_end = after.end()
        bracketed = boundary in ("(", "[")
        bracket_end = _bracket_end(text, i, boundary) if bracketed else None
        at_start = bool(_ITEM_OPENING.fullmatch(text, 0, label_start))
        alone = at_start and not text[label_end:].strip(" \t\n\\:.-=*#")
        found.append(_delimiter((frozenset(kinds), False,
                                 " ".join(text[label_start:label_end].split()).rstrip(":.- "),
                                 base + label_start, base + label_end, offsets, bracketed,
                                 None if bracket_end is None else base + bracket_end,
                                 at_start, alone)))
        skip_to = label_end
    return found


def _bracket_end(text: str, start: int, opening: str) -> int | None:
    """Where the bracket open before ``start`` closes (``None`` if it does not, in this item)."""
    closing = ")" if opening == "(" else "]"
    position = start
    depth = 1
    while True:
        close = text.find(closing, position)
        if close < 0:
            return None
        depth += text.count(opening, position, close) - 1
        if depth == 0:
            return close
        position = close + 1


def first_line(cable: Cable, span: Span) -> Span:
    """The part of ``span`` on its first line, trailing blanks left out."""
    original = cable.original
    end = original.find("\n", span.start, span.end)
    end = span.end if end < 0 else end
    while end > span.start and original[end - 1] in " \t\r":
        end -= 1
    return cable.source.offsets.original_span(span.start, end)


# --- the text header (S001, S002) ----------------------------------------------------------

HEADER_RANK = {"banner": 0, "caption": 1, "attention": 2, "eo_line": 3, "tags": 4,
               "subject": 5, "refs": 6, "classified_by": 7}
HEADER_NAMES = {"banner": "classification banner", "caption": "caption line",
                "attention": "attention line", "eo_line": "E.O. line", "tags": "TAGS line",
                "subject": "SUBJECT line", "refs": "REF list",
                "classified_by": "Classified By line"}
_EO_INSTRUCTION = regex.compile(r"DECL|DNG|N/?A\b|OADR|GDS", re.IGNORECASE)
# "DEPARTMENT FOR ISN AND EAP", "BAGHDAD FOR AMBASSADOR ERELI", "STATE PASS USTR", "PASS TO"
_ATTENTION = regex.compile(r"[^\S\n]*(?:PASS\b|[\w/&()-]+(?:[^\S\n]+[\w/&()-]+){0,3}[^\S\n]+(?:FOR|PASS)\b)",
                           re.IGNORECASE)


@lru_cache(maxsize=1024)
def is_attention(text: str) -> bool:
    """An attention line: up to four words, then ``FOR`` or ``PASS`` (any case; remembered:
    S001 and S006 ask about the same lines, and attention lines repeat from cable to cable)."""
    return bool(_ATTENTION.match(text))


def is_eo_citation(line) -> bool:
    """An "E.O." split off a Classified By line (``for E.O. 12958 reasons 1.4 (d)``): no
    ``DECL``, ``N/A`` or other instruction after the order."""
    return not _EO_INSTRUCTION.search(line.instruction.text if line.instruction else "")


@lru_cache(maxsize=1024)
def is_notice(text: str) -> bool:
    """A caption-like line that is free text: ``SENSITIVE BUT UNCLASSIFIED, PLEASE ...``
    (remembered: caption lines repeat from cable to cable)."""
    first = text.strip().upper().split(",")[0].strip()
    return first not in codes.captions() and len(first.split()) > 2


_last_header: list = [None, None]  # the most recent (cable, header groups), as read_body


def header_groups(cable: Cable, merge_runs: bool = True) -> list[list[tuple[str, Span]]]:
    """The text header's elements in order, one list per header block (a repeated block
    starts a new list); with ``merge_runs``, runs of one kind merged into their first element.

    Left out: elements after the first paragraph (the body), lines before the banner, free
    header lines that are not attention lines (``... FOR ...``, ``PASS ...``), handling notices
    that look like captions, and "E.O." citations split off a Classified By line.
    """
    if _last_header[0] is not cable:
        _last_header[0], _last_header[1] = cable, _header_groups(cable)
    if merge_runs:
        return [_merge_runs(group) for group in _last_header[1]]
    return [list(group) for group in _last_header[1]]


def _merge_runs(group: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """A run of one kind is one element: its first."""
    return [element for i, element in enumerate(group) if i == 0 or group[i - 1][0] != element[0]]


def _header_groups(cable: Cable) -> list[list[tuple[str, Span]]]:
    """The header groups of ``cable``, runs not merged."""
    body_start = next((item.span.start for item in cable.body if isinstance(item, Paragraph)),
                      len(cable.original))
    caption_texts = {c.span.start: c.text for c in cable.captions}
    citations = {line.span.start for line in cable.eo_lines if is_eo_citation(line)}
    groups: list[list] = []
    seen_banner = not cable.banners
    for kind, span in cable.header_order:
        if kind not in HEADER_RANK or span.start >= body_start:
            continue
        if kind == "banner":
            if seen_banner and groups and any(k != "banner" for k, _ in groups[-1]):
                groups.append([])  # a repeated header block
            seen_banner = True
        if not seen_banner:
            continue  # before the banner: release notes, not attention lines
        if kind == "caption" and is_notice(caption_texts.get(span.start, "")):
            continue
        if kind == "eo_line" and span.start in citations:
            continue  # "... for E.O. 12958 reasons 1.4 (d)": a citation split off Classified By
        if kind == "attention" and not (groups and groups[-1] and is_attention(
                cable.original[span.start:span.end])):
            continue  # free text in the header (a wrapped line, a rule line), or a leading line
        if not groups:
            groups.append([])
        groups[-1].append((kind, span))
    return groups
