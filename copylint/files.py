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
    """A draft to lint: how to name it, how to parse it, and its file or its bytes."""

    display_path: str
    format: Format
    path: Path | None = None
    data: bytes | None = None

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
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in sorted(files):
            path = Path(root) / name
            fmt = format_for_extension(path.suffix)
            if fmt is None or name.startswith(".") or _excluded(path, config):
                continue
            if config.include and not _matches_any(path, config.include, config):
                continue
            yield Draft(str(path), fmt, path)


def _excluded(path: Path, config: Config) -> bool:
    return bool(config.exclude) and _matches_any(path, config.exclude, config)


def _matches_any(path: Path, patterns: Sequence[str], config: Config) -> bool:
    absolute = path.resolve()
    try:
        relative = absolute.relative_to(config.root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(glob_matches(pattern, relative) for pattern in patterns)
