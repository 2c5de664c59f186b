"""Tests for cablelint.codes: the shipped code lists and the look-ups built on them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cablelint import codes

DATA = Path(codes.__file__).parent / "data"


# --- the data files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("loader", "minimum"),
    [
        (codes.subject_tags, 90),
        (codes.program_tags, 90),
        (codes.organization_tags, 500),
        (codes.geo_codes, 270),
        (codes.fips_codes, 260),
        (codes.stations, 280),
        (codes.tag_names, 60),
        (codes.precedence_words, 5),
        (codes.captions, 10),
        (codes.executive_orders, 6),
    ],
)
def test_every_list_loads_with_its_rows(loader, minimum):
    assert len(loader()) >= minimum


def test_every_data_file_has_source_comment_header_and_consistent_rows():
    files = sorted(DATA.glob("*.tsv"))
    assert {f.name for f in files} >= {
        "tags_subject.tsv", "tags_organization.tsv", "tags_program.tsv", "geo_codes.tsv",
        "tag_names.tsv", "stations.tsv", "precedence.tsv", "captions.tsv",
        "executive_orders.tsv",
    }
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#"), path.name
        assert any("ource" in line for line in lines if line.startswith("#")), path.name
        body = [line for line in lines if line and not line.startswith("#")]
        width = len(body[0].split("\t"))
        keys = [line.split("\t")[0] for line in body[1:]]
        assert all(len(line.split("\t")) == width for line in body), path.name
        assert len(keys) == len(set(keys)), f"duplicate keys in {path.name}"


def test_header_rows_and_comments_are_not_entries():
    assert "tag" not in codes.subject_tags()
    assert "TAG" not in codes.organization_tags()
    assert "code" not in codes.geo_codes()
    assert "station" not in codes.stations()
    assert not any(s.startswith("#") for s in codes.stations())


def test_lists_are_upper_case_and_well_formed():
    assert all(len(t) == 4 and t.isalpha() and t.isupper() for t in codes.subject_tags())
    assert all(len(t) == 4 and t.startswith("K") for t in codes.program_tags())
    assert all(len(c) == 2 and c.isupper() for c in codes.geo_codes())
    assert all(s.isalpha() and s.isupper() for s in codes.stations())
    assert all(t == t.upper() for t in codes.organization_tags())


def test_geo_codes_combine_fips_and_observed():
    assert codes.fips_codes() < codes.geo_codes()
    assert {"CH", "RS", "GM", "IZ", "RI", "BM"} <= codes.fips_codes()
    observed = codes.geo_codes() - codes.fips_codes()
    assert {"SR", "RU", "YI", "VZ", "XF", "XM", "ZU"} <= observed
    # ISO-style slips seen in traffic stay unknown so that T002 can report them
    assert not {"JP", "IQ", "YE", "GE"} & codes.geo_codes()


def test_stations():
    assert {"BEIJING", "USUNNEWYORK", "STATE", "USEUBRUSSELS", "SANJOSE", "KYIV"} <= (
        codes.stations()
    )
    assert "EFTOLONDON" not in codes.stations()


def test_precedence_and_captions():
    assert codes.precedence_words() == {
        "FLASH": "Z", "NIACT IMMEDIATE": "O", "IMMEDIATE": "O", "PRIORITY": "P", "ROUTINE": "R",
    }
    caps = codes.captions()
    assert caps["SIPDIS"] == "distribution"
    assert caps["NODIS"] == caps["EXDIS"] == "channel"
    assert caps["NOFORN"] == "control"
    assert caps["OFFICIAL INFORMAL"] == "distribution"


def test_tag_names():
    names = codes.tag_names()
    assert names["PREL"]
    assert names["KPAO"] == "Public Affairs Office"
    assert names["ECON"] == "Economic Conditions"  # the handbook name wins over PlusD's


# --- tag_kind ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("PREL", "subject"),
        ("PGOV", "subject"),
        ("ECIN", "subject"),
        ("prel", "subject"),
        (" PREL ", "subject"),
        ("KDEM", "program"),
        ("kcrm", "program"),
        ("NATO", "organization"),
        ("UNSC", "organization"),
        ("KANU", "organization"),
        ("Colombo Plan", "organization"),
        ("CH", "geographic"),
        ("RS", "geographic"),
        ("SR", "geographic"),
        ("ch", "geographic"),
        ("AL", "geographic"),  # Albania, although also an organization acronym
    ],
)
def test_tag_kind(token, kind):
    assert codes.tag_kind(token) == kind
    assert codes.is_known_tag(token)


@pytest.mark.parametrize(
    "token", ["PGOVV", "HUMAN RIGHTS", "SIPDIS", "KZZZ", "JP", "", "XXXXXXX", "PHUMBA"]
)
def test_unknown_tokens(token):
    assert codes.tag_kind(token) is None
    assert not codes.is_known_tag(token)


# --- suggest -----------------------------------------------------------------------------------


def test_suggest_examples():
    assert codes.suggest("PRELL", codes.subject_tags()) == "PREL"
    assert codes.suggest("IMMEDAITE", codes.precedence_words()) == "IMMEDIATE"
    assert codes.suggest("PGOVV", codes.subject_tags()) == "PGOV"
    assert codes.suggest("XXXXXXX", codes.subject_tags()) is None


def test_suggest_thresholds_and_ties():
    assert codes.suggest("PRIOITY", codes.precedence_words()) == "PRIORITY"
    assert codes.suggest("PIORITY", codes.precedence_words()) == "PRIORITY"
    assert codes.suggest("prel", codes.subject_tags()) == "PREL"
    assert codes.suggest("PREL", codes.subject_tags()) == "PREL"
    # short words allow one edit only
    assert codes.suggest("PXXL", ["PREL"]) is None
    # longer words allow two
    assert codes.suggest("ROUTNIEE", ["ROUTINE"]) == "ROUTINE"
    assert codes.suggest("RXXTINE", ["ROUTINE"]) == "ROUTINE"
    assert codes.suggest("RXXXINE", ["ROUTINE"]) is None
    # ties go to the alphabetically first entry, whatever the input order
    assert codes.suggest("ABCE", ["ABCF", "ABCD"]) == "ABCD"
    assert codes.suggest("ABCE", iter(["ABCD", "ABCF"])) == "ABCD"
    assert codes.suggest("", ["A"]) is None
    assert codes.suggest("PREL", []) is None


# --- executive orders --------------------------------------------------------------------------


def test_order_in_force_examples():
    assert codes.order_in_force(date(2008, 3, 20)).key == "12958-amended"
    assert codes.order_in_force(date(2008, 3, 20)).order == "12958"
    assert codes.order_in_force(date(2001, 1, 1)).reason_section == "1.5"
    assert codes.order_in_force(date(2011, 1, 1)).order == "13526"


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(1978, 11, 30), "11652"),
        (date(1978, 12, 1), "12065"),
        (date(1982, 7, 31), "12065"),
        (date(1982, 8, 1), "12356"),
        (date(1992, 5, 1), "12356"),
        (date(1995, 10, 14), "12958"),
        (date(2003, 3, 24), "12958"),
        (date(2003, 3, 25), "12958-amended"),
        (date(2010, 6, 26), "12958-amended"),
        (date(2010, 6, 27), "13526"),
        (date(2030, 1, 1), "13526"),
    ],
)
def test_order_boundaries(day, key):
    assert codes.order_in_force(day).key == key


def test_orders_are_contiguous_and_well_typed():
    orders = codes.executive_orders()
    assert [o.key for o in orders] == [
        "11652", "12065", "12356", "12958", "12958-amended", "13526",
    ]
    for earlier, later in zip(orders, orders[1:]):
        assert (later.in_force_from - earlier.in_force_to).days == 1
    assert orders[-1].in_force_to is None
    assert codes.order_in_force(date(1960, 1, 1)) is None
    with pytest.raises(AttributeError):
        orders[0].key = "x"  # frozen


def test_order_details():
    by_key = {o.key: o for o in codes.executive_orders()}
    original, amended, current = by_key["12958"], by_key["12958-amended"], by_key["13526"]
    assert (original.reason_letters, original.max_years) == ("abcdefg", 10)
    assert original.indefinite_markings == tuple(f"X{i}" for i in range(1, 9))
    assert (amended.reason_section, amended.reason_letters, amended.max_years) == (
        "1.4", "abcdefgh", 25,
    )
    assert amended.indefinite_markings == ()
    assert current.indefinite_markings == ("50X1-HUM", "50X2-WMD")
    assert current.marked_max_years == 75
    assert by_key["12356"].reason_section == "1.3"
    assert "OADR" in by_key["12356"].indefinite_markings
    assert by_key["12356"].max_years is None
    assert by_key["11652"].reason_section is None


# --- laziness ----------------------------------------------------------------------------------


def test_nothing_is_loaded_at_import():
    script = (
        "import cablelint.codes as c\n"
        "assert c._table.cache_info().currsize == 0\n"
        "c.subject_tags()\n"
        "assert c._table.cache_info().currsize == 1\n"
    )
    root = Path(codes.__file__).parent.parent
    subprocess.run([sys.executable, "-c", script], cwd=root, check=True)
