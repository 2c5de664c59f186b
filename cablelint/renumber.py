"""Renumbering the body's paragraphs 1, 2, 3 ... and the ``para N`` references to them.

P001 and P002 share one fix: every numbered paragraph gets its place in the run, and every
in-text cross-reference (``para 4``, ``paragraph 4``, ``paras 3 and 4``, ``para 2-3``) is
rewritten to the new number of the paragraph it named. A reference that cannot be rewritten
with certainty (its number names no paragraph, or two paragraphs carried it) is left as
written and listed, and the fix is then unsafe: a human must look at those references.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import regex
from .body import read_body
from .diagnostics import Edit, Fix, LazyFix, same_kind_equality
from .model import Cable

# "para 4", "paras. 3 and 4", "paragraph 12", "paragraphs 3-5", "para 2, 3 and 7"
_REFERENCE = regex.compile(
    r"\b(?:para(?:graph)?s?\.?)[^\S\n]*"
    r"(\d{1,3}(?:[^\S\n]*(?:,|-|and|&)[^\S\n]*\d{1,3})*)\b",
    re.IGNORECASE)
_NUMBER = regex.compile(r"\d{1,3}")


class Renumbering(NamedTuple):
    """The edits of one renumbering and the references it could not rewrite."""

    edits: tuple[Edit, ...]
    unresolved: tuple[tuple[int, str], ...]  # (line, reference as written)
    paragraph_count: int = 0

    def fix(self) -> Fix | None:
        if not self.edits:
            return None
        note = ""
        if self.unresolved:
            listed = ", ".join(f"'{text}' (line {line})" for line, text in self.unresolved)
            note = f"; check these references by hand: {listed}"
        return Fix(self.edits, safe=not self.unresolved,
                   description=f"renumber the paragraphs 1 to {self.paragraph_count}{note}")


same_kind_equality(Renumbering)


def renumbering(cable: Cable) -> Renumbering:
    """Number the body's numbered paragraphs 1..n and follow their references."""
    paragraphs = [p for p in read_body(cable).numbered_paragraphs if p.value is not None]
    edits: list[Edit] = []
    new_number: dict[int, int | None] = {}
    for place, paragraph in enumerate(paragraphs, start=1):
        old = paragraph.value
        new_number[old] = None if old in new_number else place  # a repeat is ambiguous
        if old != place:
            digits = paragraph.number.text.rstrip(".")
            start = paragraph.number.span.start + paragraph.number.text.index(digits)
            edits.append(Edit(start, start + len(digits), str(place)))
    if not edits:
        return Renumbering((), (), len(paragraphs))
    unresolved = []
    offsets = cable.source.offsets
    for item in cable.body:  # paragraphs and the blocks that continue them
        if getattr(item, "text", None) is None:
            continue
        span = item.text.span
        text = cable.original[span.start:span.end]
        for match in _REFERENCE.finditer(text):
            changes = []
            for number in _NUMBER.finditer(match.group(1)):
                old = int(number.group())
                new = new_number.get(old)
                if new is None:
                    changes = None
                    break
                if new != old:
                    at = span.start + match.start(1) + number.start()
                    changes.append(Edit(at, at + len(number.group()), str(new)))
            if changes is None:
                line = offsets.line_column(span.start + match.start())[0]
                unresolved.append((line, match.group().strip()))
            else:
                edits.extend(changes)
    return Renumbering(tuple(sorted(edits, key=lambda e: e.start)), tuple(unresolved),
                       len(paragraphs))


def renumber_fix(cable: Cable) -> LazyFix:
    """The renumbering fix, made when asked for."""
    return LazyFix(lambda: renumbering(cable).fix())
