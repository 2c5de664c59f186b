"""Start-up of a one-file check (a pre-commit hook): the modules it must not import.

Each is dear to import and serves only other work: ``dataclasses`` (and ``inspect``, which it
imports) for records made faster as named tuples, fixes and renumbering for ``--fix``, the
language server, diffs, baselines and parallel runs, Lark (the parse tables are cached) and
the modules of the results cache. Run in a fresh interpreter, as a hook
runs it; its cache folder is in ``tmp_path``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cables import PARAGRAPHS, clean_cable

#: Never imported by ``cablelint check --no-cache ONE.cable`` with the plain text report
#: (Lark reads only a cable with a syntax error, once the parse tables are cached; pathlib,
#: shutil and hashlib serve the cache and argparse's help, not a hook's run).
NOT_FOR_ONE_FILE = ("dataclasses", "inspect", "cablelint.fixes", "cablelint.server",
                    "cablelint.diffing", "cablelint.baseline", "multiprocessing",
                    "concurrent.futures", "difflib", "lark", "pathlib", "shutil", "hashlib")

_CHECK = ("import json, sys\n"
          "from cablelint.cli import main\n"
          "code = main(['check', '--no-cache', sys.argv[1]])\n"
          "print(json.dumps([code, sorted(set(sys.argv[2:]) & set(sys.modules))]))\n")


def imported(tmp_path, monkeypatch, text: str, modules: tuple[str, ...]) -> tuple[int, list]:
    """The exit code of a one-file check of ``text`` and which of ``modules`` it imported.

    The check that is measured is the second: the first fills the new cache folder (the
    parse tables and the compiled patterns), as a hook's first run does once."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "one.cable").write_text(text, encoding="utf-8")
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", _CHECK, "one.cable", *modules],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.stderr == ""
    code, loaded = json.loads(result.stdout.splitlines()[-1])
    return code, loaded


def test_a_clean_cable_imports_none_of_them_nor_the_renumbering(tmp_path, monkeypatch):
    modules = (*NOT_FOR_ONE_FILE, "cablelint.renumber")
    assert imported(tmp_path, monkeypatch, clean_cable(), modules) == (0, [])


@pytest.mark.parametrize("first, shift", [(1, 1), (2, 1)], ids=["P001", "P002"])
def test_a_renumbering_finding_leaves_its_fix_unmade(tmp_path, monkeypatch, first, shift):
    """The P001/P002 fix is made when asked for: a text report never asks. The paragraphs
    from number ``first`` on are numbered ``shift`` higher (2, 3, 4 or 1, 3, 4)."""
    paragraphs = [f"{number + shift}.{text[2:]}" if number >= first else text
                  for number, text in enumerate(PARAGRAPHS, start=1)]
    modules = (*NOT_FOR_ONE_FILE, "cablelint.renumber")
    assert imported(tmp_path, monkeypatch, clean_cable(paragraphs=paragraphs), modules) == \
        (1, ["cablelint.renumber"])
