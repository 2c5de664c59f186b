"""Family D: the "Classified By" reader (cablelint/reasons.py), the DECL helpers, the fixes of
D002, D003, D005, D012 and D013, and the reference example.

All cable text is invented, except the reference example, which is read from the shared
folder when it is there (never copied).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint import codes
from cablelint.dates import find_date, find_date_like
from cablelint.declassification import marking_allowed, markings
from cablelint.engine import lint_text
from cablelint.reasons import authority_parts, classified_by

try:
    from cables import clean_cable, position, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, position, unclassified_cable

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "08BEIJING1050.txt"
D_CODES = tuple(f"D{n:03d}" for n in range(1, 14))


def block_of(text: str):
    return classified_by(build_cable(text))


def reason_of(block_text: str):
    block = block_of(clean_cable(classified_by=block_text))
    assert block is not None
    return block.reason


def findings(text: str, code: str, profile: str = "draft", **options):
    settings = Settings(select=(code,), profile=profile, options={code: options})
    return [d for d in lint_text(text, config=settings) if d.code == code]


def apply(text: str, diagnostics, safe_only: bool = True) -> str:
    """``text`` with the fixes of ``diagnostics`` applied (their edits must not overlap)."""
    edits = sorted((e for d in diagnostics if d.fix and (d.fix.safe or not safe_only)
                    for e in d.fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


# --- the reason: section and letters in every observed notation ----------------------------

NOTATIONS = [
    ("Reasons 1.4 (b) and (d).", "1.4", ("b", "d"), "(b) and (d)"),
    ("Reasons 1.4 (b/d).", "1.4", ("b", "d"), "(b/d)"),
    ("REASON: 1.4 (B), (D)", "1.4", ("b", "d"), "(B), (D)"),
    ("reasons 1.4 (B,D)", "1.4", ("b", "d"), "(B,D)"),
    ("reasons 1.4 b and d", "1.4", ("b", "d"), "b and d"),
    ("reasons 1.4 (b&d)", "1.4", ("b", "d"), "(b&d)"),
    ("reasons 1.4 (b+d)", "1.4", ("b", "d"), "(b+d)"),
    ("reasons 1.4 (b & d)", "1.4", ("b", "d"), "(b & d)"),
    ("reasons 1.4(G)(E)", "1.4", ("g", "e"), "(G)(E)"),
    ("reasons 1.4 (b), (b) and (d)", "1.4", ("b", "b", "d"), "(b), (b) and (d)"),
    ("reasons 1.4 (b and d)", "1.4", ("b", "d"), "(b and d)"),
    ("reasons 1.4 (b) and ( d).", "1.4", ("b", "d"), "(b) and ( d)"),
    ("reason 1.4(d.)", "1.4", ("d",), "(d.)"),
    ("reasons 1.4 (b), (c), and (d).", "1.4", ("b", "c", "d"), "(b), (c), and (d)"),
    ("reasons 1.4 (b, c & d)", "1.4", ("b", "c", "d"), "(b, c & d)"),
    ("reasons 1.4 (b) a nd (d)", "1.4", ("b", "d"), "(b) a nd (d)"),
    ("reasons 1.4 b/d", "1.4", ("b", "d"), "b/d"),
    ("reasons 1.4b and d", "1.4", ("b", "d"), "b and d"),
    ("Reason 1.5 (b) (d)", "1.5", ("b", "d"), "(b) (d)"),
    ("Reasons 1.2 (B), (D)", "1.2", ("b", "d"), "(B), (D)"),
    ("Reasons 1,4 (C) AND (D)", "1,4", ("c", "d"), "(C) AND (D)"),
    ("reasons: 1/4 (B), (D)", "1/4", ("b", "d"), "(B), (D)"),
    ("Reason: Section 1.4 (d).", "1.4", ("d",), "(d)"),
    ("reasons: E.O. 12958 1.4 (a,b,c,d).", "1.4", ("a", "b", "c", "d"), "(a,b,c,d)"),
    ("Reason(s): 1.4 (b),(d)", "1.4", ("b", "d"), "(b),(d)"),
    ("per 1.4 (d).", "1.4", ("d",), "(d)"),
    ("Reasons 1.5 (b, d, X6).", "1.5", ("b", "d"), "(b, d, X6)"),
    ("reasons 1.4. (b), (d).", "1.4", ("b", "d"), "(b), (d)"),
    ("reasons 1.4, (b) and (d)", "1.4", ("b", "d"), "(b) and (d)"),
]


@pytest.mark.parametrize(("reason", "section", "letters", "notation"), NOTATIONS)
def test_reason_notations(reason, section, letters, notation):
    found = reason_of(f"Classified By: Ambassador Jane Q. Hollis. {reason}")
    assert found.section_value == section
    assert found.letter_values == letters
    assert found.notation == notation


@pytest.mark.parametrize("block", [
    "Classified By: Ambassador Jane Q. Hollis.  Re\nasons 1.4 (b/d).",
    "Classified By: Ambassador Jane Q. Hollis for rea sons 1.4 (b/d).",
    "Classified By: Ambassador Jane Q. Hollis for reasons 1.\n4 (b/d).",
    "Classified By: Ambassador Jane Q. Hollis for reasons 1 \n.4 (b/d).",
    "Classified By: Ambassador Jane Q. Hollis, 1.4 (b/d \n).",
    "Classified By: Ambassador Jane Q. Hollis, reasons 1.4 (b & \nd)",
    "Classified By: Ambassador Jane Q. Hollis; reasons 1.4 \\\n(b/d) \\",
])
def test_reason_split_by_the_release(block):
    found = reason_of(block)
    assert found.section_value == "1.4" and found.letter_values == ("b", "d")


def test_hyphen_between_letters_is_ranged():
    assert reason_of("Classified By: Ambassador Jane Q. Hollis for reasons 1.4 (b-d).").ranged
    assert not reason_of("Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b/d).").ranged


def test_portion_mark_after_the_letters_ends_them():
    found = reason_of("Classified By: Ambassador Jane Q. Hollis, reasons 1.4 (b) and (d) (C)")
    assert found.letter_values == ("b", "d")
    found = reason_of("Classified By: Ambassador Jane Q. Hollis, reasons 1.4 b, d (C) The "
                      "ministry answered")
    assert found.letter_values == ("b", "d")


def test_a_letter_c_joined_by_and_is_a_letter():
    found = reason_of("Classified By: Ambassador Jane Q. Hollis, reasons 1.4 (b) and (C)")
    assert found.letter_values == ("b", "c")


@pytest.mark.parametrize(("block", "section", "letters"), [
    ("Classified By: Ambassador Jane Q. Hollis.", None, ()),
    ("Classified By: Ambassador Jane Q. Hollis. REASON:", None, ()),
    ("Classified By: Ambassador Jane Q. Hollis. Reason: 1.4", "1.4", ()),
    ("Classified By: Ambassador Jane Q. Hollis for reasons (b) and (d).", None, ("b", "d")),
    ("Classified By: Ambassador Jane Q. Hollis for reasons 1 (B) AND (D)", "1", ("b", "d")),
])
def test_incomplete_reasons(block, section, letters):
    found = reason_of(block)
    if found is None:
        assert section is None and letters == ()
        return
    assert found.section_value == section
    assert found.letter_values == letters


def test_reason_spans_point_at_the_original_text():
    text = clean_cable(
        classified_by="Classified By: Ambassador Jane Q. Hollis.\nReasons 1.4 (b/d).")
    block = block_of(text)
    assert text[block.reason.section_span.start:block.reason.section_span.end] == "1.4"
    assert text[block.reason.notation_span.start:block.reason.notation_span.end] == "(b/d)"
    assert (block.reason.notation_span.line, block.reason.notation_span.column) == \
        position(text, "(b/d)")
    assert (block.label.line, block.label.column) == position(text, "Classified By")
    letters = [block.reason.letter_span(letter) for letter in block.reason.letters]
    assert [text[s.start:s.end] for s in letters] == ["b", "d"]


# --- the block: where it is, who classified ------------------------------------------------


@pytest.mark.parametrize(("authority", "name", "position_"), [
    ("Ambassador", False, True),
    ("Glyn T. Davies", True, False),
    ("Political Minister Counselor Aubrey Carlson.", True, True),
    ("Chris Stevens, CDA, Embassy Tripoli, Dept of State.", True, True),
    ("Ambassador, Embassy Buenos Aires.", False, True),
    ("ELISSA G. PITTERLE, DIRECTOR, INR/OPS.", True, True),
    ("Charge d'Affaires, a.i., for", False, True),
    ("Minister-Counseor for Economic Affairs Donald Q. Blake", True, True),
    ("XXXXXXXXXXXX, for", True, True),
    ("", False, False),
])
def test_authority_parts(authority, name, position_):
    assert authority_parts(authority) == (name, position_)


def test_derived_classification_names_nobody():
    block = block_of(clean_cable(classified_by="Classified By: Derived from Multiple Sources"))
    assert block.derived and block.name_and_position() == (False, False)


def test_repeated_label_and_a_flattened_line():
    block = block_of(clean_cable(
        classified_by="Classified By: Classified By: Political Counselor Jane Q. Hollis for "
                      "E.O. 13526 reasons 1.4 (b) and (d)."))
    assert block.place == "header"
    assert block.name_and_position() == (True, True)
    assert block.reason.section_value == "1.4" and block.reason.letter_values == ("b", "d")


def test_reason_after_a_blank_line():
    block = block_of(clean_cable(
        classified_by="CLASSIFIED BY: Jane Q. Hollis, Ambassador, Dept of State.\n\n"
                      "REASON: 1.4 (b), (d)"))
    assert block.reason.letter_values == ("b", "d")


def test_block_run_into_the_ref_line():
    text = clean_cable(refs=["REF: OSLO 398  Classified by DCM Per Olsen, Reason: 1.4 (d)"],
                       classified_by=None)
    block = block_of(text)
    assert block is not None and block.place == "header"
    assert block.reason.letter_values == ("d",)
    assert (block.label.line, block.label.column) == position(text, "Classified by")


def test_legacy_block_in_paragraph_one():
    text = clean_cable(classified_by=None, paragraphs=[
        "1. (U) CLASSIFIED BY AMBASSADOR JANE Q. HOLLIS. REASON: 1.4 (B) AND (D).",
        "2. (C) The ministry confirmed the plan.",
        "3. (U) Embassy will report further developments."])
    block = block_of(text)
    assert block.place == "paragraph" and block.all_caps
    assert block.reason.letter_values == ("b", "d")
    assert text[block.span.start:block.span.end].endswith("(B) AND (D)")


def test_truncated_block():
    block = block_of(clean_cable(classified_by="Classified By: Ambass..."))
    assert block.truncated


def test_unclassified_cable_without_block():
    assert block_of(unclassified_cable()) is None


# --- DECL helpers -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2034-03-14", "14.03.2034", "12-29-13", "08 OCTOBER 2019",
                                   "MARCH 14, 2034", "3/14/034", "2034031", "MARCH 2034"])
def test_date_like_forms(value):
    assert find_date(value) is None and find_date_like(value) == (0, len(value))


@pytest.mark.parametrize("value", ["AFTER KOREAN UNIFICATION", "X1, X5", "25X1-HUMAN", "OADR",
                                   "1.6 FIVE YEARS AFTER CLOSURE", "AFTER THE 2012 ELECTIONS"])
def test_not_date_like(value):
    assert find_date(value) is None and find_date_like(value) is None


def test_markings_and_the_orders_that_allow_them():
    text = clean_cable(eo="E.O. 13526: DECL: OADR, X1, 25X1, 50X1-HUM")
    found = markings(build_cable(text))
    assert [(m.text, m.kind) for m in found] == [
        ("OADR", "indefinite"), ("X1", "X"), ("25X1", "25X"), ("50X1-HUM", "50X")]
    assert [text[m.span.start:m.span.end] for m in found] == ["OADR", "X1", "25X1", "50X1-HUM"]
    on = {year: codes.order_in_force(datetime.date(year, 6, 1))
          for year in (1990, 2001, 2005, 2024)}
    allowed = {year: [marking_allowed(m, order) for m in found if m.kind != "25X"]
               for year, order in on.items()}
    assert allowed == {1990: [True, False, False], 2001: [False, True, False],
                       2005: [False, False, False], 2024: [False, False, True]}


# --- fixes --------------------------------------------------------------------------------


def test_d002_fix_replaces_the_number_and_is_unsafe():
    text = clean_cable(dtg="O 201106Z MAR 08", eo="E.O. 13526: DECL: 03/20/2018")
    (finding,) = findings(text, "D002")
    assert finding.fix is not None and not finding.fix.safe
    fixed = apply(text, [finding], safe_only=False)
    assert fixed == clean_cable(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 03/20/2018")
    assert findings(fixed, "D002") == []


def test_d002_no_fix_inside_the_transition_window():
    text = clean_cable(dtg="O 101200Z JUL 10", eo="E.O. 12958: DECL: 07/10/2020")
    (finding,) = findings(text, "D002")
    assert finding.severity.label == "warning" and finding.fix is None
    text = clean_cable(dtg="O 101200Z JUL 10", eo="E.O. 12356: DECL: 07/10/2020")
    (finding,) = findings(text, "D002")
    assert finding.severity.label == "error" and finding.fix is None


def test_d003_decl_to_na_is_safe():
    text = unclassified_cable(eo="E.O. 13526: DECL: 06/15/2034")
    (finding,) = findings(text, "D003")
    assert finding.fix.safe
    fixed = apply(text, [finding])
    assert fixed == unclassified_cable()
    assert findings(fixed, "D003") == []


def test_d003_downgrade_to_na():
    text = unclassified_cable(eo="E.O. 13526: DNG: CO 06/15/2026")
    assert apply(text, findings(text, "D003")) == unclassified_cable()


def test_d003_removing_classified_by_is_unsafe():
    text = unclassified_cable(classified_by="Classified By: Ambassador Jane Q. Hollis.\n"
                                            "Reasons 1.4 (b) and (d).")
    (finding,) = findings(text, "D003")
    assert not finding.fix.safe
    assert apply(text, [finding]) == text  # --fix alone leaves it
    fixed = apply(text, [finding], safe_only=False)
    assert fixed == unclassified_cable()
    assert findings(fixed, "D003") == []


def test_d003_both_fixes_together():
    text = unclassified_cable(eo="E.O. 13526: DECL: 06/15/2034",
                              classified_by="Classified By: Ambassador Jane Q. Hollis. Reasons "
                                            "1.4 (b) and (d).")
    assert apply(text, findings(text, "D003"), safe_only=False) == unclassified_cable()


def test_d005_two_digit_year_fix_and_archive_tolerance():
    text = clean_cable(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 6/30/18")
    (finding,) = findings(text, "D005")
    assert finding.severity.label == "warning" and finding.fix.safe
    assert apply(text, [finding]) == clean_cable(dtg="O 201106Z MAR 08",
                                                 eo="E.O. 12958: DECL: 06/30/2018")
    assert findings(text, "D005", profile="archive") == []


def test_d005_other_forms_have_no_fix():
    (finding,) = findings(clean_cable(eo="E.O. 13526: DECL: 2034-03-14"), "D005")
    assert finding.severity.label == "error" and finding.fix is None


def test_d012_renumbers_1_5_and_keeps_the_letters():
    text = clean_cable(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 03/20/2018",
                       classified_by="Classified By: Ambassador Jane Q. Hollis. Reason 1.5 (b/d).")
    (finding,) = findings(text, "D012")
    assert finding.severity.label == "warning" and finding.fix.safe
    fixed = apply(text, [finding])
    assert "Reason 1.4 (b/d)." in fixed and findings(fixed, "D012") == []


def test_d012_no_fix_for_a_section_that_does_not_exist():
    text = clean_cable(classified_by="Classified By: Ambassador Jane Q. Hollis. Reason 1.2 (d).")
    (finding,) = findings(text, "D012")
    assert finding.severity.label == "error" and finding.fix is None


def test_d012_and_d013_fixes_do_not_overlap():
    text = clean_cable(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 03/20/2018",
                       classified_by="Classified By: Ambassador Jane Q. Hollis. Reason 1.5 (B/D).")
    both = findings(text, "D012") + findings(text, "D013")
    fixed = apply(text, both)
    assert "Reason 1.4 (b) and (d)." in fixed


@pytest.mark.parametrize(("written", "standard"), [
    (" (b/d)", " (b) and (d)"),
    (" (B,D)", " (b) and (d)"),
    (" b and d", " (b) and (d)"),
    (" (b&d)", " (b) and (d)"),
    (" (b+d)", " (b) and (d)"),
    ("(G)(E)", " (e) and (g)"),
    (" (b), (b) and (d)", " (b) and (d)"),
    (" (d) and (b)", " (b) and (d)"),
    (" (b) (d)", " (b) and (d)"),
    (" (b) and ( d)", " (b) and (d)"),
    (" (d.)", " (d)"),
    (" (b,c,d)", " (b), (c) and (d)"),
    (" (A), (B), (D)", " (a), (b) and (d)"),
    (". (b) & (d)", " (b) and (d)"),
    (" b\nand d", " (b) and (d)"),
])
def test_d013_fix_writes_the_standard_notation(written, standard):
    head = "Classified By: Ambassador Jane Q. Hollis. Reasons 1.4"
    text = clean_cable(classified_by=f"{head}{written}.")
    (finding,) = findings(text, "D013")
    assert finding.fix.safe
    fixed = apply(text, [finding])
    assert fixed == clean_cable(classified_by=f"{head}{standard}.")
    assert findings(fixed, "D013") == []


def test_d013_keeps_capitals_in_an_all_capitals_block():
    head = "CLASSIFIED BY: AMBASSADOR JANE Q. HOLLIS. REASON: 1.4"
    text = clean_cable(classified_by=f"{head} (B/D).")
    fixed = apply(text, findings(text, "D013"))
    assert fixed == clean_cable(classified_by=f"{head} (B) AND (D).")


def test_d013_hyphen_fix_is_unsafe():
    text = clean_cable(classified_by="Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b-d).")
    (finding,) = findings(text, "D013")
    assert not finding.fix.safe
    assert "(b) and (d)" in apply(text, [finding], safe_only=False)


def test_clean_cables_draw_no_d_finding():
    for profile in ("draft", "archive"):
        settings = Settings(select=("D",), profile=profile)
        assert lint_text(clean_cable(), config=settings) == []
        assert lint_text(unclassified_cable(), config=settings) == []


# --- the reference example ----------------------------------------------------------------


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="reference example not beside the checkout")
@pytest.mark.parametrize("profile", ["draft", "archive"])
def test_reference_example_draws_d008_and_d013_once_each(profile):
    text = EXAMPLE.read_text(encoding="utf-8")
    found = lint_text(text, config=Settings(select=D_CODES, profile=profile))
    assert [(d.code, d.severity.label) for d in found] == [("D008", "info"), ("D013", "info")]
    d013 = found[1]
    assert "'1.4 (b) and (d)'" in d013.message and d013.fix.safe
    assert "Reasons 1.4 (b) and (d)." in apply(text, [d013])
