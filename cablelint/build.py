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
from .diagnostics import Span, maker
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
_FORMAT_LINES = {"FL1": "FL1", "FL2": "FL2", "FL3": "FL3", "FL4": "FL4", "ROUTING_LINE": "FL2"}

# the records a cable has dozens of, made with every field given (see diagnostics.maker)
_text, _span = maker(m.Text), maker(Span)
_paragraph, _block, _portion_mark = maker(m.Paragraph), maker(m.Block), maker(m.PortionMark)
_addressee, _transmission_line = maker(m.Addressee), maker(m.TransmissionLine)


class Builder:
    """Builds one :class:`~cablelint.model.Cable` from one normalised text.

    Every token's span is worked out once, from its place in the normalised text; an
    element's span runs from its first token's to its last's (the line's newline is not part
    of it)."""

    def __init__(self, source: Normalised):
        self.source = source
        self.span = source.offsets.span_of  # span(start, end): normalised [start, end) -> Span

    # -- tokens -------------------------------------------------------------------------
    def token_span(self, token: Token) -> Span:
        return self.span(token.start_pos, token.end_pos)

    def text(self, token: Token) -> m.Text:
        return _text((str(token), self.span(token.start_pos, token.end_pos)))

    def texts(self, tokens: list[Token]) -> tuple[dict[str, m.Text], Span]:
        """The texts of an element's tokens by terminal name (an element has one token of
        each name), and the element's span."""
        texts = {token.type: self.text(token) for token in tokens}
        first, last = texts[tokens[0].type].span, texts[tokens[-1].type].span
        return texts, _joined(first, last)

    def part(self, token: Token, start: int, end: int) -> m.Text:
        """A sub-string ``[start, end)`` of a token's text."""
        base = token.start_pos
        return _text((token[start:end], self.span(base + start, base + end)))

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
                self.body(child, parts)
        return m.Cable(path=path, source=self.source, syntax_problems=problems,
                       **{key: tuple(value) for key, value in parts.items()})

    def transmission(self, tree: Tree):
        """The format lines: the tree's tokens (the rule of a line stands for its token)."""
        for token in tree.children:
            yield _transmission_line((_FORMAT_LINES[token.type], str(token),
                                      self.span(token.start_pos, token.end_pos)))

    def address(self, tree: Tree, parts: dict) -> None:
        for child in tree.children:
            if child.data == "dtg_line":
                dtg = self.dtg(child.children)
                parts["dtgs"].append(dtg)
                parts["header_order"].append(("dtg", dtg.span))
            elif child.data == "fm_line":
                texts, span = self.texts(child.children)
                parts["originators"].append(m.Originator(texts["PLAD_TEXT"], span))
                parts["header_order"].append(("fm", span))
            elif child.data == "address_list":
                address_list = self.address_list(child.children[0])
                parts["address_lists"].append(address_list)
                parts["header_order"].append((address_list.keyword.lower(), address_list.span))

    def dtg(self, tokens: list[Token]) -> m.DateTimeGroup:
        """The date-time group: one or two prosigns, then one token of each other kind."""
        prosigns = tuple(self.text(t) for t in tokens if t.type == "PROSIGN")
        texts, span = self.texts(tokens[len(prosigns):])
        return m.DateTimeGroup(
            prosigns, texts["DTG_TIME"], texts["DTG_MONTH"], texts["DTG_YEAR"],
            texts.get("OPERATING_SIGNAL"), _joined(prosigns[0].span, span))

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
            addressees.append(_addressee((content, self.span(
                token.start_pos + start, token.start_pos + start + len(content)))))
        return m.AddressList(keyword, tuple(addressees), self.token_span(token))

    # -- text header ----------------------------------------------------------------------
    def header(self, tree: Tree, parts: dict) -> None:
        for child in tree.children:
            kind = str(child.data)
            if kind == "banner":
                element = self.banner(child.children)
                parts["banners"].append(element)
            elif kind == "caption":
                element = self.caption(child.children[0])
                parts["captions"].append(element)
            elif kind == "attention":
                element = self.text(child.children[0])
                parts["attention_lines"].append(element)
            elif kind == "eo_line":
                texts, span = self.texts(child.children)
                element = m.EoLine(texts["EO_LABEL"], texts["EO_ORDER"],
                                   texts.get("EO_INSTRUCTION"), span)
                parts["eo_lines"].append(element)
            elif kind == "tags":
                element = self.tags(child.children[0])
                parts["tags_lines"].append(element)
            elif kind == "subject":
                element = self.subject(child.children)
                parts["subjects"].append(element)
            elif kind == "refs":
                element = self.references(child.children)
                parts["references"].append(element)
            elif kind == "classified_by":
                element = self.classified_by(child.children[0])
                parts["classified_by"].append(element)
            else:
                continue
            parts["header_order"].append((kind, element.span))

    def banner(self, tokens: list[Token]) -> m.Banner:
        texts, span = self.texts(tokens)
        classification = texts["CLASSIFICATION"]
        post = serial = None
        for token in tokens:
            if token.type == "POST_SERIAL":
                cut = _SERIAL.search(token)
                post = self.part(token, 0, cut.start())
                serial = self.part(token, cut.start(1), cut.end(1))
        return m.Banner(
            classification, classification_level(classification.text),
            texts.get("SECTION"), post, serial, texts.get("HANDLING"), span)

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

    def subject(self, tokens: list[Token]) -> m.Subject:
        texts, span = self.texts(tokens)
        return m.Subject(texts["SUBJECT_LABEL"], portion_mark(texts.get("PORTION_MARK")),
                         texts.get("SUBJECT_TEXT"), span)

    def references(self, tokens: list[Token]) -> m.References:
        """``REF_LABEL REF_TEXT?``: the label, then the items of the text."""
        texts, span = self.texts(tokens)
        items = tuple(self.reference_items(tokens[1])) if len(tokens) > 1 else ()
        return m.References(texts["REF_LABEL"], items, span)

    def classified_by(self, token: Token) -> m.ClassifiedBy:
        text = self.text(token)
        return m.ClassifiedBy(text, text.span)

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

    # -- body -----------------------------------------------------------------------------
    def body(self, tree: Tree, parts: dict) -> None:
        """Paragraphs and blocks go to the body; a Classified By line there to the header's."""
        body = parts["body"]
        for child in tree.children:
            kind = child.data
            if kind == "paragraph":
                texts, span = self.texts(child.children)
                mark = texts.get("PORTION_MARK") or texts.get("LEADING_MARK")
                body.append(_paragraph((texts.get("PARA_NUMBER"), portion_mark(mark),
                                        texts.get("PARA_TEXT"), span)))
            elif kind == "block":
                text = self.text(child.children[0])
                body.append(_block((text, text.span)))
            elif kind == "end_of_message":
                body.append(m.EndOfMessage(self.token_span(child.children[0])))
            elif kind == "classified_by":
                element = self.classified_by(child.children[0])
                parts["classified_by"].append(element)
                parts["header_order"].append(("classified_by", element.span))


def _joined(first: Span, last: Span) -> Span:
    """From the start of the ``first`` span to the end of the ``last``."""
    if first is last:
        return first
    return _span((first.line, first.column, last.end_line, last.end_column, first.start, last.end))


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


def portion_mark(mark: m.Text | None) -> m.PortionMark | None:
    return parse_portion_mark(mark.text, mark.span) if mark else None


def parse_portion_mark(raw: str, span: Span) -> m.PortionMark:
    """``(S//NF)`` -> level ``S``, control ``NF``; an unknown level is kept as written."""
    inner = raw[1:-1].strip()
    level, _, control = inner.partition("/")
    level = level.strip()
    return _portion_mark((raw, _LEVELS.get(level.upper(), level),
                          control.lstrip("/").strip() or None, span))


def build_cable(text: str, path: str = "<text>") -> m.Cable:
    """Normalise, parse and build: the whole way from decoded text to the model."""
    source = normalise(text)
    tree, errors = parse(source.text)
    builder = Builder(source)
    problems = tuple(m.SyntaxProblem(e.message, builder.span(e.position, e.end)) for e in errors)
    return builder.build(tree, path, problems)
