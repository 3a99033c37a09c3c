"""Reporters write sorted diagnostics to a stream; they choose nothing and exit nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters import json_format, text


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a reporter may need besides the diagnostics."""

    files: int
    color: bool = False


Reporter = Callable[[Sequence[Diagnostic], ReportContext, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": lambda diagnostics, context, stream: text.report(
        diagnostics, stream, context.files, context.color
    ),
    "json": lambda diagnostics, _context, stream: json_format.report(diagnostics, stream),
}
