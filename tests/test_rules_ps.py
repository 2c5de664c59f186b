"""The P and S rules: their fixes (applied and compared with the expected text) and the body
reading they share (``cablelint/body.py``). All cables are invented.

The fixture files (``tests/fixtures/rules/P*.toml``, ``S*.toml``) test where the rules fire;
this file tests what their fixes write: each fix's edits are applied to the text, the result
is compared with the text expected, ``safe`` is checked, and the fixed text is linted again.
"""

from __future__ import annotations

import pytest

try:
    from cables import clean_cable, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, unclassified_cable

from cablelint.body import (CONTINUATION, FURNITURE, HEADING, LIST_ITEM, PROSE, delimiters,
                            is_signature, read_body)
from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_text
from cablelint.rules.p007_summary_missing import telegram_lines


def findings(text: str, code: str, profile: str = "draft", **options):
    settings = Settings(select=(code,), profile=profile, options={code: options} if options else {})
    return [d for d in lint_text(text, config=settings) if d.code == code]


def apply(text: str, diagnostic) -> str:
    """``text`` with the edits of one finding's fix applied."""
    edits = sorted(diagnostic.fix.edits, key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start, "edits of one fix overlap"
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def fixed_once(text: str, code: str, *, safe: bool, profile: str = "draft", **options) -> str:
    """Apply the fix of the only finding of ``code``; check its ``safe`` flag."""
    found = findings(text, code, profile, **options)
    assert len(found) == 1, [d.message for d in found]
    assert found[0].fix is not None and found[0].fix.safe is safe, found[0].fix
    return apply(text, found[0])


def replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# --- P003: drop the number of the only paragraph ----------------------------------------------

def test_p003_drops_the_number_and_keeps_the_mark():
    text = unclassified_cable(paragraphs=["1. (U) Post concurs with the proposed agenda."])
    fixed = fixed_once(text, "P003", safe=True)
    assert fixed == unclassified_cable(paragraphs=["(U) Post concurs with the proposed agenda."])
    assert findings(fixed, "P003") == []


def test_p003_without_a_mark_leaves_the_text():
    text = unclassified_cable(paragraphs=["1.  Post concurs with the proposed agenda."])
    fixed = fixed_once(text, "P003", safe=True)
    assert fixed == unclassified_cable(paragraphs=["Post concurs with the proposed agenda."])


# --- P005: put the mark where it belongs ------------------------------------------------------

P1 = ("1. (C) Summary: The Foreign Ministry has begun a review of its\n"
      "arctic cooperation plan and expects to finish it by June. End\nSummary.")

MARK_FIXES = [
    pytest.param("1. Summary: (C) The Foreign Ministry", "1. (C) Summary: The Foreign Ministry",
                 True, id="move-after-label"),
    pytest.param("1.(C) Summary:", "1. (C) Summary:", True, id="blank-after-number"),
    pytest.param("1 (C) Summary:", "1. (C) Summary:", True, id="period-after-number"),
    pytest.param("1. C) Summary:", "1. (C) Summary:", True, id="opening-bracket"),
    pytest.param("1. (C ) Summary:", "1. (C) Summary:", True, id="blank-inside"),
    pytest.param("(C) 1. Summary:", "1. (C) Summary:", True, id="mark-before-number"),
    pytest.param("1. (C Summary:", "1. (C) Summary:", False, id="closing-bracket-unsafe"),
    pytest.param("1. The Foreign (C) Ministry", "1. (C) The Foreign Ministry", False,
                 id="move-after-text-unsafe"),
]


@pytest.mark.parametrize(("broken", "mended", "safe"), MARK_FIXES)
def test_p005_fix(broken, mended, safe):
    good = clean_cable()
    old = "1. (C) Summary:" if "Summary" in broken else "1. (C) Summary: The Foreign Ministry"
    text = replaced(good, old, broken)
    fixed = fixed_once(text, "P005", safe=safe)
    assert fixed == replaced(good, old, mended)
    assert findings(fixed, "P005") == []


def test_p005_comma_number_in_a_block():
    good = clean_cable()
    text = replaced(good, "2. (C) As reported", "2, (C) As reported")
    assert fixed_once(text, "P005", safe=True) == good


# --- S001: move a header element --------------------------------------------------------------

def test_s001_moves_the_eo_line_before_tags():
    good = unclassified_cable()
    text = replaced(good, "E.O. 13526: N/A\nTAGS: PREL NO", "TAGS: PREL NO\n\nE.O. 13526: N/A")
    fixed = fixed_once(text, "S001", safe=False)
    assert findings(fixed, "S001") == []
    lines = fixed.splitlines()
    assert lines.index("E.O. 13526: N/A") < lines.index("TAGS: PREL NO")
    assert sorted(fixed.split()) == sorted(text.split())  # no word changed


def test_s001_moves_classified_by_after_the_subject():
    good = clean_cable(refs=None)
    cb = "Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b) and (d)."
    text = clean_cable(refs=None, classified_by=None, captions=["SIPDIS", "", cb, "",
                                                                  "DEPARTMENT FOR EUR/NB"])
    fixed = fixed_once(text, "S001", safe=False)
    assert findings(fixed, "S001") == []
    assert fixed.index(cb) > fixed.index("SUBJECT:")
    assert fixed.index(cb) < fixed.index("1. (C)")
    assert good.count("\n") <= fixed.count("\n")


# --- S002: the label -------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "profile"), [("SUBJ:", "draft"), ("UBJECT:", "archive")])
def test_s002_writes_the_label(label, profile):
    good = clean_cable()
    text = replaced(good, "SUBJECT:", label)
    assert fixed_once(text, "S002", safe=True, profile=profile) == good


def test_s002_keeps_the_case_of_the_label():
    text = replaced(clean_cable(), "SUBJECT:", "Subj:")
    assert "Subject: (C)" in fixed_once(text, "S002", safe=True)


# --- S004: re-wrap body lines -------------------------------------------------------------------

LONG = ("2. (C) As reported ref A, the review covers the research stations on the archipelago "
        "and the ministry answered the questions of ref B on March 12.")


def test_s004_rewraps_a_paragraph_line():
    text = clean_cable(paragraphs=[LONG, "3. (U) Embassy will report further developments."])
    text = replaced(text, "2. (C)", "1. (C)").replace("3. (U)", "2. (U)")
    fixed = fixed_once(text, "S004", safe=True)
    assert fixed.replace("\n", " ") == text.replace("\n", " ")
    assert max(len(line) for line in fixed.splitlines()) <= 69
    assert findings(fixed, "S004") == []
    assert lint_text(fixed, config=Settings(select=("P", "S"))) == []


def test_s004_never_starts_a_line_like_a_paragraph_number():
    line = ("1. (U) The delegation will arrive on the morning of March 14 and will leave on the "
            "afternoon of 2. April as planned.")
    text = unclassified_cable(paragraphs=[line, "2. (U) Post concurs."])
    fixed = fixed_once(text, "S004", safe=True)
    assert all(not row.startswith("2. April") for row in fixed.splitlines())


def test_s004_header_lines_get_no_fix():
    text = clean_cable(tags="TAGS: PREL PGOV PINS PHUM PTER MARR MOPS KCRM KTFN SNAR ASEC EFIN ECON NO")
    [finding] = findings(text, "S004")
    assert finding.fix is None


def test_s004_width_option_rewraps_at_55():
    text = clean_cable(paragraphs=["1. (C) The Foreign Ministry has begun a review of its arctic "
                                   "plan.", "2. (U) Post will report."])
    found = findings(text, "S004", width=55)
    body = [d for d in found if d.fix is not None]
    assert len(body) == 1
    fixed = apply(text, body[0])
    assert "1. (C) The Foreign Ministry has begun a review of its\narctic plan." in fixed


# --- S005: transliterate -------------------------------------------------------------------------

@pytest.mark.parametrize(("bad", "good", "safe"), [
    ("NORWAY\u2019S", "NORWAY'S", True),
    ("\u201cARCTIC\u201d", '"ARCTIC"', True),
    ("ARCTIC \u2013 COOPERATION", "ARCTIC - COOPERATION", True),
    ("ARCTIC \u2014 COOPERATION", "ARCTIC -- COOPERATION", True),
    ("ARCTIC\u00a0COOPERATION", "ARCTIC COOPERATION", True),
    ("TROMS\u00d8", None, None),
    ("CAF\u00c9", "CAFE", False),
])
def test_s005_transliterates(bad, good, safe):
    subject = f"SUBJECT: (C) NORWAY REVIEWS {bad} PLAN"
    text = clean_cable(subject=subject)
    found = findings(text, "S005")
    assert len(found) == (bad.count("\u201c") + bad.count("\u201d") or 1)
    if good is None:
        assert found[0].fix is None
        return
    for finding in found:
        assert finding.fix.safe is safe
    for finding in sorted(found, key=lambda d: -d.span.start):
        text = apply(text, finding)
    assert text == clean_cable(subject=f"SUBJECT: (C) NORWAY REVIEWS {good} PLAN")
    assert findings(text, "S005") == []


def test_s005_tab_becomes_a_blank_unsafely():
    text = replaced(clean_cable(), "3. (U) Embassy", "3. (U)\tEmbassy")
    assert fixed_once(text, "S005", safe=False) == replaced(clean_cable(), "3. (U) Embassy",
                                                              "3. (U) Embassy")


def test_s005_ignores_crlf_and_paragraph_marks():
    text = clean_cable(newline="\r\n", paragraphs=["\u00b61. (C) One.", "\u00b6 2. (U) Two."])
    assert findings(text, "S005") == []


# --- S006: upper case ------------------------------------------------------------------------

def test_s006_upper_cases_eo_and_tags_and_leaves_the_subject_text():
    good = clean_cable(subject="SUBJECT: (C) Norway reviews arctic plan")
    text = replaced(replaced(replaced(good, "E.O. 13526: DECL:", "E.o. 13526: decl:"),
                             "TAGS: PREL PGOV NO", "Tags: prel pgov no"), "SUBJECT:", "Subject:")
    found = findings(text, "S006")
    assert [d.message for d in found] == ["E.O. line is not in capitals",
                                          "TAGS line is not in capitals",
                                          "SUBJECT label is not in capitals"]
    assert all(d.fix.safe for d in found)
    for finding in sorted(found, key=lambda d: -d.span.start):
        text = apply(text, finding)
    assert text == good


def test_s006_banner_fix_is_unsafe():
    text = clean_cable(banner="C o n f i d e n t i a l OSLO 000412")
    fixed = fixed_once(text, "S006", safe=False)
    assert fixed == clean_cable()


# --- the body reading ------------------------------------------------------------------------

def _kinds(paragraphs, **parts):
    cable = build_cable(clean_cable(paragraphs=paragraphs, **parts))
    body = read_body(cable)
    return [body.kind(item) for item in body.items if not hasattr(item, "number")]


def test_body_kinds():
    kinds = _kinds(["Background\n----------",
                    "1. (C) The ministry listed three points, and said that",
                    "the review would start in April.",
                    "-- the research stations;",
                    "TAGS: PREL PGOV NO",
                    "The Ministry of Defense was not at the meeting and has not said\n"
                    "what it thinks of the plan."])
    assert kinds == [HEADING, CONTINUATION, LIST_ITEM, FURNITURE, PROSE, "signature"]


def test_body_portions_and_signature():
    cable = build_cable(clean_cable())
    body = read_body(cable)
    assert len(body.portions) == 3
    assert body.signature is not None and body.signature.text.text == "HOLLIS"
    assert read_body(cable) is body  # read once per cable


@pytest.mark.parametrize(("text", "expected"), [
    ("RANDT", True), ("VAN VOORST", True), ("TIMKEN JR", True), ("Beyrle", False),
    ("END COMMENT", False), ("NNNN", False), ("THE MINISTRY SAID SO", False)])
def test_signature(text, expected):
    assert is_signature(text) is expected


def test_delimiters_of_the_clean_cable():
    cable = build_cable(clean_cable())
    found = [(d.label, d.closes) for d in delimiters(cable)]
    assert found == [("Summary", False), ("End Summary", True)]


def test_telegram_lines_count_wrapped_lines():
    assert telegram_lines("a\nb") == 2
    assert telegram_lines("x" * 70) == 2
    assert telegram_lines("x" * 139 + "\n\ny") == 5
