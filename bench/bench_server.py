"""Language-server benchmark: how long re-linting a 20-page cable takes after each edit.

Usage (from the repository root, with ``cablelint[lsp]`` installed)::

    python bench/bench_server.py                  # 20 pages, 20 edits
    python bench/bench_server.py --pages 40 --edits 50

A synthetic cable of ``--pages`` pages (a page is 60 lines of at most 69 characters, one
paragraph number skipped, so that the renumbering fix has work to do) is edited ``--edits``
times, one word in a different paragraph each time. Printed, as medians over the edits, in
milliseconds:

* ``lint_text``: the settings for the file and ``cablelint.lint_text`` in this process;
* ``save``: a round trip through ``python -m cablelint server``: didChange and didSave sent,
  publishDiagnostics received (a save lints at once);
* ``change``: didChange alone until publishDiagnostics (includes the debounce pause);
* ``codeAction``: the quick fixes on the skipped number's line (the renumbering edit of
  every later paragraph), and the same with "Fix all safe problems" worked out at once (as
  for a client that cannot resolve code actions later);
* ``hover``: the rule's documentation on that line.

Nothing is written outside a temporary folder, which is removed at the end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from cables import PARAGRAPHS, clean_cable  # noqa: E402
from lspclient import Client  # noqa: E402

LINES_PER_PAGE = 60
SENTENCE = ("The ministry told poloff that the working group on the plan met on {day} "
            "and agreed to brief the cabinet before the {season} session of parliament. ")


def paragraph(number: int) -> str:
    """A numbered (C) paragraph of about eight lines of at most 69 characters."""
    days = ("Monday", "Tuesday", "Thursday", "Friday")
    seasons = ("spring", "autumn")
    text = f"{number}. (C) " + "".join(
        SENTENCE.format(day=days[(number + k) % 4], season=seasons[k % 2]) for k in range(4))
    return textwrap.fill(text.strip(), width=69)


def long_cable(pages: int) -> str:
    """A cable of about ``pages`` pages of 60 lines whose numbering skips 3 (one P002)."""
    paragraphs = list(PARAGRAPHS[:2])
    while True:
        text = clean_cable(paragraphs=paragraphs)
        if text.count("\n") >= pages * LINES_PER_PAGE:
            return text
        paragraphs.append(paragraph(len(paragraphs) + 2))


def edited(text: str, number: int) -> str:
    """``text`` with one word of paragraph ``number`` changed (same length, same lines)."""
    start = text.index(f"\n{number}. (C) ")
    at = text.index("cabinet", start)
    return text[:at] + ("Cabinet" if text[at] == "c" else "cabinet") + text[at + 7:]


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args(argv)

    from cablelint.engine import lint_text
    from cablelint.server import DEBOUNCE_SECONDS, settings_for

    base = long_cable(args.pages)
    paragraphs = base.count(". (C) ")
    texts = [edited(base, 4 + k % (paragraphs - 3)) for k in range(args.edits)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.cable"
        path.write_text(base, encoding="utf-8")
        findings = lint_text(base, path=str(path), config=settings_for(str(path)))
        print(f"cable: {base.count(chr(10))} lines, {len(base)} characters, "
              f"{paragraphs} paragraphs, findings {' '.join(d.code for d in findings)}; "
              f"{args.edits} edits")
        skipped = findings[0].span.line - 1

        inline = []
        for text in texts:
            start = time.perf_counter()
            lint_text(text, path=str(path), config=settings_for(str(path)))
            inline.append(time.perf_counter() - start)
        print(f"lint_text:  {median_ms(inline)}")

        client = Client(folder)
        try:
            uri = path.as_uri()
            start = time.perf_counter()
            client.start(Path(folder).as_uri())
            client.open(uri, base)
            client.diagnostics(uri, version=1)
            print(f"start, initialize and first lint: {median_ms([time.perf_counter() - start])}")
            saves, changes, actions, fix_all, hovers = [], [], [], [], []
            version = 1
            for text in texts:
                version += 1
                start = time.perf_counter()
                client.change(uri, text, version)
                client.save(uri)
                client.diagnostics(uri, version=version)
                saves.append(time.perf_counter() - start)
            for text in texts[:5]:
                version += 1
                start = time.perf_counter()
                client.change(uri, text, version)
                client.diagnostics(uri, version=version)
                changes.append(time.perf_counter() - start)
            place = {"start": {"line": skipped, "character": 0},
                     "end": {"line": skipped, "character": 0}}
            for _ in texts:
                for kinds, samples in ((["quickfix"], actions), (None, fix_all)):
                    start = time.perf_counter()
                    answer = client.request("textDocument/codeAction", {
                        "textDocument": {"uri": uri}, "range": place,
                        "context": {"diagnostics": [], "only": kinds}})
                    samples.append(time.perf_counter() - start)
                    assert answer and answer[0]["title"].startswith("Fix P002"), answer
                start = time.perf_counter()
                client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": place["start"]})
                hovers.append(time.perf_counter() - start)
            client.stop()
        finally:
            client.kill()
    print(f"save:       {median_ms(saves)} (didChange + didSave to publishDiagnostics)")
    print(f"change:     {median_ms(changes)} (didChange to publishDiagnostics, "
          f"{DEBOUNCE_SECONDS * 1000:.0f} ms debounce included; {len(changes)} edits)")
    print(f"codeAction: {median_ms(actions)} (quick fixes); {median_ms(fix_all)} "
          "(with the fix-all edit)")
    print(f"hover:      {median_ms(hovers)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
