"""copylint's own patterns: compiled once, kept beside its bytecode, read back."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

import copylint.compiled
from copylint.compiled import compiled

DATE = r"(?P<year>\d{4})-(?P<month>\d\d)"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of this test's own, read afresh, with nothing compiled yet."""
    path = tmp_path / "__pycache__" / "patterns.test.pickle"
    monkeypatch.setattr(copylint.compiled, "store_path", lambda: path)
    monkeypatch.setattr(copylint.compiled, "_kept", None)
    monkeypatch.setattr(copylint.compiled, "_new", {})
    monkeypatch.setattr(copylint.compiled, "_used", set())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write what this run compiled, as at its exit, and forget it, as a new process."""
    copylint.compiled._write()
    monkeypatch.setattr(copylint.compiled, "_kept", None)
    monkeypatch.setattr(copylint.compiled, "_new", {})
    monkeypatch.setattr(copylint.compiled, "_used", set())


def test_a_pattern_is_compiled_as_regex_compiles_it(store: Path) -> None:
    pattern = compiled(DATE, regex.I)
    assert (pattern.pattern, pattern.flags) == (DATE, regex.compile(DATE, regex.I).flags)
    assert pattern.search("On 2025-01 it")["month"] == "01"


def test_a_pattern_compiled_once_is_read_back_in_the_next_run(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled(DATE)
    _next_run(monkeypatch)
    assert store.is_file()
    assert compiled(DATE).search("2025-01")["year"] == "2025"
    assert copylint.compiled._new == {}
    _next_run(monkeypatch)
    assert compiled(DATE).pattern == DATE


def test_a_damaged_store_costs_only_time(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.parent.mkdir()
    store.write_bytes(b"not a pickle")
    assert compiled(DATE).search("2025-01")
    _next_run(monkeypatch)
    assert pickle.loads(store.read_bytes()).keys() == {(DATE, 0)}


def test_nothing_is_written_where_python_writes_no_bytecode(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled(DATE)
    _next_run(monkeypatch)
    assert not store.exists()


def test_a_store_grown_too_big_keeps_what_the_run_used(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copylint.compiled, "MOST_KEPT", 3)
    for number in range(4):
        compiled(f"old{number}")
    _next_run(monkeypatch)
    compiled("old1")
    compiled("new")
    _next_run(monkeypatch)
    assert pickle.loads(store.read_bytes()).keys() == {("old1", 0), ("new", 0)}


def test_every_module_makes_the_same_patterns_in_every_process() -> None:
    """A pattern built from a set's order would differ with each hash seed: never read
    back, and one more in the store each run."""
    script = (
        "import pkgutil, importlib, copylint, copylint.compiled as c\n"
        "for m in pkgutil.walk_packages(copylint.__path__, 'copylint.'):\n"
        "    if m.name not in ('copylint.__main__', 'copylint.lsp', 'copylint.serve'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(map(repr, c._used)))\n"
    )

    def patterns(seed: str) -> str:
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=environment
        )
        assert run.returncode == 0, run.stderr
        return run.stdout

    first = patterns("1")
    assert first.count("(") > 50
    assert patterns("2") == patterns("3") == first
