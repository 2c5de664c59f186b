"""Rule fixtures (tests/fixtures/rules/<CODE>.toml) and meta-tests over the rule registry.

Each fixture file holds ``[[case]]`` tables::

    name = "short-kebab-name"
    kind = "fail" | "pass"
    text = '''<a whole cable>'''           # TOML literal string; first newline dropped
    profile = "archive"                     # optional, default "draft"
    options = {width = 55}                  # optional: this rule's options for the case
    expected = [{code = "P002", line = 26, column = 1,
                 severity = "error",        # optional
                 message_contains = "..."}] # optional; fail cases only
    xfail = "reason"                        # optional: a known package bug (strict xfail)

The runner lints ``text`` with ``Settings(select=(CODE,), profile=...)`` and compares the
full list of (code, line, column) exactly: a fail case lists every finding of that code, a
pass case has none. E002 cases are bytes on disk, linted with ``engine.lint_path``:
``text`` is encoded with ``encoding`` (default utf-8), ``bom = true`` prepends a UTF-8 BOM,
``crlf = true`` writes CRLF line ends, ``append_hex`` adds raw bytes at the end, and
``path_kind = "directory" | "missing"`` lints a directory or a path that does not exist.
"""

from __future__ import annotations

import importlib
import inspect
import re
import tomllib
from pathlib import Path

import pytest

from cablelint.rules.base import DOC_SECTIONS

from cablelint.build import build_cable
from cablelint.config import Settings
from cablelint.engine import lint_path, lint_text
from cablelint.rules import RULE_MODULES, registry
from cablelint.rules.base import Rule

try:
    from cables import PARAGRAPHS, clean_cable, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import PARAGRAPHS, clean_cable, unclassified_cable

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "rules.md"
CASE_KEYS = {"name", "kind", "text", "profile", "options", "expected", "xfail", "encoding", "bom", "crlf",
             "append_hex", "path_kind"}
EXPECTED_KEYS = {"code", "line", "column", "severity", "message_contains"}
DOC_HEADINGS = tuple(f"{section}:" for section in DOC_SECTIONS)


def load_fixtures() -> dict[str, list[dict]]:
    """Every fixture file, by rule code (the file's stem)."""
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
            for path in sorted(FIXTURES.glob("*.toml"))}


FIXTURE_CASES = load_fixtures()


def _params():
    for code, cases in FIXTURE_CASES.items():
        for case in cases:
            marks = ()
            if case.get("xfail"):
                marks = (pytest.mark.xfail(strict=True, reason=case["xfail"]),)
            yield pytest.param(code, case, id=f"{code}:{case.get('name')}", marks=marks)


def _lint_bytes_case(case: dict, tmp_path: Path):
    settings = Settings(select=("E002",), profile=case.get("profile", "draft"))
    path_kind = case.get("path_kind")
    if path_kind == "directory":
        target = tmp_path / "drafts.cable"
        target.mkdir()
        return lint_path(target, config=settings)
    if path_kind == "missing":
        return lint_path(tmp_path / "no-such.cable", config=settings)
    assert path_kind is None, f"unknown path_kind {path_kind!r}"
    text = case["text"]
    if case.get("crlf"):
        text = text.replace("\n", "\r\n")
    data = text.encode(case.get("encoding", "utf-8"))
    if case.get("bom"):
        data = b"\xef\xbb\xbf" + data
    data += bytes.fromhex(case.get("append_hex", ""))
    target = tmp_path / "case.cable"
    target.write_bytes(data)
    return lint_path(target, config=settings)


@pytest.mark.parametrize(("code", "case"), list(_params()))
def test_rule_fixture(code, case, tmp_path):
    if code == "E002":
        diagnostics = _lint_bytes_case(case, tmp_path)
    else:
        if code != "E001":  # every other fixture cable must be readable by the grammar
            assert build_cable(case["text"]).syntax_problems == ()
        settings = Settings(select=(code,), profile=case.get("profile", "draft"),
                            options={code: case.get("options", {})})
        diagnostics = lint_text(case["text"], path=f"{case['name']}.cable", config=settings)
    found = [(d.code, d.line, d.column) for d in diagnostics if d.code == code]
    if case["kind"] == "pass":
        assert found == [], [d.message for d in diagnostics]
        return
    expected = [(e["code"], e["line"], e["column"]) for e in case["expected"]]
    assert found == expected, [(d.line, d.column, d.message) for d in diagnostics]
    mine = [d for d in diagnostics if d.code == code]
    for want, got in zip(case["expected"], mine):
        if "severity" in want:
            assert got.severity.label == want["severity"], got.message
        if "message_contains" in want:
            assert want["message_contains"] in got.message


# --- the fixture files themselves ----------------------------------------------------------


def test_fixture_files_are_well_formed():
    assert FIXTURE_CASES, "no fixture files found"
    for code, cases in FIXTURE_CASES.items():
        assert registry().get(code) is not None and code == code.upper(), code
        names = [case.get("name") for case in cases]
        assert len(names) == len(set(names)), f"{code}: duplicate case names"
        for case in cases:
            where = f"{code}:{case.get('name')}"
            assert set(case) <= CASE_KEYS, (where, set(case) - CASE_KEYS)
            assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", case["name"]), where
            assert case["kind"] in ("fail", "pass"), where
            assert case.get("profile", "draft") in ("draft", "archive"), where
            assert "text" in case or case.get("path_kind"), where
            if case["kind"] == "fail":
                assert case.get("expected"), f"{where}: a fail case lists its findings"
                for entry in case["expected"]:
                    assert set(entry) <= EXPECTED_KEYS, (where, entry)
                    assert entry["code"] == code, where
                    assert entry.get("severity", "error") in ("error", "warning", "info")
                positions = [(e["line"], e["column"]) for e in case["expected"]]
                assert positions == sorted(positions), f"{where}: expected is not in order"
            else:
                assert "expected" not in case, f"{where}: a pass case expects nothing"


def test_every_rule_has_fail_and_pass_fixtures():
    for code in registry().by_code:
        cases = FIXTURE_CASES.get(code)
        assert cases, f"no fixture file tests/fixtures/rules/{code}.toml"
        kinds = {case["kind"] for case in cases}
        assert kinds == {"fail", "pass"}, f"{code}: needs fail and pass cases, has {kinds}"


# --- the registry and the rule modules -----------------------------------------------------


def _rule_classes():
    """Every Rule subclass of every rule module (duplicates kept, unlike the registry)."""
    found = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"cablelint.rules.{name}")
        found += [(name, obj) for obj in vars(module).values()
                  if inspect.isclass(obj) and issubclass(obj, Rule) and obj is not Rule
                  and obj.__module__ == module.__name__]
    return found


def test_codes_and_slugs_are_unique_and_well_formed():
    classes = _rule_classes()
    codes = [rule.code for _, rule in classes]
    slugs = [rule.name for _, rule in classes]
    assert len(codes) == len(set(codes)), codes
    assert len(slugs) == len(set(slugs)), slugs
    assert set(codes) == set(registry().by_code)
    for module, rule in classes:
        assert re.fullmatch(r"[A-Z]\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name), rule.name
        assert module == f"{rule.code.lower()}_{rule.name.replace('-', '_')}", module


def test_one_rule_class_per_module():
    modules = [module for module, _ in _rule_classes()]
    assert sorted(modules) == sorted(RULE_MODULES)


@pytest.mark.parametrize("code", sorted(registry().by_code))
def test_rule_docstring_has_the_fixed_sections(code):
    rule = registry().by_code[code]
    doc = rule.documentation()
    assert doc.splitlines()[0].startswith(f"{code} {rule.name}:"), doc.splitlines()[0]
    lines = [line.rstrip() for line in doc.splitlines()]
    places = []
    for heading in DOC_HEADINGS:
        assert heading in lines, f"{code}: docstring has no '{heading}' section"
        index = lines.index(heading)
        assert lines[index + 1].strip(), f"{code}: '{heading}' section is empty"
        places.append(index)
    assert places == sorted(places), f"{code}: sections out of order"


def _spec_table() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in RULES_SPEC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*([A-Z]\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*([a-z/]+)\s*\|", line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3))
    return rows


@pytest.mark.skipif(not RULES_SPEC.is_file(), reason="spec/rules.md not beside the checkout")
def test_codes_slugs_and_severities_follow_the_spec():
    table = _spec_table()
    for code, rule in registry().by_code.items():
        if code.startswith("E"):
            continue  # E001/E002 are DESIGN.md's, not in the rules catalogue
        assert code in table, code
        slug, severity = table[code]
        assert rule.name == slug, code
        assert rule.severity.label == severity.split("/")[0], code


def test_registry_lookup_by_code_and_slug():
    rules = registry()
    for code, rule in rules.by_code.items():
        assert rules.get(code.lower()) is rule
        assert rules.get(rule.name) is rule
        assert rules.resolve(rule.name) == {code}


@pytest.mark.parametrize("selector", ["D", "d", "D0"])
def test_group_prefix_selects_the_group(selector):
    group = {code for code in registry().by_code if code.startswith("D")}
    assert len(group) > 1 and registry().resolve(selector) == group


def test_narrower_prefix_selects_part_of_the_group():
    assert registry().resolve("D00") == {code for code in registry().by_code
                                          if code.startswith("D00")}


# --- whole-cable checks across rules -------------------------------------------------------


def test_default_clean_cable_has_no_findings():
    assert lint_text(clean_cable()) == []


def test_default_unclassified_cable_has_no_findings():
    assert lint_text(unclassified_cable()) == []


def test_clean_cable_without_optional_parts_has_no_findings():
    text = clean_cable(refs=None, captions=None,
                       paragraphs=["1. (C) The ministry confirmed the plan.",
                                   "2. (U) Embassy will report further developments."])
    assert lint_text(text) == []


ONE_DEFECT = [
    pytest.param(dict(tags=None), ["T001"], id="no-tags"),
    pytest.param(dict(tags="TAGS: PRELL PGOV NO"), ["T002"], id="unknown-tag"),
    pytest.param(dict(eo=None), ["D004", "D001"], id="no-eo-line"),
    pytest.param(dict(eo="E.O. 13526: DECL: 03/15/2049"), ["D007"], id="decl-too-late"),
    pytest.param(dict(eo="E.O. 13526: DECL: 03/14/2024"), ["D006"], id="decl-on-cable-date"),
    pytest.param(dict(dtg="O 141530Z MAR"), ["E001"], id="broken-dtg"),
    pytest.param(dict(paragraphs=PARAGRAPHS[:2] + ("4. (U) Embassy will report.",)), ["P002"],
                 id="gap"),
    pytest.param(dict(paragraphs=("2. (C) The review started, as ref A and ref B foresaw.",
                                  "3. (U) Embassy will report.")),
                 ["P001"], id="starts-at-2"),
    pytest.param(dict(paragraphs=PARAGRAPHS[:2] + ("3. Embassy will report.",)), ["P004"],
                 id="unmarked"),
    pytest.param(dict(paragraphs=tuple("¶" + p for p in PARAGRAPHS)), ["X001"] * 3,
                 id="paragraph-marks"),
]


@pytest.mark.parametrize(("overrides", "codes"), ONE_DEFECT)
def test_one_defect_variants_of_the_clean_cable(overrides, codes):
    assert [d.code for d in lint_text(clean_cable(**overrides))] == codes


def _mangled(paragraphs):
    return clean_cable(
        dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 03/20/2018",
        banner="S E C R E T OSLO 000233", subject="SUBJECT: (S) NORWAY WEIGHS PROPOSAL",
        refs=["REF: A. OSLO 198", "     1B. STATE 21145", "     1C. 07 OSLO 1277"],
        classified_by="Classified By: Ambassador Paul R. Lindqvist. Reasons 1.4 (b) and (d).",
        paragraphs=paragraphs, signature="LINDQVIST")


MANGLED_RUN = [f"1{n}. (S) Point {n} of the report, cited as ref A, ref B and ref C."
               for n in range(1, 11)]


def test_mangled_run_draws_x001_but_no_paragraph_findings():
    text = _mangled(MANGLED_RUN)
    diagnostics = lint_text(text, config=Settings(select=("P001", "P002", "P004", "X001")))
    codes = [d.code for d in diagnostics]
    assert "P001" not in codes and "P002" not in codes and "P004" not in codes
    # ten mangled paragraph numbers (11. ... 110.) and two mangled REF letters
    assert codes.count("X001") == 12
    assert lint_text(text, config=Settings(ignore=("X001",))) == []


def test_mangled_run_findings_point_at_the_extra_digit():
    text = _mangled(MANGLED_RUN)
    x001 = [(d.line, d.column) for d in lint_text(text, config=Settings(select=("X001",)))]
    lines = text.split("\n")
    for line, column in x001:
        assert lines[line - 1][column - 1] == "1"


# --- the documented safe fixes -------------------------------------------------------------


def apply_fixes(text: str, code: str) -> str:
    """``text`` with the edits of every fix of ``code`` applied (edits do not overlap)."""
    diagnostics = lint_text(text, config=Settings(select=(code,)))
    assert diagnostics and all(d.fix is not None and d.fix.safe for d in diagnostics)
    edits = sorted((e for d in diagnostics for e in d.fix.edits), key=lambda e: e.start)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start
    for edit in reversed(edits):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


SAFE_FIXES = [
    pytest.param("T001", dict(tags="TGS: PREL PGOV NO"), dict(tags="TAGS: PREL PGOV NO"),
                 id="T001-label"),
    pytest.param("D001", dict(eo="EO 13526 DECL: 03/14/2034"), {}, id="D001-punctuation"),
    pytest.param("D001", dict(eo="E.O.13526: NA", banner="UNCLAS OSLO 000412"),
                 dict(eo="E.O. 13526: N/A", banner="UNCLAS OSLO 000412"), id="D001-na"),
    pytest.param("D005", dict(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 6/30/18"),
                 dict(dtg="O 201106Z MAR 08", eo="E.O. 12958: DECL: 06/30/2018"),
                 id="D005-two-digit-year"),
    pytest.param("X001", dict(paragraphs=["¶1. (C) One.", "¶ 2. (C) Two."],
                              refs=["REF: A. OSLO 398", "     ¶B. STATE 21145"]),
                 dict(paragraphs=["1. (C) One.", "2. (C) Two."]), id="X001-marks"),
    pytest.param("X001", dict(paragraphs=MANGLED_RUN[:3],
                              refs=["REF: A. OSLO 398", "     1B. STATE 21145"]),
                 dict(paragraphs=[p[1:] for p in MANGLED_RUN[:3]]), id="X001-mangled"),
    pytest.param("T002", dict(tags="TAGS: PREL, SIPDIS, PGOV, NO"),
                 dict(tags="TAGS: PREL, PGOV, NO"), id="T002-sipdis-commas"),
    pytest.param("T002", dict(tags="TAGS: PREL SIPDIS PGOV NO"), {},
                 id="T002-sipdis-spaces"),
]


@pytest.mark.parametrize(("code", "broken", "mended"), SAFE_FIXES)
def test_safe_fix_gives_the_documented_text(code, broken, mended):
    fixed = apply_fixes(clean_cable(**broken), code)
    assert fixed == clean_cable(**mended)
    assert lint_text(fixed, config=Settings(select=(code,))) == []
