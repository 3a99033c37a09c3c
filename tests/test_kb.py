"""``copylint kb``: importers from open data, and the knowledge-base checker."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest
import yaml

from copylint import kb_import
from copylint.cli import main
from copylint.knowledge import read_knowledge_file

SOURCE = {"name": "test data", "date": datetime.date(2026, 6, 15)}
EXECUTIVE = """\
- id: {wikidata: Q1}
  name: {first: Ann, middle: B., last: Archer}
  terms:
  - {type: viceprez, start: '2013-01-20', end: '2017-01-20', how: election}
  - {type: prez, start: '2021-01-20', end: '2025-01-20', how: election}
  - {type: prez, start: '2025-01-20', end: '2029-01-20', how: election}
- id: {wikidata: Q2}
  name: {first: Carl, last: Dunn}
  terms:
  - {type: prez, start: '2013-01-20', end: '2021-01-20', how: election}
- id: {wikidata: Q3}
  name: {first: Old, last: Timer}
  terms:
  - {type: prez, start: '1961-01-20', end: '1963-11-22', how: election}
"""
CONGRESS = """\
- id: {wikidata: Q9}
  name: {first: Robert, nickname: Bob, last: Vale, official_full: Robert J. Vale}
  terms:
  - {type: rep, start: '2015-01-06', end: '2017-01-03', state: OH, district: 4}
  - {type: rep, start: '2017-01-03', end: '2019-01-03', state: OH, district: 4}
  - {type: sen, start: '2021-01-03', end: '2027-01-03', state: OH}
  leadership_roles:
  - {title: Senate Majority Whip, chamber: senate, start: '2023-01-03', end: '2025-01-03'}
"""
WIKIDATA = """\
position,person,personID,start,end
Secretary of State,Erin Frost,Q20,2019-01-01,
Secretary of State,Gus Hale,Q21,2021-03-01,
Secretary of State,Ida Jones,Q22,2005,2009
Minister for Paperclips,Kim Lee,Q23,2020-01-01,
"""


def _offices(entry: dict[str, object]) -> list[tuple[object, ...]]:
    offices = entry["offices"]
    assert isinstance(offices, list)
    return [(o["title"], o["start"], o.get("end"), o.get("elected")) for o in offices]


def test_executive_joins_terms_leaves_scheduled_ends_out_and_dates_elections() -> None:
    imported = kb_import.import_executive(EXECUTIVE, SOURCE, since=2017)
    assert [entry["name"] for entry in imported.people] == ["Ann Archer", "Carl Dunn"]
    archer = imported.people[0]
    assert archer["aliases"] == ["Ann B. Archer"] and archer["id"] == "Q1"
    day = datetime.date
    assert _offices(archer) == [
        ("Vice President", day(2013, 1, 20), day(2017, 1, 20), day(2012, 11, 6)),
        ("President", day(2021, 1, 20), None, day(2020, 11, 3)),
    ]
    assert archer["offices"][0]["administration"] == "Dunn"


def test_congress_joins_seats_opens_the_current_term_and_marks_leadership_coverage() -> None:
    (vale,) = kb_import.import_congress(CONGRESS, SOURCE).people
    assert vale["name"] == "Bob Vale" and vale["aliases"] == ["Robert J. Vale", "Robert Vale"]
    day = datetime.date
    assert _offices(vale) == [
        ("Representative", day(2015, 1, 6), day(2019, 1, 3), None),
        ("Senator", day(2021, 1, 3), None, None),
        ("Senate Majority Whip", day(2023, 1, 3), day(2025, 1, 3), None),
    ]
    assert vale["offices"][2]["covered_from"] == day(2023, 1, 3)


def test_wikidata_ends_an_open_term_at_the_next_holder_and_skips_year_only_dates() -> None:
    positions = kb_import.builtin_positions()
    imported = kb_import.import_wikidata(WIKIDATA, SOURCE, positions, since=2017)
    names = {entry["name"]: _offices(entry) for entry in imported.people}
    day = datetime.date
    assert names == {
        "Erin Frost": [("Secretary of State", day(2019, 1, 1), day(2021, 3, 1), None)],
        "Gus Hale": [("Secretary of State", day(2021, 3, 1), None, None)],
    }
    assert imported.skipped == [
        "Ida Jones, Secretary of State: dates are not days",
        "1 positions not in the positions file",
    ]


def test_election_day_is_the_tuesday_after_the_first_monday_of_november() -> None:
    assert kb_import.election_day(2024) == datetime.date(2024, 11, 5)
    assert kb_import.election_day(2016) == datetime.date(2016, 11, 8)
    assert kb_import.election_day(2022) == datetime.date(2022, 11, 8)


def test_imported_file_loads_and_keeps_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "executive.yaml"
    data.write_text(EXECUTIVE, encoding="utf-8")
    out = tmp_path / "kb.yaml"
    args = ["kb", "import", "executive", str(data), "--source-date", "2026-06-15"]
    assert main([*args, "-o", str(out)]) == 0
    assert "2 people" in capsys.readouterr().err
    read = read_knowledge_file(out)
    archer = read.people[0]
    assert archer.source is not None and archer.source.date == datetime.date(2026, 6, 15)
    assert archer.known_until == datetime.date(2026, 6, 15)
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["verified_as_of"] == (
        datetime.date(2026, 6, 15)
    )


def _kb(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_check_reports_overlaps_ambiguous_aliases_and_old_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _kb(
        tmp_path,
        """\
        verified_as_of: 2024-01-01
        people:
          - name: Ann Archer
            aliases: [A. Archer]
            source: {name: an old list, date: 2020-01-01}
            offices: [{title: Mayor, role: mayor of Ogdenville, start: 2010-01-01,
                       end: 2016-01-01}]
          - name: Bo Archer
            aliases: [A. Archer]
            offices: [{title: Mayor, role: mayor of Ogdenville, start: 2015-01-01}]
          - name: Cy Dunn
            offices: [{title: Senator, role: senator from Ohio, start: 2015-01-01}]
          - name: Di Dunn
            offices: [{title: Senator, role: senator from Ohio, start: 2016-01-01}]
        """,
    )
    assert main(["kb", "check", str(path), "--as-of", "2025-01-01"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: error: Mayor (mayor of Ogdenville): terms of Ann Archer and Bo Archer "
        "overlap: from 2010-01-01 and from 2015-01-01",
        f"{path}: error: aliases: A. Archer: ambiguous: it names Ann Archer, Bo Archer",
        f"{path}: warning: valid_until: 2024-01-01 has passed",
        f"{path}: warning: source: an old list: 1 offices are from data of 2020-01-01, more "
        "than a year old: refresh them",
    ]


def test_check_passes_a_clean_file_and_names_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _kb(
        tmp_path,
        """\
        verified_as_of: 2026-01-01
        valid_until: 2027-01-01
        people:
          - name: Ann Archer
            offices: [{title: Mayor, role: mayor of Ogdenville, start: 2010-01-01}]
        """,
    )
    assert main(["kb", "check", str(good), "--as-of", "2026-06-01"]) == 0
    assert capsys.readouterr().out == ""
    good.write_text("verified_as_of: 2026-01-01\npeople:\n  - name: X\n", encoding="utf-8")
    assert main(["kb", "check", str(good)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"copylint: {good}: people[0].offices: must be a non-empty list"
    )


def test_the_shipped_knowledge_base_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).parent.parent / "rules" / "newsroom" / "data"
    files = [*sorted((data / "imported").glob("*.yaml")), data / "officeholders.yaml"]
    main(["kb", "check", *map(str, files), "--as-of", "2026-11-01"])
    assert ": error:" not in capsys.readouterr().out
