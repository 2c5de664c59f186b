"""Fuzzing ``lint_text`` and ``fix_text`` with broken cables (hypothesis).

The generator is grammar-aware: it starts from valid synthetic cables (``tests/cables.py``,
the rule fixtures, ``examples/``, the faulty drafts of ``test_fix_properties``) and breaks
them the way files break: lines deleted, duplicated, swapped, truncated, cable lines from
elsewhere spliced in (transmission lines, banners, section markers, paragraph marks,
``NNNN``), line ends changed, random characters inserted, the file cut short. Some examples
go through bytes (random bytes inserted) and :func:`cablelint.engine.decode`, as the command
line reads files.

The property (:func:`check_case`): no exception escapes, fixing keeps the guarantees of
``test_fix_properties`` (markings kept, no worse parse) and a fix is idempotent: fixing the
fixed text changes nothing. CI runs ``CI_EXAMPLES`` examples; ``bench/fuzz.py`` runs 10,000
or more with the same generator and property.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    from cables import clean_cable, unclassified_cable
    from test_fix_properties import faulty_cables
    from test_rules import FIXTURE_CASES
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, unclassified_cable
    from tests.test_fix_properties import faulty_cables
    from tests.test_rules import FIXTURE_CASES

from cablelint.config import Settings
from cablelint.engine import decode, lint_text
from cablelint.fixes import fix_text, markings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CI_EXAMPLES = 200

#: Valid (and nearly valid) cables to break: every text of the rule fixtures and examples.
SEEDS = tuple(dict.fromkeys(
    [clean_cable(), unclassified_cable(), clean_cable(newline="\r\n")]
    + [case["text"] for cases in FIXTURE_CASES.values() for case in cases if "text" in case]
    + [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.cable"))]))

#: Cable lines of the zones the seeds seldom hold, to splice in anywhere.
CABLE_LINES = (
    "VZCZCXRO4123", "PP RUEHAG RUEHROV", "DE RUEHOS #0412/01 0741530", "ZNY CCCCC ZZH",
    "O 141530Z MAR 24", "P R 041820Z JAN 10 ZDK", "FM AMEMBASSY OSLO",
    "TO SECSTATE WASHDC IMMEDIATE 1234", "INFO RUEHCP/AMEMBASSY COPENHAGEN 0001",
    "XMT AMCONSUL JERUSALEM", "S E C R E T SECTION 01 OF 02 OSLO 000412",
    "UNCLAS SECTION 02 OF 02 STATE 000001", "T O P  S E C R E T OSLO 000412 NOFORN",
    "SIPDIS", "NOFORN", "SENSITIVE", "E.O. 12958: DECL: 03/20/2033", "E.O. 13526: N/A",
    "TAGS: PREL PGOV", "SUBJECT: (S) A SUBJECT", "REF: A. STATE 1", "B. 07 OSLO 5",
    "Classified By: Pol Chief A. Smith. Reason 1.4 (b).", "1. (C) Text.", "12. (TS//NF)",
    "(U) Text.", "\u00b63. (C) Text.", "11. (S) Text.", "1B. STATE 2", "NNNN",
    "End Cable Text", "OSLO 00000412  002 OF 003", "This record is a partial extract",
    "ACTION AF-00", "------------------8A8E0D 271459Z /38", "CONFIDENTIAL     PTQ2529",
    "END SUMMARY.", "HOLLIS", "&amp; \\", "",
)

PROFILES = {"draft": Settings(), "archive": Settings(profile="archive")}


@dataclass(frozen=True)
class Case:
    """One fuzz example: the text (None when its bytes did not decode), how it was linted."""

    text: str | None
    profile: str
    unsafe: bool
    data: bytes | None = None  # the bytes it was decoded from, for byte-level examples


# --- mutations: each takes the draw function and a list of lines (with their line ends) -----

def _index(draw, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def delete_line(draw, lines):
    if lines:
        del lines[_index(draw, lines)]
    return lines


def duplicate_line(draw, lines):
    if lines:
        at = _index(draw, lines)
        lines.insert(at, lines[at])
    return lines


def swap_lines(draw, lines):
    if len(lines) > 1:
        a, b = _index(draw, lines), _index(draw, lines)
        lines[a], lines[b] = lines[b], lines[a]
    return lines


def truncate_line(draw, lines):
    """Cut a line short (its line end stays)."""
    if lines:
        at = _index(draw, lines)
        body = lines[at].rstrip("\r\n")
        lines[at] = body[:draw(st.integers(0, len(body)))] + lines[at][len(body):]
    return lines


def cut_file(draw, lines):
    """A half-written file: everything after some character is gone."""
    text = "".join(lines)
    return _lines(text[:draw(st.integers(0, len(text)))])


def splice_line(draw, lines):
    """A cable line from the pool or from another seed, inserted or replacing a line."""
    source = draw(st.sampled_from(("pool", "seed")))
    if source == "pool":
        line = draw(st.sampled_from(CABLE_LINES)) + "\n"
    else:
        line = draw(st.sampled_from(_lines(draw(st.sampled_from(SEEDS))) or ["\n"]))
    at = draw(st.integers(0, len(lines)))
    if at < len(lines) and draw(st.booleans()):
        lines[at] = line
    else:
        lines.insert(at, line)
    return lines


def change_line_end(draw, lines):
    if lines:
        at = _index(draw, lines)
        body = lines[at].rstrip("\r\n")
        lines[at] = body + draw(st.sampled_from(("\n", "\r\n", "\r", "", "\n\n")))
    return lines


def insert_characters(draw, lines):
    """Random characters (control characters, marks, any script; no lone surrogates, which
    decoded text never holds) at a random place."""
    text = "".join(lines)
    at = draw(st.integers(0, len(text)))
    noise = draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8))
    return _lines(text[:at] + noise + text[at:])


MUTATIONS = (delete_line, duplicate_line, swap_lines, truncate_line, cut_file, splice_line,
             change_line_end, insert_characters)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@st.composite
def broken_cables(draw) -> str:
    """A valid or faulty synthetic cable with one to six mutations applied."""
    if draw(st.integers(0, 4)) == 0:
        text = draw(faulty_cables())
    else:
        text = draw(st.sampled_from(SEEDS))
    lines = _lines(text)
    for _ in range(draw(st.integers(1, 6))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return "".join(lines)


@st.composite
def fuzz_cases(draw) -> Case:
    """A broken cable, linted in either profile, fixed with or without the unsafe fixes; one
    in five goes through bytes with random bytes inserted (maybe a BOM) and ``decode``."""
    text = draw(broken_cables())
    profile, unsafe = draw(st.sampled_from(sorted(PROFILES))), draw(st.booleans())
    if draw(st.integers(0, 4)):
        return Case(text, profile, unsafe)
    data = (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + text.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return Case(decode(data).text, profile, unsafe, data)


def check_case(case: Case) -> None:
    """The property: no exception escapes; a fix keeps the markings, parses no worse and is
    idempotent (fixing the fixed text changes nothing)."""
    if case.text is None:
        assert case.data is not None and decode(case.data).problem  # an E002 reason
        return
    config = PROFILES[case.profile]
    syntax = Settings(select=("E001",), profile=case.profile)
    lint_text(case.text, config=config)
    result = fix_text(case.text, config=config, unsafe=case.unsafe)
    again = fix_text(result.text, config=config, unsafe=case.unsafe)
    assert not again.changed, "a second fix changed the text"
    assert markings(case.text).kept_in(markings(result.text), unsafe=case.unsafe)
    assert len(lint_text(result.text, config=syntax)) <= len(lint_text(case.text, config=syntax))


# --- the generator does what it says ---------------------------------------------------------

class _Draws:
    """A stand-in for hypothesis' draw that returns given values in turn."""

    def __init__(self, *values):
        self.values = list(values)

    def __call__(self, strategy):
        return self.values.pop(0)


LINES = ["A\n", "B\r\n", "C\n"]


def test_line_mutations_do_what_they_say():
    assert delete_line(_Draws(1), list(LINES)) == ["A\n", "C\n"]
    assert duplicate_line(_Draws(2), list(LINES)) == ["A\n", "B\r\n", "C\n", "C\n"]
    assert swap_lines(_Draws(0, 2), list(LINES)) == ["C\n", "B\r\n", "A\n"]
    assert truncate_line(_Draws(0, 0), ["ABC\r\n"]) == ["\r\n"]
    assert cut_file(_Draws(4), list(LINES)) == ["A\n", "B\r"]
    assert change_line_end(_Draws(0, "\r"), list(LINES)) == ["A\r", "B\r\n", "C\n"]
    assert insert_characters(_Draws(1, "\x00\u00e9"), ["AB\n"]) == ["A\x00\u00e9B\n"]
    assert splice_line(_Draws("pool", "NNNN", 3), list(LINES)) == [*LINES, "NNNN\n"]
    assert splice_line(_Draws("pool", "SIPDIS", 1, True), list(LINES)) == \
        ["A\n", "SIPDIS\n", "C\n"]


def test_seeds_are_many_and_start_from_clean_cables():
    assert len(SEEDS) > 100
    assert [lint_text(text) for text in SEEDS[:3]] == [[], [], []]


# --- the property, as CI runs it -------------------------------------------------------------

@settings(max_examples=CI_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fuzz_cases())
def test_broken_cables_never_raise_and_fixes_are_idempotent(case):
    check_case(case)
