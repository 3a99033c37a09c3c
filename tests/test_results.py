"""Kept results: a draft is linted again only when something its outcome is made of
changed, and the findings are the same whether it was linted or not."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import os
import pickle
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers import council_president_until

import copylint.linter
import copylint.outcome_keys
import copylint.results
import copylint.runner
from copylint.cache import CACHE_NAME
from copylint.cli import main
from copylint.outcome_keys import LIBRARIES
from copylint.packs import builtin_styles_dir
from copylint.results import STORE_NAME, UNUSED_DAYS
from copylint.runner import MIN_DRAFTS_KEPT

COUNCIL = "The council voted on Tuesday to delay the budget vote until the spring.\n"
FERRY = "The ferry to the island will not sail this week while its engine is repaired.\n"
SCHOOL = "The school will reopen on Monday after the the storm, the head teacher said.\n"
DOUBLED = "school.txt:1:40: error[newsroom.DoubledWord] 'the' is repeated"
REPEATED = (
    "ferry.txt:3:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
    "council.txt:1 (word for word)"
)
SUMMARY = "Found 2 problems (1 error, 1 warning) in 2 of 3 files."
DRAFTS = ("council.txt", "ferry.txt", "school.txt")
HOUSE = ("--select", "House")


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The drafts linted in this process (runs of two drafts or more keep outcomes)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(copylint.runner, "MIN_DRAFTS_KEPT", 2)
    names: list[str] = []
    lint_one = copylint.runner._lint_one

    def counted(item: object, *args: object) -> object:
        names.append(getattr(item, "display_path", ""))
        return lint_one(item, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(copylint.runner, "_lint_one", counted)
    (tmp_path / "council.txt").write_text(COUNCIL, encoding="utf-8")
    (tmp_path / "ferry.txt").write_text(f"{FERRY}\n{COUNCIL}", encoding="utf-8")
    (tmp_path / "school.txt").write_text(SCHOOL, encoding="utf-8")
    return names


def _run(
    capsys: pytest.CaptureFixture[str], *options: str, drafts: tuple[str, ...] = DRAFTS
) -> list[str]:
    main(["--jobs", "1", "--as-of", "2026-01-05", *options, *drafts])
    return capsys.readouterr().out.splitlines()


def _relinted(
    linted: list[str],
    capsys: pytest.CaptureFixture[str],
    *options: str,
    drafts: tuple[str, ...] = DRAFTS,
) -> list[str]:
    """Run again; return the drafts linted (sorted)."""
    linted.clear()
    _run(capsys, *options, drafts=drafts)
    return sorted(linted)


def test_unchanged_drafts_are_not_linted_again_and_their_findings_stay(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]
    assert sorted(linted) == ["council.txt", "ferry.txt", "school.txt"]
    assert (tmp_path / CACHE_NAME / STORE_NAME).is_file()
    linted.clear()
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]
    assert linted == []
    (tmp_path / "school.txt").write_text(SCHOOL.replace("the the", "the"), encoding="utf-8")
    linted.clear()
    assert _run(capsys) == [REPEATED, "Found 1 problem (1 warning) in 1 of 3 files."]
    assert linted == ["school.txt"]
    (tmp_path / "council.txt").write_text(FERRY, encoding="utf-8")
    linted.clear()
    assert _run(capsys) == [
        "ferry.txt:1:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "council.txt:1 (word for word)",
        "Found 1 problem (1 warning) in 1 of 3 files.",
    ]
    assert linted == ["council.txt"]


def test_a_draft_edited_during_a_run_is_linted_and_kept_as_it_was_read(
    linted: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lint = copylint.runner._linted

    def edited_meanwhile(*arguments: Any) -> Any:
        (tmp_path / "school.txt").write_text(SCHOOL.replace("the the", "the"))
        return lint(*arguments)

    monkeypatch.setattr(copylint.runner, "_linted", edited_meanwhile)
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]
    monkeypatch.setattr(copylint.runner, "_linted", lint)
    (tmp_path / "school.txt").write_text(SCHOOL)  # as the first run read it
    assert _relinted(linted, capsys) == []
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]


def test_a_kept_drafts_directives_still_suppress_what_other_drafts_bring(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A cross-file finding is made anew on each run, and suppressed by the directives
    its draft had when it was linted."""
    directive = "<!-- copylint-disable-file newsroom.ReusedParagraph -->\n\n"
    (tmp_path / "ferry.md").write_text(f"{directive}{FERRY}\n{COUNCIL}", encoding="utf-8")
    drafts = ("council.txt", "ferry.md")
    expected = ["No problems found in 2 files."]
    assert _run(capsys, drafts=drafts) == expected
    assert _relinted(linted, capsys, drafts=drafts) == []
    assert _run(capsys, drafts=drafts) == expected


def test_what_the_findings_are_made_of_changing_lints_the_drafts_again(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    rule = "extends: existence\nmessage: \"Avoid '%s'\"\ntokens: [TOKEN]\n"
    (styles / "Words.yml").write_text(rule.replace("TOKEN", "ferry"), encoding="utf-8")
    config = "packs: [newsroom, House]\nstyles_path: [styles]\n"
    (tmp_path / ".copylint.yaml").write_text(config, encoding="utf-8")
    every = list(DRAFTS)
    assert _relinted(linted, capsys, *HOUSE) == every
    assert _relinted(linted, capsys, *HOUSE) == []
    (styles / "Words.yml").write_text(rule.replace("TOKEN", "island"), encoding="utf-8")
    assert _relinted(linted, capsys, *HOUSE) == every
    (styles / "notes.txt").write_text("a file the rule may read\n", encoding="utf-8")
    assert _relinted(linted, capsys, *HOUSE) == every
    (styles.parent / "accept.txt").write_text("a word list Vale may read\n", encoding="utf-8")
    assert _relinted(linted, capsys, *HOUSE) == every
    (styles.parent / "config" / "dictionaries").mkdir(parents=True)
    (styles.parent / "config" / "dictionaries" / "house.dic").write_text("1\nferry\n")
    assert _relinted(linted, capsys, *HOUSE) == every
    (tmp_path / ".copylint.yaml").write_text(f"{config}rules:\n  House.Words: error\n")
    assert _relinted(linted, capsys, *HOUSE) == every
    assert _relinted(linted, capsys, *HOUSE, "--as-of", "2026-01-06") == every
    assert _relinted(linted, capsys) == every
    assert _relinted(linted, capsys, *HOUSE) == every, "one outcome per draft"


def test_a_file_named_by_a_rules_option_is_watched_wherever_it_is(tmp_path: Path) -> None:
    """Run as commits run, each in a process of its own."""
    (tmp_path / "styles" / "House").mkdir(parents=True)
    titles = builtin_styles_dir() / "newsroom" / "data" / "titles.yaml"
    (tmp_path / "styles" / "House" / "Stale.yml").write_text(
        f"extends: stale\nmessage: '%s'\nknowledge_base: [../../people.yaml]\ntitles: {titles}\n"
    )
    (tmp_path / ".copylint.yaml").write_text("packs: [House]\nstyles_path: [styles]\n")
    (tmp_path / "people.yaml").write_text(council_president_until("2025-01-01"))
    for name in range(MIN_DRAFTS_KEPT):
        (tmp_path / f"d{name}.txt").write_text(f"Council President Maria Alvarez spoke {name}.\n")
    command = [sys.executable, "-m", "copylint", "--as-of", "2026-01-05", "."]
    for _run_again in range(2):
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert (
            done.stdout.splitlines()[-1]
            == f"Found {MIN_DRAFTS_KEPT} problems (32 warnings) in 32 of 32 files."
        )
    (tmp_path / "people.yaml").write_text(council_president_until("2027-01-01"))
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == [f"No problems found in {MIN_DRAFTS_KEPT} files."]


def test_a_library_or_python_of_another_version_lints_again(
    linted: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys)
    version = copylint.outcome_keys._version
    monkeypatch.setattr(copylint.outcome_keys, "_version", lambda name: f"{version(name)}.1")
    assert _relinted(linted, capsys) == ["council.txt", "ferry.txt", "school.txt"]
    monkeypatch.setattr(copylint.outcome_keys.sys, "version", "3.99")
    assert _relinted(linted, capsys) == ["council.txt", "ferry.txt", "school.txt"]


def test_the_libraries_watched_are_copylints_dependencies() -> None:
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    names = {
        requirement.split(">")[0].split("[")[0].split("<")[0].lower()
        for requirement in project["project"]["dependencies"]
    }
    assert set(LIBRARIES) == names | {"linkify-it-py"}  # markdown-it-py[linkify]


def test_an_outcome_a_rule_ran_out_of_time_on_is_not_kept(
    linted: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copylint.linter, "RULE_SECONDS", 0.1)
    (Path("styles") / "Style").mkdir(parents=True)
    Path("styles/Style/Runaway.yml").write_text(
        "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens: ['(a|aa)+$']\n"
    )
    Path(".copylint.yaml").write_text("packs: [Style]\nstyles_path: [styles]\n")
    Path("run.txt").write_text("a" * 40 + "!\n", encoding="utf-8")
    drafts = (*DRAFTS, "run.txt")
    assert _relinted(linted, capsys, drafts=drafts) == sorted(drafts)
    assert _relinted(linted, capsys, drafts=drafts) == ["run.txt"]


def test_a_damaged_store_is_made_anew_and_changes_no_finding(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _run(capsys)
    (tmp_path / CACHE_NAME / STORE_NAME).write_bytes(b"not a database" * 100)
    linted.clear()
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]
    assert sorted(linted) == list(DRAFTS)
    with sqlite3.connect(tmp_path / CACHE_NAME / STORE_NAME) as store:
        rows = store.execute("SELECT path FROM results ORDER BY path").fetchall()
    assert rows == [(name,) for name in DRAFTS]


def test_outcomes_unused_for_a_month_are_dropped_and_used_ones_are_kept(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "gone.txt").write_text(FERRY, encoding="utf-8")
    _run(capsys, drafts=(*DRAFTS, "gone.txt"))
    (tmp_path / "gone.txt").unlink()
    today = datetime.date.today().toordinal()
    store = tmp_path / CACHE_NAME / STORE_NAME
    with contextlib.closing(sqlite3.connect(store)) as connection, connection:
        connection.execute("UPDATE results SET used = ?", (today - UNUSED_DAYS - 1,))
    assert _relinted(linted, capsys) == []
    with contextlib.closing(sqlite3.connect(store)) as connection:
        rows = connection.execute("SELECT path, used FROM results ORDER BY path").fetchall()
    assert rows == [(name, today) for name in DRAFTS]


def test_a_store_of_another_layout_is_made_anew(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / CACHE_NAME).mkdir()
    with contextlib.closing(sqlite3.connect(tmp_path / CACHE_NAME / STORE_NAME)) as connection:
        connection.execute("CREATE TABLE results (path TEXT PRIMARY KEY, outcome BLOB)")
    assert _run(capsys) == [REPEATED, DOUBLED, SUMMARY]
    assert _relinted(linted, capsys) == []


def test_no_cache_and_runs_of_few_drafts_keep_nothing(
    linted: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _run(capsys, "--no-cache")
    assert not (tmp_path / CACHE_NAME / STORE_NAME).exists()
    monkeypatch.setattr(copylint.runner, "MIN_DRAFTS_KEPT", MIN_DRAFTS_KEPT)
    _run(capsys)
    assert not (tmp_path / CACHE_NAME / STORE_NAME).exists()


def test_archive_stories_are_not_drafts_to_keep(
    linted: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An archive is kept by the archive index; a commit of one draft keeps nothing."""
    (tmp_path / "stories").mkdir()
    for name in DRAFTS:
        (tmp_path / name).rename(tmp_path / "stories" / name)
    (tmp_path / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    assert main(["index"]) == 0
    capsys.readouterr()
    (tmp_path / "draft.txt").write_text(SCHOOL, encoding="utf-8")
    assert _run(capsys, drafts=("draft.txt",))[0] == (
        "draft.txt:1:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "stories/school.txt:1 (word for word)"
    )
    assert (tmp_path / CACHE_NAME / "archive.sqlite").is_file()
    assert not (tmp_path / CACHE_NAME / STORE_NAME).exists()


VALE_INI = """\
StylesPath = styles
[*.md]
BasedOnStyles = House
TokenIgnores = (\\{\\{[^}]+\\}\\})
"""


@pytest.mark.parametrize("project", ["built-in packs", "a Vale project"])
def test_keys_are_the_same_in_every_process(tmp_path: Path, project: str) -> None:
    """Sets are written in order: ``repr`` orders them by hash, which differs by process."""
    if project == "a Vale project":
        (tmp_path / "styles" / "House").mkdir(parents=True)
        (tmp_path / "styles" / "House" / "Words.yml").write_text(
            "extends: substitution\nmessage: \"Use '%s'\"\nswap:\n  utilize: use\n  leverage: use\n"
        )
        (tmp_path / ".vale.ini").write_text(VALE_INI)
    for name in range(MIN_DRAFTS_KEPT):
        (tmp_path / f"d{name}.md").write_text(f"# Story {name}\n\n{COUNCIL}\n{FERRY}")
    keys = [_kept_keys(tmp_path, seed) for seed in ("1", "2")]
    assert len(keys[0]) == MIN_DRAFTS_KEPT
    assert keys[0] == keys[1]


def _kept_keys(folder: Path, seed: str) -> set[tuple[str, str]]:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "copylint", "--jobs", "1", "."]
    done = subprocess.run(command, cwd=folder, env=environment, capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    with sqlite3.connect(folder / CACHE_NAME / STORE_NAME) as store:
        return set(store.execute("SELECT path, key FROM results"))


@dataclasses.dataclass(frozen=True, slots=True)
class _Made:
    name: str
    size: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived:
    name: str
    upper: str = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "upper", self.name.upper())


def test_outcomes_are_pickled_as_calls_of_their_classes_when_that_makes_them_again() -> None:
    value = [_Made("ferry", 3), {"nested": (_Made("council"),)}, _Derived("school")]
    blob = copylint.results._dumps(value)
    assert pickle.loads(blob) == value
    assert copylint.results._field_names(_Made) == ("name", "size")
    assert copylint.results._field_names(_Derived) is None
    assert copylint.results._field_names(dict) is None
