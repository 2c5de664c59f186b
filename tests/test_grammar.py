"""The grammar (grammar/cable.lark) and the model built from it, on synthetic cables.

Valid cables of every shape the format allows parse without E001, and the model finds each
header element and paragraph at its line and column; malformed date-time group lines give
E001 with the place and the expectation in the format's words. All cables are invented.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import lark
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablelint import parser
from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_text

try:
    from cables import clean_cable, position, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, position, unclassified_cable

ROOT = Path(__file__).resolve().parents[1]
E001_ONLY = Settings(select=("E001",))

# --- synthetic cables ----------------------------------------------------------------------

FULL = clean_cable(
    transmission=["VZCZCXRO4521", "PP RUEHAB RUEHBC", "DE RUEHNY #0412/01 0741530",
                  "ZNY CCCCC ZZH"],
    dtg="P R 141530Z MAR 24",
    to="TO RUEHC/SECSTATE WASHDC PRIORITY 1234",
    info=["INFO RUEHCP/AMEMBASSY COPENHAGEN 0567",
          "     RUEHSM/AMEMBASSY STOCKHOLM 0890",
          "     RUEHHE/AMEMBASSY HELSINKI"],
    banner="C O N F I D E N T I A L SECTION 01 OF 02 OSLO 000412",
    captions="NOFORN, SIPDIS",
    tags="TAGS: PREL PGOV ENRG\nNO",
    subject="SUBJECT: (C/NF) NORWAY REVIEWS ARCTIC COOPERATION PLAN AND ASKS\n"
            "FOR EARLY CONSULTATIONS WITH NORDIC PARTNERS",
    refs=["REF: A. OSLO 398", "     B. STATE 21145", "     C. 23 COPENHAGEN 77"],
    classified_by="Classified By: Ambassador Jane Q. Hollis\nfor reasons 1.4 (b) and (d).",
    paragraphs=[
        "1. (C/NF) Summary: The Foreign Ministry has begun a review of its\n"
        "arctic plan, as reported ref A. End Summary.",
        "2. (C) The ministry answered the questions of ref B and ref C.",
        "3. (U) Embassy will report further developments.",
    ],
    trailer="NNNN",
)

LOWER_CASE_KEYS = clean_cable(
    dtg="P 071410Z JAN 04",
    fm="FM AMEMBASSY ANKARA",
    to="TO SECSTATE WASHDC PRIORITY 0031",
    banner="C O N F I D E N T I A L ANKARA 000561",
    captions=None,
    eo="E.o. 12958: decl: 01/07/2014",
    tags="Tags: prel, pgov, tu",
    subject="Subject: (C) TURKEY: CABINET MEETS ON THE BUDGET",
    refs="Ref: ANKARA 212",
    classified_by="Classified by Ambassador Eric Q. Dunn. Reasons 1.4 (b) and (d).",
    paragraphs=["1. (C) The cabinet met on Monday to discuss the budget.",
                "2. (C) A vote is due next week."],
    signature="DUNN",
)

OLD_STYLE_1990S = """\
CONFIDENTIAL     PTQ4417

PAGE 01        OSLO  02210  150812Z
ACTION EUR-01

INFO  LOG-00   NP-00    AID-00   CIAE-00  INR-00
      SP-00    SS-00    /003W
                  ------------------4A3C1F  150813Z /38
R 150800Z JUN 97
FM AMEMBASSY OSLO
TO SECSTATE WASHDC 4410
INFO AMEMBASSY STOCKHOLM

C O N F I D E N T I A L OSLO 002210

E.O. 12958: DECL: 06/15/2007
TAGS: PREL PGOV NO
SUBJ: NORWAY: FISHERIES TALKS RESUME IN JULY

1. (C) THE MINISTRY CONFIRMED THAT TALKS WILL RESUME IN JULY.

2. (U) THE DELEGATION WILL BE LED BY A STATE SECRETARY.

SMITH
"""

UNCLAS_SECTION = clean_cable(
    dtg="R 021200Z APR 24",
    fm="FM SECSTATE WASHDC",
    to=["TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE"],
    banner="UNCLAS SECTION 01 OF 02 STATE 036120",
    captions=["SIPDIS", "FOR ALL CABLE DRAFTERS"],
    eo="E.O. 13526: N/A",
    tags="TAGS: AMGT KPAO",
    subject="SUBJECT: GUIDANCE ON CABLE DRAFTING",
    refs="REF: STATE 21145",
    classified_by=None,
    paragraphs=["1. This cable gives guidance on drafting cables.",
                "2. Posts should follow it from May 1."],
    signature="HOLLOWAY",
)

VALID_CABLES = {
    "clean-default": clean_cable(),
    "full-with-transmission-lines": FULL,
    "unnumbered-unclassified": unclassified_cable(),
    "lower-case-header-keys": LOWER_CASE_KEYS,
    "old-style-1990s-header": OLD_STYLE_1990S,
    "unclas-section-banner": UNCLAS_SECTION,
    "no-address-block": clean_cable(dtg=None, fm=None, to=None),
    "dtg-with-operating-signal": clean_cable(dtg="O 141530Z MAR 24 ZDK"),
    "refs-after-blank-line": clean_cable(refs=["REF: A. OSLO 398", "", "     B. STATE 21145"]),
    "classified-by-in-caps": clean_cable(
        classified_by="CLASSIFIED BY: DCM PETER R. LANE, REASON: 1.4 (B), (D)"),
    "no-final-newline": clean_cable().rstrip("\n"),
    "heading-and-bullets": clean_cable(paragraphs=[
        "1. (C) The review has three parts:",
        "-- (C) research stations;\n-- (U) shipping lanes;\n-- (U) fisheries.",
        "Comment\n-------",
        "2. (C) The review is overdue. End Comment.",
    ]),
}


@pytest.mark.parametrize("text", list(VALID_CABLES.values()), ids=list(VALID_CABLES))
def test_valid_cable_parses_without_e001(text):
    assert build_cable(text).syntax_problems == ()
    assert lint_text(text, config=E001_ONLY) == []


# --- the grammar ships and loads once --------------------------------------------------------


def test_grammar_file_is_found():
    path = Path(parser.grammar_path())
    assert path.is_file()
    assert path.name == "cable.lark"
    assert "dtg_line" in path.read_text(encoding="utf-8") == parser.grammar_text()


def test_grammar_is_force_included_in_the_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["grammar/cable.lark"] == "cablelint/grammar/cable.lark"
    assert (ROOT / "grammar" / "cable.lark").is_file()


def test_parser_is_lalr_and_loaded_once():
    first = parser.get_parser()
    assert isinstance(first, lark.Lark)
    assert first.options.parser == "lalr" and first.options.lexer == "contextual"
    # positions come from the tokens (build.py); Lark's propagation would cost a third of the
    # parse time for nothing
    assert not first.options.propagate_positions
    assert parser.get_parser() is first


# --- the model of the full cable -------------------------------------------------------------


@pytest.fixture(scope="module")
def full():
    return build_cable(FULL)


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    return position(text, needle, occurrence)


def where(span) -> tuple[int, int]:
    return span.line, span.column


def test_transmission_lines(full):
    assert [line.kind for line in full.transmission] == ["FL1", "FL2", "FL3", "FL4"]
    assert [line.text for line in full.transmission][2] == "DE RUEHNY #0412/01 0741530"
    assert [where(line.span) for line in full.transmission] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_dual_prosign_date_time_group(full):
    dtg = full.dtg
    assert [p.text for p in dtg.prosigns] == ["P", "R"]
    assert (dtg.time.text, dtg.month.text, dtg.year.text) == ("141530Z", "MAR", "24")
    assert where(dtg.span) == (5, 1)
    assert where(dtg.prosigns[1].span) == (5, 3)
    assert where(dtg.time.span) == (5, 5)
    assert where(dtg.month.span) == (5, 13)
    assert where(dtg.year.span) == (5, 17)


def test_address_lists_with_continuation_lines(full):
    assert full.originators[0].plad.text == "AMEMBASSY OSLO"
    assert where(full.originators[0].plad.span) == (6, 4)
    to, info = full.address_lists
    assert to.keyword == "TO" and info.keyword == "INFO"
    (action,) = to.addressees
    assert (action.routing_indicator, action.plad, action.precedence, action.mcn) == (
        "RUEHC", "SECSTATE WASHDC", "PRIORITY", "1234")
    assert where(action.span) == at(FULL, "RUEHC/SECSTATE")
    assert [a.plad for a in info.addressees] == [
        "AMEMBASSY COPENHAGEN", "AMEMBASSY STOCKHOLM", "AMEMBASSY HELSINKI"]
    assert [a.mcn for a in info.addressees] == ["0567", "0890", None]
    assert [where(a.span) for a in info.addressees] == [(8, 6), (9, 6), (10, 6)]


def test_banner_level(full):
    banner = full.banner
    assert banner.level == "C"
    assert banner.classification.text == "C O N F I D E N T I A L"
    assert where(banner.span) == at(FULL, "C O N F I D E N T I A L")
    assert full.is_classified


def test_banner_section_post_and_serial(full):
    banner = full.banner
    assert banner.section is not None and banner.section.text == "SECTION 01 OF 02"
    assert banner.post.text == "OSLO"
    assert banner.serial.text == "000412"
    assert where(banner.serial.span) == at(FULL, "000412")
    assert banner.handling is None


def test_banner_post_and_serial_without_section():
    text = clean_cable()
    banner = build_cable(text).banner
    assert (banner.post.text, banner.serial.text, banner.section) == ("OSLO", "000412", None)
    assert where(banner.post.span) == at(text, "OSLO 000412")
    assert where(banner.serial.span) == at(text, "000412")


def test_comma_joined_captions(full):
    (line,) = full.captions
    assert [c.text for c in line.captions] == ["NOFORN", "SIPDIS"]
    assert [where(c.span) for c in line.captions] == [at(FULL, "NOFORN"), at(FULL, "SIPDIS")]


def test_eo_line(full):
    eo = full.eo_line
    assert eo.label.text == "E.O."
    assert eo.order.text == "13526"
    assert where(eo.order.span) == at(FULL, "13526")
    assert "DECL: 03/14/2034" in eo.instruction.text


def test_tags_over_two_lines(full):
    tags = full.tags_line
    assert tags.label.text == "TAGS:"
    assert [t.text for t in tags.tags] == ["PREL", "PGOV", "ENRG", "NO"]
    assert where(tags.tags[0].span) == at(FULL, "PREL")
    assert where(tags.tags[3].span) == (at(FULL, "\nNO\n")[0] + 1, 1)


def test_multi_line_subject(full):
    subject = full.subject
    assert subject.label.text == "SUBJECT:"
    assert (subject.portion_mark.level, subject.portion_mark.control) == ("C", "NF")
    assert where(subject.portion_mark.span) == at(FULL, "(C/NF) NORWAY")
    assert subject.text.text == ("NORWAY REVIEWS ARCTIC COOPERATION PLAN AND ASKS\n"
                                 "FOR EARLY CONSULTATIONS WITH NORDIC PARTNERS")
    assert where(subject.text.span) == at(FULL, "NORWAY REVIEWS")
    assert (subject.text.span.end_line, subject.text.span.end_column) == (
        at(FULL, "FOR EARLY")[0], len("FOR EARLY CONSULTATIONS WITH NORDIC PARTNERS") + 1)


def test_lettered_references_over_several_lines(full):
    (refs,) = full.references
    assert refs.label.text == "REF:"
    assert [r.letter.text for r in refs.references] == ["A.", "B.", "C."]
    assert [r.citation.text for r in refs.references] == [
        "OSLO 398", "STATE 21145", "23 COPENHAGEN 77"]
    assert [where(r.letter.span) for r in refs.references] == [
        at(FULL, "A. OSLO"), at(FULL, "B. STATE"), at(FULL, "C. 23")]
    assert where(refs.references[2].citation.span) == at(FULL, "23 COPENHAGEN")


def test_single_unlettered_reference():
    text = clean_cable(refs="REF: STATE 21145")
    (refs,) = build_cable(text).references
    (only,) = refs.references
    assert only.letter is None
    assert only.citation.text == "STATE 21145"
    assert where(only.citation.span) == at(text, "STATE 21145")


def test_multi_line_classified_by(full):
    (block,) = full.classified_by
    assert block.text.text == ("Classified By: Ambassador Jane Q. Hollis\n"
                               "for reasons 1.4 (b) and (d).")
    assert where(block.span) == at(FULL, "Classified By")
    assert block.text.span.end_line == at(FULL, "for reasons")[0]


def test_paragraph_numbers_and_portion_marks(full):
    paragraphs = full.paragraphs
    assert [p.value for p in paragraphs] == [1, 2, 3]
    assert [p.portion_mark.level for p in paragraphs] == ["C", "C", "U"]
    assert [p.portion_mark.control for p in paragraphs] == ["NF", None, None]
    assert [where(p.number.span) for p in paragraphs] == [
        at(FULL, "1. (C/NF)"), at(FULL, "2. (C)"), at(FULL, "3. (U)")]
    assert [where(p.portion_mark.span) for p in paragraphs] == [
        at(FULL, "(C/NF) Summary"), at(FULL, "(C) The ministry"), at(FULL, "(U) Embassy")]
    assert paragraphs[0].text.text.endswith("End Summary.")
    assert paragraphs[0].text.span.end_line == at(FULL, "arctic plan")[0]


def test_signature_and_end_of_message(full):
    from cablelint.model import Block, EndOfMessage

    *_, signature, end = full.body
    assert isinstance(signature, Block) and signature.text.text == "HOLLIS"
    assert isinstance(end, EndOfMessage)
    assert where(end.span) == at(FULL, "NNNN")


def test_header_order(full):
    kinds = [kind for kind, _ in full.header_order]
    assert kinds == ["dtg", "fm", "to", "info", "banner", "caption", "eo_line", "tags",
                     "subject", "refs", "classified_by"]
    lines = [span.line for _, span in full.header_order]
    assert lines == sorted(lines)


def test_element_spans_end_on_their_own_line(full):
    for element in (full.dtg, full.banner, full.eo_line, full.captions[0]):
        assert element.span.end_line == element.span.line, element
    subject = full.subject
    assert (subject.span.end_line, subject.span.end_column) == (
        subject.text.span.end_line, subject.text.span.end_column)
    last = full.paragraphs[-1]
    assert (last.span.end_line, last.span.end_column) == (
        last.text.span.end_line, last.text.span.end_column)


# --- other shapes ----------------------------------------------------------------------------


def test_unnumbered_cable_model():
    text = unclassified_cable()
    cable = build_cable(text)
    assert cable.level == "U" and not cable.is_classified
    assert cable.numbered_paragraphs == ()
    assert cable.subject.portion_mark is None
    assert cable.classified_by == ()
    assert [where(b.span) for b in cable.body] == [at(text, "Post concurs"), at(text, "HOLLIS")]


def test_lower_case_header_keys_model():
    cable = build_cable(LOWER_CASE_KEYS)
    assert cable.eo_line.label.text == "E.o."
    assert cable.eo_line.order.text == "12958"
    assert cable.tags_line.label.text == "Tags:"
    assert [t.text for t in cable.tags_line.tags] == ["prel", "pgov", "tu"]
    assert cable.subject.label.text == "Subject:"
    assert cable.subject.portion_mark.level == "C"
    assert cable.references[0].references[0].citation.text == "ANKARA 212"
    assert len(cable.classified_by) == 1
    assert where(cable.tags_line.tags[2].span) == at(LOWER_CASE_KEYS, "tu")


def test_old_style_header_model():
    text = OLD_STYLE_1990S
    cable = build_cable(text)
    assert [p.text for p in cable.dtg.prosigns] == ["R"]
    assert where(cable.dtg.span) == at(text, "R 150800Z")
    assert cable.banner.level == "C"
    assert where(cable.banner.span) == at(text, "C O N F I D E N T I A L")
    assert cable.subject.label.text == "SUBJ:"
    assert cable.subject.text.text == "NORWAY: FISHERIES TALKS RESUME IN JULY"
    assert where(cable.subject.label.span) == at(text, "SUBJ:")
    assert [p.value for p in cable.paragraphs] == [1, 2]
    assert where(cable.paragraphs[1].number.span) == at(text, "2. (U)")
    # the old distribution block is not read as addressees
    assert [a.keyword for a in cable.address_lists] == ["TO", "INFO"]


def test_unclas_section_banner_level():
    cable = build_cable(UNCLAS_SECTION)
    assert cable.banner.level == "U"
    assert [c.text for line in cable.captions for c in line.captions] == [
        "SIPDIS", "FOR ALL CABLE DRAFTERS"]


@pytest.mark.parametrize(("banner", "level"), [
    ("UNCLAS OSLO 000412", "U"),
    ("UNCLASSIFIED OSLO 000412", "U"),
    ("UNCLAS EFTO OSLO 000412", "U"),
    ("C O N F I D E N T I A L OSLO 000412", "C"),
    ("S E C R E T OSLO 000412", "S"),
    ("T O P  S E C R E T OSLO 000412", "TS"),
    ("S e c r e t oslo 000412", "S"),
    ("LIMITED OFFICIAL USE OSLO 000412", "LOU"),
])
def test_banner_levels(banner, level):
    cable = build_cable(clean_cable(banner=banner))
    assert cable.banner.level == level
    assert cable.syntax_problems == ()


@pytest.mark.parametrize(("mark", "level", "control"), [
    ("(S//NF)", "S", "NF"),
    ("(SBU)", "SBU", None),
    ("(C/REL NATO)", "C", "REL NATO"),
    ("(TS)", "TS", None),
])
def test_portion_mark_levels(mark, level, control):
    text = clean_cable(paragraphs=[f"1. {mark} The ministry confirmed the plan.",
                                   "2. (U) Embassy will report."])
    first = build_cable(text).paragraphs[0]
    assert (first.portion_mark.text, first.portion_mark.level, first.portion_mark.control) == (
        mark, level, control)
    assert where(first.portion_mark.span) == at(text, mark)


def test_paragraph_without_mark_or_number():
    text = clean_cable(paragraphs=["1. The ministry confirmed the plan.",
                                   "(C) An unnumbered marked paragraph follows.",
                                   "2. (U) Embassy will report."])
    first, second, third = build_cable(text).paragraphs
    assert first.value == 1 and first.portion_mark is None
    assert second.number is None and second.portion_mark.level == "C"
    assert where(second.span) == at(text, "(C) An unnumbered")
    assert third.value == 2


# --- must-fail cables: E001 ------------------------------------------------------------------

BROKEN_DTG = [
    pytest.param("O 141530Z MAR", 1, 14, "the two-digit year of the date-time group",
                 id="no-year"),
    pytest.param("O 141530Z 24", 1, 11, "the month of the date-time group", id="no-month"),
    pytest.param("O 141530Z", 1, 10, "the month of the date-time group", id="time-only"),
    pytest.param("P R 141530Z", 1, 12, "the month of the date-time group", id="dual-time-only"),
    pytest.param("O 14 1530Z MAR 24", 1, 3, "a date-time group such as 201106Z MAR 08",
                 id="split-day"),
]


@pytest.mark.parametrize(("dtg", "line", "column", "expected"), BROKEN_DTG)
def test_malformed_dtg_line_gives_e001(dtg, line, column, expected):
    text = clean_cable(dtg=dtg)
    diagnostics = lint_text(text, config=E001_ONLY)
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("E001", line, column)]
    message = diagnostics[0].message
    assert "date-time group" in message
    assert message.startswith(f"expected {expected}")
    assert ", found " in message


def test_dtg_without_zone_letter_is_read_and_left_to_h001():
    """``O 2011 MAR 24`` has the shape of a DTG line: E001 stays silent, H001 names the form."""
    text = clean_cable(dtg="O 2011 MAR 24")
    assert lint_text(text, config=E001_ONLY) == []
    h001 = lint_text(text, config=Settings(select=("H001",)))
    assert [(d.code, d.line, d.column) for d in h001] == [("H001", 1, 3)]


def test_e001_line_counts_the_transmission_lines():
    text = clean_cable(transmission=["VZCZCXRO4521", "PP RUEHAB", "DE RUEHNY #0412/01 0741530",
                                     "ZNY CCCCC ZZH"], dtg="O 141530Z 24")
    diagnostics = lint_text(text, config=E001_ONLY)
    assert [(d.line, d.column) for d in diagnostics] == [(5, 11)]
    assert "found '24'" in diagnostics[0].message


def test_e001_is_reported_once_per_broken_line_and_the_rest_is_read():
    text = clean_cable(dtg="O 141530Z MAR\nP 141530Z")
    cable = build_cable(text)
    assert [(p.span.line, p.span.column) for p in cable.syntax_problems] == [(1, 14), (2, 10)]
    # after the broken lines the parse goes on: the header and body are still read
    assert cable.banner is not None and cable.banner.level == "C"
    assert [p.value for p in cable.paragraphs] == [1, 2, 3]
    assert cable.tags_line is not None


def test_e001_diagnostic_fields():
    (diagnostic,) = lint_text(clean_cable(dtg="O 141530Z MAR"), path="oslo-412.cable",
                              config=E001_ONLY)
    assert diagnostic.path == "oslo-412.cable"
    assert diagnostic.name == "syntax-error"
    assert diagnostic.severity.label == "error"
    assert (diagnostic.span.end_line, diagnostic.span.end_column) > (1, 14)


# --- never a traceback -----------------------------------------------------------------------

_PIECES = ["¶", "1", "11. ", "(C) ", "\r", "\t", " ", "REF: ", "1B. ", "TAGS:", "E.O. ",
           "SUBJECT:", "O ", "NNNN", "\\", "PAGE 02 OSLO 00412 01 OF 02 141530Z",
           "End Cable Text", "(", ")", "/", "SECTION 01 OF 02", "S E C R E T", "Classified By:",
           ":", "Z", "VZCZC", "\ufeff", "é"]
_LINES = FULL.split("\n")


@st.composite
def damaged_cables(draw):
    lines = list(_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "insert-text", "insert-line", "swap"]))
        if action == "drop" and len(lines) > 1:
            lines.pop(index)
        elif action == "insert-text":
            at_char = draw(st.integers(0, len(lines[index])))
            piece = draw(st.sampled_from(_PIECES))
            lines[index] = lines[index][:at_char] + piece + lines[index][at_char:]
        elif action == "insert-line":
            lines.insert(index, draw(st.sampled_from(_PIECES)))
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    text = "\n".join(lines)
    return text[:draw(st.integers(0, len(text)))] if draw(st.booleans()) else text


def _check_positions(text, diagnostics):
    lines = text.split("\n")
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_cables())
def test_damaged_cables_give_diagnostics_not_tracebacks(text):
    _check_positions(text, lint_text(text))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_diagnostics_not_tracebacks(text):
    _check_positions(text, lint_text(text))


@pytest.mark.parametrize("text", list(VALID_CABLES.values()), ids=list(VALID_CABLES))
def test_fast_parse_loop_gives_lark_s_own_tree(text):
    """The parse loop over Lark's tables is in use here and builds exactly Lark's tree,
    token positions included."""
    from cablelint.normalise import normalise

    fast = parser._fast_parser()
    assert fast is not None  # the installed Lark lays out its tables as the loop expects
    normalised = normalise(text).text
    ours, lark_s = fast(normalised), parser.get_parser().parse(normalised)
    assert ours == lark_s
    ours_tokens = list(ours.scan_values(parser.is_token))
    lark_tokens = list(lark_s.scan_values(parser.is_token))
    assert ours_tokens and all(isinstance(t, lark.Token) for t in lark_tokens)
    assert [(t.type, t.start_pos, t.end_pos, t.line, t.column, t.end_line, t.end_column)
            for t in ours_tokens] == \
        [(t.type, t.start_pos, t.end_pos, t.line, t.column, t.end_line, t.end_column)
         for t in lark_tokens]


def test_fast_parse_loop_hands_syntax_errors_to_lark():
    broken = clean_cable(dtg="O 141530Z 24")
    from cablelint.normalise import normalise

    assert parser._fast_parser()(normalise(broken).text) is None
    problems = build_cable(broken).syntax_problems
    assert [p.message for p in problems] == [
        "expected the month of the date-time group, such as MAR, found '24'"]
