"""``--format json``: a JSON array of diagnostics; its keys are a stable contract."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters.context import ReportContext


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    """Return the JSON object for one diagnostic."""
    entry: dict[str, Any] = {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "rule": diagnostic.rule,
        "severity": diagnostic.level.label,
        "message": diagnostic.message,
    }
    if diagnostic.match:
        entry["match"] = diagnostic.match
    if diagnostic.suggestions:
        entry["suggestions"] = list(diagnostic.suggestions)
    if diagnostic.link:
        entry["link"] = diagnostic.link
    if diagnostic.fix is not None:
        fix = diagnostic.fix
        entry["fix"] = {"start": fix.start, "end": fix.end, "text": fix.text}
    return entry


def report(diagnostics: Sequence[Diagnostic], _context: ReportContext, stream: TextIO) -> None:
    """Write the diagnostics as one JSON array."""
    json.dump(
        [as_dict(diagnostic) for diagnostic in diagnostics], stream, indent=2, ensure_ascii=False
    )
    stream.write("\n")
