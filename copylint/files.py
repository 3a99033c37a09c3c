"""Find the drafts to lint: named files, folders walked recursively, or standard input."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from copylint.config import Config
from copylint.documents import Format, format_for_extension
from copylint.documents.reading import read_bytes
from copylint.errors import CopylintError
from copylint.globs import glob_matches

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft to lint: how to name it, how to parse it, and its file or its bytes.

    A draft that is not ``reported`` is only compared with the others by cross-file
    checks: an archive story that a new draft may repeat.
    """

    display_path: str
    format: Format
    path: Path | None = None
    data: bytes | None = None
    reported: bool = True

    def read(self) -> bytes:
        """Return the draft's bytes; raises CopylintError naming the file."""
        if self.data is not None:
            return self.data
        assert self.path is not None, "a draft has a path or data"
        return read_bytes(self.path)


def find_drafts(
    paths: Sequence[str], config: Config, forced: Format | None = None
) -> Iterator[Draft | CopylintError]:
    """Yield each draft to lint, or an error for a path that cannot be linted."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            if forced is not None:
                yield CopylintError(
                    f"{name}: --ext applies to files and standard input, not to folders"
                )
                continue
            yield from _walk(path, config)
        elif path.exists():
            if not _excluded(path, config):
                yield Draft(name, forced or _format_of(path), path)
        else:
            yield CopylintError(f"{name}: no such file or folder")


def _format_of(path: Path) -> Format:
    """Return the format for a named file; unknown extensions are read as plain text."""
    return format_for_extension(path.suffix) or Format.TEXT


def _walk(folder: Path, config: Config) -> Iterator[Draft]:
    for path, fmt in _drafts_under(folder):
        if _excluded(path, config):
            continue
        if config.include and not _matches_any(path, config.include, config):
            continue
        yield Draft(str(path), fmt, path)


def _drafts_under(folder: Path) -> Iterator[tuple[Path, Format]]:
    """Yield every draft file below ``folder``, skipping hidden ones and node_modules."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in sorted(files):
            fmt = format_for_extension(Path(name).suffix)
            if fmt is not None and not name.startswith("."):
                yield Path(root) / name, fmt


def _excluded(path: Path, config: Config) -> bool:
    return bool(config.exclude) and _matches_any(path, config.exclude, config)


def _matches_any(path: Path, patterns: Sequence[str], config: Config) -> bool:
    absolute = path.resolve()
    try:
        relative = absolute.relative_to(config.root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(glob_matches(pattern, relative) for pattern in patterns)


def find_archive(config: Config, linted: Sequence[Draft | CopylintError]) -> Iterator[Draft]:
    """Yield the archive's drafts (config ``archive`` globs) that are not linted already."""
    if not config.archive:
        return
    seen = {d.path.resolve() for d in linted if isinstance(d, Draft) and d.path is not None}
    for path, fmt in _drafts_under(config.root):
        if path.resolve() in seen or _excluded(path, config):
            continue
        if _matches_any(path, config.archive, config):
            yield Draft(os.path.relpath(path), fmt, path, reported=False)
