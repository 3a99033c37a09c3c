"""Kept results: each draft's outcome, kept for the next run while nothing it is made of changes.

A run over a folder lints every draft again, though most are as the last run found
them: the ``copylint-repo`` hook lints the whole repository on every commit. So a run
keeps each draft's outcome (its diagnostics, the units the cross-file rules compare,
its directives) in SQLite in the cache folder (``results.sqlite``), under a digest of
everything the outcome is made of (``copylint.outcome_keys``).

The next run reads each draft and lints only those whose key it does not find; the
cross-file rules then compare all of them, as before. An outcome in which a rule ran
out of its time budget is not kept, nor is a draft that is not a file (standard input,
an editor's text). One outcome is kept per draft name, the last; one that no run used
for ``UNUSED_DAYS`` is dropped. A run of few drafts neither reads nor keeps outcomes
(``runner.MIN_DRAFTS_KEPT``): a commit's drafts are new. A store that cannot be opened
or written is as none; a damaged one is made anew.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import io
import pickle
import sqlite3
from collections.abc import Sequence
from typing import Any, TypeVar

from copylint.archive_words import select_in
from copylint.linter import RuleSet, RunContext
from copylint.outcome_keys import Keyed, OutcomeKeys

STORE_NAME = "results.sqlite"
UNUSED_DAYS = 30
"""An outcome no run has used for this many days is dropped (its draft was deleted or
renamed, most likely)."""
_LAYOUT = 1
"""The store's layout (SQLite's ``user_version``); a store of another is made anew."""
_TABLE = """
CREATE TABLE results (
    path TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    outcome BLOB NOT NULL,
    used INTEGER NOT NULL
)
"""
T = TypeVar("T")


class KeptResults:
    """The outcomes kept in the SQLite file of a run's cache folder, keyed for its rules."""

    def __init__(self, connection: sqlite3.Connection, rules: RuleSet, run: RunContext) -> None:
        self.connection = connection
        self.keys = OutcomeKeys(rules, run)
        self.today = datetime.date.today().toordinal()
        self._used_earlier: list[str] = []

    @classmethod
    def open(cls, rules: RuleSet, run: RunContext) -> KeptResults | None:
        """Open (or make) the store in the run's cache folder; None when there is none."""
        connection = run.cache.database(STORE_NAME, _lay_out)
        return None if connection is None else cls(connection, rules, run)

    def close(self) -> None:
        self.connection.close()

    def found(self, keys: Sequence[Keyed | None], kind: type[T]) -> list[T | None]:
        """Return the outcome kept for each keyed draft (None: none, or for another key)."""
        wanted = {keyed.path: keyed.key for keyed in keys if keyed is not None}
        query = "SELECT path, key, outcome, used FROM results WHERE path IN ({})"
        kept: dict[str, T] = {}
        try:
            for path, key, blob, used in select_in(self.connection, query, (), list(wanted)):
                outcome = _loads(blob) if wanted[path] == key else None
                if isinstance(outcome, kind):
                    kept[path] = outcome
                    if used < self.today:
                        self._used_earlier.append(path)
        except sqlite3.Error:
            return [None] * len(keys)
        return [kept.get(keyed.path) if keyed is not None else None for keyed in keys]

    def keep(self, outcomes: Sequence[tuple[Keyed, object]]) -> None:
        """Keep the outcome of each keyed draft, in place of its path's last outcome;
        note the outcomes ``found`` used as used today, and drop those unused for long."""
        if not outcomes and not self._used_earlier:
            return
        rows = ((keyed.path, keyed.key, _dumps(outcome), self.today) for keyed, outcome in outcomes)
        used = ((self.today, path) for path in self._used_earlier)
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
            self.connection.executemany("UPDATE results SET used = ? WHERE path = ?", used)
            unused = self.today - UNUSED_DAYS
            self.connection.execute("DELETE FROM results WHERE used < ?", (unused,))
            self.connection.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")


def _lay_out(connection: sqlite3.Connection) -> None:
    """Make the table, unless the store has it in this layout."""
    if connection.execute("PRAGMA user_version").fetchone()[0] == _LAYOUT:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] != _LAYOUT:
            connection.execute("DROP TABLE IF EXISTS results")
            connection.execute(_TABLE)
            connection.execute(f"PRAGMA user_version = {_LAYOUT}")
        connection.execute("COMMIT")
    except sqlite3.Error:
        connection.execute("ROLLBACK")
        raise


class _Pickler(pickle.Pickler):
    """Pickles a frozen dataclass with slots as a call of its class with its fields'
    values. By default it is read back through ``dataclasses``' ``__setstate__``, which
    lists the class's fields for each object: reading a run's outcomes took twice as
    long."""

    def reducer_override(self, obj: object) -> Any:
        names = _field_names(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass with slots whose ``__init__`` takes every one of them
    (calling it with their values makes the same object), by name; None for any other
    class."""
    if cls not in _FIELD_NAMES:
        fields = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else ()
        whole = bool(fields) and "__slots__" in vars(cls) and all(f.init for f in fields)
        _FIELD_NAMES[cls] = tuple(field.name for field in fields) if whole else None
    return _FIELD_NAMES[cls]


def _dumps(value: object) -> bytes:
    kept = io.BytesIO()
    _Pickler(kept, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return kept.getvalue()


def _loads(blob: bytes) -> object:
    try:
        return pickle.loads(blob)
    except Exception:  # a damaged row, whatever the damage: lint the draft again
        return None
