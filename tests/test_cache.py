"""Rendered reports in the results cache: a warm run writes what the cold run wrote, byte
for byte, in every format, with the same exit code; a cached chunk serves only its own
format, colour, --show-source and file name; classified text stays out of chunks."""

from __future__ import annotations

import io
import json

import pytest

from cablelint import lint_text
from cablelint.cache import Cache, Rendered, decode_findings, encode_findings
from cablelint.reporters import FORMATS, STATISTICS, Rendering, report

try:
    from cables import FAULTY, clean_cable
    from commandline import run
    from test_redaction import SECRET, SECRET_WORDS
except ImportError:  # tests run as a package
    from tests.cables import FAULTY, clean_cable
    from tests.commandline import run
    from tests.test_redaction import SECRET, SECRET_WORDS

WARNING_ONLY = clean_cable(tags="TAGS: PRELL PGOV NO")  # T002, a warning
NO_TAGS = clean_cable(tags=None)  # T001, an error
CABLES = {"faulty": FAULTY, "clean": clean_cable(), "no-tags": NO_TAGS,
          "secret": SECRET, "warning": WARNING_ONLY}
#: Every way a report is rendered: a format with its options.
RENDERINGS = [["--format", form] for form in FORMATS] + [
    ["--statistics"], ["--color", "always"], ["--show-source"],
    ["--format", "json", "--show-source"]]


@pytest.fixture
def folder(tmp_path):
    """Ten cables (enough for two worker processes) and a binary file."""
    for index in range(10):
        name = list(CABLES)[index % len(CABLES)]
        (tmp_path / f"{index:02d}-{name}.cable").write_text(CABLES[name], encoding="utf-8")
    (tmp_path / "99-binary.cable").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return tmp_path


def packs(folder, kind: str = "packs") -> list:
    """The rendered packs (``kind="findings"``: the findings packs) in a folder's cache."""
    return sorted((folder / ".cablelint_cache").glob(f"*/{kind}/*/*.pack"))


def packed(folder) -> dict:
    """The rendered files that the packs in a folder's cache hold, by (name, settings key,
    digest)."""
    cache = Cache(str(folder / ".cablelint_cache"))
    return {identity: rendered for pack in packs(folder)
            for identity, rendered in cache.load_pack(str(pack)).items()}


def doctor(folder, change) -> None:
    """Change the text of every file that the packs in a folder's cache hold."""
    cache = Cache(str(folder / ".cablelint_cache"))
    for pack in packs(folder):
        cache.put_pack(str(pack), [
            (identity, rendered._replace(chunk=rendered.chunk._replace(
                text=change(rendered.chunk.text))))
            for identity, rendered in cache.load_pack(str(pack)).items()])


@pytest.mark.parametrize("options", RENDERINGS, ids=" ".join)
def test_a_warm_run_writes_what_the_cold_run_wrote(folder, options):
    fresh = run("check", "--no-cache", "--jobs", "1", *options, ".", cwd=folder)
    cold = run("check", "--jobs", "2", *options, ".", cwd=folder)
    assert len(packed(folder)) == 11
    warm = run("check", "--jobs", "1", *options, ".", cwd=folder)
    assert cold.stdout == fresh.stdout and warm.stdout == fresh.stdout
    assert fresh.returncode == cold.returncode == warm.returncode == 2  # the binary file
    assert "E002" in warm.stdout


@pytest.mark.parametrize("names, options, code", [
    (["clean"], [], 0),
    (["warning"], [], 0),
    (["warning"], ["--strict"], 1),
    (["faulty", "clean"], [], 1),
    (["faulty"], ["--exit-zero"], 0),
    (["no-tags"], ["--format", "json"], 1),
])
def test_exit_codes_are_the_same_warm_and_cold(folder, names, options, code):
    paths = [f"{index:02d}-{name}.cable" for index, name in enumerate(CABLES)
             if name in names]
    cold = run("check", *options, *paths, cwd=folder)
    assert len(packed(folder)) == len(paths)
    warm = run("check", *options, *paths, cwd=folder)
    assert (cold.returncode, warm.returncode) == (code, code)
    assert warm.stdout == cold.stdout


@pytest.mark.parametrize("options", [
    ["--format", "concise"], ["--color", "always"], ["--show-source"], ["--statistics"]],
    ids=" ".join)
def test_a_chunk_serves_only_its_own_rendering(folder, options):
    run("check", ".", cwd=folder)
    doctor(folder, lambda text: "DOCTORED\n")
    assert run("check", ".", cwd=folder).stdout.count("DOCTORED\n") == 11
    other = run("check", *options, ".", cwd=folder)
    assert "DOCTORED" not in other.stdout
    assert other.stdout == run("check", "--no-cache", *options, ".", cwd=folder).stdout


def test_a_chunk_serves_only_its_own_file_name(folder):
    run("check", "--format", "concise", ".", cwd=folder)
    doctor(folder, lambda text: "DOCTORED\n")
    named = run("check", "--format", "concise", str(folder), cwd=folder)
    assert "DOCTORED" not in named.stdout
    assert named.stdout.splitlines()[0].startswith(f"{folder}/00-faulty.cable:")
    assert named.stdout == run("check", "--no-cache", "--format", "concise", str(folder),
                               cwd=folder).stdout


def test_an_edited_file_is_checked_again_and_the_others_come_from_the_pack(folder):
    run("check", "--format", "concise", ".", cwd=folder)
    doctor(folder, lambda text: "DOCTORED\n")
    (folder / "00-faulty.cable").write_text(clean_cable(tags=None), encoding="utf-8")
    for _ in range(2):  # and the pack made anew keeps the others
        edited = run("check", "--format", "concise", ".", cwd=folder).stdout.splitlines()
        assert edited.count("DOCTORED") == 10
        assert [line for line in edited if line.startswith("00-")] == [
            "00-faulty.cable:10:1: T001 no TAGS line: every cable needs at least one tag"]


@pytest.mark.parametrize("garbage", [b"\xff not a pack", b'[["a","b","c",0,false,[],99]]\nab'])
def test_a_garbled_pack_is_passed_over(folder, garbage):
    fresh = run("check", "--no-cache", ".", cwd=folder)
    run("check", ".", cwd=folder)
    [pack] = packs(folder)
    pack.write_bytes(garbage)
    again = run("check", ".", cwd=folder)
    assert again.stdout == fresh.stdout and again.returncode == fresh.returncode
    assert len(packed(folder)) == 11  # made anew


@pytest.mark.parametrize("garbage", [
    b"\xff not a pack",
    b'[["00-faulty.cable","k","d",99]]\nab',  # a size past the end
    b'[["00-faulty.cable","k","d"]]\n',  # a row without its size
    b'[["00-faulty.cable","k","d","x",0]]\n',  # a row of another shape
    b'[["00-faulty.cable",["k"],"d",0]]\n',  # an identity that cannot be a key
])
def test_a_garbled_findings_pack_is_passed_over(folder, garbage):
    """Without the rendered pack, files are answered from the findings pack: a garbled one
    reads as empty, every file is checked again and the pack is written anew."""
    fresh = run("check", "--no-cache", "--format", "json", ".", cwd=folder)
    run("check", "--format", "json", ".", cwd=folder)
    [rendered], [findings] = packs(folder), packs(folder, "findings")
    rendered.unlink()
    findings.write_bytes(garbage)
    again = run("check", "--format", "json", ".", cwd=folder)
    assert again.stdout == fresh.stdout and again.returncode == fresh.returncode
    assert "Traceback" not in again.stderr
    held = Cache(str(folder / ".cablelint_cache")).load_findings(str(findings))
    assert len(held) == 10  # made anew: the readable cables (not the binary file)


@pytest.mark.parametrize("form", FORMATS)
def test_classified_text_stays_out_of_chunks_and_warm_reports(tmp_path, form):
    (tmp_path / "secret.cable").write_text(SECRET, encoding="utf-8")
    cold = run("check", "--format", form, ".", cwd=tmp_path)
    warm = run("check", "--format", form, ".", cwd=tmp_path)
    assert warm.stdout == cold.stdout and warm.returncode == cold.returncode == 1
    [pack] = packs(tmp_path)
    for text in (warm.stdout, pack.read_bytes().decode("utf-8")):
        assert not any(word in text.upper() for word in SECRET_WORDS)
    shown = run("check", "--format", form, "--show-source", ".", cwd=tmp_path)
    assert any(word in shown.stdout.upper() for word in SECRET_WORDS)
    assert run("check", "--format", form, ".", cwd=tmp_path).stdout == cold.stdout


@pytest.mark.parametrize("form", [*FORMATS, STATISTICS])
def test_chunks_through_the_cache_write_the_report_of_the_findings(tmp_path, form):
    """Rendered file by file, kept in a pack and read back (tallies become JSON lists),
    the chunks make the report that the findings make written at once."""
    found = {f"{name}.cable": lint_text(text, path=f"{name}.cable")
             for name, text in CABLES.items()}
    whole = io.StringIO()
    report(form, [d for diagnostics in found.values() for d in diagnostics], whole,
           files=found)
    rendering, cache = Rendering(form, show_source=True), Cache(str(tmp_path))
    written = io.StringIO()
    writer = rendering.reporter(written)
    writer.begin()
    files = sorted(found.items())
    pack = str(tmp_path / "batch.pack")
    cache.put_pack(pack, [((name, "key", f"digest-{name}"),
                           Rendered(rendering.render(name, diagnostics), index, False))
                          for index, (name, diagnostics) in enumerate(files)])
    held = cache.load_pack(pack)
    for index, (name, _) in enumerate(files):
        loaded = held[name, "key", f"digest-{name}"]
        assert (loaded.worst, loaded.unreadable) == (index, False)
        writer.write(loaded.chunk)
    writer.end()
    assert written.getvalue() == whole.getvalue()
    if form == "json":
        assert len(json.loads(written.getvalue())) == sum(map(len, found.values())) == 9


def test_findings_are_kept_with_each_source_line_once():
    long_line = "1. (U) " + "word " * 400
    text = FAULTY + long_line + "\n" + long_line + "\n"
    found = [d._replace(fix=d.fix.resolve() if d.fix else None)  # (as the runner keeps them)
             for d in lint_text(text, path="a.cable")]
    on_one_line = [d for d in found if d.source == long_line]
    assert len({d.span.line for d in on_one_line}) == 2 and len(on_one_line) >= 4
    encoded = encode_findings(found)
    assert encoded.count(long_line.encode()) == 2  # once per line, not once per finding
    assert decode_findings(encoded, "b.cable") == [d._replace(path="b.cable") for d in found]


def test_findings_whose_source_is_not_their_line_are_not_kept():
    [first, *_] = lint_text(FAULTY, path="a.cable")
    assert encode_findings([first, first._replace(source="another text")]) is None
    assert encode_findings([first, first._replace(source=None)]) is None
    record = b'["T001", "tags-missing", 3, "m", [1, 1, 1, 2, 0, 1], null, null]'
    assert decode_findings(b'[{}, [' + record + b']]', "a.cable")[0].source is None
    assert decode_findings(b'[["not", "a", "table"], [' + record + b']]', "a.cable") is None
    assert decode_findings(b'[' + record + b']', "a.cable") is None  # (the old layout)
