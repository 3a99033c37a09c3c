"""Kept results: each draft's outcome, kept for the next run while nothing it is made of changes.

A run over a folder lints every draft again, though most are as the last run found
them: the ``copylint-repo`` hook lints the whole repository on every commit. So a run
keeps each draft's outcome (its diagnostics, the units the cross-file rules compare,
its directives) in SQLite in the cache folder (``results.sqlite``), under a key that
digests everything the outcome is made of:

- the draft: its name, its format, how its markup is read, its bytes;
- each rule that runs on it as configured (name, level, scope, message, options), and
  every file in the folders its packs are loaded from (their word lists, knowledge
  bases and dictionaries among them) and in their styles folder's ``config/``;
- the run: its date, its extra knowledge bases (their content), the house spellings,
  the rule names that directives may name;
- copylint's code (``cache.code_stamp``), Python's version and its libraries' versions.

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
import enum
import hashlib
import io
import pickle
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import regex

from copylint.archive_words import select_in
from copylint.cache import code_stamp, content_digest
from copylint.documents.markup import Markup
from copylint.files import Draft
from copylint.linter import RuleSet, RunContext
from copylint.rules import Rule

STORE_NAME = "results.sqlite"
LIBRARIES = (
    "pyyaml",
    "regex",
    "markdown-it-py",
    "linkify-it-py",
    "rapidfuzz",
    "textstat",
    "pyphen",
    "pyahocorasick",
)
"""The libraries whose version may change an outcome: copylint's dependencies."""
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


@dataclass(frozen=True, slots=True)
class Keyed:
    """A draft's name, the digest its outcome is kept under, and the draft with the
    bytes digested (linted as they are, should its file change meanwhile)."""

    path: str
    key: str
    draft: Draft


class KeptResults:
    """The outcomes kept in the SQLite file of a run's cache folder, keyed for its rules."""

    def __init__(self, connection: sqlite3.Connection, rules: RuleSet, run: RunContext) -> None:
        self.connection = connection
        self.rules = rules
        self.run = run
        self.run_digest = _run_digest(rules, run)
        self._by_rules: dict[tuple[str, ...], str] = {}
        self._by_markup: dict[Markup, str] = {}
        self.today = datetime.date.today().toordinal()
        self._used_earlier: list[str] = []

    @classmethod
    def open(cls, rules: RuleSet, run: RunContext) -> KeptResults | None:
        """Open (or make) the store in the run's cache folder; None when there is none."""
        if run.cache.folder is None:
            return None
        path = run.cache.folder / STORE_NAME
        for _attempt in range(2):
            try:
                run.cache.make_folder()
                connection = sqlite3.connect(path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                _lay_out(connection)
                return cls(connection, rules, run)
            except sqlite3.DatabaseError:  # not a store (damaged): make it anew
                with contextlib.suppress(OSError):
                    path.unlink()
            except (sqlite3.Error, OSError):
                return None
        return None

    def close(self) -> None:
        self.connection.close()

    def key(self, draft: Draft) -> Keyed | None:
        """Read the draft and digest everything its outcome is made of; None for a draft
        whose outcome is not kept (not a reported file, or one that cannot be read)."""
        if not draft.reported or draft.data is not None:
            return None
        try:
            data = draft.read()
        except Exception:  # linting it reports why it cannot be read
            return None
        path = draft.display_path
        digest = hashlib.sha256(self.run_digest.encode())
        digest.update(self._rules_digest(self.run.rules_for(self.rules, path)).encode())
        digest.update(self._markup_digest(self.run.markup_for(path)).encode())
        digest.update(f"\0{path}\0{draft.format.value}\0".encode())
        digest.update(data)
        return Keyed(path, digest.hexdigest(), dataclasses.replace(draft, data=data))

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

    def _rules_digest(self, rules: RuleSet) -> str:
        """Digest the rules that run on a draft (a Vale project's sections vary them)."""
        running = rules.rules()
        names = tuple(rule.name for rule in running)
        if names not in self._by_rules:
            text = "\0".join(_stable(_as_configured(rule)) for rule in running)
            self._by_rules[names] = hashlib.sha256(text.encode()).hexdigest()
        return self._by_rules[names]

    def _markup_digest(self, markup: Markup) -> str:
        if markup not in self._by_markup:
            self._by_markup[markup] = _stable(markup)
        return self._by_markup[markup]


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


def _run_digest(rules: RuleSet, run: RunContext) -> str:
    """Digest what holds for every draft of the run."""
    digest = hashlib.sha256(code_stamp().encode())
    digest.update(f"\0{sys.version}\0".encode())
    for library in LIBRARIES:
        digest.update(f"{library} {_version(library)}\0".encode())
    settings = (run.as_of, run.house_spellings, sorted(run.rule_names), run.knowledge_bases)
    digest.update(_stable(settings).encode())
    for source in (*_rule_sources(rules.rules()), *run.knowledge_bases):
        with contextlib.suppress(OSError):
            digest.update(f"\0{source}\0".encode() + content_digest(source))
    return digest.hexdigest()


def _rule_sources(rules: Sequence[Rule]) -> list[Path]:
    """The files the rules may be built from: every file in the folders they are loaded
    from and in their styles folders' ``config/`` (where Vale keeps dictionaries,
    vocabularies, word lists), their styles folders' own files, and the files their
    options name (a knowledge base, a title grammar)."""
    packs = {rule.path.parent for rule in rules if rule.path.is_file()}
    found = {path for pack in packs for path in pack.rglob("*")}
    found |= {path for pack in packs for path in (pack.parent / "config").rglob("*")}
    found |= {path for pack in packs for path in pack.parent.iterdir()}
    found |= {path for rule in rules for path in _named_files(rule.options)}
    return sorted(path for path in found if path.is_file())


def _named_files(options: object) -> list[Path]:
    """The paths among the options' values (the rule loader takes them from the rule's
    folder)."""
    if not dataclasses.is_dataclass(options):
        return []
    values = [getattr(options, field.name) for field in dataclasses.fields(options)]
    flat = [item for value in values for item in (value if isinstance(value, tuple) else [value])]
    return [item for item in flat if isinstance(item, Path)]


def _as_configured(rule: Rule) -> object:
    """A rule as its files and the config make it (its check is built from that)."""
    built = rule.options if rule.options is not None else rule.check
    return (rule.name, rule.level, rule.scope, rule.message, rule.limit, rule.action, built)


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "none"


def _stable(value: object) -> str:
    """Write ``value`` the same way in every process: sets in order (``repr`` orders a
    set by its strings' hashes, which differ from run to run)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (f"{f.name}={_stable(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__qualname__}({', '.join(fields)})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(_stable, value))) + "}"
    if isinstance(value, Mapping):
        items = sorted(f"{_stable(key)}: {_stable(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(_stable, value)) + "]"
    if isinstance(value, regex.Pattern):
        return f"regex({value.pattern!r}, {value.flags})"
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    return repr(value)


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
