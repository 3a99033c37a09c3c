"""Reporters write sorted diagnostics to a stream; they choose nothing and exit nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters import github, json_format, junit, line, sarif, text
from copylint.reporters.context import ReportContext

Reporter = Callable[[Sequence[Diagnostic], ReportContext, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_format.report,
    "github": github.report,
    "sarif": sarif.report,
    "junit": junit.report,
    "line": line.report,
}

__all__ = ["REPORTERS", "ReportContext", "Reporter"]
