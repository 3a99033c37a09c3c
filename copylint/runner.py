"""Read drafts, parse them and lint them; collect diagnostics and per-file errors.

The archive index (SQLite) and the worker pool are imported only by the runs that use
them: one draft with no archive starts about 40 ms sooner for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copylint.budget import budgets
from copylint.crossfile import CrossFileIndex, Units, collect_units
from copylint.diagnostics import Diagnostic
from copylint.documents import Document, decode, parse_document
from copylint.documents.markup import PLAIN, Markup
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.linter import RuleSet, RunContext, lint_document
from copylint.rules import Rule
from copylint.suppressions import FileDirectives, apply_directives, find_directives

if TYPE_CHECKING:
    from copylint.archive import Archive
    from copylint.archive_index import ArchiveIndex
    from copylint.archive_scan import Scan

MAX_JOBS = 4
MIN_DRAFTS_PER_JOB = 32
MIN_DRAFTS_KEPT = 32
"""Runs of fewer drafts (a commit's, new ones; archive stories do not count) neither
read nor keep outcomes (``copylint.results``): opening the store would cost more than
it saves."""


@dataclass(frozen=True, slots=True)
class Refresh:
    """What a run did with the archive index: stories found unchanged, read, and
    dropped, and how many it compared with the drafts."""

    unchanged: int = 0
    read: int = 0
    dropped: int = 0
    compared: int = 0


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run found: diagnostics, one-line errors for drafts it could not lint, how
    many drafts it linted, one-line warnings (a rule stopped by its time budget), and
    what it did with the archive index."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    archive: Refresh = field(default_factory=Refresh)


def read_document(draft: Draft, markup: Markup = PLAIN) -> Document:
    """Read, decode and parse one draft; raises CopylintError for input it cannot read."""
    text, _encoding = decode(draft.display_path, draft.read())
    return parse_document(draft.display_path, text, draft.format, markup)


def lint_drafts(
    drafts: Iterable[Draft | CopylintError],
    rules: Sequence[Rule],
    run: RunContext,
    jobs: int | None = None,
) -> RunResult:
    """Lint every draft, then compare them; a draft that fails does not stop the others.

    Drafts are linted in ``jobs`` worker processes (default: one per core, up to four,
    once there are enough drafts to repay starting them); results keep the drafts' order.
    """
    ruleset = RuleSet.of(rules)
    items, outcomes, archive = _with_archive(list(drafts), ruleset, run, jobs)
    diagnostics: list[Diagnostic] = []
    errors: list[str] = []
    warnings: list[str] = []
    index = CrossFileIndex(ruleset)
    directives: dict[str, FileDirectives] = {}
    files = 0
    for item, outcome in zip(items, outcomes, strict=True):
        diagnostics.extend(outcome.diagnostics)
        warnings.extend(outcome.warnings)
        if outcome.error is not None:
            errors.append(outcome.error)
        else:
            index.add(outcome.units)
            files += isinstance(item, Draft) and item.reported
        if outcome.directives is not None:
            directives[outcome.directives.path] = outcome.directives
    diagnostics.extend(index.diagnostics())
    running = frozenset({rule.name for rule in rules} | {rule.style for rule in rules})
    found = _suppress(diagnostics, directives, running)
    return RunResult(found, errors, files, warnings, archive)


def _suppress(
    diagnostics: list[Diagnostic], directives: dict[str, FileDirectives], running: frozenset[str]
) -> list[Diagnostic]:
    """Apply each file's directives to its diagnostics, cross-file ones included."""
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in directives}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    kept = [
        diagnostic
        for path, found in by_path.items()
        for diagnostic in (
            apply_directives(found, directives[path], running) if path in directives else found
        )
    ]
    return sorted(set(kept), key=Diagnostic.sort_key)


@dataclass(frozen=True, slots=True)
class _Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    units: Units = field(default_factory=lambda: Units({}))
    error: str | None = None
    directives: FileDirectives | None = None
    warnings: list[str] = field(default_factory=list)


_UNCOMPARED = _Outcome(units=Units({}, reported=False))
"""The outcome of an archive story that the drafts need not be compared with."""


def _lint_one(item: Draft | CopylintError, rules: RuleSet, run: RunContext) -> _Outcome:
    with budgets():
        return _outcome(item, rules, run)


def _outcome(item: Draft | CopylintError, rules: RuleSet, run: RunContext) -> _Outcome:
    if isinstance(item, CopylintError):
        return _Outcome(error=str(item))
    rules = run.rules_for(rules, item.display_path)
    try:
        document = read_document(item, run.markup_for(item.display_path))
    except CopylintError as error:
        return _Outcome(error=str(error) if item.reported else None)
    if not item.reported:
        return _Outcome(units=collect_units(document, rules, reported=False))
    linted = lint_document(document, rules, run)
    units = collect_units(document, rules)
    return _Outcome(
        linted.diagnostics,
        units,
        directives=find_directives(document, run.rule_names),
        warnings=[*linted.stopped, *units.stopped],
    )


def _with_archive(
    drafts: list[Draft | CopylintError], rules: RuleSet, run: RunContext, jobs: int | None
) -> tuple[list[Draft | CopylintError], list[_Outcome], Refresh]:
    """Return the drafts and the archive stories to compare them with, and the outcome
    of each. Through the archive index, stories are read only when it does not keep
    their units as they are (and then kept there), and compared only when related to
    the drafts (``archive_index``)."""
    archive = run.archive
    if archive is None or not rules.cross_file:
        return drafts, _outcomes(drafts, rules, run, jobs), Refresh()
    from copylint.archive_index import ArchiveIndex

    index = ArchiveIndex.open(run.cache, rules)
    if index is None:
        items = [*drafts, *archive.walk()]
        return items, _outcomes(items, rules, run, jobs), Refresh()
    with contextlib.closing(index):
        return _through_index(drafts, archive, index, rules, run, jobs)


def _through_index(
    drafts: list[Draft | CopylintError],
    archive: Archive,
    index: ArchiveIndex,
    rules: RuleSet,
    run: RunContext,
    jobs: int | None,
) -> tuple[list[Draft | CopylintError], list[_Outcome], Refresh]:
    """Read the drafts and the stories the index does not keep as they are, keep those,
    and return the drafts and the stories to compare them with, with their outcomes."""
    from copylint.archive_index import story_path
    from copylint.archive_scan import scan

    looked_at = scan(archive, index)
    stories = looked_at.stories
    kept = dict(zip(map(story_path, stories), index.lookup(stories), strict=True))
    unread = [story for story in stories if not kept[story_path(story)].current]
    outcomes = _outcomes([*drafts, *unread], rules, run, jobs)
    of_drafts, of_unread = outcomes[: len(drafts)], outcomes[len(drafts) :]
    by_path = dict(zip(map(story_path, unread), of_unread, strict=True))
    read = [
        (story, stamp, outcome.units)
        for story, outcome in zip(unread, of_unread, strict=True)
        if (stamp := kept[story_path(story)].stamp) and not outcome.units.stopped
    ]
    dropped = index.keep(read, stories, looked_at.may_be_gone, looked_at.synced)
    compared = _related_stories(archive, index, looked_at, [o.units for o in of_drafts])
    # a story read now but not kept (its file could not be stamped, a rule stopped) is
    # compared whatever the index tells: the index cannot tell of it
    kept_or_compared = {story_path(story) for story, _stamp, _units in read}
    kept_or_compared |= {story_path(story) for story in compared}
    unkept = [story for story in unread if story_path(story) not in kept_or_compared]
    in_order = archive.in_walk_order([*compared, *unkept])
    wanted = [story for story in in_order if story_path(story) not in by_path]
    for story, units in zip(wanted, index.load(wanted), strict=True):
        by_path[story_path(story)] = _Outcome(units=units or _UNCOMPARED.units)
    refresh = Refresh(len(stories) - len(unread), len(read), dropped, len(compared))
    return [*drafts, *in_order], [*of_drafts, *(by_path[story_path(s)] for s in in_order)], refresh


def _related_stories(
    archive: Archive, index: ArchiveIndex, looked_at: Scan, drafts: list[Units]
) -> list[Draft]:
    """The stories related to the drafts' units (all of them when the index cannot tell)."""
    from copylint.archive_index import story_path

    related = index.related(drafts)
    if related is None:
        return looked_at.stories if looked_at.whole else list(archive.walk())
    if looked_at.whole:
        return [story for story in looked_at.stories if story_path(story) in related]
    return archive.stories(path for path in map(archive.relative, related) if path is not None)


def _outcomes(
    items: list[Draft | CopylintError], rules: RuleSet, run: RunContext, jobs: int | None
) -> list[_Outcome]:
    """Each item's outcome: as an earlier run kept it when nothing it is made of has
    changed (``copylint.results``), else linted now (and kept)."""
    reported = sum(isinstance(item, Draft) and item.reported for item in items)
    if reported < MIN_DRAFTS_KEPT:
        return _linted(items, rules, run, jobs)
    from copylint.results import KeptResults

    kept = KeptResults.open(rules, run)
    if kept is None:
        return _linted(items, rules, run, jobs)
    with contextlib.closing(kept):
        keys = [kept.keys.of(item) if isinstance(item, Draft) else None for item in items]
        found = kept.found(keys, _Outcome)
        unknown = [
            item if keyed is None else keyed.draft
            for item, keyed, outcome in zip(items, keys, found, strict=True)
            if outcome is None
        ]
        linted = iter(_linted(unknown, rules, run, jobs))
        outcomes = [outcome if outcome is not None else next(linted) for outcome in found]
        kept.keep(
            [
                (keyed, outcome)
                for keyed, outcome, earlier in zip(keys, outcomes, found, strict=True)
                if keyed is not None and earlier is None and _keepable(outcome)
            ]
        )
    return outcomes


def _keepable(outcome: _Outcome) -> bool:
    """Tell whether a later run may use ``outcome``: no rule ran out of its time budget
    (the next run may finish it)."""
    return outcome.error is None and not outcome.warnings


def _linted(
    items: list[Draft | CopylintError], rules: RuleSet, run: RunContext, jobs: int | None
) -> list[_Outcome]:
    workers = jobs if jobs is not None else min(_cores(), MAX_JOBS)
    if workers <= 1 or len(items) < MIN_DRAFTS_PER_JOB * workers:
        return [_lint_one(item, rules, run) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_lint_one(item, rules, run) for item in items]
    global _WORKER_STATE
    _WORKER_STATE = (rules, run)
    rules.prepare(run.check_context(run.as_of))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        chunk = max(1, len(items) // (workers * 8))
        return list(pool.map(_lint_in_worker, items, chunksize=chunk))


def _cores() -> int:
    """Return the cores this process may use (its CPU affinity where the OS tells)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_WORKER_STATE: tuple[RuleSet, RunContext] | None = None


def _lint_in_worker(item: Draft | CopylintError) -> _Outcome:
    """Lint one draft in a forked worker, with the rules it inherited."""
    assert _WORKER_STATE is not None, "workers are forked after the state is set"
    return _lint_one(item, *_WORKER_STATE)
