"""Corpus-wide behaviour on the real cables of the shared corpus (read-only, never copied).

Skipped when the corpus is not beside the repository.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cablelint.build import build_cable
from cablelint.engine import decode, lint_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CABLES = sorted((CORPUS / "cables").glob("*.txt")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not CABLES, reason="shared corpus not available")


@pytest.fixture(scope="module")
def corpus_results():
    """Lint every corpus cable once: no exception may escape."""
    results = {}
    for path in CABLES:
        decoded = decode(path.read_bytes())
        assert decoded.text is not None, f"{path.name}: {decoded.problem}"
        results[path.stem] = lint_text(decoded.text, path=path.name)
    return results


def test_every_cable_lints_without_exception(corpus_results):
    assert len(corpus_results) == len(CABLES) == 5724


def test_parse_rate_is_at_least_97_percent(corpus_results):
    clean = sum(1 for found in corpus_results.values() if not any(d.code == "E001" for d in found))
    assert clean / len(corpus_results) >= 0.97


def test_model_finds_header_elements_as_often_as_features_count():
    """Banner and SUBJECT within one percentage point of FEATURES.tsv; E.O., TAGS and
    Classified By at least as often as its line-start counts (the model also finds them in
    flattened headers) and within one point of its 'anywhere' counts."""
    features = {row["id"]: row for row in
                csv.DictReader((CORPUS / "FEATURES.tsv").open(encoding="utf-8"), delimiter="\t")}
    found = {"banner": 0, "eo": 0, "tags": 0, "subject": 0, "classified_by": 0}
    for path in CABLES:
        cable = build_cable(decode(path.read_bytes()).text, path.name)
        found["banner"] += bool(cable.banners)
        found["eo"] += bool(cable.eo_lines)
        found["tags"] += bool(cable.tags_lines)
        found["subject"] += bool(cable.subjects)
        found["classified_by"] += bool(cable.classified_by)
    rows = features.values()
    total = len(features)

    def count(column, test=lambda v: v == "1"):
        return sum(1 for row in rows if test(row[column]))

    def points(a, b):
        return abs(a - b) * 100 / total

    assert points(found["banner"], count("classification_banner", lambda v: v != "none")) <= 1
    assert points(found["subject"], count("subject_line")) <= 1
    assert found["eo"] >= count("eo_line") and points(found["eo"], count("eo_anywhere")) <= 1
    assert found["tags"] >= count("tags_line") and points(found["tags"], count("tags_anywhere")) <= 1
    assert found["classified_by"] >= count("classified_by_line")
