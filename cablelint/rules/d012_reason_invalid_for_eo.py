"""D012 reason-invalid-for-eo: the reason's section or letter does not exist under the order.

What it checks:
    The section and category letters of the "Classified By" reason against the order in
    force on the cable's own date: section 1.5 with letters a-g under the original
    E.O. 12958 (1995-10-14 to 2003-03-24); section 1.4 with letters a-h under E.O. 12958 as
    amended (from 2003-03-25) and E.O. 13526; section 1.3 under E.O. 12356 (its letters
    are not judged). Orders before E.O. 12356 are not judged.

    Section 1.5 after 2003-03-25 is a warning: the amendment renumbered the section with the
    same letters, and the 2004 handbook example still showed 1.5. Any other section
    (``1.2``, ``1,4``, ``1/4``, ``1.4`` before 2003-03-25) is an error, and so is each letter
    outside the order's list (``1.4 (i)``; ``(h)`` under the original E.O. 12958). A
    missing section or letter is D011's; the way the letters are written is D013's.

Why:
    The reason cites the order's list of classification categories; a section or letter
    that does not exist there gives the classification no valid basis.

Example:
    A 2008 cable with ``Reason 1.5 (b) (d)``. Clean: ``Reason 1.4 (b) and (d)``.

Fix:
    Safe, for 1.5 after 2003-03-25 only: write ``1.4`` for ``1.5`` (the letters stay as
    they are; the amendment kept them). No fix for other sections and letters: they need
    the classifier.

Options:
    None.

Profiles:
    Both profiles judge the cable by its own date-time group. archive: a block the release
    cut short (``reasons 1...``) is not judged.

Source:
    E.O. 12958 section 1.5 [EO12958 via FAH1-240]; E.O. 13292 [EO13292]; 32 CFR
    2001.21(a)(3)(i) [CFR2001]; observed 1.5 after 2003 (08BRASILIA93, 08HAVANA956) and
    ``1.2 (B), (D)`` (09ASTANA184) [CM]; spec/rules.md D012.
"""

from ..declassification import governing_order, order_name
from ..diagnostics import Edit, Fix, Severity
from ..reasons import judged_block
from .base import Rule

_RENUMBERED = ("1.5", "1.4")  # E.O. 13292 renumbered the category section


class ReasonInvalidForEo(Rule):
    code = "D012"
    name = "reason-invalid-for-eo"
    severity = Severity.ERROR
    fixable = "section no."
    summary = "reason section or letter invalid for the governing order"

    def check(self, cable, settings):
        block = judged_block(cable, settings)
        if block is None:
            return
        reason = block.reason
        order = governing_order(cable)
        if reason is None or reason.section is None or order is None:
            return
        if order.reason_section is None:
            return
        name = order_name(order)
        section = reason.section_value
        span = reason.section_span
        if (section, order.reason_section) == _RENUMBERED:
            fix = Fix((Edit(span.start, span.end, order.reason_section),), safe=True,
                      description=f"write {order.reason_section} for {section}")
            yield self.finding(f"reason section {section} was renumbered {order.reason_section} "
                               f"by E.O. 13292 (2003-03-25): cite {name} section "
                               f"{order.reason_section}", span, fix=fix,
                               severity=Severity.WARNING)
        elif section != order.reason_section:
            yield self.finding(f"'{section}' is not the reason section of {name}: cite section "
                               f"{order.reason_section}", span)
        if not order.reason_letters:
            return
        allowed = f"{order.reason_letters[0]}-{order.reason_letters[-1]}"
        for letter in reason.letters:
            if letter.value not in order.reason_letters:
                yield self.finding(f"({letter.value}) is not a category of {name} "
                                   f"(letters {allowed})", reason.letter_span(letter))
