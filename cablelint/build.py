"""Lark tree -> model. The only module that knows the shapes of the parse tree.

Multi-line elements arrive as one token (see the grammar); their inner parts (addressee
lines, tags, references) are read here with small patterns, and every part gets a Span that
points into the original text through the normaliser's offset map.
"""

from __future__ import annotations

import re
from functools import cache

from . import model as m
from . import regex
from .diagnostics import Span
from .normalise import Normalised, normalise
from .parser import Token, Tree, is_token, parse  # (Lark's trees, after a syntax error, alike)

_TAGS_LABEL = regex.compile(r"(?:TAGS|TAGES|TAG|TAS|TABS|TGS|AGS)[^\S\n]*[:,;.]?", re.IGNORECASE)
_TAG = regex.compile(r"\([^)\n]*\)?|[^\s,;]+")
_REF_LETTER = regex.compile(r"[^\S\n]*(?:(?P<a>[A-Z])[.):]|\((?P<b>[A-Z])\)|\[(?P<c>[A-Z])\])(?=[^\S\n])")
_LEVELS = {"U": "U", "SBU": "SBU", "C": "C", "S": "S", "TS": "TS"}
_LIST_KEYWORD = regex.compile(r"TO|INFO|XMT")
_SERIAL = regex.compile(r"[^\S\n]+(\d+)$")
_CAPTION = regex.compile(r"[^,\s][^,]*?(?=\s*(?:,|$))")
_BLANKS = regex.compile(r"\s+")


class Builder:
    """Builds one :class:`~cablelint.model.Cable` from one normalised text."""

    def __init__(self, source: Normalised):
        self.source = source
        self.offsets = source.offsets
        self._token_spans: dict[int, Span] = {}  # id(token) -> span (the tree keeps them)

    # -- positions ----------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Span of normalised ``[start, end)`` in original coordinates."""
        return self.offsets.span_of(start, end)

    def token_span(self, token: Token) -> Span:
        """A token's span, worked out once (elements' spans are made from their tokens')."""
        span = self._token_spans.get(id(token))
        if span is None:
            span = self._token_spans[id(token)] = self.span(token.start_pos, token.end_pos)
        return span

    def text(self, token: Token) -> m.Text:
        return m.Text(str(token), self.token_span(token))

    def part(self, token: Token, start: int, end: int) -> m.Text:
        """A sub-string ``[start, end)`` of a token's text."""
        base = token.start_pos
        return m.Text(str(token)[start:end], self.span(base + start, base + end))

    def tree_span(self, tree: Tree) -> Span:
        """From the element's first token to its last (the line's newline is not part of it)."""
        first = _edge_token(tree, 0)
        if first is None:
            return self.span(0, 0)
        last = _edge_token(tree, -1)
        if last is first:
            return self.token_span(first)
        start, end = self.token_span(first), self.token_span(last)
        return Span(start.line, start.column, end.end_line, end.end_column, start.start,
                    end.end)

    # -- the cable ------------------------------------------------------------------------
    def build(self, tree: Tree, path: str, problems: tuple[m.SyntaxProblem, ...]) -> m.Cable:
        parts: dict[str, list] = {key: [] for key in (
            "transmission", "dtgs", "originators", "address_lists", "banners", "captions",
            "attention_lines", "eo_lines", "tags_lines", "subjects", "references",
            "classified_by", "body", "header_order")}
        for child in tree.children:
            if is_token(child):
                continue
            if child.data == "transmission":
                parts["transmission"].extend(self.transmission(child))
            elif child.data == "address":
                self.address(child, parts)
            elif child.data == "header":
                self.header(child, parts)
            elif child.data == "body":
                for item in self.body(child):
                    if isinstance(item, m.ClassifiedBy):
                        parts["classified_by"].append(item)
                        parts["header_order"].append(("classified_by", item.span))
                    else:
                        parts["body"].append(item)
        return m.Cable(path=path, source=self.source, syntax_problems=problems,
                       **{key: tuple(value) for key, value in parts.items()})

    def transmission(self, tree: Tree):
        kinds = {"FL1": "FL1", "FL2": "FL2", "FL3": "FL3", "FL4": "FL4", "ROUTING_LINE": "FL2"}
        for token in tree.scan_values(is_token):
            yield m.TransmissionLine(kinds[token.type], str(token), self.token_span(token))

    def address(self, tree: Tree, parts: dict) -> None:
        for child in tree.children:
            if child.data == "dtg_line":
                parts["dtgs"].append(self.dtg(child))
                parts["header_order"].append(("dtg", self.tree_span(child)))
            elif child.data == "fm_line":
                plad = self.text(child.children[1])
                parts["originators"].append(m.Originator(plad, self.tree_span(child)))
                parts["header_order"].append(("fm", self.tree_span(child)))
            elif child.data == "address_list":
                address_list = self.address_list(child.children[0])
                parts["address_lists"].append(address_list)
                parts["header_order"].append((address_list.keyword.lower(), address_list.span))

    def dtg(self, tree: Tree) -> m.DateTimeGroup:
        prosigns = tuple(self.text(t) for t in tree.children if t.type == "PROSIGN")
        by_type = {t.type: t for t in tree.children}
        remark = by_type.get("OPERATING_SIGNAL")
        return m.DateTimeGroup(
            prosigns, self.text(by_type["DTG_TIME"]), self.text(by_type["DTG_MONTH"]),
            self.text(by_type["DTG_YEAR"]), self.text(remark) if remark else None,
            self.tree_span(tree))

    def address_list(self, token: Token) -> m.AddressList:
        raw = str(token)
        keyword = _LIST_KEYWORD.match(raw).group()
        addressees = []
        offset = 0
        for number, line in enumerate(raw.split("\n")):
            start = offset + len(line) - len(line.lstrip())
            offset += len(line) + 1
            content = line.strip()
            if number == 0:
                content = content[len(keyword):].lstrip(" \t/")
                start = offset - len(line) - 1 + line.index(content) if content else start
            if not content:
                continue
            addressees.append(m.Addressee(content, self.span(
                token.start_pos + start, token.start_pos + start + len(content))))
        return m.AddressList(keyword, tuple(addressees), self.token_span(token))

    # -- text header ----------------------------------------------------------------------
    def header(self, tree: Tree, parts: dict) -> None:
        for child in tree.children:
            kind = str(child.data)
            span = self.tree_span(child)
            parts["header_order"].append((kind, span))
            if kind == "banner":
                parts["banners"].append(self.banner(child, span))
            elif kind == "caption":
                parts["captions"].append(self.caption(child.children[0]))
            elif kind == "attention":
                parts["attention_lines"].append(self.text(child.children[0]))
            elif kind == "eo_line":
                by_type = {t.type: t for t in child.children}
                instruction = by_type.get("EO_INSTRUCTION")
                parts["eo_lines"].append(m.EoLine(
                    self.text(by_type["EO_LABEL"]), self.text(by_type["EO_ORDER"]),
                    self.text(instruction) if instruction else None, span))
            elif kind == "tags":
                parts["tags_lines"].append(self.tags(child.children[0]))
            elif kind == "subject":
                parts["subjects"].append(self.subject(child, span))
            elif kind == "refs":
                parts["references"].append(self.references(child, span))
            elif kind == "classified_by":
                parts["classified_by"].append(m.ClassifiedBy(self.text(child.children[0]), span))

    def banner(self, tree: Tree, span: Span) -> m.Banner:
        by_type = {t.type: t for t in tree.children}
        classification = by_type["CLASSIFICATION"]
        post = serial = None
        if "POST_SERIAL" in by_type:
            token = by_type["POST_SERIAL"]
            raw = str(token)
            cut = _SERIAL.search(raw)
            post = self.part(token, 0, cut.start())
            serial = self.part(token, cut.start(1), cut.end(1))
        section = by_type.get("SECTION")
        handling = by_type.get("HANDLING")
        return m.Banner(
            self.text(classification), classification_level(str(classification)),
            self.text(section) if section else None, post, serial,
            self.text(handling) if handling else None, span)

    def caption(self, token: Token) -> m.Caption:
        raw = str(token)
        captions = tuple(self.part(token, match.start(), match.end())
                         for match in _CAPTION.finditer(raw))
        return m.Caption(raw, captions, self.token_span(token))

    def tags(self, token: Token) -> m.TagsLine:
        raw = str(token)
        label = _TAGS_LABEL.match(raw)
        tags = tuple(self.part(token, match.start(), match.end())
                     for match in _TAG.finditer(raw, label.end()))
        return m.TagsLine(self.part(token, 0, label.end()), tags, self.token_span(token))

    def subject(self, tree: Tree, span: Span) -> m.Subject:
        by_type = {t.type: t for t in tree.children}
        mark = by_type.get("PORTION_MARK")
        text = by_type.get("SUBJECT_TEXT")
        return m.Subject(self.text(by_type["SUBJECT_LABEL"]),
                         self.portion_mark(mark) if mark else None,
                         self.text(text) if text else None, span)

    def references(self, tree: Tree, span: Span) -> m.References:
        by_type = {t.type: t for t in tree.children}
        label = self.text(by_type["REF_LABEL"])
        token = by_type.get("REF_TEXT")
        if token is None:
            return m.References(label, (), span)
        return m.References(label, tuple(self.reference_items(token)), span)

    def reference_items(self, token: Token):
        """Split a REF block into lettered items; unlettered lines continue the previous item."""
        raw = str(token)
        pieces: list[list] = []  # [start, end, letter span or None]
        offset = 0
        for line in raw.split("\n"):
            line_end = offset + len(line.rstrip())
            for item_start, letter in _split_items(line):
                if letter is None and pieces:
                    pieces[-1][1] = line_end
                    continue
                if pieces and pieces[-1][1] > offset + item_start:
                    pieces[-1][1] = offset + len(line[:item_start].rstrip())
                shifted = (offset + letter[0], offset + letter[1]) if letter else None
                pieces.append([offset + item_start, line_end, shifted])
            offset += len(line) + 1
        for start, end, letter in pieces:
            citation_start = letter[1] if letter else start
            while citation_start < end and raw[citation_start] in " \t":
                citation_start += 1
            yield m.Reference(self.part(token, *letter) if letter else None,
                              self.part(token, citation_start, end),
                              self.span(token.start_pos + start, token.start_pos + end))

    def portion_mark(self, token: Token) -> m.PortionMark:
        return parse_portion_mark(str(token), self.token_span(token))

    # -- body -----------------------------------------------------------------------------
    def body(self, tree: Tree):
        for child in tree.children:
            span = self.tree_span(child)
            if child.data == "paragraph":
                by_type = {t.type: t for t in child.children}
                number = by_type.get("PARA_NUMBER")
                mark = by_type.get("PORTION_MARK") or by_type.get("LEADING_MARK")
                text = by_type.get("PARA_TEXT")
                yield m.Paragraph(self.text(number) if number else None,
                                  self.portion_mark(mark) if mark else None,
                                  self.text(text) if text else None, span)
            elif child.data == "block":
                yield m.Block(self.text(child.children[0]), span)
            elif child.data == "end_of_message":
                yield m.EndOfMessage(span)
            elif child.data == "classified_by":
                yield m.ClassifiedBy(self.text(child.children[0]), span)


def _edge_token(tree: Tree, side: int) -> Token | None:
    """The first (side 0) or last (side -1) token under ``tree``."""
    children = tree.children if side == 0 else reversed(tree.children)
    for child in children:
        found = child if isinstance(child, str) else _edge_token(child, side)  # (a token)
        if found is not None:
            return found
    return None


def _split_items(line: str) -> list[tuple[int, tuple[int, int] | None]]:
    """Item starts on one REF line: ``A. X 1 B. Y 2`` gives two, each with its letter span.

    A later letter is the next one in sequence written ``B.``, ``B)`` or ``(B)`` after a blank,
    a comma or a semicolon (``(A) X 1 (B) Y 2``, ``A) X 1; B) Y 2``).
    """
    match = _REF_LETTER.match(line)
    indent = len(line) - len(line.lstrip())
    if not match:
        return [(indent, None)]
    found = [(indent, (indent, match.end()))]
    expected = chr(ord(_letter_of(match)) + 1)
    position = match.end()
    while True:
        later = _later_letter(expected).search(line, position)
        if later is None:
            return found
        found.append((later.start(), (later.start(), later.end())))
        expected = chr(ord(expected) + 1)
        position = later.end()


@cache
def _later_letter(letter: str) -> re.Pattern:
    """A later REF letter: ``B.``, ``B)`` or ``(B)`` after a blank, a comma or a semicolon."""
    return regex.compile(r"(?<=[\s;,])(?:" + letter + r"[.)]|\(" + letter + r"\))(?=\s)")


def _letter_of(match: re.Match) -> str:
    return match.group("a") or match.group("b") or match.group("c")


def classification_level(word: str) -> str:
    """U, C, S, TS or LOU for a banner classification word, spaced or not."""
    squeezed = _BLANKS.sub("", word).upper()
    if squeezed.startswith("UNCLAS"):
        return "U"
    if squeezed.startswith("TOPSECRET"):
        return "TS"
    if squeezed.startswith("SECRET"):
        return "S"
    if squeezed.startswith("CONFIDENTIAL"):
        return "C"
    return "LOU"


def parse_portion_mark(raw: str, span: Span) -> m.PortionMark:
    """``(S//NF)`` -> level ``S``, control ``NF``; an unknown level is kept as written."""
    inner = raw[1:-1].strip()
    level, _, control = inner.partition("/")
    level = level.strip()
    return m.PortionMark(raw, _LEVELS.get(level.upper(), level), control.lstrip("/").strip() or None,
                         span)


def build_cable(text: str, path: str = "<text>") -> m.Cable:
    """Normalise, parse and build: the whole way from decoded text to the model."""
    source = normalise(text)
    tree, errors = parse(source.text)
    builder = Builder(source)
    problems = tuple(m.SyntaxProblem(e.message, builder.span(e.position, e.end)) for e in errors)
    return builder.build(tree, path, problems)
