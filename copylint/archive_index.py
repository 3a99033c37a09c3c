"""The archive index: each archive story's cross-file units, kept between runs.

The stories named by the config's ``archive:`` globs are only compared with the drafts
being linted, never reported on, so all a run needs of them is what the cross-file
rules compare: their paragraphs and headlines as units (``crossfile.Units``). The index
keeps those units in SQLite, in the cache folder (``archive.sqlite``): for each story,
its size, modification time and change time, and its units under a digest of each
cross-file rule as built (its options) and of copylint's code. A story is read and
parsed again only when its file changed or a rule running now has no units kept for
it (a rule whose options changed is a new rule); a story gone from the archive is
dropped. Two runs may use the index at once: SQLite
locks it, and each run writes what it read in one transaction. An index that cannot
be opened or written (a read-only checkout, a damaged file) is left aside, and the run
reads the archive as if there were no index; a damaged index is made anew next time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import os
import pickle
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from copylint.cache import Cache, code_stamp
from copylint.checks.base import CrossFileCheck
from copylint.crossfile import PlacedUnit, Units
from copylint.files import Draft
from copylint.linter import RuleSet

INDEX_NAME = "archive.sqlite"
SCHEMA_VERSION = 1
"""The layout of the index; an index of another layout is emptied and made anew."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    path TEXT PRIMARY KEY,
    units BLOB NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Refresh:
    """What a run did with the index: stories found unchanged, read, and dropped."""

    unchanged: int = 0
    read: int = 0
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class Kept:
    """A story as the index has it: its units if they are still its units, and its
    stamp as it was before the story was read (None when it cannot be told)."""

    units: Units | None
    stamp: str | None


@dataclass(frozen=True, slots=True)
class _Row:
    """A story's row: its stamp, its date, and its units under each rule's digest."""

    stamp: str
    date: datetime.date | None
    by_digest: dict[str, list[PlacedUnit]]


class ArchiveIndex:
    """The archive's units in the SQLite file ``path``, for the cross-file rules of ``rules``."""

    def __init__(self, connection: sqlite3.Connection, path: Path, rules: RuleSet) -> None:
        self.connection = connection
        self.path = path
        stamp = code_stamp()
        self.digests = {
            rule.name: _digest(stamp, rule.name, check) for rule, check in rules.cross_file
        }
        self.rows: dict[str, _Row] = {}

    @classmethod
    def open(cls, cache: Cache, rules: RuleSet) -> ArchiveIndex | None:
        """Open (or make) the index in ``cache``; None when there is none to be had."""
        if cache.folder is None or not rules.cross_file:
            return None
        path = cache.folder / INDEX_NAME
        for _attempt in range(2):
            try:
                cache.make_folder()
                connection = sqlite3.connect(path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                _lay_out(connection)
                return cls(connection, path, rules)
            except sqlite3.DatabaseError:  # not an index (damaged): make it anew
                with contextlib.suppress(OSError):
                    path.unlink()
            except (sqlite3.Error, OSError):
                return None
        return None

    def lookup(self, stories: Sequence[Draft]) -> list[Kept]:
        """Return what the index keeps of each story."""
        try:
            self.rows = {
                path: row
                for path, blob in self.connection.execute("SELECT path, units FROM stories")
                if (row := _loads(blob)) is not None
            }
        except sqlite3.Error:
            self.rows = {}
        return [self._kept(story) for story in stories]

    def _kept(self, story: Draft) -> Kept:
        stamp = _stamp(story)
        row = self.rows.get(_key(story))
        if (
            row is None
            or row.stamp != stamp
            or not row.by_digest.keys() >= set(self.digests.values())
        ):
            return Kept(None, stamp)
        by_rule = {name: row.by_digest[digest] for name, digest in self.digests.items()}
        return Kept(_placed(Units(by_rule, row.date, reported=False), story), stamp)

    def keep(self, read: Sequence[tuple[Draft, str, Units]], stories: Sequence[Draft]) -> int:
        """Keep the units of the stories just ``read``, each under its stamp (with the
        units kept for other rules, when its file is the same), and drop the stories
        that are no longer files; return how many were dropped."""
        rows = []
        for story, stamp, units in read:
            if units.stopped:
                continue
            key = _key(story)
            earlier = self.rows.get(key)
            by_digest = dict(earlier.by_digest) if earlier and earlier.stamp == stamp else {}
            by_digest.update({self.digests[name]: placed for name, placed in units.by_rule.items()})
            row = _Row(stamp, units.date, by_digest)
            rows.append((key, pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)))
        present = {_key(story) for story in stories}
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?)", rows)
            gone = [
                (path,)
                for (path,) in self.connection.execute("SELECT path FROM stories")
                if path not in present and not os.path.isfile(path)
            ]
            self.connection.executemany("DELETE FROM stories WHERE path = ?", gone)
            self.connection.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            return 0
        return len(gone)

    def close(self) -> None:
        """Close the connection to the index."""
        self.connection.close()


def _lay_out(connection: sqlite3.Connection) -> None:
    """Give the index this copylint's layout, emptying one of another."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version != SCHEMA_VERSION:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DROP TABLE IF EXISTS stories")
        connection.execute(_SCHEMA)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")


def _key(story: Draft) -> str:
    assert story.path is not None, "an archive story is a file"
    return os.path.abspath(story.path)


def _stamp(story: Draft) -> str | None:
    """What must be the same for a story's kept units to be its units now."""
    try:
        info = os.stat(_key(story))
    except OSError:
        return None
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{story.format.value}"


def _digest(code: str, name: str, check: CrossFileCheck) -> str:
    """Digest a cross-file rule as built (its options) and copylint's code."""
    return hashlib.sha256(f"{code}\0{name}\0{check!r}".encode()).hexdigest()[:32]


def _placed(units: Units, story: Draft) -> Units:
    """The kept units of a story, named as this run names the story."""
    placed = [unit for units_of_rule in units.by_rule.values() for unit in units_of_rule[:1]]
    if all(unit.path == story.display_path for unit in placed):
        return units
    by_rule = {
        name: [dataclasses.replace(unit, path=story.display_path) for unit in placed]
        for name, placed in units.by_rule.items()
    }
    return dataclasses.replace(units, by_rule=by_rule)


def _loads(blob: bytes) -> _Row | None:
    try:
        row = pickle.loads(blob)
    except Exception:  # a damaged row, whatever the damage: read the story again
        return None
    return row if isinstance(row, _Row) else None
