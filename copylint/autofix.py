"""``--fix`` and ``--diff``: lint, apply the safe edits, and lint again until none are left."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from copylint.diagnostics import Edit
from copylint.documents import decode
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.fixes import apply_edits, encode
from copylint.linter import RunContext
from copylint.rules import Rule
from copylint.runner import RunResult, lint_drafts

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class FixResult:
    """The drafts' bytes before and after, how many fixes, and the last lint's result."""

    before: dict[str, bytes] = field(default_factory=dict)
    after: dict[str, bytes] = field(default_factory=dict)
    fixed: int = 0
    result: RunResult = field(default_factory=RunResult)

    def changed(self) -> list[str]:
        """Return the paths whose content the fixes changed, in run order."""
        return [path for path, data in self.after.items() if data != self.before[path]]


def fix_drafts(
    drafts: Sequence[Draft | CopylintError],
    rules: Sequence[Rule],
    run: RunContext,
    jobs: int | None = None,
) -> FixResult:
    """Fix the drafts in memory, pass after pass, until a lint finds nothing to fix."""
    before: dict[str, bytes] = {}
    after: dict[str, bytes] = {}
    fixed = 0
    for _ in range(MAX_PASSES):
        current = _with_contents(drafts, after)
        result = lint_drafts(current, rules, run, jobs)
        edits = _edits_by_path(result)
        if not edits:
            return FixResult(before, after, fixed, result)
        for draft in current:
            if isinstance(draft, Draft) and draft.display_path in edits:
                path = draft.display_path
                data = draft.read()
                before.setdefault(path, data)
                text, bom = decode(path, data)
                new_text, count = apply_edits(text, edits[path])
                after[path] = encode(new_text, bom)
                fixed += count
    result = lint_drafts(_with_contents(drafts, after), rules, run, jobs)
    return FixResult(before, after, fixed, result)


def _with_contents(
    drafts: Sequence[Draft | CopylintError], contents: dict[str, bytes]
) -> list[Draft | CopylintError]:
    """Return the drafts, those already fixed reading their fixed bytes."""
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
