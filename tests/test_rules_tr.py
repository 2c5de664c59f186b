"""T (TAGS) and R (references) rules: their fixes, the citations helper, the reference example.

Every cable here is invented. A fix test lints a cable with one rule, applies the edits of
that rule's fixes, compares the text with the expected one and checks the ``safe`` flag; the
fixed text then draws no finding of that rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cablelint.build import build_cable
from cablelint.citations import body_citations, listed_tags, read_reference, splits
from cablelint.config import Settings
from cablelint.engine import lint_text

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "08BEIJING1050.txt"

PARAGRAPHS = (
    "1. (C) Summary: The Ministry of Primary Industries told Embassy that\n"
    "cabinet will review the draft fisheries accord in May (ref A). End\n"
    "Summary.",
    "2. (C) Officials said the accord follows the framework set out in\n"
    "ref B and covers joint patrols in the southern ocean.",
    "3. (U) Embassy will report further developments.",
)


def cable(*, tags: str = "TAGS: PREL ECON NZ",
          refs: str | None = "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410",
          paragraphs=PARAGRAPHS) -> str:
    """A clean CONFIDENTIAL cable from an invented embassy, with the parts a test changes."""
    parts = [
        "O 091415Z APR 24\nFM AMEMBASSY WELLINGTON\nTO SECSTATE WASHDC IMMEDIATE 2210",
        "C O N F I D E N T I A L WELLINGTON 000318",
        "SIPDIS",
        "E.O. 13526: DECL: 04/09/2034\n" + tags
        + "\nSUBJECT: (C) NEW ZEALAND WEIGHS FISHERIES ACCORD",
        refs,
        "Classified By: Ambassador Lena M. Korvald. Reasons 1.4 (b) and (d).",
        *paragraphs,
        "KORVALD",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def fixed(text: str, code: str, *, safe: bool = True) -> str:
    """``text`` with every fix of ``code`` applied; each fix has the expected ``safe`` flag."""
    diagnostics = lint_text(text, config=Settings(select=(code,)))
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    assert fixes, [d.message for d in diagnostics]
    assert all(fix.safe is safe for fix in fixes)
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start, (before, after)
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def findings(text: str, code: str, profile: str = "draft"):
    return lint_text(text, config=Settings(select=(code,), profile=profile))


# --- T002: SIPDIS removed with one separator ---------------------------------------------------


@pytest.mark.parametrize(("broken", "mended"), [
    ("TAGS: PREL, SIPDIS, ECON, NZ", "TAGS: PREL, ECON, NZ"),
    ("TAGS: PREL SIPDIS ECON NZ", "TAGS: PREL ECON NZ"),
    ("TAGS: SIPDIS PREL ECON NZ", "TAGS: PREL ECON NZ"),
    ("TAGS: PREL, ECON, NZ, SIPDIS", "TAGS: PREL, ECON, NZ"),
    ("TAGS: PREL SIPDIS SIPDIS ECON NZ", "TAGS: PREL ECON NZ"),
    ("TAGS: PREL ECON NZ SIPDIS SIPDIS", "TAGS: PREL ECON NZ"),
    ("TAGS: PREL ECON\nSIPDIS NZ", "TAGS: PREL ECON\nNZ"),
    ("TAGS: PREL ECON NZ\nSIPDIS", "TAGS: PREL ECON NZ"),
])
def test_t002_removes_caption_words_with_one_separator(broken, mended):
    assert fixed(cable(tags=broken), "T002") == cable(tags=mended)
    assert findings(cable(tags=mended), "T002") == []


def test_t002_keeps_crlf_line_ends():
    text = cable(tags="TAGS: PREL ECON\nNZ\nSIPDIS").replace("\n", "\r\n")
    assert fixed(text, "T002") == cable(tags="TAGS: PREL ECON\nNZ").replace("\n", "\r\n")


# --- T003: split when the split is unique ------------------------------------------------------


@pytest.mark.parametrize(("broken", "mended"), [
    ("TAGS: MASSMNUC PREL NZ", "TAGS: MASS MNUC PREL NZ"),
    ("TAGS: PREL, MASSMNUC, NZ", "TAGS: PREL, MASS, MNUC, NZ"),
    ("TAGS: prel massmnuc nz", "TAGS: prel mass mnuc nz"),
    ("TAGS: ETRDEINVECINPGOVNZ", "TAGS: ETRD EINV ECIN PGOV NZ"),
    ("TAGS: PREL NZPREL.", "TAGS: PREL NZ PREL."),
])
def test_t003_splits_a_unique_run(broken, mended):
    assert fixed(cable(tags=broken), "T003") == cable(tags=mended)
    assert findings(cable(tags=mended), "T003") == []


def test_t003_gives_no_fix_for_two_splits():
    (finding,) = findings(cable(tags="TAGS: PREL ASECIN NZ"), "T003")
    assert finding.fix is None
    assert "'AS ECIN'" in finding.message and "'ASEC IN'" in finding.message


@pytest.mark.parametrize(("word", "parts"), [
    ("MASSMNUC", (("MASS", "MNUC"),)),
    ("PHUMBA", (("PHUM", "BA"),)),
    ("ETRDEINVECINPGOVCS", (("ETRD", "EINV", "ECIN", "PGOV", "CS"),)),
    ("ASECIN", (("AS", "ECIN"), ("ASEC", "IN"))),
    ("RIGHTS", ()),      # only geographic codes: prose, not tags
    ("PREL", ()),        # a tag
    ("SIPDIS", ()),      # a caption
    ("Phumba", ()),      # mixed case
    ("PHUM-BA", ()),     # not one run of letters
])
def test_splits(word, parts):
    assert splits(word) == parts


# --- T004: keep the first occurrence -----------------------------------------------------------


@pytest.mark.parametrize(("broken", "mended"), [
    ("TAGS: PREL MARR MOPS IT MARR MOPS IT", "TAGS: PREL MARR MOPS IT"),
    ("TAGS: PREL, NZ, ECON, PREL, EFIN", "TAGS: PREL, NZ, ECON, EFIN"),
    ("TAGS: PREL ECON\nNZ ECON", "TAGS: PREL ECON\nNZ"),
    ("TAGS: PREL ECON NZ\nPREL", "TAGS: PREL ECON NZ"),
])
def test_t004_removes_repeats(broken, mended):
    assert fixed(cable(tags=broken), "T004") == cable(tags=mended)
    assert findings(cable(tags=mended), "T004") == []


# --- TAGS continuation lines -------------------------------------------------------------------


def test_continuation_line_that_is_not_tags_ends_the_tags():
    text = cable(tags="TAGS: PREL ECON NZ\nUNCLAS SECTION 01 OF 02 WELLINGTON 000318")
    line = build_cable(text).tags_line
    assert [tag.text for tag in listed_tags(line)] == ["PREL", "ECON", "NZ"]


def test_tags_continue_on_a_line_of_tags():
    line = build_cable(cable(tags="TAGS: PREL ECON\nEFIN NZ")).tags_line
    assert [tag.text for tag in listed_tags(line)] == ["PREL", "ECON", "EFIN", "NZ"]


# --- R001 --------------------------------------------------------------------------------------


def test_r001_single_lettered_reference_with_doubled_letter():
    one = ("1. (C) As reported reftel, cabinet will review the accord in May.",
           "2. (U) Embassy will report further developments.")
    broken = cable(refs="REF: A. A) 23 WELLINGTON 1190", paragraphs=one)
    assert fixed(broken, "R001") == cable(refs="REF: 23 WELLINGTON 1190", paragraphs=one)


def test_r001_dropping_a_letter_the_body_cites_is_unsafe():
    cited = ("1. (C) As reported ref A, cabinet will review the accord in May.",
             "2. (U) Embassy will report further developments.")
    (finding,) = findings(cable(refs="REF: A. 23 WELLINGTON 1190", paragraphs=cited), "R001")
    assert finding.fix is not None and not finding.fix.safe


@pytest.mark.parametrize(("broken", "mended"), [
    ("REF: (A) 23 WELLINGTON 1190\n     (B) STATE 4410",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410"),
    ("REF: A. 23 WELLINGTON 1190\n     B) STATE 4410",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410"),
    ("Refs: A. 23 WELLINGTON 1190\n      B. STATE 4410",
     "REFS: A. 23 WELLINGTON 1190\n      B. STATE 4410"),
    ("REF: A. REF A: 23 WELLINGTON 1190\n     B. B. STATE 4410",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410"),
])
def test_r001_fixes(broken, mended):
    assert fixed(cable(refs=broken), "R001") == cable(refs=mended)
    assert findings(cable(refs=mended), "R001") == []


def test_r001_label_for_one_reference():
    one = ("1. (C) As reported reftel, cabinet will review the accord in May.",
           "2. (U) Embassy will report further developments.")
    assert fixed(cable(refs="REFS: 23 WELLINGTON 1190", paragraphs=one), "R001") == cable(
        refs="REF: 23 WELLINGTON 1190", paragraphs=one)


# --- R002 --------------------------------------------------------------------------------------


def test_r002_reletters_the_list_and_the_body():
    body = ("1. (C) Cabinet will review the accord in May (ref A); see also\n"
            "refs C and D.",
            "2. (C) The patrols follow ref (c).",
            "3. (U) Embassy will report further developments.")
    broken = cable(refs="REF: A. 23 WELLINGTON 1190\n     C. STATE 4410\n     D. STATE 4478",
                   paragraphs=body)
    mended = cable(refs="REF: A. 23 WELLINGTON 1190\n     B. STATE 4410\n     C. STATE 4478",
                   paragraphs=(body[0].replace("refs C and D", "refs B and C"),
                               body[1].replace("(c)", "(b)"), body[2]))
    assert fixed(broken, "R002", safe=False) == mended
    assert findings(mended, "R002") == []
    assert findings(mended, "R005") == []


def test_r002_gives_no_fix_for_a_repeated_letter():
    text = cable(refs="REF: A. 23 WELLINGTON 1190\n     B. STATE 4410\n     B. STATE 4478")
    (finding,) = findings(text, "R002")
    assert finding.fix is None


# --- R003 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("broken", "mended"), [
    ("REF: A. 23 WELLINGTON 1190\n     B. 08 RIO DE JAN 0044",
     "REF: A. 23 WELLINGTON 1190\n     B. 08 RIO DE JANEIRO 44"),
    ("REF: A. 23 WELLINGTON 1190\n     B. SECSTATE 4410",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410"),
    ("REF: A. 23WELLINGTON1190\n     B. STATE 4410",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410"),
    ("REF: A. 23WELLINGTON 1190\n     B. STATE 004410 AND 04478",
     "REF: A. 23 WELLINGTON 1190\n     B. STATE 4410 AND 4478"),
    ("REF: A. WELLINGTON 01190 (23)\n     B. USUN 771",
     "REF: A. WELLINGTON 1190 (23)\n     B. USUN NEW YORK 771"),
])
def test_r003_writes_the_canonical_citation(broken, mended):
    assert fixed(cable(refs=broken), "R003") == cable(refs=mended)
    assert findings(cable(refs=mended), "R003") == []


def test_r003_unknown_post_has_no_fix():
    (finding,) = findings(cable(refs="REF: A. 23 WELINGTON 1190\n     B. STATE 4410"), "R003")
    assert finding.fix is None and "did you mean 'WELLINGTON'" in finding.message


@pytest.mark.parametrize(("citation", "read"), [
    ("07 BEIJING 5361", [(2007, "BEIJING", 5361)]),
    ("BEIJING 463", [(None, "BEIJING", 463)]),
    ("BEIJING 463 (07)", [(2007, "BEIJING", 463)]),
    ("2008 RIO DE JANEIRO 44", [(2008, "RIODEJANEIRO", 44)]),
    ("SECSTATE 4410", [(None, "STATE", 4410)]),
    ("STATE 41252 AND 44603", [(None, "STATE", 41252), (None, "STATE", 44603)]),
    ("CAIRO 59; 08 CAIRO 2515", [(None, "CAIRO", 59), (2008, "CAIRO", 2515)]),
    ("LAHORE 25 07 ISLAMABAD 5138", [(None, "LAHORE", 25), (2007, "ISLAMABAD", 5138)]),
    ("09BOGOTA569", [(2009, "BOGOTA", 569)]),
    ("TRIPOLI 22  TRIPOLI 00000031  001.2 OF 003", [(None, "TRIPOLI", 22)]),
    ("LAKHDAR E-MAIL 12/01/09", []),
    ("PARIS POINTS OF 3/6", []),
])
def test_read_reference(citation, read):
    assert [(c.year, c.station, c.number) for c in read_reference(citation).cables] == read


# --- R004 and R005 -----------------------------------------------------------------------------


def test_r004_judges_each_cited_cable():
    text = cable(refs="REF: A. WELLINGTON 318\n     B. 25 STATE 12\n     C. STATE 4410",
                 paragraphs=("1. (C) Refs A, B and C cover the accord.",
                             "2. (U) Embassy will report further developments."))
    messages = [d.message for d in findings(text, "R004")]
    assert len(messages) == 2
    assert "cites this cable itself" in messages[0] and "after this cable" in messages[1]


def test_body_citations():
    text = cable(paragraphs=(
        "1. (C) Refs A through C, reftel B and (REF D) were read; see refs\n"
        "E and F, ref (G), and the P/E Chief's note of ref H, P/E Chief.",
        "2. (U) After reftel a meeting was held."))
    cited = [[(letter.letter, letter.implied, letter.maybe_word) for letter in c.letters]
             for c in body_citations(build_cable(text))]
    assert cited == [
        [("A", False, False), ("B", True, False), ("C", False, False)],
        [("B", False, False)],
        [("D", False, False)],
        [("E", False, False), ("F", False, False)],
        [("G", False, False)],
        [("H", False, False)],
        [("A", False, True)],
    ]


def test_body_citation_spans_point_at_the_letter():
    text = cable()
    lines = text.split("\n")
    for citation in body_citations(build_cable(text)):
        for letter in citation.letters:
            assert lines[letter.span.line - 1][letter.span.column - 1] == letter.letter


def test_r005_severities():
    text = cable(paragraphs=("1. (C) Cabinet will review the accord (ref C).",
                             "2. (U) Embassy will report further developments."))
    found = [(d.severity.label, d.message) for d in findings(text, "R005")]
    assert ("warning", "REF A is not cited in the body") in found
    assert ("warning", "REF B is not cited in the body") in found
    assert ("error", "the body cites ref C, but the REF list has A, B") in found


# --- the reference example ---------------------------------------------------------------------


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="shared/examples not beside the checkout")
@pytest.mark.parametrize("profile", ["draft", "archive"])
def test_reference_example_draws_no_t_or_r_finding(profile):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert lint_text(text, config=Settings(select=("T", "R"), profile=profile)) == []


# --- data ---------------------------------------------------------------------------------------


def test_ref_post_aliases_name_stations():
    from cablelint import codes

    stations = codes.stations()
    for squeezed, (post, kind) in codes.ref_posts().items():
        assert squeezed not in stations, squeezed
        if kind == "alias":
            assert codes.squeeze_post(post) in stations, post
        else:
            assert kind == "series" and codes.squeeze_post(post) == squeezed
