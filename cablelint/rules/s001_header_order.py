"""S001 header-order: the elements of the text header are out of order.

What it checks:
    The text header runs: classification banner, captions (``SIPDIS``, ``NOFORN`` ...),
    attention lines (``DEPARTMENT FOR ISN AND EAP``), the E.O. line, TAGS, SUBJECT, REF, then
    "Classified By", then the body. Every element that breaks this order is reported, at the
    element: the fewest elements that, moved, put the header in order (when two elements are
    swapped, the later one is reported: ``TAGS`` then ``E.O.`` reports the E.O. line). Several
    lines of one kind (three attention lines) are one run; the order among them is free.

    Only the header is read: elements after the first numbered paragraph belong to the body.
    An attention line is a line of the header that addresses someone (``... FOR ...``,
    ``PASS ...``) after the banner or a caption; other free lines in the header (a wrapped
    line, a rule line, a heading run into the header, release notes before the banner) are
    left out, and so is a free-text handling notice that looks like a caption
    (``SENSITIVE BUT UNCLASSIFIED, PLEASE TREAT ACCORDINGLY``), and an "E.O." that is a
    citation in a Classified By line (``for E.O. 12958 reasons 1.4 (d)``, no ``DECL`` or
    ``N/A``). A repeated header block (a
    second banner after the first block, see X003) is checked on its own.

Why:
    The Department's processors and readers expect each element in its place: the E.O. line
    and TAGS under the captions, the subject above the references, the classification authority
    just before the text.

Example:
    ``TAGS: ETTC PARM`` before ``E.O. 12958: N/A``. Clean: ``E.O. 12958: N/A`` then
    ``TAGS: ETTC PARM``.

Fix:
    Unsafe: move the element's lines (and the blank lines after them) to where the order puts
    it; no text changes. Unsafe because layout and blank lines around the moved element need
    a look, and an order found in a real cable may be the post's house style.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    5 FAH-1 H-246.1a [FAH1-240]; dominant order and deviations observed (04ABUDHABI1445,
    08BRASILIA93) [CM]; spec/rules.md S001.
"""

from ..body import HEADER_NAMES as NAMES
from ..body import HEADER_RANK as RANK
from ..body import header_groups
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

class HeaderOrder(Rule):
    code = "S001"
    name = "header-order"
    severity = Severity.WARNING
    fixable = "reorder"
    summary = "header elements out of order"

    def check(self, cable, settings):
        for group in header_groups(cable):
            ranks = [RANK[kind] for kind, _ in group]
            if ranks == sorted(ranks):
                continue  # in order (the common case)
            kept = _in_order(group)
            for index, (kind, span) in enumerate(group):
                if index in kept:
                    continue
                yield self.finding(_message(group, kept, index), span,
                                   fix=_move(cable.original, group, kept, index))


def _in_order(group) -> set[int]:
    """Indexes of the longest run that keeps the order (earlier elements kept on ties)."""
    ranks = [RANK[kind] for kind, _ in group]
    best = [1] * len(ranks)
    previous = [-1] * len(ranks)
    for i in range(len(ranks)):
        for j in range(i):
            if ranks[j] <= ranks[i] and best[j] + 1 > best[i]:
                best[i], previous[i] = best[j] + 1, j
    length = max(best, default=0)
    i = best.index(length) if ranks else -1
    kept = set()
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def _message(group, kept, index) -> str:
    kind, _ = group[index]
    rank = RANK[kind]
    for j in range(index - 1, -1, -1):
        if j in kept and RANK[group[j][0]] > rank:
            return f"{NAMES[kind]} comes after the {NAMES[group[j][0]]}; it belongs before it"
    for j in range(index + 1, len(group)):
        if j in kept and RANK[group[j][0]] < rank:
            return f"{NAMES[kind]} comes before the {NAMES[group[j][0]]}; it belongs after it"
    return f"{NAMES[kind]} is out of order"


def _move(original: str, group, kept, index) -> Fix | None:
    """Cut the element's lines (and the blank lines after them) and put them in place."""
    kind, span = group[index]
    start = original.rfind("\n", 0, span.start) + 1
    end = _after_blank_lines(original, span.end)
    rank = RANK[kind]
    target = None
    for j in sorted(kept):
        if RANK[group[j][0]] > rank:
            target = original.rfind("\n", 0, group[j][1].start) + 1
            break
    if target is None:
        last = group[max(kept)][1]
        target = _after_blank_lines(original, last.end)
    if start <= target <= end:
        return None
    moved = original[start:end]
    if not moved.endswith("\n\n"):
        moved = moved.rstrip("\n") + "\n\n"
    edits = sorted((Edit(start, end, ""), Edit(target, target, moved)), key=lambda e: e.start)
    return Fix(tuple(edits), safe=False,
               description=f"move the {NAMES[kind]} to its place in the header")


def _after_blank_lines(text: str, position: int) -> int:
    """The start of the first non-blank line after the line holding ``position``."""
    end = text.find("\n", position)
    if end < 0:
        return len(text)
    end += 1
    while end < len(text):
        newline = text.find("\n", end)
        line = text[end:len(text) if newline < 0 else newline]
        if line.strip():
            return end
        end = len(text) if newline < 0 else newline + 1
    return end
