"""The X rules' fixes (applied to the text and compared with the expected text), CRLF input,
the page marks kept for S003, and the walk-through of the reference example.

All cables are invented, except that the last test reads (never copies) the reference example
beside the checkout when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_text
from cablelint.normalise import PAGE_LINE, normalise

try:
    from cables import clean_cable, position
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, position

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "08BEIJING1050.txt"


def findings(text: str, code: str, profile: str = "draft"):
    return [d for d in lint_text(text, config=Settings(select=(code,), profile=profile))
            if d.code == code]


def fixed(text: str, code: str, *, unsafe: bool = False) -> str:
    """``text`` with the fixes of every finding of ``code`` applied (safe ones only, unless
    ``unsafe``); the edits of all fixes must not overlap."""
    edits = sorted((edit for d in findings(text, code) if d.fix is not None
                    and (d.fix.safe or unsafe) for edit in d.fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start, (before, after)
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def unclas(paragraphs, **parts) -> str:
    base = dict(dtg="R 150800Z JUN 24", to="TO SECSTATE WASHDC 4410",
                banner="UNCLAS OSLO 000413", captions=None, eo="E.O. 13526: N/A",
                tags="TAGS: PREL NO", subject="SUBJECT: NORWAY THANKS DELEGATION FOR VISIT",
                refs=None, classified_by=None, paragraphs=paragraphs, signature="WHITNEY")
    base.update(parts)
    return clean_cable(**base)


# --- X002: strip the furniture -------------------------------------------------------------


X002_FIXES = [
    pytest.param(clean_cable(trailer="NNNN\nEnd Cable Text"), clean_cable(trailer="NNNN"),
                 id="end-cable-text-line"),
    pytest.param(clean_cable(trailer="NNNN\nEnd Cable Text").rstrip("\n"),
                 clean_cable(trailer="NNNN"), id="end-cable-text-without-final-newline"),
    pytest.param(unclas(["1. The delegation arrives on Monday\nOSLO 00000413  002 OF 002\n"
                         "and leaves on Friday.", "2. Post has no comments."]),
                 unclas(["1. The delegation arrives on Monday\nand leaves on Friday.",
                         "2. Post has no comments."]), id="continuation-line"),
    pytest.param(unclas(["1. The delegation arrives on Monday OSLO 00000413 002 OF 002 and "
                         "leaves on Friday.", "2. Post has no comments."]),
                 unclas(["1. The delegation arrives on Monday and leaves on Friday.",
                         "2. Post has no comments."]), id="continuation-mark-mid-line"),
    pytest.param(unclas(["1. The delegation arrives on Monday. OSLO 00000413 002 OF 002",
                         "2. Post has no comments."]),
                 unclas(["1. The delegation arrives on Monday. ", "2. Post has no comments."]),
                 id="continuation-mark-at-line-end"),
    pytest.param(unclas(["1. The delegation arrives on Monday.", "2. Post has no comments."],
                        to="TO PAGE 02        OSLO   000413  150804Z\nSECSTATE WASHDC 4410"),
                 unclas(["1. The delegation arrives on Monday.", "2. Post has no comments."],
                        to="TO \nSECSTATE WASHDC 4410"), id="page-header-after-to-keeps-a-blank"),
    pytest.param(unclas(["1. The delegation arrives on Monday.", "2. Post has no comments."],
                        banner="Monday, 15 June 2024, 08:00\nUNCLAS OSLO 000413"),
                 unclas(["1. The delegation arrives on Monday.", "2. Post has no comments."]),
                 id="viewer-date-line"),
]


@pytest.mark.parametrize(("broken", "mended"), X002_FIXES)
def test_x002_fix_strips_the_furniture(broken, mended):
    assert all(d.fix.safe for d in findings(broken, "X002"))
    result = fixed(broken, "X002")
    assert result == mended
    assert findings(result, "X002") == []
    assert build_cable(result).syntax_problems == ()


def test_x002_fix_strips_a_database_record():
    record = ("id: 211934\ndate: 6/15/2024 8:00\nrefid: 24OSLO413\norigin: Embassy Oslo\n"
              "classification: UNCLASSIFIED\ndestination: \nheader:\nR 150800Z JUN 24\n"
              "FM AMEMBASSY OSLO\n\n----------------- header ends ----------------\n")
    text = unclas(["1. Post concurs.", "2. Post has no comments."])
    broken = text.replace("UNCLAS OSLO", record + "\nUNCLAS OSLO")
    assert fixed(broken, "X002") == text.replace("UNCLAS OSLO", "\nUNCLAS OSLO")


def test_x002_nnnn_before_the_end_has_an_unsafe_fix():
    text = clean_cable(paragraphs=["1. (C) The ministry will review the plan, as reported "
                                   "ref A and in answer to ref B.", "NNNN",
                                   "2. (U) Embassy will report."])
    (finding,) = findings(text, "X002")
    assert (finding.line, finding.column) == position(text, "NNNN")
    assert finding.fix is not None and not finding.fix.safe
    assert fixed(text, "X002") == text
    assert "NNNN" not in fixed(text, "X002", unsafe=True)


def test_x002_nnnn_followed_only_by_furniture_is_last():
    text = clean_cable(trailer="NNNN\n\nEnd Cable Text\n 2024OSLO00412 - Classification: "
                               "CONFIDENTIAL")
    assert [d.message for d in findings(text, "X002")] == [
        "'End Cable Text' added by the release", "archival stamp added after transmission"]


def test_x002_page_marks_keep_their_parts_for_s003():
    text = clean_cable(
        banner="C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000412",
        paragraphs=["1. (C) The ministry will review the plan as reported ref A.\n"
                    "OSLO 00000412  001.2 OF 002",
                    "2. (C) It answered ref B. RIO DE JAN 00000412 002 OF 002 It will "
                    "report.",
                    "3. (U) Embassy will report.\nPAGE 03        OSLO  00412  02 OF 02  "
                    "141530Z"])
    marks = [(a.page_mark, a.text) for a in build_cable(text).artifacts if a.kind == PAGE_LINE]
    assert [(m.post, m.serial, m.section, m.page, m.total, m.dtg) for m, _ in marks] == [
        ("OSLO", "00000412", "001", "2", "002", None),
        ("RIO DE JAN", "00000412", "002", None, "002", None),
        ("OSLO", "00412", "02", "03", "02", "141530Z"),
    ]
    assert [text for _, text in marks] == [
        "OSLO 00000412  001.2 OF 002\n", "RIO DE JAN 00000412 002 OF 002",
        "PAGE 03        OSLO  00412  02 OF 02  141530Z\n"]


# --- X003: drop an identical second copy -----------------------------------------------------

HEADER = ["C O N F I D E N T I A L OSLO 000412", "", "SIPDIS", "",
          "E.O. 13526: DECL: 03/14/2034", "TAGS: PREL PGOV NO",
          "SUBJECT: (C) NORWAY REVIEWS ARCTIC COOPERATION PLAN", "",
          "REF: A. OSLO 398", "     B. STATE 21145", "",
          "Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b) and (d)."]


def test_x003_identical_second_copy_is_dropped():
    text = clean_cable()
    block = "\n".join(HEADER) + "\n\n"
    assert block in text
    doubled = text.replace(block, block + block)
    (finding,) = findings(doubled, "X003")
    assert (finding.line, finding.column) == position(doubled, HEADER[0], 2)
    assert finding.fix.safe
    assert fixed(doubled, "X003") == text
    assert findings(text, "X003") == []


def test_x003_copy_that_differs_has_no_fix():
    text = clean_cable()
    block = "\n".join(HEADER) + "\n\n"
    preview = "\n".join(HEADER[:6]) + "\nSUBJECT: (C) NORWAY REVIEWS...\n\n"
    doubled = text.replace(block, preview + block)
    (finding,) = findings(doubled, "X003")
    assert finding.fix is None
    assert findings(doubled, "X003", profile="archive")[0].severity.label == "warning"


def test_x003_identical_copy_in_a_crlf_file():
    text = clean_cable()
    block = "\n".join(HEADER) + "\n\n"
    doubled = text.replace(block, block + block).replace("\n", "\r\n")
    assert fixed(doubled, "X003") == text.replace("\n", "\r\n")


# --- X004: join, decode, remove -----------------------------------------------------------------

X004_FIXES = [
    pytest.param(dict(classified_by="Classified By: Ambassador Jane Q. Hollis.  Re\n"
                                    "asons 1.4 (b) and (d)."),
                 dict(classified_by="Classified By: Ambassador Jane Q. Hollis.  Reasons 1.4 "
                                    "(b) and (d)."), id="reasons"),
    pytest.param(dict(classified_by="Classified By: Ambassador Jane Q. Hollis for reasons 1.\n"
                                    "4 (b) a \nnd (d)."),
                 dict(classified_by="Classified By: Ambassador Jane Q. Hollis for reasons 1.4 "
                                    "(b) and (d)."), id="number-and-and"),
    pytest.param(dict(classified_by="Classified By: Ambassador Jane Q. Hollis for reasons 1.4 "
                                    "(b) and (\nd)."),
                 dict(classified_by="Classified By: Ambassador Jane Q. Hollis for reasons 1.4 "
                                    "(b) and (d)."), id="letter"),
    pytest.param(dict(subject="SUBJECT: (C) NORWAY&#8217;S ARCTIC &amp; NORTHERN PLAN"),
                 dict(subject="SUBJECT: (C) NORWAY\u2019S ARCTIC & NORTHERN PLAN"),
                 id="entities"),
    pytest.param(dict(signature="HOLLIS \\"), {}, id="backslash-and-blank"),
]


@pytest.mark.parametrize(("broken", "mended"), X004_FIXES)
def test_x004_fix_gives_the_whole_token(broken, mended):
    text = clean_cable(**broken)
    assert findings(text, "X004") and all(d.fix.safe for d in findings(text, "X004"))
    result = fixed(text, "X004")
    assert result == clean_cable(**mended)
    assert findings(result, "X004") == []


@pytest.mark.parametrize(("broken", "mended"), X004_FIXES)
def test_x004_fix_keeps_crlf(broken, mended):
    text = clean_cable(**broken, newline="\r\n")
    assert fixed(text, "X004") == clean_cable(**mended, newline="\r\n")


def test_x004_joined_reason_is_what_the_model_reads():
    cable = build_cable(clean_cable(classified_by="CLASSIFIED BY: AMBASSADOR JANE Q. HOLLIS "
                                                  "FOR REA\nSONS 1.4 (B) A\nND (D)."))
    (block,) = cable.classified_by
    assert block.text.text == ("CLASSIFIED BY: AMBASSADOR JANE Q. HOLLIS FOR REASONS 1.4 (B) "
                               "AND (D).")


def test_x004_line_break_entity_becomes_the_file_line_end():
    text = clean_cable(signature="HOLLIS&#10;")
    assert fixed(text, "X004").endswith("HOLLIS\n\n")
    assert fixed(text.replace("\n", "\r\n"), "X004").endswith("HOLLIS\r\n\r\n")


def test_x004_redaction_has_no_fix():
    text = clean_cable(signature="XXXXXXXXXXXX")
    (finding,) = findings(text, "X004")
    assert finding.fix is None and "not linted" in finding.message
    assert (finding.span.end_column - finding.span.column) == 12


# --- CRLF: the same findings as LF ---------------------------------------------------------------

CRLF_CABLES = [
    pytest.param(clean_cable(trailer="NNNN\nEnd Cable Text"), id="trailer"),
    pytest.param(unclas(["1. The delegation arrives on Monday OSLO 00000413 002 OF 002 and "
                         "leaves on Friday.\nOSLO 00000413  002 OF 002", "2. Post concurs."]),
                 id="continuation-marks"),
    pytest.param(clean_cable(classified_by="Classified By: Ambassador Jane Q. Hollis.  Re\n"
                                           "asons 1.4 (b) a \nnd (d).",
                             signature="HOLLIS \\"), id="split-words-and-backslash"),
]


@pytest.mark.parametrize("text", CRLF_CABLES)
def test_x_findings_with_crlf_are_those_with_lf(text):
    def places(source):
        return [(d.code, d.line, d.column, d.span.end_line, d.span.end_column, d.message)
                for d in lint_text(source, config=Settings(select=("X",)))]
    assert places(text) and places(text.replace("\n", "\r\n")) == places(text)


def test_crlf_normalises_the_new_artifacts_like_lf():
    for param in CRLF_CABLES:
        (text,) = param.values
        lf, crlf = normalise(text), normalise(text.replace("\n", "\r\n"))
        assert crlf.text == lf.text
        assert [a.kind for a in crlf.artifacts] == [a.kind for a in lf.artifacts]


# --- the walk-through of rules.md on the reference example ---------------------------------------


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="reference example not beside the checkout")
def test_reference_example_walk_through():
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    x002 = findings(text, "X002")
    assert [lines[d.line - 1][d.column - 1:d.span.end_column - 1] for d in x002] == [
        "End Cable Text"]
    assert lines[x002[0].line - 2].strip() == "" and "NNNN" in lines[x002[0].line - 3]
    assert findings(text, "X003") == [] and findings(text, "X004") == []
    x001 = [lines[d.line - 1][d.column - 1:] for d in findings(text, "X001")]
    assert sum(1 for rest in x001 if rest.startswith(("1B.", "1C."))) == 2
    assert sum(1 for rest in x001 if rest.startswith(("11.", "12."))) == 2
    assert any(rest.startswith("\u00b6 14.") for rest in x001)
    for profile in ("draft", "archive"):
        assert [(d.line, d.column) for d in findings(text, "X002", profile)] == [
            (x002[0].line, x002[0].column)]
