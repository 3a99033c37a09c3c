"""The default report: ``path:line:col: severity[Rule.Name] message`` and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic, Level
from copylint.oneline import one_line
from copylint.reporters.context import ReportContext

_COLORS = {Level.ERROR: "\033[31m", Level.WARNING: "\033[33m", Level.SUGGESTION: "\033[36m"}
_BOLD = "\033[1m"
_RESET = "\033[0m"


def report(diagnostics: Sequence[Diagnostic], context: ReportContext, stream: TextIO) -> None:
    """Write one line per diagnostic, then a one-line summary."""
    for diagnostic in diagnostics:
        stream.write(format_line(diagnostic, context.color) + "\n")
    stream.write(summary(diagnostics, context.files) + "\n")


def format_line(diagnostic: Diagnostic, color: bool = False) -> str:
    """Format one diagnostic as a lint-style line."""
    where = f"{one_line(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}:"
    level = diagnostic.level.label
    if color:
        where = f"{_BOLD}{where}{_RESET}"
        level = f"{_COLORS[diagnostic.level]}{level}{_RESET}"
    return f"{where} {level}[{diagnostic.rule}] {one_line(diagnostic.message)}"


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """Say how many problems of each level were found, in how many files."""
    checked = f"{files} file" + ("" if files == 1 else "s")
    if not diagnostics:
        return f"No problems found in {checked}."
    counts = Counter(diagnostic.level for diagnostic in diagnostics)
    parts = [
        f"{counts[level]} {level.label}" + ("" if counts[level] == 1 else "s")
        for level in sorted(counts, reverse=True)
    ]
    total = len(diagnostics)
    noun = "problem" if total == 1 else "problems"
    affected = len({diagnostic.path for diagnostic in diagnostics})
    return f"Found {total} {noun} ({', '.join(parts)}) in {affected} of {checked}."
