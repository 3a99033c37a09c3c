"""StaleTitle: the title grammar, the context it leaves alone, homonyms, fixes that are right."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest

from copylint.api import lint_text
from copylint.checks.stale_context import past_sentences, quoted_spans
from copylint.cli import main
from copylint.config import Config
from copylint.packs import builtin_styles_dir, load_rules
from copylint.titles import FORMER, INCOMING, load_grammar

RULE = [rule for rule in load_rules(Config()) if rule.name == "newsroom.StaleTitle"]
GRAMMAR = load_grammar(builtin_styles_dir() / "newsroom" / "data" / "titles.yaml")


def _stale(text: str, day: str) -> list[tuple[int, str | None]]:
    """Return (column, fixed text or None) of each StaleTitle finding on ``day``."""
    config = Config(as_of=datetime.date.fromisoformat(day))
    return [
        (d.column, d.fix.text if d.fix else None)
        for d in lint_text(text, "d.txt", rules=RULE, config=config)
    ]


@pytest.mark.parametrize(
    ("text", "title", "meaning", "qualifier"),
    [
        ("He met former U.N. Secretary-General Ban", "Secretary-General", FORMER, "U.N."),
        ("It was German former Chancellor Ban", "Chancellor", FORMER, "German"),
        ("The panel had former Bank of England Governor Ban", "Governor", FORMER,
         "Bank of England"),
        ("Aides to President-elect Ban", "President", INCOMING, ""),
        ("It was ex-President Ban", "President", FORMER, ""),
        ("Secretary of Defense Ban", "Defense Secretary", "", ""),
        ("Defence Secretary Ban", "Defense Secretary", "", ""),
        ("Sen. Ban", "Senator", "", ""),
        ("the former president Ban", "President", FORMER, ""),
    ],
)  # fmt: skip
def test_the_grammar_reads_titles_qualifiers_and_modifiers(
    text: str, title: str, meaning: str, qualifier: str
) -> None:
    phrase = GRAMMAR.before(text, text.rindex("Ban"))
    assert phrase is not None
    assert (phrase.title, phrase.meaning, phrase.qualifier) == (title, meaning, qualifier)


@pytest.mark.parametrize(
    "text", ["the president Ban", "Deputy Prime Minister Ban", "Vice Chancellor Ban"]
)
def test_no_title_without_a_capital_or_with_an_office_changer(text: str) -> None:
    assert GRAMMAR.before(text, text.rindex("Ban")) is None


@pytest.mark.parametrize(
    ("text", "day", "fixed"),
    [
        # an office that ended: "former" before the whole phrase, capitalised at the start
        ("They met President Joe Biden.", "2025-06-01", "former President Joe Biden"),
        ("President Joe Biden spoke.", "2025-06-01", "Former President Joe Biden"),
        ("They met U.N. Secretary-General Ban Ki-moon.", "2019-05-01",
         "former U.N. Secretary-General Ban Ki-moon"),
        # a wrong "former" or "ex-" taken away, with its article; the title keeps a capital
        ("It was chaired by the former President Donald Trump.", "2025-06-01",
         "President Donald Trump"),
        ("It was chaired by former president Donald Trump.", "2025-06-01",
         "President Donald Trump"),
        ("It was chaired by ex-President Donald Trump.", "2025-06-01", "President Donald Trump"),
        ("Former President Donald Trump spoke.", "2025-06-01", "President Donald Trump"),
        # "-elect" after the term began
        ("Aides to President-elect Donald Trump declined.", "2025-02-10",
         "President Donald Trump"),
    ],
)  # fmt: skip
def test_each_class_of_fix_gives_a_title_that_is_right(
    tmp_path: Path, text: str, day: str, fixed: str
) -> None:
    found = _stale(text, day)
    assert [replacement for _column, replacement in found] == [fixed]
    draft = tmp_path / "d.txt"
    draft.write_text(text + "\n", encoding="utf-8")
    main(["--fix", "--select", "newsroom.StaleTitle", "--as-of", day, str(draft)])
    after = draft.read_text(encoding="utf-8")
    assert fixed in after
    assert _stale(after, day) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Prime Minister Keir Starmer visited Kyiv.", "2024-03-15"),  # another title: the writer's
        ("Vice President Joe Biden spoke.", "2021-06-01"),  # holds another office now
        ("Yesterday President Joe Biden spoke.", "2025-06-01"),  # "Yesterday" may be a qualifier
        ("Antony Blinken, the former secretary of state, spoke.", "2023-05-01"),  # appositive
    ],
)
def test_uncertain_corrections_are_suggested_not_fixed(text: str, day: str) -> None:
    found = _stale(text, day)
    assert len(found) == 1 and found[0][1] is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("\u201cPrime Minister Justin Trudeau never understood the west,\u201d she said.",
         "2025-06-01"),
        ("\u2018President Joe Biden let us down,\u2019 one delegate said.", "2025-06-01"),
        ('"President Joe Biden let us down," one delegate said.', "2025-06-01"),
        ("In 2023, President Joe Biden signed the bill.", "2025-06-01"),
        ("On March 3, 2022, Chancellor Olaf Scholz announced the fund.", "2025-06-01"),
        ("At the time, Prime Minister Justin Trudeau backed the pipeline.", "2025-06-01"),
        ("Donald Trump Jr. spoke at the rally.", "2025-06-01"),
        ("She bought a King Charles spaniel.", "2020-05-01"),
        ("Joe Biden, who served as vice president under Barack Obama, spoke.", "2023-05-01"),
        ("Scott Bessent, the treasury secretary in the Trump administration, spoke.",
         "2025-05-01"),
        ("Then-President Barack Obama had signed the order.", "2025-01-30"),
        ("The statue honours the late President Jimmy Carter.", "2025-02-01"),
        ("Aides to President-elect Donald Trump declined.", "2024-12-15"),
        ("Speaker Nancy Pelosi led the delegation.", "2009-06-01"),
    ],
)  # fmt: skip
def test_what_is_left_alone(text: str, day: str) -> None:
    assert _stale(text, day) == []


def test_quotations_and_past_sentences_are_found() -> None:
    text = "He said \u201cno\u201d and \u2018it\u2019s fine\u2019. In 2019, it rained. Now."
    assert quoted_spans(text) == [(8, 12), (17, 28)]
    assert list(past_sentences(text, datetime.date(2025, 1, 1))) == [(30, 49)]


def _people(tmp_path: Path, body: str) -> None:
    (tmp_path / "people.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / ".copylint.yaml").write_text("knowledge_bases: [people.yaml]\n", encoding="utf-8")


def test_a_title_is_stale_only_if_wrong_for_every_person_of_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _people(
        tmp_path,
        """\
        verified_as_of: 2026-01-01
        people:
          - name: Sam Rivera
            offices: [{title: Mayor, role: mayor of Springfield, start: 2010-01-01,
                       end: 2014-01-01}]
          - name: Sam Rivera
            offices: [{title: Mayor, role: mayor of Shelbyville, start: 2020-01-01}]
          - name: Ana Cole
            offices: [{title: Mayor, role: mayor of Ogdenville, start: 2010-01-01,
                       end: 2014-01-01}]
        """,
    )
    (tmp_path / "d.txt").write_text("Mayor Sam Rivera met Mayor Ana Cole.\n", encoding="utf-8")
    main(["--select", "newsroom.StaleTitle", "--as-of", "2021-06-01", "d.txt"])
    out = capsys.readouterr().out
    assert "Ana Cole was Mayor until 2014-01-01" in out and "Sam Rivera" not in out


def test_an_imported_office_is_not_judged_past_its_source_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _people(
        tmp_path,
        """\
        verified_as_of: 2022-07-01
        people:
          - name: Ana Cole
            source: {name: a list of mayors, date: 2022-07-01}
            offices: [{title: Mayor, role: mayor of Ogdenville, start: 2020-01-01}]
        """,
    )
    (tmp_path / "d.txt").write_text("It was opened by former Mayor Ana Cole.\n", encoding="utf-8")
    main(["--select", "newsroom.StaleTitle", "--as-of", "2022-06-01", "d.txt"])
    assert "Ana Cole is still Mayor" in capsys.readouterr().out
    main(["--select", "newsroom.StaleTitle", "--as-of", "2023-06-01", "d.txt"])
    assert "Found" not in capsys.readouterr().out.replace("No problems found", "")
