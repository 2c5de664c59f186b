"""The pre-commit hooks (.pre-commit-hooks.yaml), run with the real pre-commit tool.

A session fixture commits a snapshot of this project to its own git repository, so every
``try-repo`` and ``install`` uses one repo and revision; each test lints synthetic cables in a
fresh git repository of its own. Building a hook environment installs cablelint and its
dependencies from PyPI, so the first runs take a while.
"""

from __future__ import annotations

import os
from pathlib import Path
import re
import shutil
import subprocess
import sys

import pytest

try:
    from cables import PARAGRAPHS, clean_cable, line_of, position
except ImportError:  # tests run as a package
    from tests.cables import PARAGRAPHS, clean_cable, line_of, position

PROJECT = Path(__file__).resolve().parents[1]
TIMEOUT = 600  # seconds; a hook environment is built with pip from PyPI
NOT_COPIED = (".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis",
              ".cablelint_cache", "*.egg-info", "build", "dist")


def _pre_commit() -> str | None:
    """The pre-commit executable: on PATH, or next to this interpreter (an unactivated venv)."""
    beside = Path(sys.executable).with_name("pre-commit")
    return shutil.which("pre-commit") or (str(beside) if beside.exists() else None)


PRE_COMMIT = _pre_commit()
if PRE_COMMIT is None or shutil.which("git") is None:
    pytest.skip("needs the pre-commit executable and git", allow_module_level=True)

FAULTY = clean_cable(tags=None)  # no TAGS line: T001 where it belongs, before SUBJECT
GAPPED = clean_cable(paragraphs=[*PARAGRAPHS[:2], PARAGRAPHS[2].replace("3.", "4.", 1)])


def run(*args, cwd, env) -> subprocess.CompletedProcess:
    """Run a command; its stdout and stderr together in ``.stdout``."""
    return subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT)


def git(*args, cwd, env) -> str:
    result = run("git", "-c", "commit.gpgsign=false", *args, cwd=cwd, env=env)
    assert result.returncode == 0, result.stdout
    return result.stdout.strip()


@pytest.fixture(scope="session")
def env(tmp_path_factory) -> dict[str, str]:
    """Environment for git and pre-commit: fixed identity, no user git config, own store.

    The user's global and system git configuration are left out (an empty global file), so
    no ``core.hooksPath``, signing or template reaches the test repositories.
    """
    home = tmp_path_factory.mktemp("pre-commit-home")
    global_config = home / "gitconfig"
    global_config.write_text("")
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "FORCE_COLOR"}
    identity = {"NAME": "Cable Drafter", "EMAIL": "drafter@example.org"}
    for role in ("AUTHOR", "COMMITTER"):
        for part, value in identity.items():
            environment[f"GIT_{role}_{part}"] = value
    environment.update(GIT_CONFIG_GLOBAL=str(global_config), GIT_CONFIG_NOSYSTEM="1",
                       PRE_COMMIT_HOME=str(home / "store"), PRE_COMMIT_COLOR="never",
                       NO_COLOR="1")
    return environment


def _project_files() -> list[Path] | None:
    """The project's files as git sees them (tracked and new, not ignored); None outside git."""
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                              "--exclude-standard"], cwd=PROJECT, capture_output=True,
                             text=True, timeout=TIMEOUT)
    if listing.returncode != 0:
        return None
    return [Path(name) for name in listing.stdout.split("\0") if name]


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory, env) -> tuple[Path, str]:
    """This project, as it is on disk, committed to a repository of its own: (path, HEAD)."""
    root = tmp_path_factory.mktemp("snapshot") / "cablelint"
    files = _project_files()
    if files is None:
        shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns(*NOT_COPIED))
    else:
        for name in files:
            if (PROJECT / name).is_file():  # a tracked file may be deleted on disk
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(PROJECT / name, root / name)
    git("init", "-q", cwd=root, env=env)
    git("add", "-A", cwd=root, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=root, env=env)
    return root, git("rev-parse", "HEAD", cwd=root, env=env)


@pytest.fixture
def repo(tmp_path, env) -> Path:
    """A fresh, empty git repository for one test."""
    root = tmp_path / "drafts"
    root.mkdir()
    git("init", "-q", cwd=root, env=env)
    git("config", "user.name", "Cable Drafter", cwd=root, env=env)
    git("config", "user.email", "drafter@example.org", cwd=root, env=env)
    return root


def stage(repo: Path, env, name: str, text: str) -> None:
    """Write a file and ``git add`` it (pre-commit sees only files git knows)."""
    (repo / name).write_text(text)
    git("add", name, cwd=repo, env=env)


def try_repo(snapshot, repo, env, hook: str, *files: str) -> subprocess.CompletedProcess:
    return run(PRE_COMMIT, "try-repo", str(snapshot[0]), hook, "--files", *files,
               cwd=repo, env=env)


def test_manifest_is_valid(env):
    result = run(PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml", cwd=PROJECT,
                 env=env)
    assert result.returncode == 0, result.stdout


def test_cablelint_hook_passes_a_clean_cable_and_fails_a_faulty_one(snapshot, repo, env):
    stage(repo, env, "clean.cable", clean_cable())
    stage(repo, env, "faulty.cable", FAULTY)

    clean = try_repo(snapshot, repo, env, "cablelint", "clean.cable")
    assert clean.returncode == 0, clean.stdout
    assert re.search(r"^cablelint\.+Passed$", clean.stdout, re.MULTILINE), clean.stdout

    faulty = try_repo(snapshot, repo, env, "cablelint", "faulty.cable")
    assert faulty.returncode == 1, faulty.stdout
    line, column = position(FAULTY, "SUBJECT:")
    assert (line, column) == (10, 1)
    assert f"faulty.cable:{line}:{column}: T001" in faulty.stdout
    assert "tags-missing" in faulty.stdout


def test_cablelint_fix_hook_fixes_the_file_and_fails(snapshot, repo, env):
    stage(repo, env, "gap.cable", GAPPED)
    line = line_of(GAPPED, "4. (U)")

    result = try_repo(snapshot, repo, env, "cablelint-fix", "gap.cable")
    assert result.returncode == 1, result.stdout
    assert "files were modified by this hook" in result.stdout
    fixed = (repo / "gap.cable").read_text()
    assert fixed.splitlines()[line - 1] == "3. (U) Embassy will report further developments."
    assert fixed == clean_cable()


def test_installed_hook_refuses_a_faulty_commit_and_lets_a_clean_one_through(
        snapshot, repo, env):
    path, rev = snapshot
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n"
        f"  - repo: {path}\n"
        f"    rev: {rev}\n"
        f"    hooks:\n"
        f"      - id: cablelint\n")
    git("add", ".pre-commit-config.yaml", cwd=repo, env=env)
    installed = run(PRE_COMMIT, "install", cwd=repo, env=env)
    assert installed.returncode == 0, installed.stdout
    stage(repo, env, "faulty.cable", FAULTY)

    refused = run("git", "-c", "commit.gpgsign=false", "commit", "-m", "x", cwd=repo, env=env)
    assert refused.returncode != 0, refused.stdout
    line, column = position(FAULTY, "SUBJECT:")
    assert f"faulty.cable:{line}:{column}: T001" in refused.stdout
    assert "tags-missing" in refused.stdout
    assert run("git", "rev-parse", "--verify", "-q", "HEAD", cwd=repo, env=env).returncode != 0

    git("rm", "-q", "--cached", "faulty.cable", cwd=repo, env=env)
    stage(repo, env, "clean.cable", clean_cable())
    committed = run("git", "-c", "commit.gpgsign=false", "commit", "-m", "clean cable",
                    cwd=repo, env=env)
    assert committed.returncode == 0, committed.stdout
    assert git("log", "--format=%s", cwd=repo, env=env) == "clean cable"
    assert git("show", "--name-only", "--format=", "HEAD", cwd=repo, env=env).splitlines() == [
        ".pre-commit-config.yaml", "clean.cable"]
