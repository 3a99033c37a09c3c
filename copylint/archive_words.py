"""The archive index's word tables: which archive units may repeat a given text.

The same prefix filtering as ``copylint.repeats`` (read its docstring), kept in SQLite
so that a run looks up only the words of its own drafts. For each cross-file rule (by
its digest) the index keeps:

- ``postings``: for each word, the units that hold it;
- ``probes``: for each word, the units that probe with it (a unit's ``reach + 1 +
  EXTRA_PROBES`` rarest words), each with how many of its probes a copy must hold;
- ``keys``: each unit's key (``fingerprints.Fingerprint``), to tell a candidate from a copy;
- ``rarity``: how many units held each word when the rule's tables were first made.
  Rarity only orders words, and prefix filtering needs one order for every text, so
  it is never updated: a word it does not know counts as held by none.

A text and an archive unit that are copies within the rule's tolerance share enough of
the shorter one's probes, so the unit is found from the text's probes (``postings``)
or from the text's words (``probes``): no copy is missed. A unit is named by its
story's id and its place among the story's units for the rule.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from copylint.fingerprints import Fingerprint
from copylint.repeats import EXTRA_PROBES, Tolerance, similarity_of

PLACE_BITS = 20
"""A unit's id is its story's id shifted by this, plus its place among the story's units."""
NEEDED_BITS = 8
_CHUNK = 500
SCHEMA = """
CREATE TABLE IF NOT EXISTS postings (
    digest TEXT, word TEXT, ids BLOB NOT NULL, PRIMARY KEY (digest, word)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS probes (
    digest TEXT, word TEXT, ids BLOB NOT NULL, PRIMARY KEY (digest, word)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS keys (
    digest TEXT, unit INTEGER, codes TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (digest, unit)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rarity (
    digest TEXT, word TEXT, units INTEGER NOT NULL, PRIMARY KEY (digest, word)
) WITHOUT ROWID;
"""


def unit_id(story: int, place: int) -> int:
    """Name the unit at ``place`` among the units of the story ``story``."""
    return story << PLACE_BITS | place


def story_of(unit: int) -> int:
    """Return the story id of a unit id."""
    return unit >> PLACE_BITS


@dataclass(frozen=True, slots=True)
class Changes:
    """Entries to add to and drop from one of a rule's word tables, by word."""

    added: dict[str, list[int]]
    dropped: dict[str, list[int]]


class WordTables:
    """One rule's word tables in an open index."""

    def __init__(self, connection: sqlite3.Connection, digest: str, tolerance: Tolerance) -> None:
        self.connection = connection
        self.digest = digest
        self.tolerance = tolerance
        self._rarity: dict[str, int] = {}
        self._looked_up: set[str] = set()
        self._rarity_complete = False
        self._added: list[tuple[int, Fingerprint]] = []
        self._dropped: list[tuple[int, Fingerprint]] = []

    def stage(
        self, added: Iterable[tuple[int, Fingerprint]], dropped: Iterable[tuple[int, Fingerprint]]
    ) -> None:
        """Note units (id, key) to add to the tables and to drop from them, for ``flush``."""
        self._added.extend(added)
        self._dropped.extend(dropped)

    def flush(self) -> None:
        """Write the noted changes, inside the caller's transaction.

        When the rule has no rarity yet, the units added now give it.
        """
        if not self._has_rarity():
            counts = Counter(chain.from_iterable(set(key.codes) for _id, key in self._added))
            self.connection.executemany(
                "INSERT OR REPLACE INTO rarity VALUES (?, ?, ?)",
                ((self.digest, word, count) for word, count in counts.items()),
            )
            self._rarity, self._rarity_complete = dict(counts), True
        added, dropped = self._entries(self._added), self._entries(self._dropped)
        self._apply("postings", Changes(added[0], dropped[0]))
        self._apply("probes", Changes(added[1], dropped[1]))
        self.connection.executemany(
            "DELETE FROM keys WHERE digest = ? AND unit = ?",
            ((self.digest, unit) for unit, _key in self._dropped),
        )
        self.connection.executemany(
            "INSERT OR REPLACE INTO keys VALUES (?, ?, ?, ?)",
            ((self.digest, unit, key.codes, key.source) for unit, key in self._added),
        )
        self._added, self._dropped = [], []

    def copies(self, keys: Sequence[Fingerprint]) -> dict[int, Fingerprint]:
        """Return the archive units (id and key) that repeat one of ``keys`` or are
        repeated by it, within the rule's tolerance."""
        candidates = self._candidates(keys)
        known = self._keys(set().union(*candidates))
        return {
            unit: known[unit]
            for key, found in zip(keys, candidates, strict=True)
            for unit in found
            if unit in known and similarity_of(key, known[unit], self.tolerance) is not None
        }

    def _candidates(self, keys: Sequence[Fingerprint]) -> list[set[int]]:
        """Return, for each of ``keys``, the archive units that may be its copies."""
        ranks = self._ranks(keys)
        asked = [self._probes(key, ranks) for key in keys]
        postings = self._lists("postings", {word for _needed, own in asked for word in own})
        probes = self._lists("probes", {word for key in keys for word in set(key.codes)})
        mask = (1 << NEEDED_BITS) - 1
        found = []
        for key, (needed, own) in zip(keys, asked, strict=True):
            hits = Counter(unit for word in own for unit in postings.get(word, ()))
            probed = Counter(entry for word in set(key.codes) for entry in probes.get(word, ()))
            found.append(
                {unit for unit, shared in hits.items() if shared >= needed}
                | {
                    entry >> NEEDED_BITS
                    for entry, shared in probed.items()
                    if shared >= entry & mask
                }
            )
        return found

    def _keys(self, units: set[int]) -> dict[int, Fingerprint]:
        query = "SELECT unit, codes, source FROM keys WHERE digest = ? AND unit IN ({})"
        rows = select_in(self.connection, query, (self.digest,), sorted(units))
        return {unit: Fingerprint(codes, source) for unit, codes, source in rows}

    def _probes(
        self, key: Fingerprint, ranks: dict[str, int], distinct: set[str] | None = None
    ) -> tuple[int, list[str]]:
        """Return how many of its probes a copy of ``key`` holds, and the probes: its
        rarest words (``distinct``, when the caller has them), by ``ranks``."""
        reach = self.tolerance.reach(len(key))
        own = sorted(set(key.codes) if distinct is None else distinct, key=ranks.__getitem__)
        probes = own[: reach + 1 + EXTRA_PROBES]
        return max(1, len(probes) - reach), probes

    def _ranks(self, keys: Iterable[Fingerprint]) -> dict[str, int]:
        """Rank the words of ``keys`` rarest first (a word of no known rarity is held by
        none), ties in the words' order: one order for every text, sorted once."""
        words = {word for key in keys for word in key.codes}
        self._look_up_rarity(words)
        rarity = self._rarity
        ordered = sorted(words, key=lambda word: (rarity.get(word, 0), word))
        return {word: rank for rank, word in enumerate(ordered)}

    def _has_rarity(self) -> bool:
        query = "SELECT 1 FROM rarity WHERE digest = ? LIMIT 1"
        return self.connection.execute(query, (self.digest,)).fetchone() is not None

    def _look_up_rarity(self, words: Iterable[str]) -> None:
        """Read the rarity of ``words`` not read yet: only the words a run asks about,
        so that a commit reads no more of the table when the archive grows."""
        if self._rarity_complete:
            return
        new = set(words) - self._looked_up
        query = "SELECT word, units FROM rarity WHERE digest = ? AND word IN ({})"
        self._rarity.update(select_in(self.connection, query, (self.digest,), sorted(new)))
        self._looked_up |= new

    def _lists(self, table: str, words: set[str]) -> dict[str, array[int]]:
        """Return the ids kept in ``table`` for each of ``words``."""
        query = f"SELECT word, ids FROM {table} WHERE digest = ? AND word IN ({{}})"
        rows = select_in(self.connection, query, (self.digest,), sorted(words))
        return {word: _decoded(blob) for word, blob in rows}

    def _entries(
        self, units: Iterable[tuple[int, Fingerprint]]
    ) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Return the ``postings`` and the ``probes`` entries of ``units``, by word."""
        postings: dict[str, list[int]] = defaultdict(list)
        probes: dict[str, list[int]] = defaultdict(list)
        units = list(units)
        ranks = self._ranks(key for _unit, key in units)
        for unit, key in units:
            distinct = set(key.codes)
            for word in distinct:
                postings[word].append(unit)
            needed, own = self._probes(key, ranks, distinct)
            entry = unit << NEEDED_BITS | needed
            for word in own:
                probes[word].append(entry)
        return postings, probes

    def _apply(self, table: str, changes: Changes) -> None:
        words = set(changes.added) | set(changes.dropped)
        kept = self._lists(table, words)
        rows = []
        for word in words:
            ids = kept.get(word) or array("Q")
            if word in changes.dropped:
                gone = set(changes.dropped[word])
                ids = array("Q", (unit for unit in ids if unit not in gone))
            ids.extend(changes.added.get(word, ()))
            rows.append((self.digest, word, ids.tobytes()))
        self.connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows)


def select_in(
    connection: sqlite3.Connection, query: str, fixed: tuple[Any, ...], values: Sequence[Any]
) -> Iterator[Any]:
    """Run ``query``, whose ``{}`` is an ``IN`` list, for ``values`` a chunk at a time
    (SQLite limits the parameters of one statement), after the ``fixed`` parameters."""
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        yield from connection.execute(query.format(",".join("?" * len(chunk))), (*fixed, *chunk))


def _decoded(blob: bytes) -> array[int]:
    ids = array("Q")
    ids.frombytes(blob)
    return ids


def keys_with_ids(story: int, keys: Sequence[Fingerprint]) -> Iterator[tuple[int, Fingerprint]]:
    """Name each of a story's unit keys by its unit id."""
    for place, key in enumerate(keys):
        yield unit_id(story, place), key
