"""copylint's own compiled code (patterns, dataclass methods): compiled once, kept beside
its bytecode, read back."""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import regex

import copylint.compiled
from copylint.compiled import compiled

DATE = r"(?P<year>\d{4})-(?P<month>\d\d)"
PRICE = """
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Price:
    amount: int
    currency: str = "GBP"
    notes: tuple[str, ...] = field(default=())
"""


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of this test's own, read afresh, with nothing compiled yet."""
    tag = copylint.compiled.python_tag()
    path = tmp_path / "__pycache__" / f"compiled.{tag}.regex-2.copylint-0.0.2.pickle"
    monkeypatch.setattr(copylint.compiled, "store_path", lambda: path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _forget(monkeypatch)
    return path


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what was read and compiled, as a new process has."""
    monkeypatch.setattr(copylint.compiled, "_kept", None)
    monkeypatch.setattr(copylint.compiled, "_new", {})
    monkeypatch.setattr(copylint.compiled, "_used", set())


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write what this run compiled, as at its exit, and forget it, as a new process."""
    copylint.compiled._write()
    _forget(monkeypatch)


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


def test_a_new_version_drops_this_pythons_older_file_and_no_other_pythons(store: Path) -> None:
    folder = store.parent
    folder.mkdir()
    tag = copylint.compiled.python_tag()
    older = folder / f"compiled.{tag}.regex-1.copylint-0.0.1.pickle"
    another_python = folder / "compiled.cpython-399-00000000.regex-1.copylint-0.0.1.pickle"
    for path in (older, another_python):
        path.write_bytes(pickle.dumps({}))
    compiled(DATE)
    copylint.compiled._write()
    assert sorted(folder.iterdir()) == sorted([store, another_python])


def _price_class(module_name: str, monkeypatch: pytest.MonkeyPatch) -> type:
    """``Price`` made in a module of this name, as an import would make it."""
    module = ModuleType(module_name)
    monkeypatch.setitem(sys.modules, module_name, module)
    exec(PRICE, module.__dict__)
    price: type = module.Price
    return price


def _kept_methods() -> list[str]:
    return [key for key in copylint.compiled._new if isinstance(key, str)]


def test_a_copylint_dataclass_is_made_from_kept_methods_as_from_compiled_ones(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = _price_class("newsroom_tools", monkeypatch)
    assert _kept_methods() == []
    made = _price_class("copylint.prices", monkeypatch)
    kept_sources = "".join(_kept_methods())  # one per method, or (Python 3.13) per class
    for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert f"def {method}(" in kept_sources
    _next_run(monkeypatch)
    kept = _price_class("copylint.prices", monkeypatch)
    assert copylint.compiled._new == {}
    for price in (made, kept):
        assert repr(price(3)) == repr(elsewhere(3)) == "Price(amount=3, currency='GBP', notes=())"
        assert price(3) == price(3, "GBP") != price(4)
        assert hash(price(3)) == hash(price(3, "GBP"))
        with pytest.raises(dataclasses.FrozenInstanceError):
            price(3).amount = 4
        # compiled without this module's ``from __future__``, as dataclasses compiles
        assert price.__init__.__annotations__ == elsewhere.__init__.__annotations__
        assert price.__init__.__annotations__["return"] is None


def test_a_damaged_method_in_the_store_is_compiled_again(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _price_class("copylint.prices", monkeypatch)
    sources = _kept_methods()
    store.parent.mkdir()
    store.write_bytes(pickle.dumps(dict.fromkeys(sources, b"not marshalled code")))
    _forget(monkeypatch)
    price = _price_class("copylint.prices", monkeypatch)
    assert repr(price(3)) == "Price(amount=3, currency='GBP', notes=())"
    assert price(3) == price(3, "GBP")


def test_every_module_makes_the_same_code_in_every_process() -> None:
    """A pattern (or a method) built from a set's order would differ with each hash seed:
    never read back, and one more in the store each run."""
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
