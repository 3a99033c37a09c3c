"""``--diff-base REV``: which lines of which files changed since a git revision."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import regex

from copylint.compiled import compiled
from copylint.diagnostics import Diagnostic
from copylint.errors import CopylintError

_HUNK = compiled(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@", regex.M)

Changes = dict[str, frozenset[int] | None]
"""Display path to the changed line numbers; None when the whole file is new."""


def changed_lines(paths: Sequence[str], revision: str) -> Changes:
    """Return the lines of ``paths`` added or changed since ``revision`` (working tree)."""
    root = Path(_git("rev-parse", "--show-toplevel").strip())
    known = set(_git("ls-tree", "-r", "--name-only", "--full-tree", revision).splitlines())
    relative = {path: _relative(path, root) for path in paths}
    diff = (
        _git(
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            revision,
            "--",
            *relative.values(),
        )
        if relative
        else ""
    )
    hunks = _hunks_by_file(diff)
    return {
        path: None if rel not in known else frozenset(hunks.get(rel, ()))
        for path, rel in relative.items()
    }


def keep_changed(diagnostics: Sequence[Diagnostic], changes: Changes) -> list[Diagnostic]:
    """Keep the diagnostics that touch an added or changed line."""
    kept = []
    for diagnostic in diagnostics:
        lines = changes.get(diagnostic.path)
        span = range(diagnostic.line, diagnostic.end_line + 1)
        if diagnostic.path not in changes or lines is None or any(n in lines for n in span):
            kept.append(diagnostic)
    return kept


def _hunks_by_file(diff: str) -> dict[str, set[int]]:
    hunks: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else hunks.setdefault(name[2:], set())
        elif line.startswith("@@") and current is not None:
            found = _HUNK.match(line)
            if found:
                start = int(found["start"])
                count = int(found["count"] or 1)
                current.update(range(start, start + count))
    return hunks


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise CopylintError(f"--diff-base: {path} is outside the git repository") from None


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as error:
        raise CopylintError(f"--diff-base: cannot run git: {error}") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise CopylintError(f"--diff-base: {message}")
    return done.stdout
