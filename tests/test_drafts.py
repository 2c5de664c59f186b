"""Faulty drafts as a new user writes them: one defect each, in an otherwise clean cable.

Each case takes the clean draft of ``tests/cables.py``, makes one mistake a drafting officer
could make, and expects the code that ``spec/rules.md`` names for that mistake. A few
mistakes are also, by the catalogue, a second defect (a letter gap in the REF list leaves a
body citation dangling); those cases list the second code as allowed. No other finding at any
severity may appear.
"""

from __future__ import annotations

import pytest

try:
    from cables import PARAGRAPHS, clean_cable, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import PARAGRAPHS, clean_cable, unclassified_cable

from cablelint.config import Settings
from cablelint.diagnostics import Severity
from cablelint.engine import lint_text

P1, P2, P3 = PARAGRAPHS
NOT_CITING = ("1. (C) The Foreign Ministry has begun a review of its arctic plan.",
              "2. (U) Embassy will report further developments.")
LONG_BODY = tuple(f"{n}. (C) Point {n} of the review, as discussed with the\n"
                  "ministry staff on several occasions this month, with more\n"
                  "detail on the research stations and the budget." for n in range(1, 25))
TRANSMISSION = ("VZCZCXRO0412", "OO RUEHOS", "DE RUEHOS #0412/01 0741530",
                "ZNY CCCCC ZZH")


def draft(**overrides) -> str:
    return clean_cable(**overrides)


DRAFTS = [
    # H: address block and transmission lines
    ("H001", draft(dtg="O 311530Z APR 24"), ()),
    ("H002", draft(dtg="P O 141530Z MAR 24"), ("H004",)),
    ("H003", draft(to="TO SECSTATE WASHDC IMMEDAITE 1234"), ("H004",)),
    ("H004", draft(dtg="P 141530Z MAR 24"), ()),
    ("H005", draft(to=None), ()),
    ("H006", draft(to="TO RUEHC-SECSTATE WASHDC IMMEDIATE 12345"), ()),
    ("H007", draft(to="TO AMEMBASSY PARIS NIACT IMMEDIATE 1234"), ()),
    ("H008", draft(transmission=TRANSMISSION[:3] + ("ZNY SSSSS ZZH",)), ()),
    # C: classification, portion marks, captions
    ("C001", draft(banner="C O N F I D E N T I A L OSLO 412"), ()),
    ("C002", draft(banner="CONFIDENTIAL OSLO 000412"), ()),
    ("C003", draft(paragraphs=(P1, P2, "3. (S) Embassy will report further developments.")), ()),
    ("C004", draft(subject="SUBJECT: (U) NORWAY REVIEWS ARCTIC COOPERATION PLAN",
                   paragraphs=tuple(p.replace("(C)", "(U)") for p in PARAGRAPHS)), ()),
    ("C005", draft(paragraphs=(P1, P2.replace("(C)", "(CONF)"), P3)), ()),
    ("C006", draft(paragraphs=(P1, P2.replace("(C)", "(C/NF)"), P3)), ()),
    ("C007", draft(captions=("EXDIS", "SIPDIS")), ()),
    ("C008", draft(captions=("STADIS", "NODIS")), ()),
    ("C009", unclassified_cable(paragraphs=("1. (SBU) The ministry asked that its list stay\n"
                                            "internal.", "2. (U) Post concurs.")), ()),
    ("C010", draft(subject="SUBJECT: NORWAY REVIEWS ARCTIC COOPERATION PLAN"), ()),
    # D: E.O. line, declassification, reasons
    ("D001", draft(eo="EO 13526 DECL: 03/14/2034"), ()),
    ("D002", draft(eo="E.O. 12958: DECL: 03/14/2034"), ()),
    ("D003", unclassified_cable(eo="E.O. 13526: DECL: 06/15/2034"), ()),
    ("D004", draft(eo="E.O. 13526: N/A"), ()),
    ("D005", draft(eo="E.O. 13526: DECL: 02/30/2034"), ()),
    ("D006", draft(eo="E.O. 13526: DECL: 03/14/2023"), ()),
    ("D007", draft(eo="E.O. 13526: DECL: 03/15/2049"), ()),
    ("D008", draft(eo="E.O. 13526: DECL: 03/14/2044"), ()),
    ("D009", draft(eo="E.O. 13526: DECL: OADR"), ("D004",)),
    ("D010", draft(classified_by="Classified By: Ambassador. Reasons 1.4 (b) and (d)."), ()),
    ("D011", draft(classified_by="Classified By: Ambassador Jane Q. Hollis."), ()),
    ("D012", draft(classified_by="Classified By: Ambassador Jane Q. Hollis. "
                                 "Reasons 1.4 (b) and (j)."), ()),
    ("D013", draft(classified_by="Classified By: Ambassador Jane Q. Hollis. Reasons 1.4 (b/d)."),
     ()),
    # T: TAGS
    ("T001", draft(tags=None), ()),
    ("T002", draft(tags="TAGS: PRELL PGOV NO"), ()),
    ("T003", draft(tags="TAGS: PRELPGOV NO"), ()),
    ("T004", draft(tags="TAGS: PREL PGOV NO PREL"), ()),
    ("T005", draft(tags="TAGS: NO"), ()),
    ("T006", draft(tags="TAGS: OVIP PREL NO"), ()),
    # R: references
    ("R001", draft(refs=("REF: A. A) OSLO 398", "     B. STATE 21145")), ()),
    ("R002", draft(refs=("REF: A. OSLO 398", "     C. STATE 21145")), ("R005",)),
    ("R003", draft(refs=("REF: A. OSLO 398", "     B. 24 RIO DE JAN 0044")), ()),
    ("R004", draft(refs=("REF: A. OSLO 498", "     B. STATE 21145")), ()),
    ("R005", draft(paragraphs=NOT_CITING), ()),
    # P: paragraphs and body
    ("P001", draft(paragraphs=(P1.replace("1.", "2.", 1), P2.replace("2.", "3.", 1),
                               P3.replace("3.", "4.", 1))), ()),
    ("P002", draft(paragraphs=(P1, P2, P3.replace("3.", "4.", 1))), ()),
    ("P003", draft(paragraphs=("1. (C) The Foreign Ministry confirmed the plan, as ref A\n"
                               "and ref B foresaw.",)), ()),
    ("P004", draft(paragraphs=(P1, P2, "3. Embassy will report further developments.")), ()),
    ("P005", draft(paragraphs=(P1.replace("1. (C) Summary:", "1. Summary: (C)"), P2, P3)), ()),
    ("P006", draft(paragraphs=(P1, P2, "3. (C) Comment: The review looks slow.")), ()),
    ("P007", draft(paragraphs=LONG_BODY[:1] + tuple(p.replace("ministry", "ministry, ref A and\n"
                                                              "ref B,") for p in LONG_BODY[1:])),
     ()),
    ("P008", draft(signature=None), ()),
    # S: structure and style
    ("S001", draft(eo="TAGS: PREL PGOV NO", tags="E.O. 13526: DECL: 03/14/2034"), ()),
    ("S002", draft(subject="SUBJ: (C) NORWAY REVIEWS ARCTIC COOPERATION PLAN"), ()),
    ("S003", draft(banner="C O N F I D E N T I A L SECTION 03 OF 02 OSLO 000412"), ()),
    ("S004", draft(paragraphs=(P1, P2, "3. (U) Embassy will report further developments on the "
                                       "review as soon as the ministry shares them.")), ()),
    ("S005", draft(subject="SUBJECT: (C) NORWAY’S ARCTIC COOPERATION PLAN"), ()),
    ("S006", draft(tags="TAGS: prel pgov no"), ()),
    # X: release artifacts a draft should not carry
    ("X001", draft(paragraphs=("¶" + P1, P2, P3)), ()),
    ("X002", draft(trailer="NNNN\nEnd Cable Text"), ()),
    ("X004", draft(subject="SUBJECT: (C) NORWAY&#8217;S ARCTIC COOPERATION PLAN"), ()),
]


@pytest.mark.parametrize(("code", "text", "allowed"),
                         [pytest.param(*case, id=case[0]) for case in DRAFTS])
def test_one_defect_draft_gets_the_catalogue_code(code, text, allowed):
    found = [d.code for d in lint_text(text)]
    assert code in found, found
    assert set(found) <= {code, *allowed}, found


def test_every_catalogue_group_is_exercised():
    groups = {code[0] for code, _text, _allowed in DRAFTS}
    assert groups == set("HCDTRPSX")


@pytest.mark.parametrize("text", [clean_cable(), unclassified_cable(),
                                  clean_cable(transmission=TRANSMISSION)],
                         ids=["classified", "unclassified", "with-transmission-lines"])
def test_clean_draft_gets_no_error_or_warning(text):
    found = lint_text(text, config=Settings())
    assert [d for d in found if d.severity >= Severity.WARNING] == []
    assert found == []
