"""newsroom.NameSpelling and newsroom.NameStyle through the command line: the people of
the shipped knowledge base and a newsroom's own, fixes, and house spellings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copylint.cli import main

COUNCIL = """\
verified_as_of: 2026-01-01
people:
  - name: Marjorie Hollingsworth
    offices:
      - {title: Councillor, role: councillor for Eastgate, start: 2022-05-05}
  - name: Anna Smithers
    offices:
      - {title: Councillor, role: councillor for Westgate, start: 2022-05-05}
  - name: Anna Smothers
    offices:
      - {title: Councillor, role: councillor for Northgate, start: 2022-05-05}
"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "council.yaml").write_text(COUNCIL, encoding="utf-8")
    (tmp_path / ".copylint.yaml").write_text(
        "knowledge_bases: [council.yaml]\n"
        "house_spellings:\n  Volodymyr Zelensky: Volodymyr Zelenskiy\n",
        encoding="utf-8",
    )
    return tmp_path


def _lines(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    main(["--format", "line", "--select", "newsroom.NameSpelling,newsroom.NameStyle", *arguments])
    return capsys.readouterr().out.splitlines()


def test_misspelled_names_of_known_and_local_people_are_fixed_when_one_person_is_meant(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = newsroom / "draft.txt"
    draft.write_text(
        textwrap.dedent("""\
        Kier Starmer and Marjorie Hollingswroth met Anna Smethers.
        President Zelensky's envoy met Volodymyr Zelenskyy at noon.
        """),
        encoding="utf-8",
    )
    assert _lines(capsys, "draft.txt") == [
        "draft.txt:1:1:newsroom.NameSpelling:'Kier Starmer' misspells 'Keir Starmer'",
        "draft.txt:1:18:newsroom.NameSpelling:'Marjorie Hollingswroth' misspells "
        "'Marjorie Hollingsworth'",
        "draft.txt:1:45:newsroom.NameSpelling:'Anna Smethers' misspells 'Anna Smithers' or "
        "'Anna Smothers'",
        "draft.txt:2:11:newsroom.NameStyle:House spelling is 'Zelenskiy', not 'Zelensky'",
        "draft.txt:2:32:newsroom.NameStyle:House spelling is 'Volodymyr Zelenskiy', not "
        "'Volodymyr Zelenskyy'",
    ]
    main(["--fix", "--select", "newsroom.NameSpelling,newsroom.NameStyle", "draft.txt"])
    capsys.readouterr()
    assert draft.read_text(encoding="utf-8") == textwrap.dedent("""\
        Keir Starmer and Marjorie Hollingsworth met Anna Smethers.
        President Zelenskiy's envoy met Volodymyr Zelenskiy at noon.
        """)


def test_other_people_and_what_is_no_name_are_left_alone(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "draft.txt").write_text(
        "John Terry scored; Jim Biden and Hunter Biden watched. Keir Hardie founded it.\n"
        "KIER STARMER VISITS and Antonio Guterres spoke. Starmr said so.\n"
        "Write to Kier.Starmer@example.com or see https://example.com/Kier Starmer\n",
        encoding="utf-8",
    )
    assert _lines(capsys, "draft.txt") == []


def test_a_house_spelling_that_is_no_accepted_spelling_is_one_line_naming_the_config(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / ".copylint.yaml").write_text(
        "house_spellings:\n  Volodymyr Zelensky: Wolodymyr Selenskyj\n", encoding="utf-8"
    )
    (newsroom / "draft.txt").write_text("Hello.\n", encoding="utf-8")
    assert main(["draft.txt"]) == 2
    assert capsys.readouterr().err == (
        f"copylint: {newsroom / '.copylint.yaml'}: house_spellings: 'Wolodymyr Selenskyj' is "
        "not a spelling of Volodymyr Zelensky ('Volodymyr Zelensky', 'Volodymyr Zelenskyy', "
        "'Volodymyr Zelenskiy')\n"
    )
