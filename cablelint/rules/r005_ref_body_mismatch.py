"""R005 ref-body-mismatch: the REF list and the body's citations disagree.

What it checks:
    The body cites references as ``ref A``, ``reftel B``, ``(REF C)``, ``refs A and B``,
    ``refs A-C``, and a single reference as ``reftel`` or ``ref``; ``reftels`` without
    letters cites the whole list. Reported:

    * a lettered reference the body never cites (warning);
    * a single reference the body never cites (warning; draft profile only);
    * a letter the body cites that is not in the REF list, or any letter when the cable has
      no REF list (error; the latter in the draft profile only). A lone ``a`` or ``I``
      followed by a word (``reftel a meeting``) may be the sentence's own word and is not
      reported as a dangling letter.

    A REF list without letters that cites several cables (``REF: CAIRO 59; 08 CAIRO 2515``)
    is read as lettered A, B ... in its order, as its drafters cite it; a single reference
    without a letter may be cited as ``ref A``; ``REF: NONE`` lists no reference. The body is
    the text after the header, as normalised (``1B.`` in the REF list reads ``B.``);
    ``REF A: ...`` written in the body is a list, not a citation. A cable without body
    paragraphs (its text run into a header element by a release) is not judged for uncited
    references.

Why:
    A reference the text never uses need not be listed; a citation of a reference that is
    not listed sends the reader to nothing.

Example:
    ``REF: A. 07 BEIJING 5361 ...`` with no ``ref A`` anywhere in the body (warning).
    Clean: ``... as reported ref A, the MFA ...``.

Fix:
    No fix: whether to cite, drop or add a reference is the drafter's call.

Options:
    None.

Profiles:
    draft: every finding above. archive: two findings are left out. A single reference
    that the body does not cite: historical traffic often leaves a lone reference uncited
    (about one cable in ten of the 2010 release), its link to the text being plain from the
    subject. Letters cited in a cable without a REF list: in released traffic the list was
    usually lost (a partial extract, a REF list run into the SUBJECT line) rather than never
    written.

Source:
    Body citation conventions observed (``(ref a)``, ``reftel B``) [CM: 10STATE284,
    08TRIPOLI220]; spec/cable-format.md sections 4.7 and 8; spec/rules.md R005.
"""

from ..citations import body_citations, citation_span, read_reference, ref_letter
from ..diagnostics import Severity
from ..model import Paragraph
from .base import Rule


def listed_references(cable):
    """(letter, span) of each reference of the REF list, and whether the letters are written.

    An unlettered list that cites several cables gets the letters A, B ... in order; a
    single unlettered reference gets None.
    """
    items = cable.references[0].references if cable.references else ()
    items = [item for item in items if not read_reference(item.citation.text).nothing]
    if any(item.letter is not None for item in items):
        return [(ref_letter(item.letter), item.letter.span) for item in items
                if item.letter is not None], True
    entries = []
    for item in items:
        cables = read_reference(item.citation.text).cables
        if len(cables) > 1:
            entries += [citation_span(cable, item.citation, c.start, c.end) for c in cables]
        else:
            entries.append(item.citation.span)
    if len(entries) == 1:
        return [(None, entries[0])], False
    return [(chr(ord("A") + i), span) for i, span in enumerate(entries[:26])], False


class RefBodyMismatch(Rule):
    code = "R005"
    name = "ref-body-mismatch"
    severity = Severity.WARNING
    summary = "REF list and body citations disagree"

    def check(self, cable, settings):
        listed, written = listed_references(cable)
        if not listed and settings.profile != "draft":
            return  # without a REF list, only the draft profile reports (cited letters)
        citations = body_citations(cable)
        cited = {letter.letter for citation in citations for letter in citation.letters}
        if not listed and not cited:
            return
        letters = {letter for letter, _ in listed if letter is not None}
        single = len(listed) == 1
        if listed or settings.profile == "draft":
            yield from self.dangling(citations, letters, listed, single)
        if not any(isinstance(item, Paragraph) for item in cable.body):
            return  # no body to cite from (a release ran the text into the header)
        bare = [citation for citation in citations if not citation.letters]
        if single:
            letter, span = listed[0]
            used = bool(bare) or (letter or "A") in cited
            if not used and settings.profile == "draft":
                yield self.finding("the reference is not cited in the body (write 'reftel')",
                                   span)
            return
        if any(citation.plural for citation in bare) or (not written and not cited):
            return
        for letter, span in listed:
            if letter not in cited:
                yield self.finding(f"REF {letter} is not cited in the body", span)

    def dangling(self, citations, letters, listed, single):
        if single and not letters:
            letters = {"A"}
        for citation in citations:
            for cited in citation.letters:
                if cited.maybe_word or cited.implied or cited.letter in letters:
                    continue
                if not listed:
                    where = "the cable has no REF list"
                else:
                    where = f"the REF list has {', '.join(sorted(letters))}"
                yield self.finding(f"the body cites ref {cited.letter}, but {where}",
                                   cited.span, severity=Severity.ERROR)
