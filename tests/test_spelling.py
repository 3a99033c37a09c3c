"""Vale's ``spelling`` kind: Hunspell dictionaries, Vale's tokenizer, filters and Vocab."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copylint.checks.spelling import vale_words
from copylint.cli import main
from copylint.hunspell import read_dictionary

AFFIXES = """\
SET UTF-8
ICONV 1
ICONV ’ '
COMPOUNDMIN 1
ONLYINCOMPOUND c
COMPOUNDRULE 1
COMPOUNDRULE n*1t
PFX U Y 1
PFX U 0 un .
SFX S Y 2
SFX S y ies [^aeiou]y
SFX S 0 s [^y]
SFX D N 1
SFX D 0 ed .
"""
WORDS = """\
7
frumious
story/S
happy/U
walk/DS
1/n1
1th/tc
GB
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_dictionary_spells_every_form_its_affixes_make(tmp_path: Path) -> None:
    dictionary = read_dictionary(
        _write(tmp_path / "t.dic", WORDS), _write(tmp_path / "t.aff", AFFIXES)
    )
    right = ["story", "stories", "Story", "STORY", "unhappy", "walks", "walked", "11th", "111th"]
    right += ["2,500", "0x1F", "100GB"]
    wrong = ["storys", "unwalk", "walkeds", "1th", "happies", "100MB"]
    assert [word for word in right if not dictionary.spells(word)] == []
    assert [word for word in wrong if dictionary.spells(word)] == []
    assert dictionary.convert("don’t") == "don't"


def test_words_are_split_as_vales_tokenizer_splits_them() -> None:
    text = '("Well," he said) U.S. don’t $5 Mr. Smith’s plan.'
    assert list(vale_words(text)) == [
        (2, "Well"),
        (9, "he"),
        (12, "said"),
        (18, "U.S."),
        (23, "don't"),
        (32, "Mr."),
        (36, "Smith's"),
        (44, "plan"),
    ]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Vale project with a Vocab, a word list and a dictionary of its own."""
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path / ".vale.ini", "StylesPath = styles\nVocab = House\n[*]\nBasedOnStyles = Vale\n"
    )
    _write(tmp_path / "styles/config/vocabularies/House/accept.txt", "Kyiv\nmea culpa\n")
    _write(tmp_path / "styles/config/ignore/names.txt", "zelenskyy\n")
    _write(tmp_path / "styles/config/dictionaries/t.dic", WORDS)
    _write(tmp_path / "styles/config/dictionaries/t.aff", AFFIXES)
    return tmp_path


def _lines(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str]]:
    status = main(["--format", "line", *arguments])
    return status, capsys.readouterr().out.splitlines()


def test_vale_spelling_reads_the_projects_vocab_word_lists_and_dictionaries(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        project / "draft.md",
        """\
        # Zelenskyy in Kyiv

        The minister recieved frumious stories in KYIV, said mea culpa and mea culpae.

        The well-known NATO plan for iPhone users doesn’t work.
        """,
    )
    status, lines = _lines(capsys, "draft.md")
    assert lines == [
        "draft.md:3:14:Vale.Spelling:Did you really mean 'recieved'?",
        "draft.md:3:43:Vale.Terms:Use 'Kyiv' instead of 'KYIV'.",
        # an accepted phrase is excused whole, not its words one by one (as in Vale)
        "draft.md:3:68:Vale.Spelling:Did you really mean 'mea'?",
        "draft.md:3:72:Vale.Spelling:Did you really mean 'culpae'?",
    ]
    assert status == 1  # Vale.Spelling is an error, as in Vale


def test_an_html_title_is_text_in_a_vale_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        project / "page.html",
        "<html><head><title>A frist page</title></head><body><p>Hello.</p></body></html>\n",
    )
    assert _lines(capsys, "page.html")[1] == [
        "page.html:1:22:Vale.Spelling:Did you really mean 'frist'?"
    ]


def test_a_custom_rule_uses_its_own_dictionary_filters_and_word_lists(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(project / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    _write(
        project / "styles/House/Words.yml",
        """\
        extends: spelling
        message: "'%s' is not a house word"
        custom: true
        dictionaries: [t]
        filters: ['^[A-Z]']
        ignore: names.txt
        """,
    )
    _write(project / "draft.txt", "Happy stories walked. Unhappy zelenskyy sort-of walkeds.\n")
    assert _lines(capsys, "draft.txt")[1] == [
        "draft.txt:1:41:House.Words:'sort-of' is not a house word",
        "draft.txt:1:49:House.Words:'walkeds' is not a house word",
    ]


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("dictionaries", "[nl_NL]", "dictionaries: no nl_NL.dic and nl_NL.aff in"),
        ("ignore", "missing.txt", "ignore: no word list 'missing.txt' in"),
        ("filters", "['[a-']", "filters: '[a-' is not a valid regular expression"),
    ],
)
def test_a_spelling_rule_that_names_what_is_not_there_is_one_line_naming_file_and_key(
    project: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, problem: str
) -> None:
    _write(project / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    rule = _write(
        project / "styles/House/Words.yml", f"extends: spelling\nmessage: '%s'\n{key}: {value}\n"
    )
    _write(project / "draft.txt", "Hello.\n")
    assert main(["draft.txt"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"copylint: {rule}: {problem}")
    assert len(error.splitlines()) == 1
