"""The archive index's layout (its tables), and its record of when it held every story.

``copylint.archive_index`` reads and writes the stories; this module makes the tables
and reads and writes the one row of ``synced`` (``archive_scan`` says what it is for).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from copylint.archive_words import SCHEMA as WORDS_SCHEMA

SCHEMA_VERSION = 6
"""The layout of the index; an index of another layout is emptied and made anew."""
_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    stamp TEXT NOT NULL,
    digests TEXT NOT NULL,
    units BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_stamps ON stories (path, id, stamp, digests);
CREATE TABLE IF NOT EXISTS made_by (code TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS synced (
    selection TEXT NOT NULL,
    rules TEXT NOT NULL,
    head TEXT NOT NULL,
    unlike_head TEXT NOT NULL,
    unknown TEXT NOT NULL
);
"""
    + WORDS_SCHEMA
)
_TABLES = ("stories", "postings", "probes", "keys", "rarity", "made_by", "synced")


@dataclass(frozen=True, slots=True)
class Synced:
    """When the index last held every story as its file was: what selected the stories
    (``Archive.selection``) and the cross-file rules then (their digests), the git
    commit checked out, and the files (relative to the config's folder) that git saw
    differ from it, or that it does not know (ignored ones) or cannot see change (links
    to a file). A file in neither set, and the same in that commit and the work tree
    now, has its units kept as they are."""

    selection: str
    rules: str
    head: str
    unlike_head: frozenset[str]
    unknown: frozenset[str]


def read_synced(connection: sqlite3.Connection) -> Synced | None:
    """Return the index's record of when it held every story, if it has one."""
    row = connection.execute("SELECT * FROM synced").fetchone()
    if row is None:
        return None
    selection, rules, head, unlike_head, unknown = row
    return Synced(selection, rules, head, _paths_of(unlike_head), _paths_of(unknown))


def write_synced(connection: sqlite3.Connection, synced: Synced | None) -> None:
    """Replace the index's record (None: the index cannot tell any more)."""
    connection.execute("DELETE FROM synced")
    if synced is not None:
        connection.execute(
            "INSERT INTO synced VALUES (?, ?, ?, ?, ?)",
            (
                synced.selection,
                synced.rules,
                synced.head,
                "\0".join(sorted(synced.unlike_head)),
                "\0".join(sorted(synced.unknown)),
            ),
        )


def lay_out(connection: sqlite3.Connection, code: str) -> None:
    """Give the index this copylint's layout, emptying one of another layout or one
    made by another copylint (``code``: no rule of this one can use its units, which
    would otherwise stay in the file for ever)."""
    if _made_by(connection) == code:
        return
    connection.execute("BEGIN IMMEDIATE")
    if _made_by(connection) == code:  # another run made it meanwhile
        connection.execute("COMMIT")
        return
    for table in _TABLES:
        connection.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("INSERT INTO made_by VALUES (?)", (code,))
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.execute("COMMIT")
    with contextlib.suppress(sqlite3.Error):  # a file made before auto_vacuum: now empty
        connection.execute("VACUUM")


def _made_by(connection: sqlite3.Connection) -> str | None:
    """Return the code stamp of the copylint that made the index, if of this layout."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version != SCHEMA_VERSION:
        return None
    row = connection.execute("SELECT code FROM made_by").fetchone()
    return None if row is None else str(row[0])


def _paths_of(joined: str) -> frozenset[str]:
    return frozenset(filter(None, joined.split("\0")))
