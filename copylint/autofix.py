"""``--fix`` and ``--diff``: lint, apply the safe edits, and lint again until none are left.

Each draft is read once; every pass lints and edits that same content, and the file
is written back only if it still holds it (``copylint.writing``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from copylint.diagnostics import Edit
from copylint.documents import decode
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.fixes import apply_edits
from copylint.linter import RunContext
from copylint.rules import Rule
from copylint.runner import RunResult, lint_drafts
from copylint.writing import replace_file, signals_end_the_run

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class FixedDraft:
    """A draft the fixes changed: its file, the bytes read and the bytes fixed."""

    draft: Draft
    before: bytes
    after: bytes
    fixed: int


@dataclass(frozen=True, slots=True)
class FixResult:
    """The drafts the fixes changed, in run order, and the last lint's result."""

    changed: list[FixedDraft] = field(default_factory=list)
    result: RunResult = field(default_factory=RunResult)


def fix_drafts(
    drafts: Sequence[Draft | CopylintError],
    rules: Sequence[Rule],
    run: RunContext,
    jobs: int | None = None,
) -> FixResult:
    """Fix the drafts in memory, pass after pass, until a lint finds nothing to fix."""
    read = [_read_once(draft) for draft in drafts]
    before = {d.display_path: d.data for d in read if isinstance(d, Draft) and d.data is not None}
    after = dict(before)
    fixed: Counter[str] = Counter()
    for _ in range(MAX_PASSES):
        result = lint_drafts(_with_contents(read, after), rules, run, jobs)
        edits = _edits_by_path(result)
        if not edits:
            break
        for path, found in edits.items():
            text, encoding = decode(path, after[path])
            new_text, count = apply_edits(text, found)
            after[path] = encoding.encode(new_text)
            fixed[path] += count
    else:
        result = lint_drafts(_with_contents(read, after), rules, run, jobs)
    changed = [
        FixedDraft(d, before[d.display_path], after[d.display_path], fixed[d.display_path])
        for d in read
        if isinstance(d, Draft) and d.data is not None and after[d.display_path] != d.data
    ]
    return FixResult(changed, result)


def write_fixes(changed: list[FixedDraft]) -> tuple[list[FixedDraft], list[str]]:
    """Write each fixed draft back; return those written, and an error for each other."""
    written: list[FixedDraft] = []
    failures: list[str] = []
    with signals_end_the_run():
        for change in changed:
            assert change.draft.path is not None, "--fix reads drafts from files"
            try:
                replace_file(Path(change.draft.path), change.before, change.after)
            except CopylintError as error:
                failures.append(str(error))
            else:
                written.append(change)
    return written, failures


def _read_once(draft: Draft | CopylintError) -> Draft | CopylintError:
    """Return a reported draft with its bytes read (or the error reading them)."""
    if not isinstance(draft, Draft) or not draft.reported or draft.data is not None:
        return draft
    try:
        return dataclasses.replace(draft, data=draft.read())
    except CopylintError as error:
        return error


def _with_contents(
    drafts: Sequence[Draft | CopylintError], contents: dict[str, bytes]
) -> list[Draft | CopylintError]:
    """Return the drafts, each reading its current (fixed) bytes."""
    return [
        dataclasses.replace(d, data=contents[d.display_path])
        if isinstance(d, Draft) and d.display_path in contents
        else d
        for d in drafts
    ]


def _edits_by_path(result: RunResult) -> dict[str, list[Edit]]:
    edits: dict[str, list[Edit]] = defaultdict(list)
    for diagnostic in result.diagnostics:
        if diagnostic.fix is not None:
            edits[diagnostic.path].append(diagnostic.fix)
    return edits
