"""The cache folder, ``.copylint_cache/``: what is slow to build and can be rebuilt.

An entry is named by a digest of everything it is built from: the contents of the files
read, and copylint's own code (the size and modification time of each of its modules,
so that an upgrade, or an edit in a checkout being worked on, makes a new copylint). A
changed file or a changed copylint is a new entry, never a stale one. The folder holds
a ``.gitignore`` of its own, so it is never committed; deleting it is always safe.
Nothing that goes wrong with the cache (a read-only checkout, a damaged entry, a full
disk) changes a run's results: the entry is built again and, if it cannot be kept, not
kept. The folder also holds the SQLite files of the archive index and of kept results
(``Cache.database``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import regex

from copylint import __version__
from copylint.budget import unbudgeted

if TYPE_CHECKING:
    import sqlite3

CACHE_NAME = ".copylint_cache"
KEPT_PER_KIND = 4
DIGEST_LENGTH = 32
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Cache:
    """Entries in ``folder``; with no folder, everything is built every time."""

    folder: Path | None = None

    def get(self, kind: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
        """Return the entry of ``kind`` built from ``sources``, building it if need be.

        ``sources`` are every file ``build`` reads; a source that cannot be read
        bypasses the cache, so that ``build`` reports it. An entry is the whole run's,
        read or built when a rule first needs it: it spends none of that rule's time
        budget (``budget.unbudgeted``).
        """
        with unbudgeted():
            return self._get(kind, sources, build)

    def _get(self, kind: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
        if self.folder is None:
            return build()
        try:
            entry = self.folder / f"{kind}-{_digest(kind, sources)}.pickle"
        except OSError:
            return build()
        try:
            with entry.open("rb") as stored:
                value: T = pickle.load(stored)
                return value
        except Exception:  # a missing or damaged entry, whatever the damage: build it again
            pass
        value = build()
        self._keep(kind, entry, value)
        return value

    def database(
        self, name: str, lay_out: Callable[[sqlite3.Connection], None]
    ) -> sqlite3.Connection | None:
        """Open (or make) the SQLite file ``name`` in the folder, shared with other runs
        (WAL), and ``lay_out`` its tables; None when there is no folder, or the file
        cannot be opened or written. A file that is not a database (damaged) is made
        anew."""
        if self.folder is None:
            return None
        import sqlite3  # only the runs that keep a database pay for it

        path = self.folder / name
        for _attempt in range(2):
            try:
                self.make_folder()
                connection = sqlite3.connect(path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA auto_vacuum = INCREMENTAL")  # for a new file
                connection.execute("PRAGMA journal_mode=WAL")
                lay_out(connection)
                return connection
            except sqlite3.DatabaseError:  # not a database (damaged): make it anew
                with contextlib.suppress(OSError):
                    path.unlink()
            except (sqlite3.Error, OSError):
                return None
        return None

    def make_folder(self) -> None:
        """Make the folder, with its ``.gitignore``; raises OSError when it cannot."""
        assert self.folder is not None, "only a cache with a folder has one to make"
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by copylint: nothing here is ever committed.\n*\n")

    def _keep(self, kind: str, entry: Path, value: object) -> None:
        """Write ``entry`` whole or not at all, and drop the oldest entries of ``kind``."""
        assert self.folder is not None
        import tempfile  # writing is rarer than reading

        try:
            self.make_folder()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{kind}-")
            try:
                with os.fdopen(handle, "wb") as out:
                    pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, entry)
            finally:
                Path(temporary).unlink(missing_ok=True)
            named = f"{kind}-{'?' * DIGEST_LENGTH}.pickle"
            older = sorted(self.folder.glob(named), key=_modified, reverse=True)
            for stale in older[KEPT_PER_KIND:]:
                stale.unlink(missing_ok=True)
        except OSError:
            pass


NO_CACHE: Cache = Cache()


def cache_at(root: Path, enabled: bool = True) -> Cache:
    """Return the cache of the project at ``root``, or none when caching is off."""
    return Cache(root / CACHE_NAME) if enabled else NO_CACHE


def _digest(kind: str, sources: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"{code_stamp()}\0{kind}".encode())
    for source in sources:
        digest.update(f"\0{source}\0".encode())
        digest.update(content_digest(source))
    return digest.hexdigest()[:DIGEST_LENGTH]


def content_digest(source: Path) -> bytes:
    """The digest of a file's content; raises OSError when it cannot be read."""
    found = source.stat()
    return _content_digest(source, found.st_mtime_ns, found.st_size)


@cache
def _content_digest(source: Path, _modified: int, _size: int) -> bytes:
    """The digest of a file's content, read once a run for entries built from the same
    file (the stale-title judge and the name index share the knowledge base)."""
    return hashlib.sha256(source.read_bytes()).digest()


@cache
def code_stamp() -> str:
    """What tells one copylint from another: the hashes of its modules and data files
    (its dictionary among them) that pip recorded when it installed them, the same on
    every machine that installs the same build (so a cache folder restored on a CI
    runner stays of use); for a copylint not installed so (a checkout, an editable
    install), each file's size and modification time. With Python's bytecode tag and
    the version of ``regex``, whose compiled patterns entries keep."""
    package = Path(__file__).parent
    stamps = _installed_hashes(package)
    if not stamps:
        modules = sorted([*package.rglob("*.py"), *(package / "data").rglob("*.*")])
        found = [(module, module.stat()) for module in modules]
        stamps = [f"{module}:{stat.st_size}:{stat.st_mtime_ns}" for module, stat in found]
    return "\n".join([*stamps, sys.implementation.cache_tag, f"regex {regex.__version__}"])


def _installed_hashes(package: Path) -> list[str]:
    """The lines of the installer's record (``RECORD``) that give the hash of one of
    the package's files; none when it has no such record."""
    record = package.parent / f"{package.name}-{__version__}.dist-info" / "RECORD"
    try:
        lines = record.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return sorted(
        line for line in lines if line.startswith(f"{package.name}/") and ",sha256=" in line
    )


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
