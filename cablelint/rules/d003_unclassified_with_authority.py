"""D003 unclassified-with-authority: an unclassified cable carries DECL or "Classified By".

What it checks:
    A cable whose banner is unclassified (``UNCLAS``, ``UNCLASSIFIED``, ``UNCLAS EFTO``;
    an SBU cable is an ``UNCLAS`` cable with the ``SENSITIVE`` caption) writes its E.O. line
    as ``E.O. <order>: N/A`` and has no "Classified By" block. A ``DECL:`` or ``DNG:``
    instruction (``DECL: 06/02/2016``, also ``DECL: N/A``) is reported at the instruction,
    a "Classified By" block at its label. A missing E.O. line is D001's; an archival
    declassification stamp in the E.O. line's place (``E.O. 12958: DECL: DECLASSIFIED BY
    NARA 09/02/2009``) is not an instruction and is not reported.

Why:
    Declassification instructions and classification authority belong to classified
    information only; on an unclassified cable they suggest a mis-marked banner, or mislead
    records systems into treating the cable as classified.

Example:
    ``UNCLAS STATE 041277`` with ``E.O. 12958: DECL: 06/02/2016``. Clean:
    ``E.O. 12958: N/A``.

Fix:
    Safe: replace the ``DECL:``/``DNG:`` instruction by ``N/A``
    (``E.O. 12958: DECL: 06/02/2016`` -> ``E.O. 12958: N/A``). Unsafe (prompted): remove
    the "Classified By" block with its line ends; the drafter must first be sure that the
    banner, not the block, is right.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    ITA cable form (N/A for unclassified, classifier block blank) [ITA]; 32 CFR 2001.21,
    2001.24(a) [CFR2001]; spec/rules.md D003.
"""

from ..declassification import declassification, instruction_span
from ..diagnostics import Edit, Fix, Severity
from ..reasons import block_extent, classified_by
from .base import Rule


class UnclassifiedWithAuthority(Rule):
    code = "D003"
    name = "unclassified-with-authority"
    severity = Severity.ERROR
    fixable = "yes"
    summary = "unclassified cable carries DECL or Classified By"

    def check(self, cable, settings):
        if cable.level != "U":
            return
        reading = declassification(cable)
        if reading is not None and reading.kind in ("DECL", "DNG") and not reading.review_stamp:
            end = reading.value_offset + len(reading.value)
            span = instruction_span(cable, reading, reading.kind_offset, end)
            fix = Fix((Edit(span.start, span.end, "N/A"),), safe=True,
                      description="write N/A for an unclassified cable")
            yield self.finding(f"unclassified cable has a {reading.kind} instruction: write "
                               f"'E.O. {reading.order}: N/A'", span, fix=fix)
        if cable.classified_by:
            block = classified_by(cable)
            yield self.finding("unclassified cable has a 'Classified By' block", block.label,
                               fix=removal(cable.original, *block_extent(cable)))


def removal(original: str, start: int, end: int) -> Fix:
    """Delete the block's lines; with a blank line on both sides, one of them too."""
    line_start = original.rfind("\n", 0, start) + 1
    if original[line_start:start].strip():  # the block shares its line: take it alone
        return Fix((Edit(start, end, ""),), safe=False,
                   description="remove the 'Classified By' block")
    end = original.find("\n", end)
    end = len(original) if end < 0 else end + 1
    next_end = original.find("\n", end)
    if _blank_before(original, line_start) and next_end >= 0 and not original[end:next_end].strip():
        end = next_end + 1
    return Fix((Edit(line_start, end, ""),), safe=False,
               description="remove the 'Classified By' block")


def _blank_before(original: str, line_start: int) -> bool:
    """Whether the line before the one starting at ``line_start`` is blank (or there is none)."""
    if line_start == 0:
        return True
    previous = original.rfind("\n", 0, line_start - 1) + 1
    return not original[previous:line_start].strip()
