"""The archive index: stories read once, read again when they change, results unchanged."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import copylint.archive_index
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


SYLLABLES = ("ka", "lo", "mi", "ter", "van", "sul", "dor", "pe", "rin", "tu")
WORDS = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:4]]


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _edited(rng: random.Random, paragraph: str, changes: int) -> str:
    words = paragraph.rstrip(".").split()
    for _ in range(changes):
        words[rng.randrange(1, len(words))] = rng.choice(WORDS)
    return " ".join(words) + "."


def _story(rng: random.Random, stock: list[str], headlines: list[str]) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 5)):
        roll = rng.random()
        if roll < 0.3:
            paragraphs.append(rng.choice(stock))
        elif roll < 0.55:
            paragraphs.append(_edited(rng, rng.choice(stock), rng.randint(1, 3)))
        elif roll < 0.65:
            paragraphs.append(rng.choice(stock) + " " + _paragraph(rng, 6))
        else:
            paragraphs.append(_paragraph(rng, rng.randint(8, 30)))
    date = (
        f"---\ndate: 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n"
        if rng.random() < 0.7
        else ""
    )
    return f"{date}# {rng.choice(headlines)}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_findings_equal_those_of_comparing_the_whole_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(2026)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    stock = [_paragraph(rng, rng.randint(8, 30)) for _ in range(250)]
    headlines = [f"Storm {word} hits coast" for word in WORDS[:150]]
    (tmp_path / "stories").mkdir()
    for number in range(80):
        story = _story(rng, stock, headlines)
        (tmp_path / "stories" / f"s{number}.md").write_text(story, encoding="utf-8")
    drafts = []
    archived = [
        paragraph
        for path in (tmp_path / "stories").iterdir()
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[1:]
    ]
    for number in range(10):
        (tmp_path / f"draft{number}.md").write_text(_story(rng, archived, headlines))
        drafts.append(f"draft{number}.md")

    def findings(*options: str) -> list[dict[str, object]]:
        rules = "newsroom.ReusedParagraph,newsroom.ReusedHeadline"
        main(["--format", "json", "--select", rules, *options, *drafts])
        found: list[dict[str, object]] = json.loads(capsys.readouterr().out)
        return found

    for round_ in range(3):
        whole = findings("--no-cache")
        assert len(whole) > 10
        assert findings() == findings() == whole, f"round {round_}"
        for number in rng.sample(range(80), 10):
            story = _story(rng, stock, headlines)
            (tmp_path / "stories" / f"s{number}.md").write_text(story, encoding="utf-8")
        (tmp_path / "stories" / f"s{rng.randrange(80)}.md").unlink(missing_ok=True)


HARBOUR = (
    "The harbour authority said the new breakwater would protect the fishing fleet from "
    "the worst of the winter storms along the coast."
)
HARBOUR_EDITED = HARBOUR.replace("authority", "board").replace("breakwater", "sea wall")
HARBOUR_AND_MORE = (
    f"{HARBOUR} Work on the project starts in the spring and local divers will help the engineers."
)


def _archive(folder: Path, stories: dict[str, str], draft: str) -> None:
    (folder / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    (folder / "stories").mkdir()
    for name, paragraph in stories.items():
        (folder / "stories" / name).write_text(f"# {name}\n\n{paragraph}\n", encoding="utf-8")
    (folder / "draft.md").write_text(f"# Harbour works\n\n{draft}\n", encoding="utf-8")


def test_a_draft_holding_an_archive_paragraph_and_more_is_found_through_the_index(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The draft's rarest words are all in its new sentence, which no story has: the
    # story's paragraph is found from its own rarest words, which the draft holds.
    (newsroom / "stories" / "harbour.md").write_text(f"# Harbour\n\n{HARBOUR}\n")
    (newsroom / "draft.md").write_text(f"# Harbour works\n\n{HARBOUR_AND_MORE}\n")
    expected = [
        "draft.md:3:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "stories/harbour.md:3 (with more added)"
    ]
    assert _findings(capsys, "--no-cache") == expected
    assert _findings(capsys) == _findings(capsys) == expected


def test_copies_of_copies_in_the_archive_make_standing_copy(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The draft holds the first story's paragraph and more; the second story edits that
    # paragraph by three words, too far from the draft to be its copy. Three stories
    # share it all told: standing copy, found only by following the copies of copies.
    (newsroom / "stories" / "harbour.md").write_text(f"# Harbour\n\n{HARBOUR}\n")
    (newsroom / "stories" / "wall.md").write_text(f"# Sea wall\n\n{HARBOUR_EDITED}\n")
    (newsroom / "draft.md").write_text(f"# Harbour works\n\n{HARBOUR_AND_MORE}\n")
    assert _findings(capsys, "--no-cache") == []
    assert _findings(capsys) == _findings(capsys) == []


def test_an_upgrade_of_copylint_makes_the_index_anew_and_the_file_does_not_grow(
    newsroom: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = newsroom / "stories"
    for number in range(60):
        (stories / f"extra{number}.md").write_text(
            f"# Report {number}\n\n" + f"Paragraph {number} of the report, said the clerk. " * 40,
            encoding="utf-8",
        )
    pages = []
    for version in range(4):  # each upgrade: no kept unit is of use, every story read again
        monkeypatch.setattr(copylint.archive_index, "code_stamp", lambda v=version: f"v{v}")
        assert _indexed(capsys) == "66 stories (66 read, 0 unchanged, 0 dropped)"
        connection = sqlite3.connect(newsroom / CACHE_NAME / INDEX_NAME)
        pages.append(connection.execute("PRAGMA page_count").fetchone()[0])
        connection.close()
    assert max(pages) <= pages[0] * 1.2
