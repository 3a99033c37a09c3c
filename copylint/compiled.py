"""copylint's own compiled code, compiled once per install, not once per run.

Two kinds of code were compiled afresh on every run, and Python keeps neither:

- **Patterns.** The ``regex`` module parses a pattern in Python: compiling the sixty-odd
  patterns that copylint's modules make when imported took about 20 ms of every run. A
  compiled pattern pickles as its compiled program, which loads in microseconds.
- **Dataclass methods.** ``dataclasses`` writes each method of a dataclass (``__init__``,
  ``__repr__``, ``__eq__``, ``__hash__``, and a frozen class's ``__setattr__`` and
  ``__delattr__``) as Python source and compiles it: about 490 compilations for
  copylint's eighty-odd classes, a quarter of the instructions of linting one draft.
  copylint hands ``dataclasses`` an ``exec`` that, for a class of a copylint module,
  runs the code kept for the same source (``dataclasses`` itself is unchanged, and so
  is every other module's class). Python marshals compiled code, as in its bytecode
  files.

So, as Python keeps each module's bytecode, copylint keeps both in one file beside its
own bytecode (``__pycache__/compiled.<python>-<magic>.regex-<version>.copylint-<version>
.pickle``, where ``<magic>`` is the bytecode's version), each by what it is compiled
from: a pattern by its text and flags, a method by its source. The file is read on the
first thing a run asks for, and written, whole or not at all, when the run compiled
something the file did not have (a new version, an edited module), and only where
Python itself writes bytecode. A missing, damaged or read-only file costs time, never a
result: the code is compiled as before.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import pickle
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from types import CodeType
from typing import Any

import regex

from copylint import __version__

MOST_KEPT = 2000
"""Past this many patterns and methods in the file (those of past versions of a module),
a run keeps only those it used."""

_kept: dict[Hashable, Any] | None = None
"""What the file holds: a compiled pattern by its ``(pattern, flags)``, a method's
marshalled code by its source."""
_new: dict[Hashable, Any] = {}
_used: set[Hashable] = set()


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return ``pattern`` compiled with ``flags``, as ``regex.compile`` would."""
    found: regex.Pattern[str] = _found((pattern, flags), lambda: regex.compile(pattern, flags))
    return found


def keep_dataclass_methods() -> None:
    """Have ``dataclasses`` run the kept code of a copylint class's methods."""
    setattr(dataclasses, "exec", _exec_method)  # noqa: B010 (mypy: no such name in the stub)


def _exec_method(
    source: str, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None
) -> None:
    """``exec`` as ``dataclasses`` calls it to make a method, in the module ``globals``."""
    mine = str((globals or {}).get("__name__", "")).startswith("copylint.")
    exec(_kept_code(source) if mine else _compile(source), globals, locals)


def _kept_code(source: str) -> CodeType:
    """The code compiled from ``source``, kept or compiled now (and kept)."""
    try:
        code: CodeType = marshal.loads(_found(source, lambda: marshal.dumps(_compile(source))))
        return code
    except (EOFError, TypeError, ValueError):  # a damaged entry: compile it again
        return _compile(source)


def _compile(source: str) -> CodeType:
    """Compile ``source`` as ``exec`` does when ``dataclasses`` hands it a string: with
    no ``from __future__`` of this module (which would make annotations strings)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def _found(key: Hashable, compile_it: Callable[[], Any]) -> Any:
    """What was compiled from ``key``: kept, compiled earlier in this run, or now."""
    _used.add(key)
    kept = _kept if _kept is not None else _read()
    found = kept.get(key)
    if found is None:
        found = _new.get(key)
    if found is None:
        found = _new[key] = compile_it()
        if len(_new) == 1:
            atexit.register(_write)
    return found


def store_path() -> Path:
    """Where the compiled code is kept: beside this module's bytecode."""
    bytecode = Path(importlib.util.cache_from_source(__file__))
    return bytecode.with_name(
        f"compiled.{python_tag()}.regex-{regex.__version__}.copylint-{__version__}.pickle"
    )


def python_tag() -> str:
    """This Python and the version of its bytecode, which compiled code is only for."""
    return f"{sys.implementation.cache_tag}-{importlib.util.MAGIC_NUMBER.hex()}"


def _read() -> dict[Hashable, Any]:
    global _kept
    try:
        with store_path().open("rb") as stored:
            loaded = pickle.load(stored)
        _kept = loaded if isinstance(loaded, dict) else {}
    except Exception:  # missing or damaged, whatever the damage: compile again
        _kept = {}
    return _kept


def _write() -> None:
    """Keep what was read and compiled in this run; drop this Python's files of other
    versions (of copylint or ``regex``). Another Python's file is its own, as its
    bytecode is."""
    if sys.dont_write_bytecode or not _new:
        return
    import tempfile  # writing is rarer than reading

    path = store_path()
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".compiled-")
        try:
            kept = {**(_kept or {}), **_new}
            if len(kept) > MOST_KEPT:
                kept = {key: found for key, found in kept.items() if key in _used}
            with os.fdopen(handle, "wb") as out:
                pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # as Python's own bytecode files
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        for older in path.parent.glob(f"compiled.{python_tag()}.*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
