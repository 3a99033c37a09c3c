"""The cache folder: what it keeps, when it builds again, and that it never changes results."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import council_president_until

import copylint
import copylint.cache
from copylint.cache import CACHE_NAME, KEPT_PER_KIND, Cache, cache_at

STALE = (
    "d.txt:1:1: error[newsroom.StaleTitle] Stale title: Maria Alvarez was Council President "
    "until 2025-01-01; on 2025-06-01 write 'Former Council President Maria Alvarez' "
    "(knowledge base verified 2026-10-01)"
)


def _project(folder: Path, end: str) -> None:
    (folder / "people.yaml").write_text(council_president_until(end), encoding="utf-8")
    (folder / ".copylint.yaml").write_text("knowledge_bases: [people.yaml]\n", encoding="utf-8")
    (folder / "d.txt").write_text("Council President Maria Alvarez opened the session.\n")


def _run(folder: Path, *options: str) -> list[str]:
    """Run copylint in a process of its own, as each commit does; return its findings."""
    command = [sys.executable, "-m", "copylint", "--select", "newsroom.StaleTitle"]
    command += ["--as-of", "2025-06-01", *options, "d.txt"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.splitlines()[:-1]


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / CACHE_NAME).glob("stale-*.pickle"))


def test_the_stale_judge_is_kept_and_built_again_when_its_files_change(tmp_path: Path) -> None:
    _project(tmp_path, "2025-01-01")
    assert _run(tmp_path) == [STALE]
    assert (tmp_path / CACHE_NAME / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(_entries(tmp_path)) == 1
    assert _run(tmp_path) == [STALE]
    assert len(_entries(tmp_path)) == 1
    _project(tmp_path, "2026-01-01")
    assert _run(tmp_path) == []
    assert len(_entries(tmp_path)) == 2


def test_damaged_entries_are_built_again(tmp_path: Path) -> None:
    _project(tmp_path, "2025-01-01")
    _run(tmp_path)
    for entry in _entries(tmp_path):
        entry.write_bytes(entry.read_bytes()[:100])
    assert _run(tmp_path) == [STALE]


def test_no_cache_keeps_nothing_and_a_cache_that_cannot_be_made_changes_nothing(
    tmp_path: Path,
) -> None:
    _project(tmp_path, "2025-01-01")
    assert _run(tmp_path, "--no-cache") == [STALE]
    assert not (tmp_path / CACHE_NAME).exists()
    (tmp_path / CACHE_NAME).write_text("a file where the folder would be\n")
    assert _run(tmp_path) == [STALE]


def test_an_entry_is_built_once_per_content_and_old_ones_are_dropped(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    source = tmp_path / "source.txt"
    built: list[str] = []

    def build() -> str:
        built.append(source.read_text())
        return source.read_text().upper()

    for version in range(KEPT_PER_KIND + 2):
        source.write_text(f"version {version}")
        assert cache.get("words", [source], build) == f"VERSION {version}"
        assert cache.get("words", [source], build) == f"VERSION {version}"
    assert built == [f"version {version}" for version in range(KEPT_PER_KIND + 2)]
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == KEPT_PER_KIND


def test_a_source_that_cannot_be_read_is_left_to_the_builder(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    assert cache.get("words", [tmp_path / "missing.txt"], lambda: "built") == "built"
    assert not (tmp_path / "cache").exists()


def test_hyphenation_patterns_are_kept_and_scores_do_not_change(tmp_path: Path) -> None:
    sentence = "Institutional reorganisation necessitated comprehensive consultation. "
    (tmp_path / "d.txt").write_text("Headline\n" + sentence * 40, encoding="utf-8")
    command = [sys.executable, "-m", "copylint", "--select", "newsroom.ReadingEase", "d.txt"]
    runs = [
        subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert "d.txt:2:1: suggestion[newsroom.ReadingEase] Article reading ease is" in runs[0]
    assert len(list((tmp_path / CACHE_NAME).glob("hyphenation-*.pickle"))) == 1


HOUSE_RULE = """\
extends: existence
message: "Avoid '%s'"
level: warning
tokens: [WORD]
"""


def _house_project(folder: Path, word: str) -> None:
    (folder / "styles" / "House").mkdir(parents=True, exist_ok=True)
    (folder / "styles" / "House" / "Words.yml").write_text(HOUSE_RULE.replace("WORD", word))
    config = "styles_path: [styles]\npacks: [House]\n"
    (folder / ".copylint.yaml").write_text(config, encoding="utf-8")
    (folder / "d.txt").write_text("A robust and synergistic plan.\n", encoding="utf-8")


def _house_findings(folder: Path) -> list[str]:
    command = [sys.executable, "-m", "copylint", "d.txt"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1, 2), done.stderr
    return [*done.stdout.splitlines()[:-1], *done.stderr.splitlines()]


def test_rule_packs_are_kept_compiled_and_built_again_when_a_rule_file_changes(
    tmp_path: Path,
) -> None:
    _house_project(tmp_path, "robust")
    robust = "d.txt:1:3: warning[House.Words] Avoid 'robust'"
    assert _house_findings(tmp_path) == [robust]
    kept = sorted((tmp_path / CACHE_NAME).glob("rules.House-*.pickle"))
    assert len(kept) == 1
    assert _house_findings(tmp_path) == [robust]
    assert sorted((tmp_path / CACHE_NAME).glob("rules.House-*.pickle")) == kept
    _house_project(tmp_path, "synergistic")
    assert _house_findings(tmp_path) == ["d.txt:1:14: warning[House.Words] Avoid 'synergistic'"]
    assert len(list((tmp_path / CACHE_NAME).glob("rules.House-*.pickle"))) == 2
    (tmp_path / "styles" / "House" / "Words.yml").write_text("extends: existence\n")
    assert _house_findings(tmp_path) == [
        f"copylint: {tmp_path / 'styles/House/Words.yml'}: message: missing; "
        "every rule needs a 'message'"
    ]


def test_an_installed_copylint_is_told_by_the_hashes_its_installer_recorded(
    tmp_path: Path,
) -> None:
    """The same build installed anew (new modification times, as on a fresh CI runner)
    is the same copylint; a record that is not there, or lists no hash, tells nothing."""
    package = tmp_path / "copylint"
    package.mkdir()
    assert copylint.cache._installed_hashes(package) == []
    record = tmp_path / f"copylint-{copylint.__version__}.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text(
        "../../../bin/copylint,sha256=shebang-of-this-venv,234\n"
        "copylint/cli.py,sha256=bbb,10\n"
        "copylint/__pycache__/cli.cpython-311.pyc,,\n"
        "copylint/api.py,sha256=aaa,20\n"
        f"copylint-{copylint.__version__}.dist-info/RECORD,,\n",
        encoding="utf-8",
    )
    assert copylint.cache._installed_hashes(package) == [
        "copylint/api.py,sha256=aaa,20",
        "copylint/cli.py,sha256=bbb,10",
    ]


def test_what_checks_load_for_the_run_is_loaded_before_work_is_shared(tmp_path: Path) -> None:
    """Workers are forked after ``RuleSet.prepare``: what it loads (the stale-title judge,
    the name index, the hyphenator, rapidfuzz) they inherit, instead of each loading it."""
    from copylint.config import Config
    from copylint.documents import Format, parse_document
    from copylint.linter import RuleSet, RunContext, lint_document
    from copylint.packs import load_rules

    cache = cache_at(tmp_path)
    rules = RuleSet.of(load_rules(Config(root=tmp_path), cache=cache))
    run = RunContext(as_of=datetime.date(2026, 1, 5), cache=cache)
    rules.prepare(run.check_context(run.as_of))
    loaded: list[str] = []
    original = Cache.get

    def noted(self: Cache, kind: str, *arguments: Any) -> Any:
        loaded.append(kind)
        return original(self, kind, *arguments)

    story = (
        "Council President Maria Alvarez opened the session. The council voted on Tuesday "
        "to delay the budget vote until the spring, and President Joe Biden sent a letter.\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Cache, "get", noted)
        lint_document(parse_document("d.txt", story * 12, Format.TEXT), rules, run)
    assert loaded == []
    assert "rapidfuzz.fuzz" in sys.modules
