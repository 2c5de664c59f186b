"""The H rules' fixes (applied and compared with the expected text) and the address helpers.

Every cable here is invented; ``clean_cable()`` supplies the parts not under test.
"""

from __future__ import annotations

import datetime

import pytest

from cablelint import addresses
from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_text

try:
    from cables import clean_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable

ARCHIVE = "archive"


def findings(text: str, code: str, profile: str = "draft"):
    return [d for d in lint_text(text, config=Settings(select=(code,), profile=profile))
            if d.code == code]


def apply(text: str, diagnostics) -> str:
    """``text`` with the edits of every fix applied (edits must not overlap)."""
    edits = sorted((e for d in diagnostics if d.fix for e in d.fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


# --- H001 dtg-invalid ------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "mended"), [
    ("O 141530Z Mar 24", "O 141530Z MAR 24"),
    ("O 141530Z MARCH 24", "O 141530Z MAR 24"),
    ("O 141530Z mar. 24", "O 141530Z MAR 24"),
    ("O 141530Z MAR 2024", "O 141530Z MAR 24"),
    ("O 141530Z March 2024", "O 141530Z MAR 24"),
])
def test_h001_safe_fixes_mend_month_and_year(written, mended):
    text = clean_cable(dtg=written)
    found = findings(text, "H001")
    assert found and all(d.fix is not None and d.fix.safe for d in found)
    fixed = apply(text, found)
    assert fixed == clean_cable(dtg=mended)
    assert findings(fixed, "H001") == []


def test_h001_zero_padding_is_unsafe_and_unique():
    text = clean_cable(dtg="O 91530Z MAR 24")
    [finding] = findings(text, "H001")
    assert finding.fix is not None and not finding.fix.safe
    assert apply(text, [finding]) == clean_cable(dtg="O 091530Z MAR 24")


@pytest.mark.parametrize("dtg", [
    "O 11530Z MAR 24",    # 011530, 110530 and 115030 are all real times: no guess
    "O 311530Z APR 24",   # no 31 April: the day is never invented
    "O 142460Z MAR 24",   # hour 24, minute 60
    "O 1415 MAR 24",      # four digits
    "O 141530 MAR 24",    # no zone letter
    "O 141530Z MRA 24",   # unknown month
])
def test_h001_never_invents_a_date(dtg):
    found = findings(clean_cable(dtg=dtg), "H001")
    assert found and all(d.fix is None for d in found)


def test_h001_leaves_a_line_the_grammar_rejects_to_e001():
    text = clean_cable(dtg="O 141530Z")  # E001: the month is missing, the line is dropped
    assert build_cable(text).syntax_problems
    assert findings(text, "H001") == []


def test_h001_message_names_the_place_of_the_missing_line():
    [finding] = findings(clean_cable(dtg=None), "H001")
    assert (finding.line, finding.column) == (1, 1)
    assert "before the FM line" in finding.message


# --- H003 precedence-word-unknown ------------------------------------------------------------


@pytest.mark.parametrize("typo", ["PRIOITY", "PIORITY", "PRIORTY", "PRORITY"])
def test_h003_fix_writes_priority(typo):
    text = clean_cable(info=f"INFO AMEMBASSY STOCKHOLM {typo} 0456")
    [finding] = findings(text, "H003", ARCHIVE)
    assert finding.fix.safe
    fixed = apply(text, [finding])
    assert fixed == clean_cable(info="INFO AMEMBASSY STOCKHOLM PRIORITY 0456")
    assert findings(fixed, "H003", ARCHIVE) == []


def test_h003_other_words_have_no_fix():
    text = clean_cable(to="TO SECSTATE WASHDC IMEDIATE 1234")
    [finding] = findings(text, "H003")
    assert finding.fix is None and "did you mean IMMEDIATE" in finding.message


def test_h003_priority_option_and_profiles():
    text = clean_cable(dtg="P 141530Z MAR 24", to="TO SECSTATE WASHDC PRIORITY 1234")
    assert findings(text, "H003") == []
    assert findings(text, "H003", ARCHIVE) == []
    handbook = {"H003": {"allow_priority": False}}
    assert len(lint_text(text, config=Settings(select=("H003",), options=handbook))) == 1
    archive = Settings(select=("H003",), options=handbook, profile="archive")
    assert lint_text(text, config=archive) == []


# --- H004 precedence-mismatch ----------------------------------------------------------------


@pytest.mark.parametrize(("dtg", "to", "info", "mended"), [
    ("P 141530Z MAR 24", "TO SECSTATE WASHDC IMMEDIATE 1234", None, "O 141530Z MAR 24"),
    ("O 141530Z MAR 24", "TO SECSTATE WASHDC FLASH 1234", None, "Z 141530Z MAR 24"),
    ("O 141530Z MAR 24", "TO SECSTATE WASHDC 1234", None, "R 141530Z MAR 24"),
    ("P R 141530Z MAR 24", "TO SECSTATE WASHDC IMMEDIATE 1234",
     "INFO AMEMBASSY STOCKHOLM PRIORITY 0456", "O P 141530Z MAR 24"),
    ("O O 141530Z MAR 24", "TO SECSTATE WASHDC NIACT IMMEDIATE 1234",
     "INFO AMEMBASSY STOCKHOLM 0456", "O R 141530Z MAR 24"),
])
def test_h004_fix_recomputes_the_prosigns(dtg, to, info, mended):
    text = clean_cable(dtg=dtg, to=to, info=info)
    found = findings(text, "H004")
    assert found and all(d.fix is not None and d.fix.safe for d in found)
    fixed = apply(text, found)
    assert fixed == clean_cable(dtg=mended, to=to, info=info)
    assert findings(fixed, "H004") == []


def test_h004_no_fix_when_the_lines_would_invert_the_prosigns():
    # TO routine, INFO immediate: the computed pair R O would break H002
    text = clean_cable(dtg="R R 141530Z MAR 24", to="TO SECSTATE WASHDC 1234",
                       info="INFO AMEMBASSY STOCKHOLM IMMEDIATE 0456")
    [finding] = findings(text, "H004")
    assert finding.column == 3 and finding.fix is None


# --- H006 addressee-format -------------------------------------------------------------------


@pytest.mark.parametrize(("broken", "mended"), [
    (dict(to="TO RUEHC-SECSTATE WASHDC IMMEDIATE 1234"),
     dict(to="TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234")),
    (dict(to="TO RUEHC SECSTATE WASHDC IMMEDIATE 1234"),
     dict(to="TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234")),
    (dict(to="TO RUEHC//SECSTATE WASHDC IMMEDIATE 1234"),
     dict(to="TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234")),
    (dict(info="INFO RUEHSM/AMMBASSY STOCKHOLM 0456"),
     dict(info="INFO RUEHSM/AMEMBASSY STOCKHOLM 0456")),
    (dict(fm="FM AMEMBASS OSLO"), dict(fm="FM AMEMBASSY OSLO")),
    (dict(to="TO SESTATE WASHDC IMMEDIATE 1234"), dict(to="TO SECSTATE WASHDC IMMEDIATE 1234")),
])
def test_h006_safe_fixes(broken, mended):
    text = clean_cable(**broken)
    found = findings(text, "H006")
    assert found and all(d.fix is not None and d.fix.safe for d in found)
    fixed = apply(text, found)
    assert fixed == clean_cable(**mended)
    assert findings(fixed, "H006") == []


def test_h006_mcn_and_unknown_designator_have_no_fix():
    text = clean_cable(to=["TO SECSTATE WASHDC IMMEDIATE 12345", "EMBASSY STOCKHOLM 0456"])
    found = findings(text, "H006")
    assert [d.fix for d in found] == [None, None]


def test_h006_a_word_like_a_routing_indicator_is_not_joined():
    # "ROYAL" is R + 4 letters but not a US routing indicator: no separator finding
    text = clean_cable(info="INFO ROYAL AIR FORCE LIAISON OFFICE 0456")
    assert all("joined" not in d.message for d in findings(text, "H006"))


# --- rules without fixes ---------------------------------------------------------------------


@pytest.mark.parametrize(("code", "parts"), [
    ("H002", dict(dtg="R O 141530Z MAR 24")),
    ("H005", dict(to=None)),
    ("H007", dict(to="TO SECSTATE WASHDC NIACT IMMEDIATE 1234")),
    ("H008", dict(transmission=["VZCZCXRO1234", "OO RUEHC", "DE RUEHNY #0412 0741530",
                                "ZNY SSSSS ZZH"])),
])
def test_rules_without_fixes_offer_none(code, parts):
    found = findings(clean_cable(**parts), code)
    assert found and all(d.fix is None for d in found)


# --- the helpers -----------------------------------------------------------------------------


def test_parse_addressee_parts_and_places():
    text = "RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 2593-2599"
    parts = addresses.parse_addressee(text)
    assert parts.routing_indicator.text == "RUEHC"
    assert parts.plad.text == "SECSTATE WASHDC"
    assert parts.word == "NIACT IMMEDIATE" and parts.prosign == "O"
    assert text[parts.precedence.start:parts.precedence.end] == "NIACT IMMEDIATE"
    assert parts.mcn.text == "2593-2599"


@pytest.mark.parametrize(("text", "plad", "word", "prosign"), [
    ("AMEMBASSY BUENOS AIRES PRIOITY", "AMEMBASSY BUENOS AIRES", "PRIORITY", "P"),
    ("AMEMBASSY PRETORIA", "AMEMBASSY PRETORIA", None, "R"),
    ("ZEN/AMEMBASSY ROME 0412", "AMEMBASSY ROME", None, "R"),
    ("SECSTATE WASHDC IMEDIATE", "SECSTATE WASHDC", None, None),
    ("EUROPEAN POLITICAL COLLECTIVE PRIORITY", "EUROPEAN POLITICAL COLLECTIVE", "PRIORITY", "P"),
])
def test_parse_addressee_precedence(text, plad, word, prosign):
    parts = addresses.parse_addressee(text)
    assert (parts.plad.text, parts.word, parts.prosign) == (plad, word, prosign)


def test_dtg_datetime():
    cable = build_cable(clean_cable(dtg="O 291530Z FEB 08"))
    assert addresses.dtg_datetime(cable.dtg) == datetime.datetime(2008, 2, 29, 15, 30)
    cable = build_cable(clean_cable(dtg="O 291530Z FEB 09"))
    assert addresses.dtg_datetime(cable.dtg) is None


def test_expected_fl4_follows_the_banner():
    assert addresses.expected_fl4(build_cable(clean_cable())) == ("ZNY", "CCCCC")
    unclas = build_cable(clean_cable(banner="UNCLAS OSLO 000412"))
    assert addresses.expected_fl4(unclas) == ("ZNR", "UUUUU")
    efto = build_cable(clean_cable(banner="UNCLAS EFTO OSLO 000412"))
    assert addresses.expected_fl4(efto) == ("ZNY", "EEEEE")


def test_places_and_fixes_hold_with_crlf_line_ends():
    cases = {"H005": dict(fm="FM AMEMBASSY OSLO\nFM AMEMBASSY BERGEN"),
             "H006": dict(to=["TO SECSTATE WASHDC IMMEDIATE 1234", "RUEHRO-AMEMBASSY ROME 0456"])}
    for code, broken in cases.items():
        lf, crlf = clean_cable(**broken), clean_cable(**broken, newline="\r\n")
        places = [(d.line, d.column) for d in findings(lf, code)]
        assert places and [(d.line, d.column) for d in findings(crlf, code)] == places
    crlf = clean_cable(**cases["H006"], newline="\r\n")
    fixed = apply(crlf, findings(crlf, "H006"))
    assert fixed == clean_cable(to=["TO SECSTATE WASHDC IMMEDIATE 1234",
                                    "RUEHRO/AMEMBASSY ROME 0456"], newline="\r\n")
