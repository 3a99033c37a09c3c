"""copylint's own regular expressions, compiled once per install, not once per run.

The ``regex`` module parses a pattern in Python: compiling the sixty-odd patterns that
copylint's modules make when imported took about 20 ms of every run, a tenth of the
time of linting one draft. A compiled pattern pickles as its compiled code, which
loads in microseconds. So, as Python keeps each module's bytecode, copylint keeps the
patterns its modules compiled in one file beside its own bytecode
(``__pycache__/patterns.<python>.regex-<version>.copylint-<version>.pickle``). The
file is read on the first pattern a run asks for, and written, whole or not at all,
when the run compiled a pattern the file did not have (a new version, an edited
module), and only where Python itself writes bytecode. A missing, damaged or
read-only file costs time, never a result: the pattern is compiled as before.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import pickle
import sys
from pathlib import Path

import regex

from copylint import __version__

MOST_KEPT = 1000
"""Past this many patterns in the file (the patterns of past versions of a module), a
run keeps only those it used."""

_Key = tuple[str, int]
_kept: dict[_Key, regex.Pattern[str]] | None = None
_new: dict[_Key, regex.Pattern[str]] = {}
_used: set[_Key] = set()


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return ``pattern`` compiled with ``flags``, as ``regex.compile`` would."""
    key = (pattern, flags)
    _used.add(key)
    kept = _kept if _kept is not None else _read()
    found = kept.get(key) or _new.get(key)
    if found is None:
        found = _new[key] = regex.compile(pattern, flags)
        if len(_new) == 1:
            atexit.register(_write)
    return found


def store_path() -> Path:
    """Where the compiled patterns are kept: beside this module's bytecode."""
    bytecode = Path(importlib.util.cache_from_source(__file__))
    tag = sys.implementation.cache_tag
    return bytecode.with_name(
        f"patterns.{tag}.regex-{regex.__version__}.copylint-{__version__}.pickle"
    )


def _read() -> dict[_Key, regex.Pattern[str]]:
    global _kept
    try:
        with store_path().open("rb") as stored:
            loaded = pickle.load(stored)
        _kept = loaded if isinstance(loaded, dict) else {}
    except Exception:  # missing or damaged, whatever the damage: compile again
        _kept = {}
    return _kept


def _write() -> None:
    """Keep the patterns read and compiled in this run; drop files of other versions."""
    if sys.dont_write_bytecode or not _new:
        return
    import tempfile  # writing is rarer than reading

    path = store_path()
    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
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
        for older in path.parent.glob("patterns.*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
