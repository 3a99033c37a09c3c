"""The archive index: each archive story's cross-file units, kept between runs.

The stories named by the config's ``archive:`` globs are only compared with the drafts
being linted, never reported on, so all a run needs of them is what the cross-file
rules compare: their paragraphs and headlines as units (``crossfile.Units``). The index
keeps those units in SQLite, in the cache folder (``archive.sqlite``): for each story,
its size, modification time and change time, and its units under a digest of each
cross-file rule as built (its options) and of copylint's code; and for each rule, word
tables (``copylint.archive_words``) that tell which archive units may repeat a text.

A story is read and parsed again only when its file changed or a rule running now has
no units kept for it (a rule whose options changed is a new rule); a story gone from
the archive is dropped. A run then loads only the stories related to its drafts: those
with a unit that may repeat a draft's, then those with a unit that may repeat one of
theirs, and so on until no new story comes (so standing copy, found in many stories,
is counted whole). Compared among themselves and with the drafts, they give exactly
the findings that comparing the whole archive gives (tested).

Two runs may use the index at once: SQLite locks it, and each run writes what it read
in one transaction. An index that cannot be opened or written (a read-only checkout, a
damaged file) is left aside, and the run reads the archive as if there were no index;
a damaged index is made anew next time.
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

from copylint.archive_layout import Synced, lay_out, read_synced, write_synced
from copylint.archive_words import WordTables, keys_with_ids, select_in, story_of
from copylint.cache import Cache, code_stamp
from copylint.checks.base import CrossFileCheck
from copylint.crossfile import PlacedUnit, Units
from copylint.files import Draft
from copylint.linter import RuleSet

INDEX_NAME = "archive.sqlite"


@dataclass(frozen=True, slots=True)
class Kept:
    """A story as the index has it: whether its kept units are still its units, and its
    stamp as it was before the story was read (None when it cannot be told)."""

    current: bool
    stamp: str | None


@dataclass(frozen=True, slots=True)
class _Row:
    """A story's units: its date, and its units under each rule's digest."""

    date: datetime.date | None
    by_digest: dict[str, list[PlacedUnit]]


class ArchiveIndex:
    """The archive's units in the SQLite file ``path``, for the cross-file rules of ``rules``."""

    def __init__(self, connection: sqlite3.Connection, path: Path, rules: RuleSet) -> None:
        self.connection = connection
        self.path = path
        code = code_stamp()
        self.digests = {
            rule.name: _digest(code, rule.name, check) for rule, check in rules.cross_file
        }
        self.words = {
            rule.name: WordTables(connection, self.digests[rule.name], check.tolerance)
            for rule, check in rules.cross_file
        }
        self.ids: dict[str, tuple[int, str, str]] = {}

    @classmethod
    def open(cls, cache: Cache, rules: RuleSet) -> ArchiveIndex | None:
        """Open (or make) the index in ``cache``; None when there is none to be had."""
        if cache.folder is None or not rules.cross_file:
            return None
        connection = cache.database(INDEX_NAME, lambda opened: lay_out(opened, code_stamp()))
        return None if connection is None else cls(connection, cache.folder / INDEX_NAME, rules)

    def lookup(self, stories: Sequence[Draft]) -> list[Kept]:
        """Tell of each story whether the index keeps its units as they are now."""
        query = "SELECT path, id, stamp, digests FROM stories WHERE path IN ({})"
        paths = [story_path(story) for story in stories]
        try:
            rows = select_in(self.connection, query, (), paths)
            self.ids = {path: (story, stamp, digests) for path, story, stamp, digests in rows}
        except sqlite3.Error:
            self.ids = {}
        wanted = set(self.digests.values())
        complete = {digests: wanted <= set(digests.split()) for _, _, digests in self.ids.values()}
        found = []
        for story, path in zip(stories, paths, strict=True):
            stamp = _stamp(story)
            row = self.ids.get(path)
            current = row is not None and row[1] == stamp and complete[row[2]]
            found.append(Kept(current, stamp))
        return found

    def keep(
        self,
        read: Sequence[tuple[Draft, str, Units]],
        stories: Sequence[Draft],
        may_be_gone: Sequence[str] | None,
        synced: tuple[Synced | None, Synced | None],
    ) -> int:
        """Keep the units of the stories just ``read`` (whole: no rule stopped by its
        time budget), each under its stamp (with the units kept for other rules, when
        its file is the same), and drop the stories that are no longer files, among
        ``may_be_gone`` (absolute paths; None: among all); return how many were dropped.

        ``synced`` is what ``synced()`` told before the run and what holds after it; the
        second is recorded unless another run recorded something meanwhile (then
        nothing is: the next run walks the archive).
        """
        present = {story_path(story) for story in stories}
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            gone = [path for path in self._paths(may_be_gone) if path not in present]
            for path in gone:
                self._drop(path)
            for story, stamp, units in read:
                self._write(story_path(story), stamp, units)
            for words in self.words.values():
                words.flush()
            before, after = synced
            write_synced(self.connection, after if self.synced() == before else None)
            self.connection.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            return 0
        if read:
            self._give_back_free_pages()
        return len(gone)

    def synced(self) -> Synced | None:
        """Return when the index last held every story as its file was (None: unknown)."""
        try:
            return read_synced(self.connection)
        except sqlite3.Error:
            return None

    def rules_digest(self) -> str:
        """The digests of the cross-file rules running now, as ``Synced.rules`` has them."""
        return " ".join(sorted(self.digests.values()))

    def _give_back_free_pages(self) -> None:
        """Return the file's free pages to the disk once they are half of it (stories
        read again, after an upgrade of copylint, free their old pages)."""
        with contextlib.suppress(sqlite3.Error):
            (free,) = self.connection.execute("PRAGMA freelist_count").fetchone()
            (pages,) = self.connection.execute("PRAGMA page_count").fetchone()
            if free * 2 > pages:
                self.connection.execute("PRAGMA incremental_vacuum").fetchall()

    def related(self, drafts: Sequence[Units]) -> set[str] | None:
        """Return the paths of the stories related to the drafts' units (see above),
        or None when the index cannot tell (then every story is)."""
        try:
            return self._related(drafts)
        except sqlite3.Error:
            return None

    def load(self, stories: Sequence[Draft]) -> list[Units | None]:
        """Return the kept units of each story, named as this run names it."""
        keys = [story_path(story) for story in stories]
        try:
            rows = dict(self._rows(keys))
        except sqlite3.Error:
            rows = {}
        found: list[Units | None] = []
        for story, key in zip(stories, keys, strict=True):
            row = rows.get(key)
            if row is None or not set(self.digests.values()) <= row.by_digest.keys():
                found.append(None)
                continue
            by_rule = {name: row.by_digest[digest] for name, digest in self.digests.items()}
            found.append(_placed(Units(by_rule, row.date, reported=False), story))
        return found

    def close(self) -> None:
        """Close the connection to the index."""
        self.connection.close()

    def _related(self, drafts: Sequence[Units]) -> set[str]:
        related: set[int] = set()
        for name, words in self.words.items():
            asked = [unit.key for units in drafts for unit in units.by_rule.get(name, [])]
            seen: set[int] = set()
            while asked:
                found = {unit: key for unit, key in words.copies(asked).items() if unit not in seen}
                seen |= found.keys()
                asked = list(found.values())
            related |= {story_of(unit) for unit in seen}
        query = "SELECT path FROM stories WHERE id IN ({})"
        return {path for (path,) in select_in(self.connection, query, (), sorted(related))}

    def _paths(self, among: Sequence[str] | None) -> list[str]:
        """The paths of the stories kept, among ``among`` (None: all), that are no
        longer files."""
        if among is None:
            rows = self.connection.execute("SELECT path FROM stories").fetchall()
        else:
            query = "SELECT path FROM stories WHERE path IN ({})"
            rows = list(select_in(self.connection, query, (), among))
        return [path for (path,) in rows if not os.path.isfile(path)]

    def _rows(self, paths: Sequence[str]) -> list[tuple[str, _Row]]:
        query = "SELECT path, units FROM stories WHERE path IN ({})"
        rows = ((path, _loads(blob)) for path, blob in select_in(self.connection, query, (), paths))
        return [(path, row) for path, row in rows if row is not None]

    def _drop(self, path: str) -> None:
        """Drop a story and its units from the word tables."""
        old = self.connection.execute("SELECT id, units FROM stories WHERE path = ?", (path,))
        for story, blob in old.fetchall():
            row = _loads(blob)
            for name, words in self.words.items():
                placed = row.by_digest.get(self.digests[name], []) if row else []
                words.stage([], keys_with_ids(story, [unit.key for unit in placed]))
        self.connection.execute("DELETE FROM stories WHERE path = ?", (path,))

    def _write(self, key: str, stamp: str, units: Units) -> None:
        """Write a story's row, and its units into the word tables in place of its old ones."""
        old = self.connection.execute(
            "SELECT id, stamp, units FROM stories WHERE path = ?", (key,)
        ).fetchone()
        earlier = _loads(old[2]) if old is not None else None
        by_digest = dict(earlier.by_digest) if earlier and old[1] == stamp else {}
        fresh = {self.digests[name]: placed for name, placed in units.by_rule.items()}
        row = _Row(units.date, {**by_digest, **fresh})
        blob = pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)
        digests = " ".join(sorted(row.by_digest))
        if old is None:
            cursor = self.connection.execute(
                "INSERT INTO stories (path, stamp, digests, units) VALUES (?, ?, ?, ?)",
                (key, stamp, digests, blob),
            )
            story = cursor.lastrowid
            assert story is not None
        else:
            story = old[0]
            self.connection.execute(
                "UPDATE stories SET stamp = ?, digests = ?, units = ? WHERE id = ?",
                (stamp, digests, blob, story),
            )
        for name, words in self.words.items():
            digest = self.digests[name]
            before = earlier.by_digest.get(digest, []) if earlier else []
            after = row.by_digest.get(digest, [])
            words.stage(
                keys_with_ids(story, [unit.key for unit in after]),
                keys_with_ids(story, [unit.key for unit in before]),
            )


def story_path(story: Draft) -> str:
    """Name a story in the index: its absolute path (as the archive's walk found it)."""
    assert story.path is not None, "an archive story is a file"
    return story.path if story.path.startswith(os.sep) else os.path.abspath(story.path)


def _stamp(story: Draft) -> str | None:
    """What must be the same for a story's kept units to be its units now."""
    try:
        info = story.found or os.stat(story_path(story))
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
