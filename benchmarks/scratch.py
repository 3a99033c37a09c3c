"""Scratch newsrooms for the benchmarks: the corpora's stories copied to any number, and
commands timed as whole processes inside them."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from bench import DRAFT_SUFFIXES, run_once


def copy_stories(corpora: list[Path], size: int, folder: Path) -> list[Path]:
    """Copy ``size`` stories into ``folder`` (made): the corpora's stories in name order,
    copied again under new names as often as needed (a copy repeats its original, which
    the cross-file checks must then compare). Return the copies in order."""
    stories = sorted(
        p for corpus in corpora for p in corpus.rglob("*") if p.suffix in DRAFT_SUFFIXES
    )
    folder.mkdir(parents=True)
    copies = []
    for number in range(size):
        story = stories[number % len(stories)]
        copy = folder / f"{number // len(stories)}-{story.parent.name}-{story.name}"
        shutil.copyfile(story, copy)
        copies.append(copy)
    return copies


def timed_in(folder: Path, argv: list[str]) -> tuple[float, str]:
    """Run ``argv`` in ``folder``; return its wall seconds and its output."""
    with contextlib.chdir(folder):
        seconds, _peak, output = run_once(argv)
    return seconds, output
