"""Find the drafts to lint: named files, folders walked recursively, or standard input.

The archive's stories are found with the same walk (``copylint.archive``)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from copylint.config import Config
from copylint.documents import Format
from copylint.documents.reading import (
    describe_os_error,
    format_of_name,
    not_a_regular_file,
    read_bytes,
    refuse_if_larger,
)
from copylint.errors import CopylintError
from copylint.globs import glob_matches

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft to lint: how to name it, how to parse it, and its file or its bytes.

    A draft that is not ``reported`` is only compared with the others by cross-file
    checks: an archive story that a new draft may repeat; ``found`` is its file's status
    when the archive was walked, which the archive index compares with what it kept.
    """

    display_path: str
    format: Format
    path: str | None = None
    data: bytes | None = None
    reported: bool = True
    max_bytes: int | None = None
    found: os.stat_result | None = None

    def read(self) -> bytes:
        """Return the draft's bytes; raises CopylintError naming the file, and for one
        larger than ``max_bytes`` (the config's ``max_file_size``)."""
        if self.data is not None:
            refuse_if_larger(self.display_path, len(self.data), self.max_bytes)
            return self.data
        assert self.path is not None, "a draft has a path or data"
        return read_bytes(self.path, self.max_bytes)


def find_drafts(
    paths: Sequence[str], config: Config, forced: Format | None = None
) -> Iterator[Draft | CopylintError]:
    """Yield each draft to lint, or an error for a path that cannot be linted.

    A file named twice, or reached twice (through a link, or a folder and a file in
    it), is linted once. Named pipes, devices and sockets are never opened.
    """
    seen: set[tuple[int, int]] = set()
    for name in paths:
        try:
            info = os.stat(name)
        except OSError as error:
            yield CopylintError(f"{name}: {describe_os_error(name, error)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            if forced is not None:
                yield CopylintError(
                    f"{name}: --ext applies to files and standard input, not to folders"
                )
                continue
            yield from _walk(Path(name), config, seen)
        elif first_time(info, seen) and not excluded(Path(name), config):
            fmt = forced or config.format_of(name) or Format.TEXT
            yield _draft_or_error(name, info, fmt, config)


def first_time(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    """Tell whether the file of ``info`` is met for the first time, and remember it."""
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _draft_or_error(
    name: str, info: os.stat_result, fmt: Format, config: Config
) -> Draft | CopylintError:
    kind = not_a_regular_file(info.st_mode)
    if kind is not None:
        return CopylintError(f"{name}: {kind}, not linted")
    return Draft(name, fmt, name, max_bytes=config.max_file_size)


def _walk(
    folder: Path, config: Config, seen: set[tuple[int, int]]
) -> Iterator[Draft | CopylintError]:
    for entry, fmt in drafts_under(str(folder), config.extension_formats()):
        path = Path(entry.path)
        if excluded(path, config):
            continue
        if config.include and not matches_any(path, config.include, config):
            continue
        try:
            info = os.stat(path)
        except OSError as error:
            yield CopylintError(f"{path}: {describe_os_error(path, error)}")
            continue
        if first_time(info, seen):
            yield _draft_or_error(str(path), info, fmt, config)


def drafts_under(
    folder: str, formats: dict[str, Format]
) -> Iterator[tuple[os.DirEntry[str], Format]]:
    """Yield every draft file (of an extension in ``formats``) below ``folder`` in name
    order (a folder's files, then its folders), skipping hidden ones and node_modules.

    Links to folders are not followed (a link may lead back up and loop). Entries come
    from ``os.scandir``, which tells files from folders without a system call each.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        if _hidden(entry.name):
            continue
        if _is_folder(entry):
            if entry.name not in SKIPPED_FOLDERS and not entry.is_symlink():
                folders.append(entry.path)
            continue
        fmt = format_of_name(entry.name, formats)
        if fmt is not None:
            yield entry, fmt
    for path in folders:
        yield from drafts_under(path, formats)


def reached_by_walk(relative: str) -> bool:
    """Tell whether ``drafts_under`` a folder reaches the path ``relative`` below it
    (with forward slashes): none of its names hidden, none of them a skipped folder."""
    parts = relative.split("/")
    return not any(map(_hidden, parts)) and SKIPPED_FOLDERS.isdisjoint(parts)


def walk_order(relative: str) -> tuple[tuple[int, str], ...]:
    """Sort paths below a folder as ``drafts_under`` meets them: in each folder its
    files by name, then its folders by name."""
    parts = relative.split("/")
    return (*((1, part) for part in parts[:-1]), (0, parts[-1]))


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def excluded(path: Path, config: Config) -> bool:
    """Tell whether the config's ``exclude`` globs leave ``path`` out."""
    return bool(config.exclude) and matches_any(path, config.exclude, config)


def matches_any(path: Path, patterns: Sequence[str], config: Config) -> bool:
    """Tell whether ``path``, resolved through links and taken relative to the config's
    folder, matches one of ``patterns``."""
    absolute = Path(os.path.realpath(path))
    try:
        relative = absolute.relative_to(config.root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return matches_relative(relative, patterns)


def matches_relative(relative: str, patterns: Sequence[str]) -> bool:
    """Tell whether ``relative`` (to the config's folder) matches one of ``patterns``."""
    return any(glob_matches(pattern, relative) for pattern in patterns)
