"""Property tests for fixes over synthetic cables (hypothesis).

Each example is the clean draft of ``tests/cables.py`` with a random choice of fixable
defects, in LF or CRLF. Properties: fixing is idempotent, never changes a classification
marking, never parses worse, and leaves no fixed finding behind.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    from cables import PARAGRAPHS, clean_cable
except ImportError:  # tests run as a package
    from tests.cables import PARAGRAPHS, clean_cable

from cablelint.config import Settings
from cablelint.diagnostics import Edit
from cablelint.engine import lint_text
from cablelint.fixes import apply_edits, fix_text, markings

DEFECTS = {
    "tags_label": dict(tags="TGS: PREL PGOV NO"),
    "tags_duplicate": dict(tags="TAGS: PREL PGOV NO PREL"),
    "tags_run_together": dict(tags="TAGS: PRELPGOV NO"),
    "eo_punctuation": dict(eo="EO 13526 DECL: 03/14/2034"),
    "reason_format": dict(classified_by="Classified By: Ambassador Jane Q. Hollis. "
                                        "Reasons 1.4 (B/D)."),
    "para_marks": dict(paragraphs=tuple("¶" + p for p in PARAGRAPHS)),
    "mangled_letters": dict(refs=("REF: A. OSLO 398", "     1B. STATE 21145")),
    "renumber": dict(paragraphs=(PARAGRAPHS[0], PARAGRAPHS[1],
                                 PARAGRAPHS[2].replace("3.", "5.", 1))),
    "serial_padding": dict(banner="C O N F I D E N T I A L OSLO 412"),
    "mark_case": dict(paragraphs=(PARAGRAPHS[0], PARAGRAPHS[1].replace("(C)", "(c)"),
                                  PARAGRAPHS[2])),
    "trailing_backslash": dict(subject="SUBJECT: (C) NORWAY REVIEWS ARCTIC\\\n"
                                       "COOPERATION PLAN"),
    "non_ascii": dict(subject="SUBJECT: (C) NORWAY’S ARCTIC COOPERATION PLAN"),
}


@st.composite
def faulty_cables(draw):
    chosen = draw(st.sets(st.sampled_from(sorted(DEFECTS)), min_size=1, max_size=4))
    parts = {}
    for name in sorted(chosen):
        parts.update(DEFECTS[name])
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return clean_cable(newline=newline, **parts)


PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(faulty_cables(), st.booleans())
def test_fixing_is_idempotent_and_keeps_markings(text, unsafe):
    result = fix_text(text, unsafe=unsafe)
    assert result.converged
    again = fix_text(result.text, unsafe=unsafe)
    assert not again.changed
    assert markings(result.text) == markings(text)
    syntax = Settings(select=("E001",))
    assert len(lint_text(result.text, config=syntax)) <= len(lint_text(text, config=syntax))
    if "\r\n" in text:
        assert result.text.count("\n") == result.text.count("\r\n")


@PROPERTY
@given(faulty_cables())
def test_fixed_findings_are_not_reported_again(text):
    result = fix_text(text)
    fixable = {(d.code, d.message) for d in result.remaining if d.fix and d.fix.safe}
    assert fixable == set() or not result.converged


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AB\n ", max_size=40), st.data())
def test_text_outside_the_edits_is_unchanged(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = [Edit(a, b, data.draw(st.sampled_from(["", "X", "YZ"])))
             for a, b in zip(cuts[::2], cuts[1::2])]
    result = apply_edits(text, edits)
    position, shift = 0, 0
    for edit in edits:
        assert result[position + shift:edit.start + shift] == text[position:edit.start]
        shift += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    assert result[position + shift:] == text[position:]
