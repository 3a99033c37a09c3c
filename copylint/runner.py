"""Read drafts, parse them and lint them; collect diagnostics and per-file errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from copylint.diagnostics import Diagnostic
from copylint.documents import Format, decode, parse_document
from copylint.documents.reading import read_bytes
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.linter import lint_document
from copylint.rules import Rule


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run found: diagnostics, one-line errors for drafts it could not lint."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0


def lint_bytes(
    display_path: str, data: bytes, fmt: Format, rules: Sequence[Rule]
) -> list[Diagnostic]:
    """Decode, parse and lint one draft; raises CopylintError for input it cannot read."""
    text, has_bom = decode(display_path, data)
    document = parse_document(display_path, text, fmt, has_bom)
    return lint_document(document, rules)


def lint_drafts(drafts: Iterable[Draft | CopylintError], rules: Sequence[Rule]) -> RunResult:
    """Lint every draft; a draft that fails is reported and the others still run."""
    result = RunResult()
    files = 0
    for draft in drafts:
        try:
            if isinstance(draft, CopylintError):
                raise draft
            files += 1
            data = read_bytes(draft.path)
            result.diagnostics.extend(lint_bytes(draft.display_path, data, draft.format, rules))
        except CopylintError as error:
            result.errors.append(str(error))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return RunResult(result.diagnostics, result.errors, files)
