"""The archive: the stories (config ``archive:`` globs) that drafts are compared with.

A run finds them by walking the config's folder, or, when the archive index knows
which files may have changed since it was last brought up to date (``worktree``), by
looking only at those files: both give the same drafts, named the same way, in the
same order.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from copylint.config import Config
from copylint.documents import Format
from copylint.documents.reading import format_of_name, not_a_regular_file
from copylint.errors import CopylintError
from copylint.files import (
    Draft,
    drafts_under,
    excluded,
    first_time,
    matches_any,
    matches_relative,
    reached_by_walk,
    walk_order,
)


@dataclass(frozen=True, slots=True)
class Archive:
    """The archive of ``config``, less the files of the drafts being linted
    (``left_out``: their devices and inodes); ``walk_all`` asks every run to walk the
    whole archive (``copylint index``)."""

    config: Config
    left_out: frozenset[tuple[int, int]] = frozenset()
    walk_all: bool = False

    @classmethod
    def of(
        cls, config: Config, linted: Sequence[Draft | CopylintError], walk_all: bool = False
    ) -> Archive | None:
        """Return the archive of ``config`` (None when it has none), less ``linted``."""
        if not config.archive:
            return None
        seen: set[tuple[int, int]] = set()
        for draft in linted:
            if isinstance(draft, Draft) and draft.path is not None:
                with contextlib.suppress(OSError):
                    first_time(os.stat(draft.path), seen)
        return cls(config, frozenset(seen), walk_all)

    @property
    def root(self) -> str:
        """The config's folder, which the archive globs are relative to."""
        return str(self.config.root)

    def selection(self) -> str:
        """A digest of what decides which files are stories and how they are read: a
        changed one makes every file a possible story again."""
        config = self.config
        described = repr(
            (
                self.root,
                config.archive,
                config.exclude,
                sorted(config.extension_formats().items()),
                config.max_file_size,
            )
        )
        return hashlib.sha256(described.encode()).hexdigest()[:32]

    def walk(self) -> Iterator[Draft]:
        """Yield every story, walking the config's folder."""
        return self._walk("", set(self.left_out))

    def stories(self, relative_paths: Iterable[str]) -> list[Draft]:
        """Return the stories among ``relative_paths`` (relative to the config's folder,
        with forward slashes; a folder stands for the stories under it), as the walk
        would find them and in its order."""
        seen = set(self.left_out)
        shown_root = os.path.relpath(self.root)
        formats = self.config.extension_formats()
        found: list[Draft] = []
        for relative in sorted({path.rstrip("/") for path in relative_paths}, key=walk_order):
            if not relative or not reached_by_walk(relative):
                continue
            path = os.path.join(self.root, *relative.split("/"))
            try:
                link = stat.S_ISLNK(os.lstat(path).st_mode)
                if not link and os.path.isdir(path):  # a nested repository, a submodule
                    found.extend(self._walk(relative, seen))
                    continue
                fmt = format_of_name(relative, formats)
                if fmt is None or not self._in_archive(path, relative, link):
                    continue
                story = self._story(path, relative, fmt, os.stat(path), shown_root, seen)
            except OSError:
                continue
            if story is not None:
                found.append(story)
        return self.in_walk_order(found)

    def _walk(self, under: str, seen: set[tuple[int, int]]) -> Iterator[Draft]:
        """Yield the stories below the folder ``under`` (relative to the config's; ""
        for itself), without following links to folders: a file met there that is no
        link is its own resolved path, relative to the folder as found (resolving each
        of thousands of files again would cost a system call per folder of its path)."""
        shown_root = os.path.relpath(self.root)
        folder = os.path.join(self.root, *under.split("/")) if under else self.root
        for entry, fmt in drafts_under(folder, self.config.extension_formats()):
            relative = entry.path[len(self.root) + 1 :].replace(os.sep, "/")
            if not self._in_archive(entry.path, relative, entry.is_symlink()):
                continue
            with contextlib.suppress(OSError):
                story = self._story(entry.path, relative, fmt, entry.stat(), shown_root, seen)
                if story is not None:
                    yield story

    def links(self, stories: Iterable[Draft]) -> frozenset[str]:
        """The paths (relative to the config's folder) of those ``stories`` that are
        links: git sees a link, not the file it leads to, change."""
        return frozenset(self.named(story) for story in stories if os.path.islink(story.path or ""))

    def in_walk_order(self, stories: Iterable[Draft]) -> list[Draft]:
        """Return ``stories`` in the order the walk meets them."""
        return sorted(stories, key=lambda story: walk_order(self.named(story)))

    def named(self, story: Draft) -> str:
        """The path of one of the archive's stories, relative to the config's folder."""
        relative = self.relative(story.path or "")
        assert relative is not None, "an archive story is a file under the config's folder"
        return relative

    def relative(self, story_path: str) -> str | None:
        """The path of a story as the archive index names it (absolute, as the walk
        found it), relative to the config's folder; None for a path outside it."""
        prefix = self.root + os.sep
        if not story_path.startswith(prefix):
            return None
        return story_path[len(prefix) :].replace(os.sep, "/")

    def _story(
        self,
        path: str,
        relative: str,
        fmt: Format,
        info: os.stat_result,
        shown_root: str,
        seen: set[tuple[int, int]],
    ) -> Draft | None:
        if not first_time(info, seen) or not_a_regular_file(info.st_mode) is not None:
            return None
        return Draft(
            _shown(path, relative, shown_root),
            fmt,
            path,
            reported=False,
            max_bytes=self.config.max_file_size,
            found=info,
        )

    def _in_archive(self, path: str, relative: str, link: bool) -> bool:
        """Tell whether a file of the config's folder is an archive story."""
        if link:
            resolved = Path(path)
            return not excluded(resolved, self.config) and matches_any(
                resolved, self.config.archive, self.config
            )
        return not matches_relative(relative, self.config.exclude) and matches_relative(
            relative, self.config.archive
        )


def _shown(path: str, relative: str, shown_root: str) -> str:
    """Name a file as relative to the working folder, as cheaply as can be: joined to
    the config's folder as named from there, unless that folder is above it."""
    if shown_root == ".":
        return relative
    if shown_root == ".." or shown_root.startswith(".." + os.sep):
        return os.path.relpath(path)
    return os.path.join(shown_root, relative)
