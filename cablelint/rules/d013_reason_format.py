"""D013 reason-format: the reason's letters are not written in the standard notation.

What it checks:
    In a CONFIDENTIAL, SECRET or TOP SECRET cable, the letters after the reason's section
    are each written ``(x)`` in lower case, in alphabetical order, once, joined by ``,`` or
    ``and``: ``1.4 (d)``, ``1.4 (b) and (d)``, ``1.4 (b), (d)``, ``1.4 (b), (c) and (d)``.
    Reported: ``(b/d)``, ``(B,D)``, ``b and d``, ``(b&d)``, ``(b+d)``, ``(b-d)``,
    ``1.4(G)(E)``, ``(b) (d)``, ``( d)``, ``(d.)``, duplicated letters. A block written
    wholly in capitals (teletype traffic) may write the letters and the joining word in
    capitals: ``1.5 (B) AND (D)``. What stands between the section and the letters
    (``1.4(d)``, ``1.4. (d)``) is not judged, nor an ``and`` that the release's line
    wrapping split (``an`` / ``d``: X004). Whether section and letters are valid for the
    order is D012's.

Why:
    One notation keeps the reason readable and lets records systems extract the categories;
    ISOO writes the section number followed by the letters.

Example:
    ``Reasons 1.4 (b/d).`` Clean: ``Reasons 1.4 (b) and (d).``

Fix:
    Safe: rewrite the letters in the standard notation, lower-case, sorted and without
    duplicates, with one space after the section: ``1.4 (b/d)`` -> ``1.4 (b) and (d)``,
    ``1.4(G)(E)`` -> ``1.4 (e) and (g)``; three or more letters as ``(b), (c) and (d)``. The
    letters themselves do not change. Unsafe when two letters are joined by a hyphen
    (``(b-d)``): it may mean the range b to d.

Options:
    None.

Profiles:
    draft: every block is judged.
    archive: a block the release cut short (``Reasons 1.4 (b...``) is not judged.

Source:
    32 CFR 2001.21(a)(3) [CFR2001]; observed variants [CM: test_reader_classified_by.py];
    spec/rules.md D013.
"""


from .. import regex
from ..diagnostics import Edit, Fix, Severity
from ..reasons import judged_block
from .base import Rule

# "(b) and (d)", "(b), (d)", "(b), (c), and (d)"; an "and" the release's wrapping split over
# two lines ("an" / "d") is X004's, not a notation of its own
_AND = r"a\n?n\n?d"
_AND_CAPITALS = r"A\n?N\n?D"
_STANDARD = regex.compile(
    r"\([a-z]\)(?:(?:\s*,\s*(?:_\s+)?|\s+_\s+)\([a-z]\))*".replace("_", _AND))
_LETTER = regex.compile(r"\(([A-Za-z])\)")
_STANDARD_CAPITALS = regex.compile(
    r"\([A-Z]\)(?:(?:\s*,\s*(?:_\s+)?|\s+_\s+)\([A-Z]\))*".replace("_", _AND_CAPITALS))


def standard_letters(letters: list[str], capitals: bool = False) -> str:
    """``["d", "b", "d"]`` -> ``(b) and (d)``; three or more: ``(b), (c) and (d)``."""
    marks = [f"({letter.upper() if capitals else letter.lower()})"
             for letter in sorted({letter.lower() for letter in letters})]
    joiner = " AND " if capitals else " and "
    return marks[0] if len(marks) == 1 else ", ".join(marks[:-1]) + joiner + marks[-1]


def is_standard(notation: str, capitals: bool) -> bool:
    """Whether the letters as written are in the standard notation."""
    pattern = _STANDARD_CAPITALS if capitals else _STANDARD
    if not pattern.fullmatch(notation):
        return False
    letters = [c.lower() for c in _LETTER.findall(notation)]
    return all(a < b for a, b in zip(letters, letters[1:]))


class ReasonFormat(Rule):
    code = "D013"
    name = "reason-format"
    severity = Severity.INFO
    fixable = "yes"
    summary = "non-canonical reason notation"

    def check(self, cable, settings):
        block = judged_block(cable, settings)
        if block is None:
            return
        reason = block.reason
        if reason is None or reason.section is None or not reason.letters:
            return
        if is_standard(reason.notation, block.all_caps):
            return
        standard = standard_letters(list(reason.letter_values), block.all_caps)
        fix = Fix((Edit(reason.section_span.end, reason.notation_span.end, " " + standard),),
                  safe=not reason.ranged, description=f"write {standard}")
        written = " ".join(reason.notation.split())
        yield self.finding(f"reason letters '{written}' are not in the standard notation: "
                           f"write '{reason.section_value} {standard}'",
                           reason.notation_span, fix=fix)
