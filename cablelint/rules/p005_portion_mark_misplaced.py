"""P005 portion-mark-misplaced: the portion mark does not stand right after the number.

What it checks:
    A paragraph reads ``N. (MARK) text``: the number, its period, a blank, the mark. Reported:

    * a mark later in the opening: ``1. Summary: (SBU) ...``, also in an unnumbered
      paragraph (``Summary: (C) ...``);
    * a mark glued to the number: ``1.(C) ...``;
    * a number without its period (``1 (C) ...``) or with a comma (``5, (C) ...``,
      ``5 . (C) ...``);
    * a mark before the number: ``(C) 1. ...``;
    * a mark with a bracket missing or a blank inside: ``1. C) ...``, ``1. (C ...``,
      ``1. (C ) ...``.

    One blank or several between number and mark are both fine. The mark's level and control
    are C005's business (``(CONF)``, ``(s//nf)``).

Why:
    Readers, and tools that extract portions, find the mark in one place: first in the
    paragraph, right after its number.

Example:
    ``1. Summary: (SBU) Japanese ...``. Clean: ``1. (SBU) Summary: Japanese ...``.

Fix:
    Safe, the mark's text unchanged: move a mark from behind a short label (up to four words
    ending in ``:``, ``.`` or ``-``) to the front (``1. Summary: (SBU) x`` ->
    ``1. (SBU) Summary: x``); insert the blank in ``1.(C)``, the period in ``1 (C)``, the opening
    bracket in ``1. C)``; write ``5.`` for ``5,``; take the blank out of ``(C )``; put the
    number before a mark that precedes it. Unsafe: move a mark that stands after longer text,
    and close ``(C text`` with a bracket after the level (the reader must check that ``(C``
    was a mark).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.2c [FAH1-240]; observed defects [CM: data-clean/in/
    malformed-paragraph-class.txt, 06TOKYO3567]; spec/rules.md P005.
"""

import re

from .. import regex
from ..body import NUMBER_START, NUMBERED, PROSE, read_body
from ..diagnostics import Edit, Finding, Fix, Severity
from ..model import Block, Paragraph
from .base import Rule

_LEVEL = r"(?:U|C|S|TS|SBU)"
_MARK = regex.compile(r"(?<![A-Za-z(])\(" + _LEVEL + r"(?:[^\S\n]?//?[^\S\n]?[A-Za-z][A-Za-z0-9 ,\-]{0,30})?\)",
                      re.IGNORECASE)
_LABEL = regex.compile(r"(?:[A-Za-z][\w/&'-]*[^\S\n]+){0,3}[A-Za-z][\w/&'-]*"
                       r"[^\S\n]*[:.\u2014-]{1,2}(?:[^\S\n]*[-\u2014]{1,2})?[^\S\n]*")
_LIST_MARKER = regex.compile(r"[^\S\n]*(?:[A-Za-z]|[ivxIVX]{1,4}|\d{1,2})[.)][^\S\n]*|[^\S\n]*\(\w{1,4}\)[^\S\n]*"
                          r"|[^\S\n]*(?:-{1,3}|\*|o|\u2022)[^\S\n]*")
_NO_OPEN = regex.compile(_LEVEL + r"(?://?[A-Z]+)?\)(?=[^\S\n])")
_SPACED_CLOSE = regex.compile(r"\(" + _LEVEL + r"([^\S\n]+)\)")
_NO_CLOSE = regex.compile(r"\(" + _LEVEL + r"(?=[^\S\n]+[A-Za-z\"'])(?![^\n]{0,8}\))")
_NUMBER_AFTER_MARK = regex.compile(r"(\d{1,3})\.(?=[^\S\n])")
_OPENING = 60
_LABEL_WORDS = frozenset("summary comment note and key points action request background "
                         "introduction executive embassy post begin overview".split())


class PortionMarkMisplaced(Rule):
    code = "P005"
    name = "portion-mark-misplaced"
    severity = Severity.WARNING
    fixable = "yes"
    summary = "portion mark not right after the number"

    def check(self, cable, settings):
        body = read_body(cable)
        wrapped, kinds = body.wrapped, body.kinds
        findings = []
        for item in body.items:
            if isinstance(item, Paragraph):
                number, mark = item.number, item.portion_mark
                if (number is not None and mark is not None and number.text.endswith(".")
                        and number.span.end != mark.span.start):
                    continue  # the usual paragraph: "1. (C) ..."
                found = self.paragraph(cable, item) if id(item) not in wrapped else None
            elif kinds[id(item)] in (NUMBERED, PROSE):
                found = self.block(cable, item)
            else:
                continue
            if found is not None:  # (one finding at most an item)
                findings.append(found)
        return findings

    # -- numbered and marked paragraphs ------------------------------------------------------
    def paragraph(self, cable, paragraph) -> Finding | None:
        number, mark, text = paragraph.number, paragraph.portion_mark, paragraph.text
        if number is not None and mark is not None:
            if not number.text.endswith("."):
                return self.finding(
                    f"paragraph number '{number.text}' has no period before the portion mark",
                    number.span, fix=_insert(number.span.end, ".", "add the period"))
            if number.span.end == mark.span.start:
                return self.finding(
                    f"no blank between paragraph number '{number.text}' and portion mark "
                    f"{mark.text}", mark.span, fix=_insert(mark.span.start, " ", "add a blank"))
            return None
        if text is None:
            return None
        start = text.span.start
        opening = cable.original[start:min(text.span.end, start + _OPENING)]
        if mark is not None:  # a leading mark: "(C) 1. The Embassy ..."
            found = _NUMBER_AFTER_MARK.match(opening)
            if found is None:
                return None
            span = cable.source.offsets.original_span(mark.span.start, start + found.end())
            return self.finding(
                f"portion mark {mark.text} stands before the paragraph number "
                f"{found.group()}", span,
                fix=Fix((Edit(mark.span.start, start + found.end(),
                              f"{found.group()} {mark.text}"),), safe=True,
                        description="put the number before the mark"))
        return self.opening(cable, start, opening)

    # -- blocks the grammar did not read as paragraphs ----------------------------------------
    def block(self, cable, block: Block) -> Finding | None:
        start = block.text.span.start
        opening = cable.original[start:min(block.text.span.end, start + _OPENING)]
        number = NUMBER_START.match(opening)
        if number is None:
            return self.opening(cable, start, opening, labels_only=True)
        rest = opening[number.end():]
        if not _MARK.match(rest.lstrip()):
            return None
        written = opening[:number.end()].rstrip()
        span = cable.source.offsets.original_span(start, start + len(written))
        return self.finding(
            f"paragraph number '{written}' is not written '{number.group(1)}.' before the "
            f"portion mark", span,
            fix=Fix((Edit(start, start + number.end(), f"{number.group(1)}. "),), safe=True,
                    description=f"write '{number.group(1)}. '"))

    # -- the opening of a paragraph's text ------------------------------------------------------
    def opening(self, cable, start, opening, labels_only=False) -> Finding | None:
        offsets = cable.source.offsets
        opening = opening.split("\n", 1)[0]  # a mark on a later line belongs to that line
        broken = _NO_OPEN.match(opening)
        if broken:
            return self.finding(
                f"portion mark '{broken.group()}' has no opening bracket",
                offsets.original_span(start, start + broken.end()),
                fix=_insert(start, "(", "add the opening bracket"))
        spaced = _SPACED_CLOSE.match(opening)
        if spaced:
            return self.finding(
                f"portion mark '{spaced.group()}' has a blank inside",
                offsets.original_span(start, start + spaced.end()),
                fix=Fix((Edit(start + spaced.start(1), start + spaced.end(1), ""),), safe=True,
                        description="take the blank out of the mark"))
        unclosed = _NO_CLOSE.match(opening)
        if unclosed:
            return self.finding(
                f"portion mark '{unclosed.group()}' has no closing bracket",
                offsets.original_span(start, start + unclosed.end()),
                fix=Fix((Edit(start + unclosed.end(), start + unclosed.end(), ")"),),
                        safe=False, description="close the mark after its level"))
        found = _MARK.search(opening)
        if found is None or found.start() == 0:
            return None
        before = opening[:found.start()]
        if _LIST_MARKER.fullmatch(before):
            return None  # a marked list item or sub-paragraph: "C. (SBU) ...", "-- (S) ..."
        label = _LABEL.fullmatch(before)
        if labels_only and label is None:
            return None
        after = found.end()
        while after < len(opening) and opening[after] in " \t":
            after += 1
        mark = found.group()
        if label is None:
            where = "inside the paragraph text"
        elif set(re.findall(r"[a-z]+", before.lower())) <= _LABEL_WORDS:
            where = f"after '{before.strip()}'"
        else:
            where = "after the paragraph's opening words"  # body text: not quoted
        fix = Fix((Edit(start, start, mark + " "), Edit(start + found.start(), start + after, "")),
                  safe=label is not None, description=f"move {mark} to the start of the paragraph")
        return self.finding(f"portion mark {mark} stands {where}; it belongs at the start",
                            offsets.original_span(start + found.start(), start + found.end()),
                            fix=fix)


def _insert(position: int, text: str, description: str) -> Fix:
    return Fix((Edit(position, position, text),), safe=True, description=description)
