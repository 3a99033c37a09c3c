"""What git knows of a work tree: its commit, and the files that differ from it.

The archive index uses it to look only at the stories that may have changed since it
was brought up to date, instead of walking the whole archive (``runner``). Every
question runs one git command, whose work is done in C (git keeps its own record of
each file's size and times); when git is missing, the folder is not in a work tree, or
a command fails, the answer is None and the run walks the archive.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT_SECONDS = 60
_LOCATING = frozenset(
    {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX"}
)
"""What git exports to the hooks it runs to locate the repository: left out, so that
git finds the work tree of the folder asked about, as copylint found its top."""
_FIELDS_BEFORE_PATH = {"1 ": 8, "2 ": 9, "u ": 10}
"""In ``git status --porcelain=v2``: how many fields precede the path of a changed,
renamed and unmerged file."""


@dataclass(frozen=True, slots=True)
class WorkTree:
    """A git work tree, as far as the folder ``scope`` (relative to its top folder
    ``top``; "." for all of it): the commit checked out ("" before the first commit),
    and the files of ``scope`` (relative to ``top``) that differ from that commit:
    changed, staged, deleted or untracked (not ignored; an untracked folder that holds
    a repository of its own is named, with a slash at the end, not its files)."""

    top: Path
    scope: str
    head: str
    changed: frozenset[str]

    @classmethod
    def of(cls, folder: Path) -> WorkTree | None:
        """Return the work tree ``folder`` is in, as far as ``folder``, or None when git
        cannot tell."""
        top = _top(folder)
        if top is None:
            return None
        scope = folder.relative_to(top).as_posix()
        status = _git(
            top,
            scope,
            "status",
            "--porcelain=v2",
            "-z",
            "--branch",
            "--untracked-files=all",
            "--no-renames",
            "--ignore-submodules=none",
        )
        if status is None:
            return None
        head, changed = "", set[str]()
        records = iter(status.split("\0"))
        for record in records:
            kind = record[:2]
            if kind == "# " and record.startswith("# branch.oid "):
                head = record.removeprefix("# branch.oid ").replace("(initial)", "")
            elif kind in _FIELDS_BEFORE_PATH:
                changed.add(record.split(" ", _FIELDS_BEFORE_PATH[kind])[-1])
                if kind == "2 ":  # a rename or copy: its original path is the next record
                    changed.add(next(records, ""))
            elif kind == "? ":
                changed.add(record[2:])
        changed.discard("")
        return cls(top, scope, head, frozenset(changed))

    def changed_since(self, commit: str) -> frozenset[str] | None:
        """The files that differ between ``commit`` and the work tree; None when git
        cannot tell (a commit no longer in the repository)."""
        if commit == self.head:
            return self.changed
        if not commit or not self.head:
            return None
        names = _git(
            self.top, self.scope, "diff", "--name-only", "-z", "--no-renames", commit, self.head
        )
        if names is None:
            return None
        return self.changed | frozenset(filter(None, names.split("\0")))

    def tracked(self) -> frozenset[str] | None:
        """Every file git tracks; None when git cannot tell."""
        names = _git(self.top, self.scope, "ls-files", "-z")
        return None if names is None else frozenset(filter(None, names.split("\0")))


def _top(folder: Path) -> Path | None:
    """The top folder of the work tree ``folder`` is in (the one holding ``.git``)."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None


def _git(top: Path, scope: str, *arguments: str) -> str | None:
    """Run git in ``top`` on the files of the folder ``scope``, taking no lock it can do
    without (``git status`` would otherwise refresh the index file, which a commit in
    progress holds); return its output, or None when it fails."""
    options = ["--no-optional-locks", "--literal-pathspecs", "-C", str(top)]
    try:
        done = subprocess.run(
            ["git", *options, *arguments, "--", scope],
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            env={name: value for name, value in os.environ.items() if name not in _LOCATING},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")
