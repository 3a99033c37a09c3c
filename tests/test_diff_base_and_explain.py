"""--diff-base limits findings to changed lines; --explain documents a rule."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from copylint.cli import main


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_diff_base_reports_only_added_or_changed_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _git(tmp_path, "init", "-q")
    old = tmp_path / "old.txt"
    old.write_text("It was was late.\nIt was was early.\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "archive")
    old.write_text("It was was late.\nIt is is early.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("It was was new.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["--diff-base", "HEAD", "."])
    assert [line.split(": ")[0] for line in capsys.readouterr().out.splitlines()[:-1]] == [
        "new.txt:1:4",
        "old.txt:2:4",
    ]


def test_diff_base_with_a_bad_revision_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--diff-base", "no-such-rev", "a.txt"]) == 2
    assert capsys.readouterr().err.startswith("copylint: --diff-base: ")


def test_explain_prints_description_link_and_a_firing_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--explain", "newsroom.Attribution"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("newsroom.Attribution (warning, extends substitution)\n")
    assert "Link: https://www.apstylebook.com/" in out
    assert "Example (flags a verb introducing a quote):" in out
    assert "1:8:newsroom.Attribution:Use 'said' instead of 'stated'" in out


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", "newsroom.Nope"]) == 2
    assert capsys.readouterr().err == "copylint: --explain: no rule named 'newsroom.Nope'\n"
