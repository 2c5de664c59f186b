"""Classified text stays out of logs (DESIGN.md): the withheld lines of a cable, redacted
findings and diffs, every output format run through the command line, and the real corpus.

The synthetic SECRET cable below hides two words, NIGHTJAR and CORMORANT, in text that no
report may show by default: an unreadable date-time group (E001 quotes the word it found),
the (S) SUBJECT and the (S) paragraph, whose last line is a signature in mixed case (P008
quotes it) and which has two fixable defects (an em dash, a line too long).
"""

from __future__ import annotations

import difflib
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from cablelint.build import build_cable
from cablelint.diagnostics import Diagnostic, Edit, Fix, LazyFix, Severity, Span
from cablelint.engine import decode, lint_text
from cablelint.redaction import (SHOWN_PARTS, redact, redact_diff, text_lines,
                                 withheld_lines)
from cablelint.reporters import FORMATS
from cablelint.rules import registry

try:
    from cables import clean_cable, unclassified_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable, unclassified_cable

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
NAME = "oslo-412.cable"
SECRET = clean_cable(
    dtg="O 141530Z MAR NIGHTJAR",
    banner="S E C R E T OSLO 000412",
    subject="SUBJECT: (S) NIGHTJAR REVIEW OF THE ARCTIC PLAN",
    paragraphs=[
        "1. (C) Summary: The Foreign Ministry has begun a review, as ref A\n"
        "and ref B foresaw. End Summary.",
        "2. (U) Embassy will report further developments \u2014 soon.",
        "3. (S) The NIGHTJAR review covers the CORMORANT stations \u2014 all four of them.\n"
        "Nightjar Hollis",
    ],
    signature=None)
SECRET_WORDS = ("NIGHTJAR", "CORMORANT")
UNMARKED = "unmarked text of a SECRET cable"
# the findings that quote secret text, as reported by default and with --show-source
E001 = (1, 15, "expected the two-digit year of the date-time group, such as 08, found "
               f"[withheld: {UNMARKED}]")
E001_SHOWN = (1, 15, "expected the two-digit year of the date-time group, such as 08, found "
                     "'NIGHTJAR'")
P008 = (24, 1, "signature [withheld: (S) portion] is not in capitals")
P008_SHOWN = (24, 1, "signature 'Nightjar Hollis' is not in capitals")
# the (U) paragraph's finding: shown in both
S005_U = (21, 49, "non-ASCII character U+2014 (EM DASH)")


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "cablelint", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / NAME).write_text(SECRET, encoding="utf-8")
    return tmp_path


def assert_no_secret(output: str) -> None:
    for word in SECRET_WORDS:
        assert word not in output.upper(), output


# --- which lines are withheld ---------------------------------------------------------------


def test_withheld_lines_of_a_secret_cable():
    assert withheld_lines(build_cable(SECRET)) == {
        1: UNMARKED,  # the date-time group the parser could not read
        11: "(S) portion",  # SUBJECT
        18: "(C) portion", 19: "(C) portion",
        23: "(S) portion", 24: "(S) portion",
    }


def test_unclassified_cable_withholds_nothing():
    assert withheld_lines(build_cable(unclassified_cable())) == {}
    assert withheld_lines(build_cable(clean_cable(banner="UNCLAS OSLO 000412",
                                                  subject="SUBJECT: (SBU) NORWAY PLAN",
                                                  paragraphs=["1. (SBU) Text."]))) == {}


def test_portion_above_an_unclassified_banner_is_withheld():
    text = unclassified_cable(paragraphs=["1. (U) Post concurs.", "2. (S) The agenda.",
                                          "3. (U) Post has no further comments."])
    assert withheld_lines(build_cable(text)) == {
        9: UNMARKED,  # the unmarked SUBJECT
        13: "(S) portion",
        17: UNMARKED,  # the signature
    }


def test_only_header_furniture_and_shown_portions_are_shown():
    text = clean_cable(banner="S E C R E T OSLO 000412", subject="SUBJECT: NORWAY PLAN",
                       captions=["NOFORN", "DEPT FOR EUR/NB"],
                       paragraphs=["1. (U) Open text.\n\nMore text after a blank line.",
                                   "2. (s//nf) Secret text.", "(C) Unnumbered marked text."])
    assert withheld_lines(build_cable(text)) == {
        8: UNMARKED,  # an attention line
        12: UNMARKED,  # SUBJECT without a mark
        21: UNMARKED,  # the block after a (U) paragraph
        23: "(S//NF) portion",
        25: "(C) portion",
        27: UNMARKED,  # the signature
    }


def test_a_misspelt_banner_still_makes_the_cable_secret():
    text = clean_cable(banner="SECRETT OSLO 000412", paragraphs=["Text without marks."])
    assert withheld_lines(build_cable(text)) == {
        5: UNMARKED, 11: "(C) portion", 18: UNMARKED, 20: UNMARKED}


def test_lint_text_stamps_source_and_withheld_but_does_not_redact():
    found = {(d.code, d.line, d.column): d for d in lint_text(SECRET, path=NAME)}
    p008 = found[("P008", 24, 1)]
    assert (p008.withheld, p008.source, p008.message) == (
        "(S) portion", "Nightjar Hollis", P008_SHOWN[2])
    assert found[("E001", 1, 15)].withheld == UNMARKED
    u = found[("S005", 21, 49)]
    assert (u.withheld, u.source) == (None, "2. (U) Embassy will report further developments "
                                            "\u2014 soon.")
    assert found[("S005", 23, 58)].withheld == "(S) portion"


# --- redacting a finding ---------------------------------------------------------------------


def _diagnostic(message, fix=None, withheld="(S) portion"):
    return Diagnostic(NAME, "P008", "signature-missing", Severity.WARNING, message,
                      Span(24, 1, 24, 16, 500, 515), fix, withheld, "Nightjar Hollis")


def test_redact_replaces_quoted_fragments_but_not_marks_or_apostrophes():
    message = ("the cable's signature 'Nightjar Hollis' (\"CORMORANT\") under "
               "'(C//REL to Spain)', not '(NIGHTJAR)'")
    fix = Fix((Edit(500, 515, "NIGHTJAR HOLLIS"),), safe=False, description="write 'HOLLIS'")
    redacted = redact(_diagnostic(message, fix))
    assert redacted.message == (
        "the cable's signature [withheld: (S) portion] ([withheld: (S) portion]) under "
        "'(C//REL to Spain)', not [withheld: (S) portion]")
    assert redacted.source is None and redacted.withheld == "(S) portion"
    assert redacted.to_dict()["fix"] == {
        "safe": False, "description": "write [withheld: (S) portion]",
        "edits": [{"start": 500, "end": 515, "replacement": None}], "withheld": True}
    assert redacted.to_dict()["withheld"] == "(S) portion"


def test_redact_resolves_a_lazy_fix():
    fix = LazyFix(lambda: Fix((Edit(1, 2, "x"), Edit(5, 5, "y")), description="add 'y'"))
    redacted = redact(_diagnostic("no quote", fix))
    assert redacted.fix.edits == (Edit(1, 2, None), Edit(5, 5, None))
    assert redacted.fix.description == "add [withheld: (S) portion]"
    assert redacted.message == "no quote"


def test_redact_leaves_shown_findings_alone():
    shown = _diagnostic("unknown tag 'PRELL'", Fix((Edit(1, 2, "x"),)), withheld=None)
    assert redact(shown) is shown
    assert shown.to_dict()["withheld"] is None
    assert "withheld" not in shown.to_dict()["fix"]


# --- redacting a diff ------------------------------------------------------------------------


def test_redact_diff_follows_line_numbers_through_hunks():
    old = "".join(f"line {n}\n" for n in range(1, 21))
    new = old.replace("line 2\n", "line 2 fixed\n").replace("line 15\n", "line 15\nadded\n")
    diff = list(difflib.unified_diff(text_lines(old), text_lines(new), "a/x", "b/x", n=1))
    redacted = redact_diff(diff, {1: "(C) portion", 2: "(S) portion", 16: "(C) portion"},
                           {3: "(S) portion", 16: "(C) portion", 17: "(C) portion"})
    notice = "[text withheld: {}; --show-source shows it]\n".format
    assert redacted == [
        "--- a/x\n", "+++ b/x\n",
        "@@ -1,3 +1,3 @@\n",
        " " + notice("(C) portion"),  # old line 1
        "-" + notice("(S) portion"),  # old line 2
        "+line 2 fixed\n",  # new line 2 is shown
        " " + notice("(S) portion"),  # new line 3
        "@@ -15,2 +15,3 @@\n",
        " line 15\n",
        "+" + notice("(C) portion"),  # new line 16
        " " + notice("(C) portion"),  # old line 16, new line 17
    ]


def test_text_lines_cut_at_line_feeds_only():
    assert text_lines("a\r\nb\x0cc\n\nd") == ["a\r\n", "b\x0cc\n", "\n", "d"]
    no_end = redact_diff(["--- a/x\n", "+++ b/x\n", "@@ -1 +1 @@\n", "-old\n", "+new",
                          "\\ No newline at end of file\n"], {1: "(S) portion"}, {})
    assert no_end[3:] == ["-[text withheld: (S) portion; --show-source shows it]\n", "+new",
                          "\\ No newline at end of file\n"]


# --- every format, through the command line --------------------------------------------------


def finding(fmt: str, output: str, code: str) -> tuple:
    """(line, column, message) of the first finding with ``code`` in a report (column None
    where the format has none)."""
    if fmt in ("text", "concise"):
        level = r" \[\w+\]" if fmt == "text" else ""
        name = r" \([\w-]+\)" if fmt == "text" else ""
        match = re.search(rf"^{re.escape(NAME)}:(\d+):(\d+): {code}{level} (.*?){name}$",
                          output, re.M)
        return int(match[1]), int(match[2]), match[3]
    if fmt == "github":
        match = re.search(rf"^::\w+ file={re.escape(NAME)},line=(\d+),col=(\d+),.*,"
                          rf"title={code} [\w-]+::(.*)$", output, re.M)
        return int(match[1]), int(match[2]), match[3]
    if fmt == "junit":
        root = ElementTree.fromstring(output)
        case = next(c for c in root.iter("testcase") if c.get("name", "").startswith(code))
        line, column = case.get("name").rsplit(" at ", 1)[1].split(":")
        return int(line), int(column), case.find("failure").get("message")[len(code) + 1:]
    report = json.loads(output)
    if fmt == "json":
        entry = next(d for d in report if d["code"] == code)
        return entry["line"], entry["column"], entry["message"]
    if fmt == "gitlab":
        issue = next(i for i in report if i["check_name"].startswith(code))
        return issue["location"]["lines"]["begin"], None, issue["description"][len(code) + 1:]
    result = next(r for r in report["runs"][0]["results"] if r["ruleId"] == code)
    region = result["locations"][0]["physicalLocation"]["region"]
    return region["startLine"], region["startColumn"], result["message"]["text"]


def _place(expected: tuple, fmt: str) -> tuple:
    return expected if fmt != "gitlab" else (expected[0], None, expected[2])


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_echoes_secret_text_by_default(folder, fmt):
    result = run("check", "--format", fmt, NAME, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert_no_secret(result.stdout + result.stderr)
    assert finding(fmt, result.stdout, "P008") == _place(P008, fmt)
    assert finding(fmt, result.stdout, "E001") == _place(E001, fmt)
    assert finding(fmt, result.stdout, "S005") == _place(S005_U, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_show_source_shows_the_text(folder, fmt):
    result = run("check", "--format", fmt, "--show-source", NAME, cwd=folder)
    assert result.returncode == 1, result.stderr
    assert finding(fmt, result.stdout, "P008") == _place(P008_SHOWN, fmt)
    assert finding(fmt, result.stdout, "E001") == _place(E001_SHOWN, fmt)


def test_text_format_shows_source_and_caret_or_the_marking(folder):
    lines = run("check", NAME, cwd=folder).stdout.splitlines()
    u = lines.index(f"{NAME}:21:49: S005 [warning] {S005_U[2]} (non-ascii)")
    assert lines[u + 1:u + 3] == [
        "   21 | 2. (U) Embassy will report further developments \u2014 soon.",
        "      |                                                 ^"]
    p = lines.index(f"{NAME}:24:1: P008 [warning] {P008[2]} (signature-missing)")
    assert lines[p + 1] == "   24 | [text withheld: (S) portion; --show-source shows it]"
    e = lines.index(f"{NAME}:1:15: E001 [error] {E001[2]} (syntax-error)")
    assert lines[e + 1] == f"    1 | [text withheld: {UNMARKED}; --show-source shows it]"
    shown = run("check", "--show-source", NAME, cwd=folder).stdout.splitlines()
    p = shown.index(f"{NAME}:24:1: P008 [warning] {P008_SHOWN[2]} (signature-missing)")
    assert shown[p + 1:p + 3] == ["   24 | Nightjar Hollis", "      | ^^^^^^^^^^^^^^^"]


def test_json_and_sarif_withhold_fixes_of_secret_text(folder):
    entries = json.loads(run("check", "--format", "json", NAME, cwd=folder).stdout)
    fixes = {(d["line"], d["column"]): (d["withheld"], d["fix"]) for d in entries
             if d["code"] == "S005"}
    assert fixes[(21, 49)] == (None, {"safe": True, "description": "write '--'",
                                      "edits": [{"start": 459, "end": 460,
                                                 "replacement": "--"}]})
    assert fixes[(23, 58)] == ("(S) portion", {
        "safe": True, "description": "write [withheld: (S) portion]",
        "edits": [{"start": 525, "end": 526, "replacement": None}], "withheld": True})
    log = json.loads(run("check", "--format", "sarif", NAME, cwd=folder).stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]):
               r for r in log["runs"][0]["results"]}
    assert "fixes" in results[("S005", 21)]
    assert "fixes" not in results[("S005", 23)] and "fixes" not in results[("S004", 23)]


def test_output_file_is_redacted(folder):
    result = run("check", "-o", "report.txt", NAME, cwd=folder)
    assert result.returncode == 1 and result.stdout == ""
    report = (folder / "report.txt").read_text(encoding="utf-8")
    assert_no_secret(report)
    assert "   24 | [text withheld: (S) portion; --show-source shows it]\n" in report


def test_diff_withholds_secret_lines(folder):
    result = run("check", "--diff", NAME, cwd=folder)
    assert result.returncode == 1
    assert_no_secret(result.stdout + result.stderr)
    withheld = "[text withheld: (S) portion; --show-source shows it]"
    assert result.stdout.splitlines()[2:] == [
        "@@ -18,7 +18,8 @@",
        " [text withheld: (C) portion; --show-source shows it]",
        " [text withheld: (C) portion; --show-source shows it]",
        " ",
        "-2. (U) Embassy will report further developments \u2014 soon.",
        "+2. (U) Embassy will report further developments -- soon.",
        " ",
        f"-{withheld}", f"+{withheld}", f"+{withheld}", f" {withheld}"]
    shown = run("check", "--diff", "--show-source", NAME, cwd=folder).stdout.splitlines()
    assert shown[-4:] == [
        "-3. (S) The NIGHTJAR review covers the CORMORANT stations \u2014 all four of them.",
        "+3. (S) The NIGHTJAR review covers the CORMORANT stations -- all four",
        "+of them.",
        " Nightjar Hollis"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_fix_log_withholds_secret_text(folder, fmt):
    result = run("check", "--fix", "--format", fmt, NAME, cwd=folder)
    assert result.returncode == 1
    assert_no_secret(result.stdout + result.stderr)
    assert "--" in (folder / NAME).read_text(encoding="utf-8")  # the fixes were applied
    if fmt == "text":
        assert (f"{NAME}:23:58: S005 [fixed] non-ASCII character U+2014 (EM DASH): "
                "write [withheld: (S) portion] (non-ascii)") in result.stdout.splitlines()
        assert (f"{NAME}:21:49: S005 [fixed] non-ASCII character U+2014 (EM DASH): "
                "write '--' (non-ascii)") in result.stdout.splitlines()


def test_fix_log_with_show_source(folder):
    result = run("check", "--fix", "--show-source", NAME, cwd=folder)
    lines = result.stdout.splitlines()
    assert (f"{NAME}:23:58: S005 [fixed] non-ASCII character U+2014 (EM DASH): "
            "write '--' (non-ascii)") in lines
    assert f"{NAME}:25:1: P008 [warning] {P008_SHOWN[2]} (signature-missing)" in lines


# --- the real corpus -------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CABLES = sorted((CORPUS / "cables").glob("*.txt")) if CORPUS.is_dir() else []
GRAM = 12
_NOTICE = re.compile(r"\[withheld: [^\]]*\]")
_MARK = re.compile(r"\((?:U|SBU|C|S|TS|LOU)\b[^()\n]{0,40}\)", re.IGNORECASE)
_BLANK = " \t\0.,;:!?'\"()[]/-"
_WORD = re.compile(r"[A-Za-z0-9]+")


def _grams(text: str) -> set[str]:
    return {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


def _rule_words(text: str, module: str) -> bool:
    """Every word of ``text`` (or piece of a word, at its ends) is the rule's own."""
    return all(word in module for word in _WORD.findall(text))


@pytest.mark.skipif(not CABLES, reason="shared corpus not available")
def test_no_withheld_text_in_corpus_findings():
    """Over every corpus cable: a redacted finding on withheld text carries no stretch of 12
    characters of its lines (the first five of its span) in its message or fix description,
    and no fix text.

    Not counted as a leak: the withheld notices and portion marks (marks are not content);
    a stretch made of the rule's own words (found in its module: message templates such as
    "backslash at the end of the line", "Comment and Note"); text of the parts every report
    shows (a REF citation on a line shared with the SUBJECT)."""
    modules = {rule.code: inspect.getsource(sys.modules[rule.__module__])
               for rule in registry()}
    suspects = []  # (cable, code, stretches)
    for path in CABLES:
        text = decode(path.read_bytes()).text
        lines = text.split("\n")
        for d in lint_text(text, path=path.name):
            if d.withheld is None:
                continue
            redacted = redact(d)
            fix = redacted.fix
            assert fix is None or all(e.replacement is None for e in fix.edits)
            said = _MARK.sub("\0", _NOTICE.sub("\0", redacted.message + "\0" +
                                               (fix.description if fix else "")))
            if _rule_words(said, modules[d.code]):
                continue  # the rule's own words only (the usual case: a quick test)
            window = "\n".join(lines[d.line - 1:min(d.span.end_line, d.line + 4)])
            stretches = {g for g in _grams(said) if g in window and g.strip(_BLANK)
                         and not _rule_words(g, modules[d.code])}
            if stretches:
                suspects.append((path, d.code, stretches))
    leaks = []
    for path, code, stretches in suspects:
        cable = build_cable(decode(path.read_bytes()).text)
        shown = "\n".join(cable.original[e.span.start:e.span.end]
                          for part in SHOWN_PARTS for e in getattr(cable, part))
        left = {g for g in stretches if g.strip() not in shown}
        if left:
            leaks.append((path.name, code, sorted(left)))
    assert leaks == []
