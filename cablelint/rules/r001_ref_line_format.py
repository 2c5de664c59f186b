"""R001 ref-line-format: REF label and lettering style.

What it checks:
    The REF list's label is ``REF:`` for one reference and ``REFS:`` or ``REF:`` for several
    (``Ref:``, ``REFTEL:``, ``REF(S):``, ``REF.`` are reported); a list of several references
    is lettered in one style, ``A.`` (``A)``, ``(A)``, ``[A]``, ``A:`` are reported, once per
    list); a single reference is not lettered (``REF: A. MANAMA 20``); no item repeats its
    letter (``A. A) MANAMA 20``, ``A. REF A: STATE 2040``, ``B. (B) ...``). The letters'
    order is R002's.

Why:
    One form makes the list easy to read and the body's citations (``ref A``) easy to
    resolve; a doubled letter is a drafting slip that reads as two letters.

Example:
    ``REF: A. A) MANAMA 20`` (a single reference, lettered, with a doubled letter).
    Clean: ``REF: MANAMA 20``.

Fix:
    Safe: write the label ``REF:`` (one reference) or ``REFS:`` (several); write every
    letter as ``A.``; remove the doubled letter; drop the letter of a single reference,
    unless the body cites a REF letter (then the fix is unsafe: the body's ``ref A`` would
    lose its target).

Options:
    None.

Profiles:
    Both profiles alike.

Source:
    Observed label and lettering variants [CM: test_reader_references*.py];
    spec/cable-format.md section 4.7; spec/rules.md R001.
"""

import re

from .. import regex
from ..citations import body_citations, exact_offset, read_reference, ref_letter
from ..diagnostics import Edit, Fix, Severity
from .base import Rule

_PREFERRED_LETTER = regex.compile(r"[A-Z]\.")
_DOUBLED = regex.compile(r"(?:\((?P<a>[A-Z])\)|(?P<b>[A-Z])[.):]|\[(?P<c>[A-Z])\]"
                         r"|REF[^\S\n]+(?P<d>[A-Z])[.:]?)(?=\s)\s*", re.IGNORECASE)


class RefLineFormat(Rule):
    code = "R001"
    name = "ref-line-format"
    severity = Severity.INFO
    fixable = "yes"
    summary = "REF label and lettering style"

    def check(self, cable, settings):
        if not cable.references or not cable.references[0].references:
            return
        refs = cable.references[0]
        items = refs.references
        several = len(items) > 1 or len(read_reference(items[0].citation.text).cables) > 1
        yield from self.label(refs, several)
        if not several and items[0].letter is not None:
            yield self.single_lettered(cable, items[0])
        elif several:
            yield from self.lettering_style(cable, items)
        for item in items:
            yield from self.doubled(cable, item)

    def label(self, refs, several):
        written = refs.label.text.strip()
        wanted = "REFS:" if several and written.upper().startswith(("REFS", "REF(S)", "REFTELS"))\
            else "REF:"
        if written == wanted or (several and written in ("REF:", "REFS:")):
            return
        fix = Fix((Edit(refs.label.span.start, refs.label.span.end, wanted),), safe=True,
                  description=f"write the label {wanted}")
        count = "several references" if several else "one reference"
        yield self.finding(f"REF label '{written}' for {count}: write '{wanted}'",
                           refs.label.span, fix=fix)

    def single_lettered(self, cable, item):
        letter = item.letter
        cited = any(citation.letters for citation in body_citations(cable))
        fix = Fix((Edit(letter.span.start, item.citation.span.start, ""),), safe=not cited,
                  description=f"drop the letter {letter.text.strip()}")
        return self.finding(f"a single reference is not lettered: drop '{letter.text.strip()}'",
                            letter.span, fix=fix)

    def lettering_style(self, cable, items):
        letters = [item.letter for item in items if item.letter is not None]
        odd = [letter for letter in letters if not _PREFERRED_LETTER.fullmatch(letter.text)]
        if not odd:
            return
        edits = []
        for letter in odd:
            if cable.original[letter.span.start:letter.span.end] != letter.text:
                edits = None
                break
            edits.append(Edit(letter.span.start, letter.span.end, f"{ref_letter(letter)}."))
        styles = sorted({re.sub("[A-Z]", "A", letter.text) for letter in letters})
        written = " and ".join(f"'{style}'" for style in styles)
        fix = Fix(tuple(edits), safe=True, description="write the REF letters as A., B. ...") \
            if edits else None
        yield self.finding(f"REF letters are written {written}: write them as 'A.'",
                           odd[0].span, fix=fix)

    def doubled(self, cable, item):
        if item.letter is None:
            return
        match = _DOUBLED.match(item.citation.text)
        if match is None:
            return
        again = next(group for group in match.groups() if group)
        if again.upper() != ref_letter(item.letter):
            return
        start = exact_offset(cable, item.citation)
        marker = match.group().strip()
        if start is None:
            yield self.finding(f"REF letter {again.upper()} is written twice ('{marker}')",
                               item.citation.span)
            return
        span = cable.source.offsets.original_span(start, start + len(marker))
        fix = Fix((Edit(start, start + match.end(), ""),), safe=True,
                  description=f"remove the doubled letter '{marker}'")
        yield self.finding(f"REF letter {again.upper()} is written twice ('{marker}')", span,
                           fix=fix)
