"""The language server, end to end: ``python -m cablelint server`` as a subprocess, spoken to
in JSON-RPC with Content-Length framing over its standard input and output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cablelint.diagnostics import Diagnostic, Edit, Fix, Severity, Span
from cablelint.fixes import fix_text
from cablelint.server import MISSING_EXTRA, Positions, quick_fix, text_edits

try:
    from cables import PARAGRAPHS, clean_cable
    from lspclient import TIMEOUT, Client
except ImportError:  # tests run as a package
    from tests.cables import PARAGRAPHS, clean_cable
    from tests.lspclient import TIMEOUT, Client

# T002 on line 10 (PRELL), P002 on line 26 (4. after 2.)
FAULTY = clean_cable(tags="TAGS: PRELL PGOV NO",
                     paragraphs=[*PARAGRAPHS[:2], PARAGRAPHS[2].replace("3.", "4.", 1)])
CLEAN = clean_cable()
# S005 twice on line 26: a character beyond the BMP (two UTF-16 units), then an accent
NON_ASCII = clean_cable(paragraphs=[*PARAGRAPHS[:2], "3. (U) Embassy \U0001F600 will é report."])


@pytest.fixture
def client(tmp_path):
    started = Client(tmp_path, log=tmp_path / "server.log")
    yield started
    started.kill()


def at(line: int, character: int) -> dict:
    return {"line": line, "character": character}


def span(line: int, start: int, end: int) -> dict:
    return {"start": at(line, start), "end": at(line, end)}


def summary(diagnostics: list[dict]) -> list[tuple]:
    return [(d["code"], d["range"], d["severity"], d["source"]) for d in diagnostics]


def test_findings_fixes_hover_and_a_clean_change(client, tmp_path):
    cable = tmp_path / "oslo-412.cable"
    cable.write_text(FAULTY, encoding="utf-8")
    uri = cable.as_uri()
    result = client.start(tmp_path.as_uri())
    capabilities = result["capabilities"]
    assert result["serverInfo"]["name"] == "cablelint"
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 1  # whole documents
    assert capabilities["hoverProvider"] is True

    client.open(uri, FAULTY)
    published = client.diagnostics(uri, version=1)
    assert summary(published) == [
        ("T002", span(9, 6, 11), 2, "cablelint"),
        ("P002", span(25, 0, 2), 1, "cablelint"),
    ]
    assert published[1]["message"] == "paragraph 4 follows paragraph 2 (skips); expected 3"
    assert published[1]["data"] == {"name": "para-sequence"}

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": span(25, 0, 0),
        "context": {"diagnostics": [published[1]]}})
    renumber, fix_all = actions
    assert renumber["title"] == "Fix P002: renumber the paragraphs 1 to 3"
    assert renumber["kind"] == "quickfix"
    assert renumber["isPreferred"] is True
    assert renumber["edit"] == {"changes": {uri: [{"range": span(25, 0, 1), "newText": "3"}]}}
    assert [d["code"] for d in renumber["diagnostics"]] == ["P002"]
    # this client cannot resolve actions later, so the fix-all edit comes at once
    assert fix_all["title"] == "Fix all safe problems"
    assert fix_all["kind"] == "source.fixAll.cablelint"
    end = FAULTY.count("\n")
    assert fix_all["edit"] == {"changes": {uri: [{
        "range": {"start": at(0, 0), "end": at(end, 0)},
        "newText": fix_text(FAULTY, config=None).text}]}}

    # the T002 line has a finding but no fix: no quick fix there
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": span(9, 7, 7),
        "context": {"diagnostics": [], "only": ["quickfix"]}}) == []

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": at(25, 1)})
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("### P002 `para-sequence`\n\n"
                                                 "gaps or repeats in paragraph numbers.")
    assert "**Fix**\n\nRenumber the paragraphs 1, 2, 3" in hover["contents"]["value"]
    assert hover["range"] == span(25, 0, 2)
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": at(20, 3)}) is None

    client.change(uri, CLEAN, version=2)
    assert client.diagnostics(uri, version=2) == []
    assert client.stop() == 0


def test_changes_wait_for_a_pause_and_saving_lints_at_once(client, tmp_path):
    uri = (tmp_path / "oslo-412.cable").as_uri()
    client.start(tmp_path.as_uri(), debounce=1.0)
    client.open(uri, CLEAN)
    assert client.diagnostics(uri, version=1) == []
    for version in range(2, 7):  # five quick edits, the last one faulty
        client.change(uri, CLEAN if version < 6 else FAULTY, version)
    assert client.published(wait=0.5) == []  # still typing
    published = client.published(wait=2.5)
    assert [(p["version"], [d["code"] for d in p["diagnostics"]]) for p in published] == [
        (6, ["T002", "P002"])]

    client.change(uri, CLEAN, version=7)
    client.save(uri)  # linted at once, not after the pause
    assert client.diagnostics(uri, version=7, timeout=0.7) == []
    assert client.published(wait=1.5) == []  # and the change's own turn is cancelled
    assert client.stop() == 0


def test_fix_all_is_worked_out_when_chosen_by_a_client_that_resolves(client, tmp_path):
    uri = (tmp_path / "oslo-412.cable").as_uri()
    resolves = {"textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}}}
    client.start(tmp_path.as_uri(), resolves)
    client.open(uri, FAULTY)
    client.diagnostics(uri)
    fix_all, = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": span(0, 0, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert fix_all == {"title": "Fix all safe problems", "kind": "source.fixAll.cablelint",
                       "data": {"uri": uri}}
    resolved = client.request("codeAction/resolve", fix_all)
    assert resolved["edit"]["changes"][uri][0]["newText"] == fix_text(FAULTY).text
    assert fix_text(FAULTY).text == FAULTY.replace("\n4. (U)", "\n3. (U)")
    assert client.stop() == 0


def test_nearest_configuration_applies(client, tmp_path):
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / ".cablelint.toml").write_text(
        'ignore = ["T002"]\n[per-file-ignores]\n"drafts/*.cable" = ["P002"]\n',
        encoding="utf-8")
    uri = (folder / "oslo-412.cable").as_uri()
    draft = (folder / "drafts" / "oslo-414.cable").as_uri()
    other = (tmp_path / "oslo-413.cable").as_uri()  # above the configuration: defaults
    client.start(tmp_path.as_uri())
    client.open(uri, FAULTY)
    assert [d["code"] for d in client.diagnostics(uri)] == ["P002"]
    client.open(draft, FAULTY)
    assert client.diagnostics(draft) == []
    client.open(other, FAULTY)
    assert [d["code"] for d in client.diagnostics(other)] == ["T002", "P002"]

    (folder / ".cablelint.toml").write_text('ignore = ["T002"]\ncolour = "red"\n',
                                            encoding="utf-8")  # read again at each check
    client.change(uri, FAULTY, version=2)
    problem, = client.diagnostics(uri, version=2)
    assert problem["severity"] == 1
    assert problem["range"] == span(0, 0, 0)
    assert problem["message"].startswith("configuration: ")
    assert "unknown key 'colour'" in problem["message"]
    assert client.stop() == 0


@pytest.mark.parametrize("encoding, emoji, accent", [
    ("utf-16", span(25, 15, 17), span(25, 23, 24)),
    ("utf-32", span(25, 15, 16), span(25, 22, 23)),
])
def test_positions_in_the_negotiated_encoding(client, tmp_path, encoding, emoji, accent):
    uri = (tmp_path / "oslo-412.cable").as_uri()
    result = client.start(tmp_path.as_uri(), {"general": {"positionEncodings": [encoding]}})
    assert result["capabilities"]["positionEncoding"] == encoding
    client.open(uri, NON_ASCII)
    assert [(d["code"], d["range"]) for d in client.diagnostics(uri)] == [
        ("S005", emoji), ("S005", accent)]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": accent, "context": {"diagnostics": []}})
    unsafe, = [a for a in actions if a["kind"] == "quickfix"]
    assert unsafe["title"] == "(unsafe) Fix S005: write 'e'"
    assert unsafe["isPreferred"] is False
    assert unsafe["edit"] == {"changes": {uri: [{"range": accent, "newText": "e"}]}}
    assert client.stop() == 0


def test_without_the_lsp_extra_the_server_says_how_to_install_it():
    hide = ("import sys; sys.modules['pygls'] = sys.modules['lsprotocol'] = None; "
            "from cablelint.cli import main; sys.exit(main(['server']))")
    result = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 2
    assert result.stderr.strip() == MISSING_EXTRA
    assert MISSING_EXTRA == "cablelint server needs the lsp extra: pip install 'cablelint[lsp]'"


def test_positions_count_code_units_and_crlf_line_ends():
    text = "a\U0001F600b\r\nxy\n"
    assert [(p.line, p.character) for p in (Positions(text).position(1, 3),
                                            Positions(text, "utf-32").position(1, 3),
                                            Positions(text, "utf-8").position(1, 3))] == [
        (0, 3), (0, 2), (0, 5)]
    positions = Positions(text)
    # the CR belongs to the line end; offsets past the text end at its last line
    assert [(p.line, p.character) for p in map(positions.at, (3, 4, 5, 7, 9))] == [
        (0, 4), (0, 4), (1, 0), (1, 2), (2, 0)]
    assert (positions.position(9, 1).line, positions.position(9, 1).character) == (2, 0)


def test_fix_edits_keep_crlf_and_unsafe_fixes_are_not_preferred():
    text = "ABC\r\nDEF\r\n"
    fix = Fix((Edit(3, 3, "\nX"),), safe=False, description="split the line")
    diagnostic = Diagnostic("x.cable", "S004", "line-too-long", Severity.WARNING, "too long",
                            Span(1, 1, 1, 4, 0, 3), fix)
    positions = Positions(text)
    edit, = text_edits(fix.edits, text, positions)
    assert edit.new_text == "\r\nX"
    action = quick_fix("file:///x.cable", diagnostic, text, positions)
    assert action.title == "(unsafe) Fix S004: split the line"
    assert action.is_preferred is False
    no_fix = diagnostic._replace(fix=None)
    assert quick_fix("file:///x.cable", no_fix, text, positions) is None
