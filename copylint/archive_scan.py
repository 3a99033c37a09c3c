"""Which archive stories a run looks at: all of them, or only those that may have changed.

The archive index records when it last held every story as its file was (``Synced``).
In a git work tree, a later run then asks git which files differ from the commit
recorded then (``worktree``), adds the files that already differed from it or that git
does not know or cannot see change (ignored files, links), and looks only at those:
every other story is as the index keeps it.
So a commit costs the same whatever the archive's size. Outside git, on the first run,
after the archive's globs or the cross-file rules change, and for ``copylint index``,
the run walks the whole archive, and records what git then saw.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from copylint.archive import Archive
from copylint.archive_index import ArchiveIndex
from copylint.archive_layout import Synced
from copylint.documents.reading import format_of_name
from copylint.files import Draft
from copylint.worktree import WorkTree


@dataclass(frozen=True, slots=True)
class Scan:
    """The stories a run looks at; whether they are the whole archive (if not, the
    absolute paths of the files that may have changed, among which gone stories are
    dropped); and what the index holds once the run has kept what it read."""

    stories: list[Draft]
    whole: bool
    may_be_gone: list[str] | None
    synced: tuple[Synced | None, Synced | None]


def scan(archive: Archive, index: ArchiveIndex) -> Scan:
    """Return the stories a run looks at, with the index's record of when it held them."""
    tree = WorkTree.of(Path(archive.root))
    before = index.synced()
    key = (archive.selection(), index.rules_digest())
    if tree is not None and before is not None and not archive.walk_all:
        since = tree.changed_since(before.head) if key == (before.selection, before.rules) else None
        if since is not None:
            paths = _under_root(since, tree, archive) | before.unlike_head | before.unknown
            stories = archive.stories(paths)
            found = {archive.named(story) for story in stories}
            in_folders = found - paths  # under a folder git named: git does not know them
            unknown = (before.unknown & found) | in_folders | archive.links(stories)
            after = Synced(*key, tree.head, _unlike_head(tree, archive), unknown)
            absolute = [os.path.join(archive.root, *path.split("/")) for path in sorted(paths)]
            return Scan(stories, False, absolute, (before, after))
    stories = list(archive.walk())
    return Scan(stories, True, None, (before, _walked(archive, tree, key, stories)))


def _walked(
    archive: Archive, tree: WorkTree | None, key: tuple[str, str], stories: list[Draft]
) -> Synced | None:
    """What the index holds once the walked ``stories`` are kept; None outside git."""
    tracked = tree.tracked() if tree is not None else None
    if tree is None or tracked is None:
        return None
    known = _under_root(tracked | tree.changed, tree, archive)
    untracked = {archive.named(story) for story in stories} - known
    unknown = frozenset(untracked) | archive.links(stories)
    return Synced(*key, tree.head, _unlike_head(tree, archive), unknown)


def _unlike_head(tree: WorkTree, archive: Archive) -> frozenset[str]:
    """The files of the archive's kinds that differ from the commit checked out."""
    kinds = archive.config.extension_formats()
    changed = _under_root(tree.changed, tree, archive)
    return frozenset(path for path in changed if format_of_name(path, kinds) is not None)


def _under_root(paths: Iterable[str], tree: WorkTree, archive: Archive) -> frozenset[str]:
    """``paths`` (relative to the work tree's top) that are under the config's folder,
    relative to it."""
    prefix = os.path.relpath(archive.root, tree.top).replace(os.sep, "/")
    if prefix == ".":
        return frozenset(paths)
    if prefix.startswith(".."):
        return frozenset()
    start = prefix + "/"
    return frozenset(path[len(start) :] for path in paths if path.startswith(start))
