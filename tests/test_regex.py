"""The start-up caches in the user's cache folder: compiled regular expressions
(``cablelint.regex``), the files that hold them (``cablelint.usercache``) and the parser's
tables. Each test gets its own cache folder (``XDG_CACHE_HOME`` in ``tmp_path``)."""

from __future__ import annotations

import os
import re
import sys
import time

import _sre
import pytest

import cablelint
from cablelint import parser, regex, usercache
from cablelint.normalise import normalise
from tests.cables import clean_cable
from tests.commandline import run

PATTERN = r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)Z"


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """A new process as far as ``regex`` knows: no table loaded, nothing new; the cache
    folder is ``tmp_path/cache/cablelint``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    restart(monkeypatch)
    return tmp_path / "cache" / "cablelint"


def restart(monkeypatch):
    monkeypatch.setattr(regex, "_table", None)
    monkeypatch.setattr(regex, "_used", set())
    monkeypatch.setattr(regex, "_new", False)


@pytest.fixture()
def misses(monkeypatch):
    """The patterns compiled by ``re`` (not found in the cache) from now on."""
    found = []
    real = regex._arguments

    def spy(pattern, flags, compiled):
        found.append(pattern)
        return real(pattern, flags, compiled)

    monkeypatch.setattr(regex, "_arguments", spy)
    return found


def same_as_re(compiled: re.Pattern, pattern: str, flags: int = 0) -> None:
    expected = re.compile(pattern, flags)
    assert compiled == expected  # patterns compare by flags and compiled code
    assert (compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex)) == \
        (expected.pattern, expected.flags, expected.groups, dict(expected.groupindex))


def test_cache_key_names_python_engine_and_package():
    assert regex.cache_key() == \
        f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{cablelint.__version__}"
    assert regex.cache_file() is None or regex.cache_file().endswith(
        f"regex-{sys.implementation.cache_tag}-{cablelint.__version__}.marshal")


def test_a_miss_is_compiled_by_re_recorded_and_written_once(fresh, misses):
    compiled = regex.compile(PATTERN, re.IGNORECASE)
    same_as_re(compiled, PATTERN, re.IGNORECASE)
    assert misses == [PATTERN]
    assert compiled.match("141530z").groupdict() == {"day": "14", "hour": "15", "minute": "30"}
    assert not (fresh / os.path.basename(regex.cache_file())).exists()  # written at exit
    regex.save()
    table = usercache.read(regex.cache_file(), regex.cache_key())
    assert list(table) == [(PATTERN, int(re.IGNORECASE))]
    assert oct(os.stat(regex.cache_file()).st_mode & 0o777) == "0o600"
    assert [name for name in os.listdir(fresh) if name.endswith(".tmp")] == []
    modified = os.stat(regex.cache_file()).st_mtime_ns
    os.utime(regex.cache_file(), ns=(1, 1))
    regex.save()  # nothing new since: the file is not written again
    assert os.stat(regex.cache_file()).st_mtime_ns == 1 != modified


def test_a_hit_is_made_without_re(fresh, misses, monkeypatch):
    regex.compile(PATTERN)
    regex.save()
    restart(monkeypatch)
    misses.clear()
    compiled = regex.compile(PATTERN)
    assert misses == []
    same_as_re(compiled, PATTERN)
    assert compiled.fullmatch("010203Z").group("minute") == "03"
    assert compiled.fullmatch("0102Z") is None
    assert regex._new is False  # nothing to write


def test_flags_are_part_of_the_key(fresh, misses):
    regex.compile("tags")
    regex.compile("tags", re.IGNORECASE)
    assert misses == ["tags", "tags"]
    assert regex.compile("tags", re.IGNORECASE).match("TAGS") is not None
    assert regex.compile("tags").match("TAGS") is None


@pytest.mark.parametrize("damage", ["garbage", "checksum", "bad code", "wrong types"])
def test_a_damaged_cache_falls_back_to_re(fresh, misses, monkeypatch, damage):
    regex.compile(PATTERN)
    regex.save()
    path = regex.cache_file()
    if damage == "garbage":
        with open(path, "wb") as stream:
            stream.write(b"\x00not marshal at all")
    elif damage == "checksum":
        data = bytearray(open(path, "rb").read())
        data[-20] ^= 0xFF
        with open(path, "wb") as stream:
            stream.write(bytes(data))
    else:
        entry = (0, [1, 2, 3], 0, {}, (None,)) if damage == "bad code" else ("x", None)
        usercache.write(path, regex.cache_key(), {(PATTERN, 0): entry})
    restart(monkeypatch)
    misses.clear()
    compiled = regex.compile(PATTERN)
    same_as_re(compiled, PATTERN)
    assert misses == [PATTERN]
    regex.save()  # mended
    assert list(usercache.read(path, regex.cache_key())) == [(PATTERN, 0)]


def test_a_cache_of_another_python_is_not_used(fresh, misses, monkeypatch):
    """A file written under another key (another Python, engine or release) is ignored even
    when its entries would make a pattern: here the code of "b" filed under "a"."""
    regex.compile("b")
    arguments = regex._table[("b", 0)]
    other = regex.cache_key().replace(sys.version, "3.99.0 (other build)")
    usercache.write(regex.cache_file(), other, {("a", 0): arguments})
    restart(monkeypatch)
    misses.clear()
    compiled = regex.compile("a")
    assert misses == ["a"]
    assert compiled.match("a") is not None and compiled.match("b") is None


def test_a_full_table_keeps_only_this_process_s_entries(fresh, monkeypatch):
    regex.compile("one")
    regex.compile("two")
    regex.save()
    restart(monkeypatch)
    monkeypatch.setattr(regex, "_LIMIT", 1)
    regex.compile("two")
    regex.compile("three")
    regex.save()
    assert sorted(usercache.read(regex.cache_file(), regex.cache_key())) == \
        [("three", 0), ("two", 0)]


def unusable_homes(tmp_path):
    """Places where no cache folder can be: a file where the folder should be, a folder
    others may write, an empty HOME (which would put it in the current folder)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    shared = tmp_path / "shared"
    (shared / "cablelint").mkdir(parents=True)
    os.chmod(shared / "cablelint", 0o777)
    return {"file in the way": {"XDG_CACHE_HOME": str(blocker)},
            "writable by others": {"XDG_CACHE_HOME": str(shared)},
            "empty home": {"XDG_CACHE_HOME": "", "HOME": ""}}


@pytest.mark.parametrize("case", ["file in the way", "writable by others", "empty home"])
def test_no_usable_cache_folder_changes_nothing(tmp_path, monkeypatch, misses, case):
    for name, value in unusable_homes(tmp_path)[case].items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    restart(monkeypatch)
    before = sorted(os.listdir(tmp_path))
    assert usercache.folder() is None and regex.cache_file() is None
    same_as_re(regex.compile(PATTERN), PATTERN)
    regex.save()
    assert sorted(os.listdir(tmp_path)) == before
    assert misses == [PATTERN]


def test_a_cache_file_that_cannot_be_written_is_left_alone(fresh, monkeypatch):
    regex.compile(PATTERN)
    os.makedirs(regex.cache_file())  # a folder where the file should go
    regex.save()
    assert os.path.isdir(regex.cache_file())
    assert sorted(os.listdir(fresh)) == [os.path.basename(regex.cache_file())]
    assert usercache.write(str(fresh / "missing" / "x.marshal"), "key", {}) is False


@pytest.mark.parametrize("case", ["file in the way", "empty home"])
def test_check_runs_without_a_cache_folder(tmp_path, monkeypatch, case):
    for name, value in unusable_homes(tmp_path)[case].items():
        monkeypatch.setenv(name, value)
    (tmp_path / "one.cable").write_text(clean_cable(), encoding="utf-8")
    (tmp_path / "bad.cable").write_text(clean_cable(dtg="O 141530Z 24"), encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    result = run("check", "--no-cache", "one.cable", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == \
        (0, "All checks passed (1 file).\n", "")
    result = run("check", "--no-cache", "--format", "concise", "bad.cable", cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.cable:1:11: E001 expected the month of the date-time group" in result.stdout
    assert sorted(os.listdir(tmp_path)) == before


def test_check_fills_the_cache_then_uses_it(tmp_path, monkeypatch):
    """The first run writes Lark's tables, the plain parse tables and the compiled
    patterns; a second run finds all it needs there and writes nothing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "cablelint"
    (tmp_path / "one.cable").write_text(clean_cable(), encoding="utf-8")
    first = run("check", "--no-cache", "one.cable", cwd=tmp_path)
    names = sorted(os.listdir(folder))
    assert [name.split("-")[0] for name in names] == ["grammar", "parse", "regex"]
    written = {name: ((folder / name).read_bytes(), os.stat(folder / name).st_ino)
               for name in names}
    for name in names:
        os.utime(folder / name, ns=(1, 1))
    second = run("check", "--no-cache", "one.cable", cwd=tmp_path)
    assert [(r.returncode, r.stdout) for r in (first, second)] == \
        [(0, "All checks passed (1 file).\n")] * 2
    assert sorted(os.listdir(folder)) == names
    # nothing written anew (a write is a new file renamed into place) ...
    assert {name: ((folder / name).read_bytes(), os.stat(folder / name).st_ino)
            for name in names} == written
    # ... but the files read are marked as used (a clean cable needs no Lark)
    assert [os.stat(folder / name).st_mtime_ns > 1 for name in names] == [False, True, True]


def test_writing_a_cache_file_removes_those_of_its_kind_unused_for_30_days(fresh):
    fresh.mkdir(parents=True)
    now = time.time()
    ages = {"regex-cpython-310-0.0.9.marshal": 31, "regex-cpython-312-0.1.0.marshal": 29,
            "parse-tables-0000abcd.marshal": 31}
    for name, days in ages.items():
        (fresh / name).write_bytes(b"")
        os.utime(fresh / name, (now - days * 86400, now - days * 86400))
    regex.compile(PATTERN + "-pruned")
    regex.save()
    assert sorted(os.listdir(fresh)) == sorted([
        os.path.basename(regex.cache_file()), "regex-cpython-312-0.1.0.marshal",
        "parse-tables-0000abcd.marshal"])
    parser._parse_tables()  # new parse tables: the old ones go
    tables = [name for name in os.listdir(fresh) if name.startswith("parse-tables-")]
    assert len(tables) == 1 and tables != ["parse-tables-0000abcd.marshal"]


def test_reading_a_cache_file_marks_it_used_at_most_once_a_day(fresh):
    fresh.mkdir(parents=True)
    path = str(fresh / "regex-test.marshal")
    assert usercache.write(path, "key", {"a": 1})
    now = time.time()
    os.utime(path, (now - 3600, now - 3600))  # used an hour ago: left as it is
    assert usercache.read(path, "key") == {"a": 1}
    assert abs(os.stat(path).st_mtime - (now - 3600)) < 1
    os.utime(path, (now - 2 * 86400, now - 2 * 86400))  # two days ago: marked now
    assert usercache.read(path, "key") == {"a": 1}
    assert os.stat(path).st_mtime >= now - 1


# --- the parser's tables ---------------------------------------------------------------------


def lark_tree(text):
    return parser.get_parser().parse(normalise(text).text)


def test_parse_tables_are_cached_and_give_lark_s_tree(fresh, monkeypatch):
    text = clean_cable()
    expected = lark_tree(text)
    first = parser._parse_tables()
    [name] = [n for n in os.listdir(fresh) if n.startswith("parse-tables-")]
    monkeypatch.setattr(parser, "get_parser", None)  # read from the file: no Lark needed
    second = parser._parse_tables()
    assert second == first
    assert parser._FastParser(second)(normalise(text).text) == expected
    with open(fresh / name, "r+b") as stream:  # damaged: made again from Lark
        stream.seek(40)
        stream.write(b"\xff\xff\xff")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(fresh.parent))
    assert parser._parse_tables() == first


def test_parse_tables_without_a_cache_folder_compile_lexers_when_reached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocker"))
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    tables = parser._parse_tables()
    assert not any(isinstance(source, tuple) for source in tables["patterns"])
    fast = parser._FastParser(tables)
    text = clean_cable()
    assert fast(normalise(text).text) == lark_tree(text)
    compiled = [c for c in fast.compiled if c is not None]
    assert 0 < len(compiled) < len(tables["patterns"])


def test_fast_parser_refuses_a_lexer_laid_out_otherwise(fresh):
    tables = parser._parse_tables()
    tables["patterns"] = [None] * len(tables["patterns"])
    with pytest.raises(ValueError, match="lexer layout"):
        parser._FastParser(tables)
