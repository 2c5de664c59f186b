"""Applying fixes: fix_text's loop and guarantees, atomic writes, and check --fix/--diff."""

from __future__ import annotations

import os
from pathlib import Path
import stat
import subprocess
import sys

import pytest

try:
    from cables import clean_cable
except ImportError:  # tests run as a package
    from tests.cables import clean_cable

from cablelint import writing
from cablelint.diagnostics import Edit, Finding, Fix
from cablelint.fixes import apply_edits, fix_text, markings
from cablelint.rules import registry

MARKED = clean_cable(paragraphs=["¶1. (C) The review covers ref A.", "¶2. (C) See ref B."])


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "cablelint", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_clean_cable_is_left_alone():
    result = fix_text(clean_cable())
    assert not result.changed and result.applied == [] and result.converged


def test_fixes_apply_and_a_second_run_changes_nothing():
    result = fix_text(MARKED)
    assert result.changed and "¶" not in result.text
    assert [a.diagnostic.code for a in result.applied] == ["X001", "X001"]
    assert not any(d.code == "X001" for d in result.remaining)
    again = fix_text(result.text)
    assert not again.changed and again.applied == []


def test_text_outside_the_edits_is_identical_and_crlf_is_kept():
    text = MARKED.replace("\n", "\r\n")
    result = fix_text(text)
    assert result.text == fix_text(MARKED).text.replace("\n", "\r\n")


def test_inserted_line_breaks_take_the_text_line_ending():
    text = "A\r\nB\r\n"
    assert apply_edits(text, [Edit(3, 3, "X\n")]) == "A\r\nX\r\nB\r\n"
    assert apply_edits("A\nB\n", [Edit(2, 2, "X\n")]) == "A\nX\nB\n"


def _patch_rule(monkeypatch, code, make_fix):
    """Make rule ``code`` report one finding whose fix is ``make_fix(text)``."""
    rule = registry().by_code[code]

    def check(self, cable, settings):
        fix = make_fix(cable.original)
        if fix is not None:
            yield Finding("injected", cable.banner.span if cable.banner else None, fix=fix)

    monkeypatch.setattr(rule, "check", check)


def test_a_fix_that_changes_a_portion_level_is_refused(monkeypatch):
    def raise_level(text):
        start = text.find("(C)")
        return Fix((Edit(start, start + 3, "(S)"),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", raise_level)
    result = fix_text(clean_cable())
    assert not result.changed and result.applied == []


def test_a_fix_that_changes_the_banner_or_a_caption_is_refused(monkeypatch):
    def lower_banner(text):
        start = text.find("C O N F I D E N T I A L")
        return Fix((Edit(start, start + 23, "UNCLAS"),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", lower_banner)
    assert not fix_text(clean_cable()).changed

    def drop_caption(text):
        start = text.find("SIPDIS\n")
        return Fix((Edit(start, start + 7, ""),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", drop_caption)
    assert not fix_text(clean_cable()).changed


def test_a_fix_that_changes_the_reason_letters_is_refused(monkeypatch):
    def change_letters(text):
        start = text.find("(b) and (d)")
        return Fix((Edit(start, start + 11, "(b) and (c)"),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", change_letters)
    assert not fix_text(clean_cable()).changed


def test_a_fix_that_breaks_the_parse_is_refused(monkeypatch):
    def break_dtg(text):
        start = text.find("MAR 24")
        return Fix((Edit(start, start + 6, "24"),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", break_dtg)
    assert not fix_text(clean_cable()).changed


def test_unsafe_fixes_only_when_asked(monkeypatch):
    def retitle(text):
        start = text.find("HOLLIS\n")
        return Fix((Edit(start, start + 6, "HOLLIS, J"),), safe=False) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", retitle)
    assert not fix_text(clean_cable()).changed
    assert "HOLLIS, J" in fix_text(clean_cable(), unsafe=True, max_passes=1).text


def test_fixes_that_never_settle_stop_at_the_cap(monkeypatch):
    def grow(text):
        start = text.find("HOLLIS")
        return Fix((Edit(start, start, "X"),), safe=True) if start >= 0 else None

    _patch_rule(monkeypatch, "X001", grow)
    result = fix_text(clean_cable(), max_passes=3)
    assert not result.converged and len(result.applied) <= 3
    assert not fix_text(result.text, max_passes=3).changed  # still idempotent


def test_markings_sees_levels_captions_and_letters():
    base = markings(clean_cable())
    assert base.banners == ("C",) and base.captions == {"SIPDIS"}
    assert base.reason_letters == {"b", "d"} and base.portion_levels == ("C", "C", "C", "U")


# --- writing ---------------------------------------------------------------------------------


def test_write_atomic_keeps_mode_and_follows_symlinks(tmp_path):
    target = tmp_path / "oslo.cable"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    link = tmp_path / "link.cable"
    link.symlink_to(target)
    writing.write_atomic(link, b"new\n")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.cable", "oslo.cable"]


def test_failure_mid_write_leaves_the_original_intact(tmp_path, monkeypatch):
    target = tmp_path / "oslo.cable"
    target.write_bytes(b"original text\n")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        writing.write_atomic(target, b"fixed text\n")
    assert target.read_bytes() == b"original text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["oslo.cable"]


# --- the command line ------------------------------------------------------------------------


def test_check_fix_writes_keeps_bom_and_crlf_and_reports_the_fixes(tmp_path):
    path = tmp_path / "oslo.cable"
    original = ("\ufeff" + MARKED.replace("\n", "\r\n")).encode("utf-8")
    path.write_bytes(original)
    result = run("check", "--fix", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "X001 [fixed]" in result.stdout and "Fixed 2 problems." in result.stdout
    fixed = path.read_bytes()
    assert fixed.startswith(b"\xef\xbb\xbf") and b"\r\n" in fixed and b"\n" not in fixed.replace(b"\r\n", b"")
    assert "¶".encode() not in fixed
    second = run("check", "--fix", str(path))
    assert second.returncode == 0 and "[fixed]" not in second.stdout
    assert path.read_bytes() == fixed


def test_check_diff_prints_and_writes_nothing(tmp_path):
    path = tmp_path / "oslo.cable"
    path.write_text(MARKED, encoding="utf-8")
    result = run("check", "--diff", "--show-source", str(path))  # (C) text: withheld without
    assert result.returncode == 1
    assert "-¶1. (C)" in result.stdout and "+1. (C)" in result.stdout
    assert path.read_text(encoding="utf-8") == MARKED
    clean = tmp_path / "clean.cable"
    clean.write_text(clean_cable(), encoding="utf-8")
    assert run("check", "--diff", str(clean)).returncode == 0


def test_json_after_fix_lists_the_applied_fixes(tmp_path):
    import json

    path = tmp_path / "oslo.cable"
    path.write_text(MARKED, encoding="utf-8")
    entries = json.loads(run("check", "--fix", "--format", "json", str(path)).stdout)
    fixed = [e for e in entries if e["fixed"]]
    assert [e["code"] for e in fixed] == ["X001", "X001"]
    assert all(e["fix"]["safe"] for e in fixed)


def test_fix_refuses_a_file_that_cannot_be_decoded(tmp_path):
    path = tmp_path / "latin1.cable"
    data = clean_cable(subject="SUBJECT: (C) CAF\u00c9 TALKS").encode("latin-1")
    path.write_bytes(data)
    result = run("check", "--fix", str(path))
    assert result.returncode == 2 and "E002" in result.stdout
    assert path.read_bytes() == data


def test_unsafe_fixes_alone_is_a_usage_error(tmp_path):
    result = run("check", "--unsafe-fixes", str(tmp_path))
    assert result.returncode == 2 and "--unsafe-fixes needs --fix or --diff" in result.stderr


# --- renumbering (P001/P002) and captions ----------------------------------------------------


def test_renumbering_rewrites_the_numbers_and_the_cross_references():
    text = clean_cable(paragraphs=[
        "2. (C) The ministry began a review, as ref A and ref B foresaw.",
        "4. (C) As para 2 said, the review covers paras 2 and 4.",
        "5. (U) Embassy will report further developments."])
    result = fix_text(text)
    assert result.text == clean_cable(paragraphs=[
        "1. (C) The ministry began a review, as ref A and ref B foresaw.",
        "2. (C) As para 1 said, the review covers paras 1 and 2.",
        "3. (U) Embassy will report further developments."])
    assert {a.diagnostic.code for a in result.applied} <= {"P001", "P002"}
    assert not fix_text(result.text).changed


def test_a_reference_that_names_no_paragraph_makes_the_renumbering_unsafe():
    text = clean_cable(paragraphs=[
        "1. (C) The ministry began a review, as ref A and ref B foresaw.",
        "3. (C) Unlike para 7, this one stands.",
        "4. (U) Embassy will report further developments."])
    [finding] = [d for d in fix_text(text, max_passes=0).remaining if d.code == "P002"]
    assert finding.fix.safe is False and "'para 7' (line 20)" in finding.fix.description
    assert not fix_text(text).changed
    fixed = fix_text(text, unsafe=True).text
    assert "2. (C) Unlike para 7" in fixed and "3. (U) Embassy" in fixed


def test_an_added_caption_needs_unsafe_fixes():
    text = clean_cable(paragraphs=[
        "1. (C/NF) The ministry began a review, as ref A and ref B foresaw.",
        "2. (U) Embassy will report further developments."])
    assert "NOFORN" not in fix_text(text).text  # C006's fix is unsafe: not applied by default
    unsafe = fix_text(text, unsafe=True)
    assert "NOFORN" in unsafe.text and markings(unsafe.text).captions == {"NOFORN", "SIPDIS"}


def test_splitting_a_shared_caption_line_keeps_the_captions():
    text = clean_cable(captions=("NOFORN SIPDIS",),
                       paragraphs=["1. (C/NF) The ministry began a review, as ref A and ref B "
                                   "foresaw.", "2. (U) Embassy will report."])
    result = fix_text(text)
    assert "NOFORN\nSIPDIS" in result.text
    assert markings(result.text).captions == markings(text).captions


REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "08BEIJING1050.txt"


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference example not available")
def test_fix_on_a_copy_of_the_reference_example(tmp_path):
    import re

    copy = tmp_path / "08BEIJING1050.cable"
    copy.write_bytes(REFERENCE.read_bytes())
    before = copy.read_text(encoding="utf-8")
    assert run("check", "--fix", str(copy)).returncode == 0
    after = copy.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\. \(", after)]
    assert numbers == [1, 2, 3, 4, 5, 6]
    letters = re.findall(r"(?m)^\s*(?:REF: )?([A-Z])\. (?:\d\d )?BEIJING", after)
    assert letters == ["A", "B", "C", "D", "E"]
    assert "¶" not in after and "Reasons 1.4 (b) and (d)." in after
    assert markings(after) == markings(before)
    assert re.findall(r"\((?:U|C|S|TS)[^)]*\)", after) == re.findall(
        r"\((?:U|C|S|TS)[^)]*\)", before)
    assert run("check", "--fix", str(copy)).returncode == 0
    assert copy.read_text(encoding="utf-8") == after


def test_fixes_that_undo_each_other_stop_where_the_cycle_starts(monkeypatch):
    def toggle(text):
        start = text.find("HOLLIS")
        if text[start - 1] == "X":
            return Fix((Edit(start - 1, start, ""),), safe=True)
        return Fix((Edit(start, start, "X"),), safe=True)

    _patch_rule(monkeypatch, "X001", toggle)
    first = fix_text(clean_cable())
    assert not first.converged and first.text == clean_cable() and first.applied == []
    assert fix_text(first.text).text == first.text
