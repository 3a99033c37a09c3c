"""Read drafts, parse them and lint them; collect diagnostics and per-file errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from copylint.crossfile import CrossFileIndex
from copylint.diagnostics import Diagnostic
from copylint.documents import Document, decode, parse_document
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.linter import RuleSet, RunContext, lint_document
from copylint.rules import Rule


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run found: diagnostics, one-line errors for drafts it could not lint."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0


def read_document(draft: Draft) -> Document:
    """Read, decode and parse one draft; raises CopylintError for input it cannot read."""
    text, has_bom = decode(draft.display_path, draft.read())
    return parse_document(draft.display_path, text, draft.format, has_bom)


def lint_drafts(
    drafts: Iterable[Draft | CopylintError], rules: Sequence[Rule], run: RunContext
) -> RunResult:
    """Lint every draft, then compare them; a draft that fails does not stop the others."""
    diagnostics: list[Diagnostic] = []
    errors: list[str] = []
    ruleset = RuleSet.of(rules)
    index = CrossFileIndex(ruleset)
    files = 0
    for draft in drafts:
        if isinstance(draft, CopylintError):
            errors.append(str(draft))
            continue
        files += 1
        try:
            document = read_document(draft)
        except CopylintError as error:
            errors.append(str(error))
            continue
        diagnostics.extend(lint_document(document, ruleset, run))
        index.add(document)
    diagnostics.extend(index.diagnostics())
    return RunResult(sorted(set(diagnostics), key=Diagnostic.sort_key), errors, files)
