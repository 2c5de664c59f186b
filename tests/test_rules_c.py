"""The C rules' fixes (banner, portion marks, captions): the edits give the documented text.

Each test lints a variant of the clean cable with one C rule, applies the edits of its fixes
and compares the result with the text expected; the fixed text draws no finding of that rule.
All cables are invented (tests/cables.py).
"""

from __future__ import annotations

import pytest

try:
    from cables import clean_cable, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, unclassified_cable

from cablelint import markings
from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_text

NOFORN_PARAGRAPHS = ("1. (C/NF) The ministry confirmed the plan.",
                     "2. (U) Embassy will report further developments.")
SBU_PARAGRAPHS = ("1. (SBU) The ministry confirmed the visit program.",
                  "2. (U) Embassy will report further developments.")


def findings(text: str, code: str, **options):
    settings = Settings(select=(code,), options={code: options} if options else {})
    return [d for d in lint_text(text, config=settings) if d.code == code]


def fixed(text: str, code: str, *, safe: bool = True, **options) -> str:
    """``text`` with the edits of every ``code`` fix applied; each fix has the given safety."""
    found = findings(text, code, **options)
    assert found and all(d.fix is not None for d in found), [d.message for d in found]
    assert all(d.fix.safe is safe for d in found), [(d.message, d.fix.safe) for d in found]
    edits = sorted((e for d in found for e in d.fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start, "edits overlap"
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    assert findings(text, code, **options) == [], "the fixed text still draws the rule"
    return text


# --- C001 banner-malformed -----------------------------------------------------------------


@pytest.mark.parametrize(("serial", "mended"), [("412", "000412"), ("00000412", "000412")])
def test_c001_writes_the_serial_with_six_digits(serial, mended):
    text = clean_cable(banner=f"C O N F I D E N T I A L OSLO {serial}")
    assert fixed(text, "C001") == clean_cable(banner=f"C O N F I D E N T I A L OSLO {mended}")


def test_c001_has_no_fix_for_a_post_or_a_long_serial():
    for banner in ("C O N F I D E N T I A L BERGEN 000412", "C O N F I D E N T I A L OSLO 1000412"):
        found = findings(clean_cable(banner=banner), "C001")
        assert found and all(d.fix is None for d in found)


# --- C002 banner-class-invalid -------------------------------------------------------------


@pytest.mark.parametrize(("written", "mended"), [
    ("CONFIDENTIAL", "C O N F I D E N T I A L"),
    ("CO N F I D E N T I A L", "C O N F I D E N T I A L"),
    ("Confidential", "C o n f i d e n t i a l"),
])
def test_c002_letter_spaces_the_classification(written, mended):
    text = clean_cable(banner=f"{written} OSLO 000412")
    assert fixed(text, "C002") == clean_cable(banner=f"{mended} OSLO 000412")


def test_c002_closes_up_a_spaced_unclas():
    text = unclassified_cable(banner="U N C L A S OSLO 000413")
    assert fixed(text, "C002") == unclassified_cable(banner="UNCLAS OSLO 000413")


def test_c002_spacing_finding_is_info_and_a_wrong_word_has_no_fix():
    assert [d.severity.label for d in findings(clean_cable(banner="SECRET OSLO 000412"),
                                               "C002")] == ["info"]
    lou = unclassified_cable(banner="LIMITED OFFICIAL USE OSLO 000413")
    assert [(d.severity.label, d.fix) for d in findings(lou, "C002")] == [("error", None)]


# --- C005 portion-mark-invalid -------------------------------------------------------------


def _marked(mark: str) -> str:
    return clean_cable(captions=["NOFORN", "SIPDIS"],
                       paragraphs=[f"1. {mark} The ministry confirmed the plan.",
                                   "2. (U) Embassy will report further developments."])


@pytest.mark.parametrize(("written", "options", "mended"), [
    ("(c//nf)", {}, "(C/NF)"),
    ("(C / NF)", {}, "(C/NF)"),
    ("(c)", {}, "(C)"),
    ("(C/Rel to Norway)", {}, "(C/REL TO NORWAY)"),
    ("(C/NF)", {"separator": "//"}, "(C//NF)"),
    ("(c/nf)", {"separator": "any"}, "(C/NF)"),
])
def test_c005_normalises_separator_blanks_and_case(written, options, mended):
    assert fixed(_marked(written), "C005", **options) == _marked(mended)


@pytest.mark.parametrize("mark", ["(CONF)", "(C/XD)", "(C/N)"])
def test_c005_never_guesses_a_level_or_a_control(mark):
    found = findings(_marked(mark), "C005")
    assert len(found) == 1 and found[0].fix is None


def test_c005_fix_keeps_the_level_letter():
    mended = fixed(_marked("(c//nf)"), "C005")
    level = build_cable(mended).paragraphs[0].portion_mark.level
    assert level == build_cable(_marked("(c//nf)")).paragraphs[0].portion_mark.level == "C"


# --- C006 control-missing-from-banner ------------------------------------------------------


def test_c006_adds_a_noforn_caption_under_the_banner_as_an_unsafe_fix():
    text = clean_cable(paragraphs=NOFORN_PARAGRAPHS)
    assert fixed(text, "C006", safe=False) == clean_cable(captions=["NOFORN", "", "SIPDIS"],
                                                          paragraphs=NOFORN_PARAGRAPHS)


def test_c006_has_no_fix_for_a_missing_rel_line():
    text = clean_cable(paragraphs=["1. (C/REL TO USA, NOR) The ministry confirmed the plan.",
                                   "2. (U) Embassy will report further developments."])
    assert [d.fix for d in findings(text, "C006")] == [None]


# --- C008 caption-lines --------------------------------------------------------------------


@pytest.mark.parametrize(("captions", "mended"), [
    ("NOFORN, SIPDIS", ["NOFORN", "SIPDIS"]),
    ("NOFORN SIPDIS", ["NOFORN", "SIPDIS"]),
    ("SIPDIS DEPT FOR EUR/NB", ["SIPDIS", "DEPT FOR EUR/NB"]),
    (["NODIS, STADIS"], ["NODIS", "STADIS"]),
])
def test_c008_puts_each_caption_on_its_own_line(captions, mended):
    text = clean_cable(captions=captions, paragraphs=NOFORN_PARAGRAPHS[1:])
    assert fixed(text, "C008") == clean_cable(captions=mended, paragraphs=NOFORN_PARAGRAPHS[1:])


def test_c008_moves_a_caption_off_the_banner_line():
    text = clean_cable(banner="C O N F I D E N T I A L OSLO 000412 NOFORN")
    assert fixed(text, "C008") == clean_cable(banner="C O N F I D E N T I A L OSLO 000412\nNOFORN")


@pytest.mark.parametrize(("captions", "mended"), [
    (["SIPDIS", "", "SIPDIS"], ["SIPDIS"]),
    (["NOFORN", "SIPDIS", "NOFORN"], ["NOFORN", "SIPDIS"]),
    (["NOFORN", "SIPDIS, SIPDIS"], ["NOFORN", "SIPDIS"]),
])
def test_c008_deletes_a_repeated_caption(captions, mended):
    text = clean_cable(captions=captions)
    assert fixed(text, "C008") == clean_cable(captions=mended)


def test_c008_writes_stadis_below_nodis():
    text = clean_cable(captions=["STADIS", "NODIS"])
    assert fixed(text, "C008") == clean_cable(captions=["NODIS", "STADIS"])


def test_c008_archive_profile_accepts_the_doubled_sipdis():
    text = clean_cable(captions=["SIPDIS", "", "SIPDIS"])
    assert lint_text(text, config=Settings(select=("C008",), profile="archive")) == []


def test_c008_has_no_fix_for_an_unknown_or_second_channel_caption():
    for captions in (["SIPDIS, INR"], ["NODIS", "LIMDIS"]):
        found = findings(clean_cable(captions=captions), "C008")
        assert found and all(d.fix is None for d in found)


# --- C009 sbu-without-sensitive ------------------------------------------------------------


def test_c009_adds_sensitive_as_the_last_caption_as_an_unsafe_fix():
    text = unclassified_cable(captions=["SIPDIS"], paragraphs=SBU_PARAGRAPHS)
    assert fixed(text, "C009", safe=False) == unclassified_cable(
        captions=["SIPDIS", "SENSITIVE"], paragraphs=SBU_PARAGRAPHS)


def test_c009_adds_sensitive_under_the_banner_when_there_is_no_caption():
    text = unclassified_cable(paragraphs=SBU_PARAGRAPHS)
    assert fixed(text, "C009", safe=False) == unclassified_cable(
        captions=["SENSITIVE"], paragraphs=SBU_PARAGRAPHS)


def test_c009_moves_sensitive_below_the_other_captions():
    text = unclassified_cable(captions=["SENSITIVE", "SIPDIS"], paragraphs=SBU_PARAGRAPHS)
    assert fixed(text, "C009") == unclassified_cable(captions=["SIPDIS", "SENSITIVE"],
                                                     paragraphs=SBU_PARAGRAPHS)


# --- rules without fixes, and the shared helpers --------------------------------------------


@pytest.mark.parametrize(("code", "text"), [
    ("C003", clean_cable(paragraphs=["1. (S) The ministry confirmed the plan."])),
    ("C004", clean_cable(subject="SUBJECT: (U) NORWAY REVIEWS ARCTIC PLAN",
                         paragraphs=["1. (U) The ministry confirmed the plan."])),
    ("C007", clean_cable(captions=["EXDIS", "SIPDIS"])),
    ("C010", clean_cable(subject="SUBJECT: NORWAY REVIEWS ARCTIC PLAN")),
])
def test_rules_that_leave_the_decision_to_a_human_have_no_fix(code, text):
    found = findings(text, code)
    assert found and all(d.fix is None for d in found)


@pytest.mark.parametrize(("post", "plad"), [
    ("BEIJING", "AMEMBASSY BEIJING"), ("SAO PAULO", "AMCONSUL SAO PAULO"),
    ("USNATO", "USMISSION USNATO"), ("GENEVA", "USMISSION GENEVA"), ("STATE", "SECSTATE WASHDC"),
    ("RPO DUBAI", "IRAN RPO DUBAI"), ("HAVANA", "USINT HAVANA"), ("PARTO", "USDEL SECRETARY//EUROPE//"),
    ("state", "SECSTATE WASHDC"), ("TELAVIV", "AMEMBASSY TEL AVIV"),
])
def test_banner_post_matches_its_originator(post, plad):
    assert markings.post_matches(post, plad)


@pytest.mark.parametrize(("post", "plad"), [("MOSCOW", "AMEMBASSY PARIS"), ("STATE", "AMEMBASSY OSLO"),
                                            ("PARIS", "AMEMBASSY ARIS")])
def test_banner_post_of_another_originator(post, plad):
    assert not markings.post_matches(post, plad)


def test_caption_line_tokens_keep_original_offsets():
    line = "NOFORN, SIPDIS DEPT FOR EUR/NB"
    tokens = markings.split_caption_line(line, 100, 7)
    assert [(t.name, t.kind, line[t.start - 100:t.end - 100]) for t in tokens] == [
        ("NOFORN", markings.CAPTION, "NOFORN"), ("SIPDIS", markings.CAPTION, "SIPDIS"),
        ("DEPT FOR EUR/NB", markings.TEXT, "DEPT FOR EUR/NB")]
