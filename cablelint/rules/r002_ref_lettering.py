"""R002 ref-lettering: REF letters not consecutive.

What it checks:
    The letters of a lettered REF list run A, B, C ... in order, without a gap
    (``A.`` then ``C.``), a repeat (``B.`` twice) or another start (``B.`` first). One
    finding per list, at the first letter out of step, with the letters as written. A single
    reference's letter is R001's.

Why:
    The body cites references by letter (``ref C``); a gap or a repeat leaves the reader
    unsure which reference is meant, and often shows a reference deleted from the list but
    still cited.

Example:
    ``REF: A. PARIS 1501`` / ``C. PARIS 1568``. Clean: ``A. PARIS 1501`` / ``B. PARIS 1568``.

Fix:
    Unsafe (a reviewer should look at the result): re-letter the list A, B, C ... in its
    order and rewrite the body's citations (``ref C`` -> ``ref B``) to match. No fix when a
    letter is repeated: the body's citations of it cannot be told apart.

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed practice [CM: test_reader_references*.py]; needed for unambiguous body
    citations (R005); spec/cable-format.md section 8; spec/rules.md R002.
"""

from ..citations import body_citations, ref_letter
from ..diagnostics import Edit, Fix, Severity
from .base import Rule


class RefLettering(Rule):
    code = "R002"
    name = "ref-lettering"
    severity = Severity.WARNING
    fixable = "re-letter"
    summary = "REF letters not consecutive"

    def check(self, cable, settings):
        if not cable.references:
            return
        lettered = [item.letter for item in cable.references[0].references if item.letter]
        if len(lettered) < 2:
            return
        letters = [ref_letter(letter) for letter in lettered]
        wanted = [chr(ord("A") + i) for i in range(len(letters))]
        if letters == wanted:
            return
        first = next(i for i, (have, want) in enumerate(zip(letters, wanted)) if have != want)
        written = ", ".join(letters)
        if letters[first] in letters[:first]:
            message = f"REF letter {letters[first]} is repeated (letters run {written})"
        elif first == 0:
            message = f"REF letters start at {letters[0]}, not A (letters run {written})"
        else:
            message = (f"REF letter {letters[first]} follows {letters[first - 1]}: expected "
                       f"{wanted[first]} (letters run {written})")
        yield self.finding(message, lettered[first].span, fix=self.reletter(cable, lettered,
                                                                             letters, wanted))

    @staticmethod
    def reletter(cable, lettered, letters, wanted) -> Fix | None:
        if len(set(letters)) != len(letters):
            return None
        mapping = dict(zip(letters, wanted))
        edits = []
        for letter, have, want in zip(lettered, letters, wanted):
            if have == want:
                continue
            at = letter.span.start + letter.text.index(next(c for c in letter.text
                                                            if c.isalpha()))
            if cable.original[at] != have:
                return None
            edits.append(Edit(at, at + 1, want))
        for citation in body_citations(cable):
            for cited in citation.letters:
                new = mapping.get(cited.letter)
                if cited.implied or cited.maybe_word or new is None or new == cited.letter:
                    continue
                at = cited.span.start
                old = cable.original[at]
                if old.upper() != cited.letter:
                    return None
                edits.append(Edit(at, at + 1, new.lower() if old.islower() else new))
        edits.sort(key=lambda edit: edit.start)
        return Fix(tuple(edits), safe=False,
                   description="re-letter the REF list A, B, C ... and the body's citations")
