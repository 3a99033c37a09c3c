"""The archive index: stories read once, read again when they change, results unchanged."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from copylint.archive_index import INDEX_NAME
from copylint.cache import CACHE_NAME
from copylint.cli import main

BACKGROUND = (
    "The coastal highway has been closed four times this winter, the transport agency said."
)
FLOODS = "Floodwater reached the ground floor of the town hall before dawn, the mayor said."


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    stories = tmp_path / "stories"
    stories.mkdir()
    for day in range(1, 6):
        (stories / f"day{day}.md").write_text(
            f"# Storm day {day}\n\nRain fell for a {day}th day on the coast on day {day}.\n",
            encoding="utf-8",
        )
    (stories / "monday.md").write_text(f"# Highway closes\n\n{BACKGROUND}\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        f"# Highway reopens\n\nCrews reopened the road.\n\n{BACKGROUND}\n\n{FLOODS}\n",
        encoding="utf-8",
    )
    return tmp_path


def _findings(capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    main(["--select", "newsroom.ReusedParagraph", *options, "draft.md"])
    return capsys.readouterr().out.splitlines()[:-1]


def _indexed(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["index"]) == 0
    return capsys.readouterr().out.strip().split(": ", 1)[1]


REUSED_MONDAY = (
    "draft.md:5:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
    "stories/monday.md:3 (word for word)"
)


def test_stories_are_read_once_and_again_only_when_they_change(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _indexed(capsys) == "6 stories (6 read, 0 unchanged, 0 dropped)"
    assert (newsroom / CACHE_NAME / INDEX_NAME).is_file()
    assert _findings(capsys) == [REUSED_MONDAY]
    assert _indexed(capsys) == "6 stories (0 read, 6 unchanged, 0 dropped)"

    (newsroom / "stories" / "tuesday.md").write_text(f"# Floods\n\n{FLOODS}\n", encoding="utf-8")
    (newsroom / "stories" / "monday.md").write_text("# Highway closes\n\nIt shut.\n")
    assert _findings(capsys) == [
        "draft.md:7:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "stories/tuesday.md:3 (word for word)"
    ]
    (newsroom / "stories" / "tuesday.md").unlink()
    assert _indexed(capsys) == "6 stories (1 read, 5 unchanged, 1 dropped)"
    assert _findings(capsys) == []


def test_findings_are_those_of_a_run_without_the_index(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without = _findings(capsys, "--no-cache")
    assert not (newsroom / CACHE_NAME).exists()
    assert _findings(capsys) == _findings(capsys) == without == [REUSED_MONDAY]


def test_a_damaged_index_is_made_anew(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _indexed(capsys)
    (newsroom / CACHE_NAME / INDEX_NAME).write_bytes(b"not a database " * 100)
    for suffix in ("-wal", "-shm"):
        (newsroom / CACHE_NAME / (INDEX_NAME + suffix)).unlink(missing_ok=True)
    assert _indexed(capsys) == "6 stories (6 read, 0 unchanged, 0 dropped)"
    assert _indexed(capsys) == "6 stories (0 read, 6 unchanged, 0 dropped)"
    assert _findings(capsys) == [REUSED_MONDAY]


def test_an_index_of_another_layout_is_made_anew(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / CACHE_NAME).mkdir()
    older = sqlite3.connect(newsroom / CACHE_NAME / INDEX_NAME)
    older.execute("CREATE TABLE stories (path TEXT PRIMARY KEY, stamp TEXT, units BLOB)")
    older.commit()
    older.close()
    assert _indexed(capsys) == "6 stories (6 read, 0 unchanged, 0 dropped)"
    assert _indexed(capsys) == "6 stories (0 read, 6 unchanged, 0 dropped)"


def test_stories_are_named_as_the_run_names_them(
    newsroom: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _indexed(capsys)
    monkeypatch.chdir(newsroom / "stories")
    main(["--config", "../.copylint.yaml", "--select", "newsroom.ReusedParagraph", "../draft.md"])
    assert capsys.readouterr().out.splitlines()[:-1] == [
        "../draft.md:5:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "monday.md:3 (word for word)"
    ]


def test_two_runs_at_once_share_the_index(newsroom: Path) -> None:
    command = [sys.executable, "-m", "copylint", "--select", "newsroom.ReusedParagraph", "draft.md"]
    runs = [
        subprocess.Popen(command, cwd=newsroom, stdout=subprocess.PIPE, text=True) for _ in range(3)
    ]
    outputs = [run.communicate()[0].splitlines()[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert outputs == [REUSED_MONDAY] * 3


def test_index_without_an_archive_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copylint.yaml").write_text("fail_on: warning\n", encoding="utf-8")
    assert main(["index"]) == 2
    assert capsys.readouterr().err == (
        f"copylint: {tmp_path / '.copylint.yaml'}: archive: no archive to index "
        "(set archive: globs)\n"
    )
