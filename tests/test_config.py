"""Configuration files, discovery and the options around them, through the command line:
nearest file wins, every key, unknown keys exit 2, --config, --isolated, --show-settings,
--show-files, standard input, --force-exclude and the order of the output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cablelint.patterns import matches

try:
    from cables import FAULTY, clean_cable
    from commandline import run
except ImportError:  # tests run as a package
    from tests.cables import FAULTY, clean_cable
    from tests.commandline import run

#: One T002 warning at 10:7 ('PRELL'), one P002 error at 20:1 (paragraph 3 after 1).



def concise(result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture
def tree(tmp_path):
    """faulty cables at the top, in drafts/ and in drafts/old/, and one in .git/."""
    for folder in ("", "drafts", "drafts/old", ".git"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "faulty.cable").write_text(FAULTY, encoding="utf-8")
    return tmp_path


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# --- patterns -----------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, path, expected", [
    ("old", "drafts/old/a.cable", True),        # a bare name matches a segment at any depth
    ("old", "drafts/older/a.cable", False),
    ("*.txt", "a/b.txt", True),
    ("drafts/*.cable", "drafts/a.cable", True),  # a pattern with / is anchored at the root
    ("drafts/*.cable", "x/drafts/a.cable", False),
    ("drafts/*.cable", "drafts/old/a.cable", False),  # * stays within a segment
    ("drafts/**/*.cable", "drafts/old/a.cable", True),
    ("drafts/**/*.cable", "drafts/a.cable", True),
    ("**/old", "a/b/old/c.cable", True),
    ("a?.cable", "ab.cable", True),
    ("a[0-9].cable", "a5.cable", True),
    ("a[!0-9].cable", "a5.cable", False),
    ("./drafts/", "drafts/a.cable", True),
])
def test_patterns(pattern, path, expected):
    assert matches(pattern, path) is expected


# --- discovery ----------------------------------------------------------------------------

def test_folders_skip_version_control_and_output_is_sorted(tree):
    result = run("check", "--format", "concise", "--select", "T002", ".", cwd=tree)
    assert concise(result) == [
        "drafts/faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "drafts/old/faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
    ]
    # the same files named in another order give the same report
    again = run("check", "--format", "concise", "--select", "T002", "faulty.cable",
                "drafts/old", "drafts/faulty.cable", "faulty.cable", cwd=tree)
    assert again.stdout == result.stdout


def test_nearest_configuration_wins_whole(tree):
    write(tree / "pyproject.toml", '[tool.cablelint]\nselect = ["T002"]\n')
    write(tree / "drafts" / ".cablelint.toml", 'select = ["P002"]\n')
    result = run("check", "--format", "concise", ".", cwd=tree)
    assert concise(result) == [
        "drafts/faulty.cable:20:1: P002 paragraph 3 follows paragraph 1 (skips); expected 2",
        "drafts/old/faulty.cable:20:1: P002 paragraph 3 follows paragraph 1 (skips); expected 2",
        "faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
    ]
    assert result.returncode == 1


def test_pyproject_without_the_table_is_passed_over(tree):
    write(tree / "pyproject.toml", '[tool.cablelint]\nselect = ["T002"]\n')
    write(tree / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    result = run("check", "--format", "concise", "drafts/faulty.cable", cwd=tree)
    assert concise(result) == ["drafts/faulty.cable:10:7: T002 unknown tag 'PRELL'; "
                               "did you mean 'PREL'?"]


def test_cablelint_toml_comes_before_pyproject_in_one_folder(tree):
    write(tree / "pyproject.toml", '[tool.cablelint]\nselect = ["T002"]\n')
    write(tree / ".cablelint.toml", 'select = ["P002"]\n')
    result = run("check", "--format", "concise", "faulty.cable", cwd=tree)
    assert [line[:25] for line in concise(result)] == ["faulty.cable:20:1: P002 p"]


def test_every_key(tree):
    write(tree / ".cablelint.toml", """
select = ["T"]
extend-select = ["P002"]
ignore = ["T001"]
extend-ignore = ["T003"]
profile = "archive"
include = ["*.txt"]
extend-exclude = ["old"]

[per-file-ignores]
"drafts/*.cable" = ["P002"]

[severity]
T002 = "error"
tag-duplicate = "info"

[rules.line-too-long]
width = 72
""")
    write(tree / "extra.txt", FAULTY)
    result = run("check", "--format", "concise", ".", cwd=tree)
    assert concise(result) == [
        "drafts/faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "extra.txt:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "extra.txt:20:1: P002 paragraph 3 follows paragraph 1 (skips); expected 2",
        "faulty.cable:10:7: T002 unknown tag 'PRELL'; did you mean 'PREL'?",
        "faulty.cable:20:1: P002 paragraph 3 follows paragraph 1 (skips); expected 2",
    ]
    settings = run("check", "--show-settings", "drafts/faulty.cable", cwd=tree).stdout
    assert 'profile = "archive"' in settings
    assert 'select = ["T", "P002"]' in settings
    assert 'ignore = ["T001", "T003", "P002"]' in settings  # the per-file ignore applied
    assert 'T002 = "error"' in settings and 'T004 = "info"' in settings
    assert "# configuration: " in settings and ".cablelint.toml" in settings
    # a severity raised to error fails the run
    assert run("check", "faulty.cable", "--select", "T002", cwd=tree).returncode == 1


def test_rule_options_by_code_or_slug(tmp_path):
    long_line = "1. (C) The ministry began a review of the arctic plan and expects it soon."
    assert len(long_line) == 74
    write(tmp_path / "a.cable", clean_cable(paragraphs=[long_line, "2. (U) Embassy will report."]))
    default = run("check", "--format", "concise", "--select", "S004", "a.cable", cwd=tmp_path)
    assert concise(default) == ["a.cable:18:70: S004 line is 74 characters long (limit 69)"]
    write(tmp_path / ".cablelint.toml", "[rules.S004]\nwidth = 74\n")
    result = run("check", "--format", "concise", "--select", "S004", "a.cable", cwd=tmp_path)
    assert concise(result) == [] and result.returncode == 0
    write(tmp_path / ".cablelint.toml", "[rules.line-too-long]\nwidth = 73\n")
    result = run("check", "--format", "concise", "--select", "S004", "a.cable", cwd=tmp_path)
    assert concise(result) == ["a.cable:18:74: S004 line is 74 characters long (limit 73)"]


@pytest.mark.parametrize("config, message", [
    ("bogus = 1\n", "unknown key 'bogus'"),
    ('select = ["T099"]\n', "unknown rule or group 'T099'"),
    ('select = "T002"\nignore = 3\n', "'ignore' must be a list of strings, not 3"),
    ('profile = "arch"\n', "profile must be draft or archive, not 'arch'"),
    ('[severity]\nT002 = "fatal"\n', "severity of 'T002' must be error, warning or info"),
    ('[severity]\nQ = "error"\n', "severity: unknown rule or group 'Q'"),
    ("[rules.S004]\nwidht = 72\n", "S004 has no option 'widht' (options: width)"),
    ('[rules.S004]\nwidth = "72"\n', "S004 option 'width' takes an integer, not '72'"),
    ("[rules.S999]\nwidth = 72\n", "options for unknown rule 'S999'"),
    ('[per-file-ignores]\n"a/*" = ["ZZ"]\n', "unknown rule or group 'ZZ'"),
    ("select = [\n", "not valid TOML"),
])
def test_unknown_key_rule_or_value_exits_2_naming_it(tree, config, message):
    write(tree / ".cablelint.toml", config)
    result = run("check", ".", cwd=tree)
    assert result.returncode == 2
    assert result.stdout == ""
    assert ".cablelint.toml: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_pyproject_table_is_named(tree):
    write(tree / "pyproject.toml", "[tool.cablelint]\nselct = ['T']\n")
    result = run("check", ".", cwd=tree)
    assert result.returncode == 2
    assert "pyproject.toml: unknown key 'selct'" in result.stderr


# --- command line -------------------------------------------------------------------------

def test_config_key_value_overrides(tree):
    write(tree / ".cablelint.toml", 'select = ["T002"]\n')
    result = run("check", "--format", "concise", "--config", 'select=["P002"]',
                 "faulty.cable", cwd=tree)
    assert [line[:24] for line in concise(result)] == ["faulty.cable:20:1: P002 "]
    archive = run("check", "--config", "profile=archive", "--show-settings", cwd=tree)
    assert 'profile = "archive"' in archive.stdout  # a bare word is a string
    nested = run("check", "--config", "rules.S004.width=80", "--select", "S004",
                 "--show-settings", cwd=tree)
    assert "width = 80" in nested.stdout
    bad = run("check", "--config", "nonsense", ".", cwd=tree)
    assert bad.returncode == 2
    assert "--config nonsense: no such configuration file (give a file, or KEY=VALUE)" \
        in bad.stderr
    empty = run("check", "--config", "=3", ".", cwd=tree)
    assert empty.returncode == 2 and "give a configuration file or KEY=VALUE" in empty.stderr
    wrong = run("check", "--config", "colour=1", ".", cwd=tree)
    assert wrong.returncode == 2 and "unknown key 'colour'" in wrong.stderr
    assert "with the --config overrides" in wrong.stderr


def test_config_file_is_used_for_every_cable(tree):
    write(tree / "drafts" / ".cablelint.toml", 'select = ["P002"]\n')
    other = write(tree / "team.toml", 'select = ["T002"]\n')
    result = run("check", "--format", "concise", "--config", str(other), "drafts", cwd=tree)
    assert [line.split(": ")[1][:4] for line in concise(result)] == ["T002", "T002"]
    missing = run("check", "--config", "nowhere.toml", ".", cwd=tree)
    assert missing.returncode == 2 and "nowhere.toml: no such configuration" in missing.stderr


def test_isolated_reads_no_configuration(tree):
    write(tree / ".cablelint.toml", "bogus = 1\n")
    result = run("check", "--isolated", "--format", "concise", "--select", "T002",
                 "faulty.cable", cwd=tree)
    assert result.returncode == 0  # T002 is a warning
    assert len(concise(result)) == 1
    settings = run("check", "--isolated", "--show-settings", cwd=tree).stdout
    assert "# configuration: none (defaults)" in settings


def test_command_line_selection_over_the_file(tree):
    write(tree / ".cablelint.toml", 'select = ["T002"]\nextend-select = ["P001"]\n'
                                    'profile = "archive"\n')
    settings = run("check", "--select", "P002", "--ignore", "P001", "--extend-select", "T004",
                   "--profile", "draft", "--show-settings", cwd=tree).stdout
    assert 'select = ["P002", "T004"]' in settings
    assert 'ignore = ["P001"]' in settings
    assert 'profile = "draft"' in settings
    unknown = run("check", "--select", "T099", ".", cwd=tree)
    assert unknown.returncode == 2
    assert unknown.stderr.strip().endswith("unknown rule or group 'T099' (see 'cablelint rules')")


def test_show_files(tree):
    write(tree / ".cablelint.toml", 'exclude = ["old"]\ninclude = ["notes/*.txt"]\n')
    (tree / "notes").mkdir()
    write(tree / "notes" / "a.txt", FAULTY)
    write(tree / "b.txt", FAULTY)
    result = run("check", "--show-files", cwd=tree)
    assert result.returncode == 0
    # exclude replaces the defaults, so .git is searched again
    assert result.stdout.splitlines() == [".git/faulty.cable", "drafts/faulty.cable",
                                          "faulty.cable", "notes/a.txt"]


def test_force_exclude_applies_exclude_to_named_files(tree):
    write(tree / ".cablelint.toml", 'extend-exclude = ["old"]\n')
    named = ["drafts/old/faulty.cable", "faulty.cable"]
    assert run("check", "--show-files", *named, cwd=tree).stdout.splitlines() == named
    forced = run("check", "--show-files", "--force-exclude", *named, cwd=tree)
    assert forced.stdout.splitlines() == ["faulty.cable"]
    only_excluded = run("check", "--force-exclude", "drafts/old/faulty.cable", cwd=tree)
    assert only_excluded.returncode == 0
    assert "All checks passed (0 files)." in only_excluded.stdout


def test_named_path_that_does_not_exist_exits_2(tree):
    result = run("check", "--format", "concise", "nothing.cable", cwd=tree)
    assert result.returncode == 2
    assert "nothing.cable:1:1: E002" in result.stdout


# --- standard input -----------------------------------------------------------------------

def test_stdin_is_named_by_stdin_filename(tree):
    write(tree / "drafts" / ".cablelint.toml", 'select = ["T002"]\n')
    result = run("check", "--format", "concise", "-", "--stdin-filename",
                 "drafts/new.cable", cwd=tree, stdin=FAULTY)
    assert concise(result) == ["drafts/new.cable:10:7: T002 unknown tag 'PRELL'; "
                               "did you mean 'PREL'?"]
    plain = run("check", "--format", "concise", "-", "--select", "P002", cwd=tree,
                stdin=FAULTY)
    assert concise(plain) == ["-:20:1: P002 paragraph 3 follows paragraph 1 (skips); "
                              "expected 2"]
    assert plain.returncode == 1
    implied = run("check", "--format", "concise", "--stdin-filename", "x.cable",
                  "--select", "P002", cwd=tree, stdin=FAULTY)
    assert concise(implied)[0].startswith("x.cable:20:1: P002")


def test_stdin_honours_per_file_ignores_and_force_exclude(tree):
    write(tree / ".cablelint.toml", 'extend-exclude = ["old"]\n'
                                    '[per-file-ignores]\n"drafts/*" = ["T002"]\n')
    ignored = run("check", "--format", "concise", "--select", "T002", "-",
                  "--stdin-filename", "drafts/a.cable", cwd=tree, stdin=FAULTY)
    assert concise(ignored) == []
    excluded = run("check", "--force-exclude", "-", "--stdin-filename",
                   "drafts/old/a.cable", cwd=tree, stdin=FAULTY)
    assert excluded.returncode == 0 and "(0 files)" in excluded.stdout


def test_stdin_fix_writes_the_fixed_cable_to_stdout(tree):
    result = run("check", "--fix", "--select", "P002", "-", cwd=tree, stdin=FAULTY)
    assert result.stdout == FAULTY.replace("3. (U) Embassy", "2. (U) Embassy")
    assert "P002 [fixed]" in result.stderr
    assert result.returncode == 0


def test_stdin_not_utf8_exits_2(tree):
    result = subprocess.run([sys.executable, "-m", "cablelint", "check", "-"],
                            input=b"\xff\xfe bad", capture_output=True, cwd=tree, timeout=60)
    assert result.returncode == 2
    assert b"-:1:1: E002" in result.stdout and b"not UTF-8" in result.stdout
