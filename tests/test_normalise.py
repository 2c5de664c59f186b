"""The normaliser: release artifacts out, offsets kept, so findings point at the original text.

Covers the offset map (findings after removed ``¶`` marks, page lines and CRs map back to
the original line and column), CRLF and BOM input, the ``¶``-became-``1`` run (undone only
when the whole run is consistent), REF letters, page and trailer lines, flattened headers,
continuation marks inside re-flowed lines, printed pages, database records, review stamps,
split Classified By words and HTML entities. All cables are invented.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import decode, lint_path, lint_text
from cablelint.normalise import (
    DATABASE_RECORD,
    FLATTENED_HEADER,
    HTML_ENTITY,
    LINE_END_BACKSLASH,
    MANGLED_LETTER,
    MANGLED_NUMBER,
    PAGE_CLASSIFICATION,
    PAGE_LINE,
    PARAGRAPH_MARK,
    RELEASE_DATE,
    REVIEW_STAMP,
    SPLIT_TOKEN,
    TRAILER_LINE,
    normalise,
)

try:
    from cables import clean_cable, position
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, position

BOM = b"\xef\xbb\xbf"


def findings(text: str, *codes: str) -> list[tuple[str, int, int]]:
    settings_ = Settings(select=codes) if codes else Settings()
    return [(d.code, d.line, d.column) for d in lint_text(text, config=settings_)]


def numbered(*numbers: str, body: str = "(C) Point {n} of the report.") -> list[str]:
    return [f"{number}. {body.format(n=i + 1)}" for i, number in enumerate(numbers)]


def deletions_only(text: str) -> bool:
    return all(not a.replacement for a in normalise(text).artifacts)


# --- the offset map --------------------------------------------------------------------------

ARTIFACT_CABLES = {
    "paragraph-marks": clean_cable(paragraphs=[
        "¶1. (C) The ministry will review the plan.",
        "¶ 2. (C) The review starts in May.",
        "¶3. (U) Embassy will report."]),
    "mangled-run-and-letters": clean_cable(
        refs=["REF: A. OSLO 398", "     1B. STATE 21145", "     1C. OSLO 401"],
        paragraphs=numbered("11", "12", "13")),
    "page-line-in-paragraph": clean_cable(paragraphs=[
        "1. (C) The ministry will review\nOSLO 00000412  002 OF 002\nthe plan in May.",
        "2. (U) Embassy will report."]),
    "trailer": clean_cable(trailer="NNNN\nEnd Cable Text"),
    "crlf": clean_cable(newline="\r\n"),
    "crlf-with-marks": clean_cable(paragraphs=["¶1. (C) One.", "¶2. (C) Two."], newline="\r\n"),
    "ref-letter-mark": clean_cable(refs=["REF: A. OSLO 398", "     ¶B. STATE 21145"]),
    "continuation-mark-mid-line": clean_cable(paragraphs=[
        "1. (C) The ministry will review OSLO 00000412 002 OF 002 the plan in May.",
        "2. (U) Embassy will report."]),
    "old-page-printing": clean_cable(paragraphs=[
        "1. (C) The ministry will review\n                 CONFIDENTIAL\n\n"
        "PAGE 02        OSLO  00412  01 OF 02  141530Z\nthe plan in May.",
        " CONFIDENTIAL\nPAGE 03 OSLO 00412 01 OF 02 141530Z 2. (U) Embassy will report."]),
    "review-stamp-and-date-line": clean_cable(
        banner="Thursday, 14 March 2024, 15:30\nC O N F I D E N T I A L OSLO 000412",
        captions="Declassified/Released US Department of State EO\nSystematic Review 30 JUN 2054"),
    "database-record": clean_cable(banner="211934\n\n2024-03-14\n\n24OSLO412\n\nEmbassy Oslo\n\n"
                                          "CONFIDENTIAL\n\nC O N F I D E N T I A L OSLO 000412"),
    "split-reason": clean_cable(classified_by="Classified By: Ambassador Jane Q. Hollis. Re\n"
                                              "asons 1.4 (b) a \nnd (d)."),
}


def test_clean_cable_is_left_alone():
    text = clean_cable()
    result = normalise(text)
    assert result.text == text
    assert result.artifacts == ()
    assert all(result.offsets.to_original(p) == p for p in range(len(text) + 1))


@pytest.mark.parametrize("text", list(ARTIFACT_CABLES.values()), ids=list(ARTIFACT_CABLES))
def test_every_kept_character_maps_back_to_itself(text):
    assert deletions_only(text)
    result = normalise(text)
    positions = [result.offsets.to_original(p) for p in range(len(result.text))]
    # a line end maps to the start of its CRLF pair, where an editor shows the end of the line
    assert [text[p] if text[p:p + 2] != "\r\n" else "\n" for p in positions] == list(result.text)
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert result.offsets.to_original(len(result.text)) == len(text)


@pytest.mark.parametrize("text", list(ARTIFACT_CABLES.values()), ids=list(ARTIFACT_CABLES))
def test_artifacts_record_the_original_text(text):
    result = normalise(text)
    for artifact in result.artifacts:
        assert text[artifact.start:artifact.end] == artifact.text


def test_line_column_of_original_offsets():
    text = "AB\nCDE\n\nF"
    offsets = normalise(text).offsets
    assert [offsets.line_column(i) for i in range(len(text))] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (2, 4), (3, 1), (4, 1)]
    assert offsets.line_count == 4
    assert offsets.line_start(2) == 3
    span = offsets.original_span(3, 6)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 4)


def test_finding_after_paragraph_marks_maps_to_the_original_column():
    text = clean_cable(paragraphs=[
        "¶1. (C) The ministry will review the plan in May.",
        "¶ 3. The minister said the review would take a year.",
        "¶4. (U) Embassy will report."])
    line, column = position(text, "3. The minister")
    assert findings(text, "P002", "P004") == [("P002", line, column), ("P004", line, column)]
    assert column == 3


def test_findings_after_removed_page_lines_keep_their_lines():
    page = "PAGE 02        OSLO  00412  01 OF 02  141530Z"
    text = clean_cable(transmission=page, dtg="O 141530Z 24", tags="TAGS: PRELL PGOV NO")
    assert text.startswith(page)
    assert findings(text, "E001", "T002") == [
        ("E001", 2, 11), ("T002", *position(text, "PRELL"))]


def test_finding_in_a_paragraph_after_a_page_line():
    text = clean_cable(paragraphs=[
        "1. (C) The ministry will review\nOSLO 00000412  002 OF 002\nthe plan in May.",
        "3. (C) Embassy will report."])
    assert findings(text, "P002") == [("P002", *position(text, "3. (C)"))]


def test_mangled_numbers_point_at_the_number_after_the_extra_digit():
    text = clean_cable(paragraphs=numbered("11", "12", "14"))
    line, column = position(text, "14.")
    assert findings(text, "P002") == [("P002", line, column + 1)]


paragraph_mark = st.sampled_from(["", "", "¶", "¶ "])


@settings(max_examples=60, deadline=None)
@given(marks=st.lists(paragraph_mark, min_size=2, max_size=6),
       page_after=st.integers(0, 6), crlf=st.booleans())
def test_paragraph_numbers_map_back_through_any_artifacts(marks, page_after, crlf):
    paragraphs = [f"{mark}{n}. (C) Point {n} of the report." for n, mark in
                  enumerate(marks, start=1)]
    if page_after < len(paragraphs):
        paragraphs[page_after] += "\nOSLO 00000412  002 OF 002\ncontinued."
    text = clean_cable(paragraphs=paragraphs, newline="\r\n" if crlf else "\n")
    cable = build_cable(text)
    lines = text.split("\n")
    assert [p.value for p in cable.numbered_paragraphs] == list(range(1, len(marks) + 1))
    for paragraph in cable.numbered_paragraphs:
        span = paragraph.number.span
        assert lines[span.line - 1][span.column - 1:].startswith(f"{paragraph.value}.")
        assert text[span.start:span.end] == paragraph.number.text
        mark = paragraph.portion_mark.span
        assert lines[mark.line - 1][mark.column - 1:].startswith("(C)")


# --- CRLF, BOM and the final newline ---------------------------------------------------------

DEFECTIVE = clean_cable(
    eo="E.O. 13526: DECL: 02/30/2034",
    tags="TAGS: PRELL PGOV NO SIPDIS",
    refs=["REF: A. OSLO 398", "     1B. STATE 21145"],
    paragraphs=["¶1. (C) The ministry will review the plan.",
                "¶ 3. The minister said the review would take a year.",
                "4. (C) Embassy will report."],
)


def _full(text: str):
    return [(d.code, d.line, d.column, d.span.end_line, d.span.end_column, d.message)
            for d in lint_text(text)]


def test_defective_cable_has_findings_of_several_rules():
    codes = {code for code, *_ in findings(DEFECTIVE)}
    assert {"D005", "T002", "X001", "P002", "P004"} <= codes


def test_crlf_gives_the_same_findings_as_lf():
    lf = findings(DEFECTIVE)
    crlf = findings(DEFECTIVE.replace("\n", "\r\n"))
    assert crlf == lf


def test_crlf_gives_the_same_messages_as_lf():
    lf = [(code, line, col, message) for code, line, col, *_, message in _full(DEFECTIVE)]
    crlf = [(code, line, col, message)
            for code, line, col, *_, message in _full(DEFECTIVE.replace("\n", "\r\n"))]
    assert crlf == lf


def test_crlf_is_not_a_reported_artifact():
    assert normalise(clean_cable(newline="\r\n")).artifacts == ()
    assert lint_text(clean_cable(newline="\r\n")) == []


def test_missing_final_newline_changes_nothing():
    assert findings(DEFECTIVE.rstrip("\n")) == findings(DEFECTIVE)
    assert lint_text(clean_cable().rstrip("\n")) == []


def test_decode_without_and_with_bom():
    data = DEFECTIVE.encode("utf-8")
    plain = decode(data)
    with_bom = decode(BOM + data)
    assert (plain.text, plain.problem, plain.bom) == (DEFECTIVE, None, False)
    assert (with_bom.text, with_bom.problem, with_bom.bom) == (DEFECTIVE, None, True)


def test_decode_keeps_crlf_for_the_normaliser():
    data = BOM + DEFECTIVE.replace("\n", "\r\n").encode("utf-8")
    decoded = decode(data)
    assert decoded.bom and "\r\n" in decoded.text
    assert findings(decoded.text) == findings(DEFECTIVE)


@pytest.mark.parametrize(("data", "problem"), [
    (b"UNCLAS OSLO 000412\n\xe9\n", "not UTF-8 text: byte 0xe9 at offset 19"),
    (b"UNCLAS\x00", "binary data: NUL byte at offset 6"),
    (BOM + b"\xff", "not UTF-8 text: byte 0xff at offset 3"),
])
def test_decode_reports_unreadable_bytes(data, problem):
    decoded = decode(data)
    assert decoded.text is None
    assert decoded.problem == problem


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_bom_file_gives_the_same_findings_as_the_text(tmp_path, newline):
    text = DEFECTIVE.replace("O 141530Z MAR 24", "O 141530Z MAR").replace("\n", newline)
    path = tmp_path / "oslo-412.cable"
    path.write_bytes(BOM + text.encode("utf-8"))
    from_file = [(d.code, d.line, d.column, d.message) for d in lint_path(path)]
    from_text = [(d.code, d.line, d.column, d.message) for d in lint_text(text)]
    assert from_file == from_text
    assert [code for code, *_ in from_file].count("E001") == 1


def test_bom_does_not_shift_line_one(tmp_path):
    text = DEFECTIVE.replace("O 141530Z MAR 24", "O 141530Z MAR")
    path = tmp_path / "oslo-412.cable"
    path.write_bytes(BOM + text.encode("utf-8"))
    (e001,) = [d for d in lint_path(path) if d.code == "E001"]
    assert (e001.line, e001.column) == (1, 14)


def test_crlf_end_of_line_finding_has_the_lf_column():
    text = clean_cable(dtg="O 141530Z MAR")
    assert findings(text, "E001") == [("E001", 1, 14)]
    assert findings(text.replace("\n", "\r\n"), "E001") == [("E001", 1, 14)]


# --- the "¶"-became-"1" run ------------------------------------------------------------------

TEN = [str(n) for n in range(1, 11)]

MANGLED_RUNS = [
    pytest.param(["11", "12", "13"], [1, 2, 3], id="11-12-13"),
    pytest.param(["1" + n for n in TEN], list(range(1, 11)), id="11-to-110"),
    pytest.param(["11", "12", "14"], [1, 2, 4], id="11-12-14-keeps-the-gap"),
    pytest.param(["11"], [1], id="single-11"),
]

KEPT_RUNS = [
    pytest.param(["11", "12", "3"], id="one-digit-later"),
    pytest.param(TEN + ["11", "12", "14"], id="real-1-to-10-then-11"),
    pytest.param(["11", "13", "12"], id="not-increasing"),
    pytest.param(["11", "12", "12"], id="repeat"),
    pytest.param(["12", "13", "14"], id="does-not-start-at-11"),
    pytest.param(["1", "2", "3"], id="plain"),
    pytest.param(["11", "12", "210"], id="later-number-not-starting-with-1"),
]


@pytest.mark.parametrize(("written", "read"), MANGLED_RUNS)
def test_consistent_mangled_run_is_undone(written, read):
    text = clean_cable(paragraphs=numbered(*written))
    result = normalise(text)
    mangled = [a for a in result.artifacts if a.kind == MANGLED_NUMBER]
    assert len(mangled) == len(written)
    assert all(a.text == "1" for a in mangled)
    assert [p.value for p in build_cable(text).numbered_paragraphs] == read
    assert findings(text, "X001") == [("X001", *position(text, f"{n}. (C)")) for n in written]


@pytest.mark.parametrize("written", KEPT_RUNS)
def test_inconsistent_run_is_read_as_written(written):
    text = clean_cable(paragraphs=numbered(*written))
    assert [a for a in normalise(text).artifacts if a.kind == MANGLED_NUMBER] == []
    assert [p.value for p in build_cable(text).numbered_paragraphs] == [int(n) for n in written]
    assert findings(text, "X001") == []


def test_mangled_run_with_unnumbered_blocks_between():
    text = clean_cable(paragraphs=[
        "11. (C) The ministry will review the plan.",
        "(C) An unnumbered marked paragraph.",
        "Background\n----------",
        "12. (C) Embassy will report."])
    assert [p.value for p in build_cable(text).numbered_paragraphs] == [1, 2]
    assert findings(text, "P001", "P002") == []


def test_mangled_ref_letters_are_undone_in_the_ref_list_only():
    text = clean_cable(
        refs=["REF: A. OSLO 398", "     1B. STATE 21145", "     1C. OSLO 401"],
        paragraphs=["1. (C) The ministry answered two questions:",
                    "1B. (C) on the research stations, and",
                    "2. (C) Embassy will report."])
    result = normalise(text)
    letters = [a for a in result.artifacts if a.kind == MANGLED_LETTER]
    assert [text.count("\n", 0, a.start) + 1 for a in letters] == [
        position(text, "1B. STATE")[0], position(text, "1C.")[0]]
    (refs,) = build_cable(text).references
    assert [r.letter.text for r in refs.references] == ["A.", "B.", "C."]
    assert [(r.letter.span.line, r.letter.span.column) for r in refs.references[1:]] == [
        (position(text, "B. STATE")), position(text, "C. OSLO")]
    # "1B." in the body is no REF letter and stays as written
    assert "1B. (C) on the research" in result.text


# --- paragraph marks, page and trailer lines, flattened headers ------------------------------


def test_paragraph_marks_on_numbers_and_ref_letters():
    text = clean_cable(refs=["REF: A. OSLO 398", "     ¶B. STATE 21145"],
                       paragraphs=["¶1. (C) One.", "¶ 14. (C) Fourteen."])
    result = normalise(text)
    marks = [a for a in result.artifacts if a.kind == PARAGRAPH_MARK]
    assert [a.text for a in marks] == ["¶", "¶", "¶ "]
    assert "¶" not in result.text
    assert "\n     B. STATE 21145\n" in result.text
    assert "\n14. (C) Fourteen." in result.text
    assert findings(text, "X001") == [
        ("X001", *position(text, "¶B.")), ("X001", *position(text, "¶1.")),
        ("X001", *position(text, "¶ 14."))]


def test_page_lines_inside_lists_are_taken_out():
    text = clean_cable(
        to=["TO SECSTATE WASHDC IMMEDIATE 1234",
            "PAGE 02        OSLO  00412  01 OF 02  141530Z",
            "AMEMBASSY STOCKHOLM 0567"],
        tags="TAGS: PREL PGOV\nOSLO 00000412  002 OF 002\nNO")
    result = normalise(text)
    assert [a.kind for a in result.artifacts] == [PAGE_LINE, PAGE_LINE]
    cable = build_cable(text)
    assert [a.plad for a in cable.address_lists[0].addressees] == [
        "SECSTATE WASHDC", "AMEMBASSY STOCKHOLM"]
    assert [t.text for t in cable.tags_line.tags] == ["PREL", "PGOV", "NO"]
    assert (cable.tags_line.tags[2].span.line, cable.tags_line.tags[2].span.column) == (
        position(text, "\nNO\n")[0] + 1, 1)
    assert lint_text(text, config=Settings(ignore=("X002",))) == []
    assert [code for code, *_ in findings(text, "X002")] == ["X002", "X002"]


def test_trailer_lines_are_taken_out():
    text = clean_cable(trailer="NNNN\nEnd Cable Text")
    result = normalise(text)
    assert [(a.kind, a.text) for a in result.artifacts] == [(TRAILER_LINE, "End Cable Text\n")]
    assert result.text == clean_cable(trailer="NNNN")
    assert type(build_cable(text).body[-1]).__name__ == "EndOfMessage"


BACKSLASHES = clean_cable(refs=None,
                          paragraphs=["1. (C) The ministry will review \\\nthe plan in May.",
                                      "2. (U) Embassy will report.\\"])


def test_line_end_backslashes_are_taken_out():
    result = normalise(BACKSLASHES)
    assert [a.kind for a in result.artifacts] == [LINE_END_BACKSLASH, LINE_END_BACKSLASH]
    assert [a.text for a in result.artifacts] == [" \\", "\\"]
    assert "\\" not in result.text
    assert lint_text(BACKSLASHES, config=Settings(ignore=("X",))) == []


LF_CABLES = {name: text for name, text in ARTIFACT_CABLES.items() if "\r" not in text}
CRLF_CASES = [pytest.param(text, id=name) for name, text in LF_CABLES.items()] + [
    pytest.param(BACKSLASHES, id="line-end-backslashes")]


@pytest.mark.parametrize("text", CRLF_CASES)
def test_crlf_normalises_like_lf(text):
    lf = normalise(text)
    crlf = normalise(text.replace("\n", "\r\n"))
    assert crlf.text == lf.text
    assert [a.kind for a in crlf.artifacts] == [a.kind for a in lf.artifacts]
    assert [a.text.replace("\r\n", "\n") for a in crlf.artifacts] == [
        a.text for a in lf.artifacts]


FLATTENED = ("C O N F I D E N T I A L ANKARA 000561 SIPDIS E.O. 12958: DECL: 01/07/2014 "
             "TAGS: PREL, PGOVV, TU SUBJECT: (C) TURKEY: CABINET MEETS")


def _flattened_cable(header: str) -> str:
    return clean_cable(dtg="P 071410Z JAN 04", fm="FM AMEMBASSY ANKARA",
                       to="TO SECSTATE WASHDC PRIORITY 0031", banner=header, captions=None,
                       eo=None, tags=None, subject=None, refs=None,
                       paragraphs=["1. (C) The cabinet met on Monday.",
                                   "2. (C) It discussed the budget."], signature="DUNN")


def test_flattened_header_is_split_on_its_keywords():
    text = _flattened_cable(FLATTENED)
    assert all(a.kind == FLATTENED_HEADER for a in normalise(text).artifacts)
    cable = build_cable(text)
    assert cable.banner.serial.text == "000561"
    assert [c.text for line in cable.captions for c in line.captions] == ["SIPDIS"]
    assert cable.eo_line.order.text == "12958"
    assert [t.text for t in cable.tags_line.tags] == ["PREL", "PGOVV", "TU"]
    assert cable.subject.text.text == "TURKEY: CABINET MEETS"
    # findings inside the flattened line keep their original column
    assert findings(text, "T001", "T002", "D005") == [("T002", *position(text, "PGOVV"))]
    assert position(text, "PGOVV")[0] == 5


def test_flattened_header_with_mixed_case_keys_is_split():
    header = ("C O N F I D E N T I A L ANKARA 000561\n\n"
              "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, tu Subject: (C) TURKEY: CABINET MEETS")
    text = _flattened_cable(header)
    cable = build_cable(text)
    assert cable.tags_line is not None
    assert [t.text for t in cable.tags_line.tags] == ["prel", "pgov", "tu"]
    assert cable.subject is not None and cable.subject.portion_mark.level == "C"
    assert findings(text, "T001") == []


def test_u_marked_classified_by_stays_one_block():
    text = clean_cable(
        classified_by="(U) Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b) and (d).")
    assert normalise(text).artifacts == ()
    cable = build_cable(text)
    (block,) = cable.classified_by
    assert (block.span.line, block.span.column) == position(text, "(U) Classified")
    assert [p.value for p in cable.paragraphs] == [1, 2, 3]


def test_flattened_header_split_stays_out_of_the_body():
    text = clean_cable(refs=None, paragraphs=[
        "(C) The ministry asked how records marked under E.O. 12958 will be\n"
        "released and whether their TAGS: lines are kept."])
    result = normalise(text)
    assert [a for a in result.artifacts if a.kind == FLATTENED_HEADER] == []
    assert result.text == text


# --- furniture inside lines, printed pages, records, stamps ----------------------------------


def test_continuation_mark_inside_a_line_leaves_the_text():
    text = ARTIFACT_CABLES["continuation-mark-mid-line"]
    result = normalise(text)
    (mark,) = result.artifacts
    assert (mark.kind, mark.text) == (PAGE_LINE, "OSLO 00000412 002 OF 002")
    assert "will review  the plan in May." in result.text
    first = build_cable(text).paragraphs[0]
    assert first.text.text.endswith("the plan in May.")
    assert findings(text, "X002") == [("X002", *position(text, "OSLO 00000412"))]


def test_post_of_a_continuation_mark_in_upper_case_text():
    text = clean_cable(paragraphs=[
        "1. (C) THE MINISTER SAID THAT OSLO 00000412 002 OF 002 THE PLAN IS READY.",
        "2. (C) HE SAID THE BUENOS AIR 00000412 003 OF 003 TALKS WILL GO ON.",
        "3. (U) EMBASSY WILL REPORT.Z 00000412 004 OF 004"])
    marks = [a for a in normalise(text).artifacts if a.kind == PAGE_LINE]
    assert [a.page_mark.post for a in marks] == ["OSLO", "BUENOS AIR", "Z"]
    assert "THE MINISTER SAID THAT  THE PLAN" in normalise(text).text


def test_old_page_printing_is_taken_out():
    text = ARTIFACT_CABLES["old-page-printing"]
    result = normalise(text)
    assert [a.kind for a in result.artifacts] == [
        PAGE_CLASSIFICATION, PAGE_LINE, PAGE_CLASSIFICATION, PAGE_LINE]
    assert [a.page_mark.page for a in result.artifacts if a.kind == PAGE_LINE] == ["02", "03"]
    cable = build_cable(text)
    assert [p.value for p in cable.numbered_paragraphs] == [1, 2]
    assert "CONFIDENTIAL" not in result.text.split("SUBJECT")[1]


def test_classification_line_without_page_headers_stays():
    text = clean_cable(paragraphs=["1. (C) The report is marked", "CONFIDENTIAL",
                                   "2. (U) Embassy will report."])
    assert normalise(text).artifacts == ()


def test_viewer_date_line_and_two_line_review_stamp():
    text = ARTIFACT_CABLES["review-stamp-and-date-line"]
    result = normalise(text)
    assert [a.kind for a in result.artifacts] == [RELEASE_DATE, REVIEW_STAMP]
    assert result.artifacts[1].text.count("\n") == 2
    cable = build_cable(text)
    assert cable.header_order[3][0] == "banner"  # dtg, fm, to, then the banner
    assert [c.text for line in cable.captions for c in line.captions] == []


@pytest.mark.parametrize("record", [
    "211934\n\n2024-03-14\n\n24OSLO412\n\nEmbassy Oslo\n\nCONFIDENTIAL\n\n24OSLO398|24STATE21145",
    "id: 211934\ndate: 3/14/2024 15:30\nrefid: 24OSLO412\norigin: Embassy Oslo\n"
    "classification: CONFIDENTIAL\ndestination: 24OSLO398\nheader:\nO 141530Z MAR 24\n"
    "FM AMEMBASSY OSLO\n\n\n----------------- header ends ----------------",
], ids=["lines", "fields"])
def test_database_record_is_taken_out(record):
    text = clean_cable(banner=record + "\n\nC O N F I D E N T I A L OSLO 000412")
    result = normalise(text)
    (artifact,) = result.artifacts
    assert artifact.kind == DATABASE_RECORD and artifact.text.startswith(record.split("\n")[0])
    cable = build_cable(text)
    assert len(cable.banners) == 1 and cable.banner.serial.text == "000412"
    assert len(cable.dtgs) == 1


def test_tab_separated_record_before_a_dumped_header():
    text = clean_cable(dtg="211934\t2024-03-14 15:30:00\t24OSLO412\tEmbassy Oslo\tCONFIDENTIAL"
                           "\t\tO 141530Z MAR 24")
    result = normalise(text)
    assert [a.kind for a in result.artifacts] == [DATABASE_RECORD]
    assert result.text == clean_cable()


FOOTER = "2024OSLO00412 - Classification: CONFIDENTIAL"


@pytest.mark.parametrize("head, kind", [(FOOTER, REVIEW_STAMP),
                                        ("id: 211934\ndate: 3/14/2024 15:30", DATABASE_RECORD)],
                         ids=["footer", "fields"])
def test_archive_line_on_the_first_line_is_taken_out(head, kind):
    result = normalise(head + "\n" + clean_cable())
    assert [(a.kind, a.start, a.text) for a in result.artifacts] == [(kind, 0, head + "\n")]
    assert result.text == clean_cable()


def test_archive_footer_after_a_line_that_opens_with_a_year():
    text = clean_cable(paragraphs=["1. (U) Elections.", "2024 ELECTIONS: none."],
                       trailer="NNNN\n" + FOOTER)
    assert [(a.kind, a.text) for a in normalise(text).artifacts] == [(REVIEW_STAMP, FOOTER + "\n")]


def test_split_words_of_the_classified_by_block_are_joined():
    text = ARTIFACT_CABLES["split-reason"]
    result = normalise(text)
    assert [(a.kind, a.text) for a in result.artifacts] == [(SPLIT_TOKEN, "\n"),
                                                            (SPLIT_TOKEN, " \n")]
    (block,) = build_cable(text).classified_by
    assert block.text.text == ("Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b) and "
                               "(d).")
    assert (block.span.end_line, block.span.end_column) == (position(text, "nd (d).")[0], 8)


@pytest.mark.parametrize("left_right", [
    "for\nreasons", "1.4\n(b)", "(b)\nand (d)", "1.4 (b),\n(d)", "Hollis\nfor", "(b/d)\n."])
def test_whole_words_at_a_classified_by_line_break_stay_apart(left_right):
    text = clean_cable(classified_by=f"Classified By: Ambassador Jane Q. Hollis {left_right} x.")
    assert [a for a in normalise(text).artifacts if a.kind == SPLIT_TOKEN] == []


def test_html_entities_are_decoded_and_spans_still_map():
    text = clean_cable(subject="SUBJECT: (C) NORWAY&#8217;S ARCTIC &amp; NORTHERN PLAN R&D; AT&T")
    result = normalise(text)
    assert [(a.kind, a.text, a.replacement) for a in result.artifacts] == [
        (HTML_ENTITY, "&#8217;", "\u2019"), (HTML_ENTITY, "&amp;", "&")]
    subject = build_cable(text).subject.text
    assert subject.text == "NORWAY\u2019S ARCTIC & NORTHERN PLAN R&D; AT&T"
    assert (subject.span.line, subject.span.column) == position(text, "NORWAY")
    assert text[subject.span.start:subject.span.end].endswith("PLAN R&D; AT&T")


def test_furniture_takes_no_text_of_a_clean_cable():
    for text in (clean_cable(), clean_cable(newline="\r\n")):
        assert normalise(text).artifacts == ()
