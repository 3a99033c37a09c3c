"""Read drafts, parse them and lint them; collect diagnostics and per-file errors.

The archive index (SQLite) and the worker pool are imported only by the runs that use
them: one draft with no archive starts about 40 ms sooner for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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

MAX_JOBS = 4
MIN_DRAFTS_PER_JOB = 32


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
    items = list(drafts)
    ruleset = RuleSet.of(rules)
    outcomes, archive = _indexed_outcomes(items, ruleset, run, jobs)
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


def _indexed_outcomes(
    items: list[Draft | CopylintError], rules: RuleSet, run: RunContext, jobs: int | None
) -> tuple[list[_Outcome], Refresh]:
    """Return the outcome of each item. Archive stories are read only when the archive
    index does not keep their units as they are (and then kept there), and compared
    only when related to the drafts (``archive_index``)."""
    stories = {
        i: item for i, item in enumerate(items) if isinstance(item, Draft) and not item.reported
    }
    if not stories:
        return list(_outcomes(items, rules, run, jobs)), Refresh()
    from copylint.archive_index import ArchiveIndex, story_path

    index = ArchiveIndex.open(run.cache, rules)
    if index is None:
        return list(_outcomes(items, rules, run, jobs)), Refresh()
    with contextlib.closing(index):
        kept = dict(zip(stories, index.lookup(list(stories.values())), strict=True))
        unread = [i for i in range(len(items)) if i not in kept or not kept[i].current]
        read_now = _outcomes([items[i] for i in unread], rules, run, jobs)
        outcomes = dict(zip(unread, read_now, strict=True))
        stamped = {
            i: stamp
            for i in unread
            if i in kept and (stamp := kept[i].stamp) and not outcomes[i].units.stopped
        }
        read = [(stories[i], stamp, outcomes[i].units) for i, stamp in stamped.items()]
        dropped = index.keep(read, list(stories.values()))
        drafts = [outcome.units for i, outcome in outcomes.items() if i not in stories]
        related = index.related(drafts)
        compared = [i for i in stories if related is None or story_path(stories[i]) in related]
        wanted = [i for i in compared if i not in outcomes]
        loaded = dict(zip(wanted, index.load([stories[i] for i in wanted]), strict=True))
    for i in stories:
        if i in loaded:
            outcomes[i] = _Outcome(units=loaded[i] or _UNCOMPARED.units)
        elif i not in outcomes or (i in stamped and i not in compared):
            outcomes[i] = _UNCOMPARED
    unchanged = len(stories) - sum(i in stories for i in unread)
    return [outcomes[i] for i in range(len(items))], Refresh(
        unchanged, len(read), dropped, len(compared)
    )


def _outcomes(
    items: list[Draft | CopylintError], rules: RuleSet, run: RunContext, jobs: int | None
) -> Iterable[_Outcome]:
    workers = jobs if jobs is not None else min(_cores(), MAX_JOBS)
    if workers <= 1 or len(items) < MIN_DRAFTS_PER_JOB * workers:
        return [_lint_one(item, rules, run) for item in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_lint_one(item, rules, run) for item in items]
    global _WORKER_STATE
    _WORKER_STATE = (rules, run)
    rules.prepare()
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
