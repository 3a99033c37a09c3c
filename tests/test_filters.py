"""Vale's --filter: which rules run, from an expression over the rules' fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule

from copylint.cli import main
from copylint.errors import CopylintError
from copylint.filters import RuleFilter, read_filter


@pytest.mark.parametrize(
    ("expression", "kept"),
    [
        (".Extends in ['existence']", ["Style.Word"]),
        ('.Level in ["error", "suggestion"] and .Name != "Style.Word"', ["Style.Head"]),
        ('"heading" in .Scope', ["Style.Head"]),
        ("not (.Level == 'warning') or .Name == 'Style.Word'", ["Style.Head", "Style.Word"]),
    ],
)
def test_a_filter_keeps_the_rules_its_expression_selects(
    tmp_path: Path, expression: str, kept: list[str]
) -> None:
    rules = [
        make_rule(
            tmp_path, "extends: existence\nmessage: x\nlevel: warning\ntokens: [a]\n", "Word"
        ),
        make_rule(
            tmp_path,
            "extends: repetition\nmessage: x\nlevel: error\nscope: heading\ntokens: ['[^\\s]+']\n",
            "Head",
        ),
    ]
    keeps = RuleFilter.parse(expression).keeps
    assert sorted(rule.name for rule in rules if keeps(rule)) == kept


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        (".Colour == 'red'", "--filter: unknown field '.Colour' (known: Name, Level,"),
        ("__import__('os')", "--filter: '__import__('os')' is not understood"),
        (".Name ==", "--filter: '.Name ==' is not an expression"),
    ],
)
def test_a_filter_that_is_not_understood_is_refused(expression: str, problem: str) -> None:
    with pytest.raises(CopylintError) as refused:
        RuleFilter.parse(expression)
    assert str(refused.value).startswith(problem)


def test_a_filter_file_is_found_under_the_styles_path_and_applies_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    filters = tmp_path / "styles" / "config" / "filters"
    filters.mkdir(parents=True)
    (filters / "errors.expr").write_text('.Level in ["error"]\n', encoding="utf-8")
    assert read_filter("errors.expr", (tmp_path / "styles",)).keeps is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text("The the council met.\nIt is said that it met.\n")
    assert main(["--filter", ".Name == 'newsroom.DoubledWord'", "d.txt"]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == [
        "d.txt:1:1: error[newsroom.DoubledWord] 'the' is repeated"
    ]
