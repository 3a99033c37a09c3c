"""Configuration: discovery, packs and style folders, rule levels, include and exclude."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copylint.cli import main

DRAFT = "The council voted to delay the the budget.\nThe mayor stated that it was needed.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "stories" / "archive").mkdir(parents=True)
    (tmp_path / "stories" / "today.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "stories" / "archive" / "old.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "stories")
    return tmp_path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def _rules_reported(capsys: pytest.CaptureFixture[str]) -> list[str]:
    out = capsys.readouterr().out.splitlines()[:-1]
    return [line.split("[", 1)[1].split("]", 1)[0] + "@" + line.split(":", 1)[0] for line in out]


def test_config_found_walking_up_sets_levels_and_turns_rules_off(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        project / ".copylint.yaml",
        """
        rules:
          newsroom.DoubledWord: off
          newsroom.Attribution: error
        """,
    )
    assert main(["today.txt"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "today.txt:2:11: error[newsroom.Attribution] "
        "Use 'said' instead of 'stated' to attribute a quote"
    )


def test_pyproject_tool_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(
        project / "pyproject.toml",
        """
        [tool.copylint]
        fail_on = "warning"
        rules = { "newsroom.DoubledWord" = "off" }
        """,
    )
    assert main(["today.txt"]) == 1
    assert _rules_reported(capsys) == ["newsroom.Attribution@today.txt"]


def test_exclude_and_include_globs_are_relative_to_the_config(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        project / ".copylint.yaml",
        """
        exclude: ["stories/archive/**"]
        rules: {newsroom.Attribution: off}
        """,
    )
    main(["."])
    assert _rules_reported(capsys) == ["newsroom.DoubledWord@today.txt"]
    _write(
        project / ".copylint.yaml",
        """
        include: ["**/archive/*.txt"]
        rules: {newsroom.Attribution: off}
        """,
    )
    main(["."])
    assert _rules_reported(capsys) == ["newsroom.DoubledWord@archive/old.txt"]


def test_styles_path_adds_a_house_pack(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(
        project / "styles" / "House" / "Mayor.yml",
        """
        extends: existence
        message: "Name the mayor instead of '%s'"
        level: warning
        tokens: [The mayor]
        """,
    )
    _write(
        project / ".copylint.yaml",
        """
        styles_path: [styles]
        packs: [House]
        """,
    )
    assert main(["today.txt"]) == 0
    assert _rules_reported(capsys) == ["House.Mayor@today.txt"]


def test_explicit_config_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(project / "elsewhere.yaml", "min_level: error\n")
    main(["--config", str(project / "elsewhere.yaml"), "today.txt"])
    assert _rules_reported(capsys) == ["newsroom.DoubledWord@today.txt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour: blue\n", ".copylint.yaml: colour: unknown key"),
        ("fail_on: fatal\n", ".copylint.yaml: fail_on: must be one of"),
        ("packs: [Nope]\n", ".copylint.yaml: packs: no pack named 'Nope'"),
        (
            "rules: {newsroom.Nope: off}\n",
            ".copylint.yaml: rules: no rule or pack named 'newsroom.Nope'",
        ),
        ("styles_path: [missing]\n", "missing: styles_path folder not found"),
        ("rules: [1, 2\n", ".copylint.yaml:2: invalid YAML"),
    ],
)
def test_bad_config_is_a_one_line_error(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    (project / ".copylint.yaml").write_text(text, encoding="utf-8")
    assert main(["today.txt"]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1


def test_bad_rule_in_a_style_folder_names_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(project / "styles" / "House" / "Broken.yml", "extends: existence\ntokens: [a]\n")
    _write(project / ".copylint.yaml", "styles_path: [styles]\npacks: [House]\n")
    assert main(["today.txt"]) == 2
    assert capsys.readouterr().err == (
        f"copylint: {project / 'styles' / 'House' / 'Broken.yml'}: message: missing; "
        "every rule needs a 'message'\n"
    )
