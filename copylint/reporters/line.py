"""``--format line``: ``path:line:col:Rule:message``, Vale's line format, for scripts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.oneline import one_line
from copylint.reporters.context import ReportContext


def report(diagnostics: Sequence[Diagnostic], _context: ReportContext, stream: TextIO) -> None:
    """Write one line per diagnostic and nothing else."""
    for d in diagnostics:
        stream.write(f"{one_line(d.path)}:{d.line}:{d.column}:{d.rule}:{one_line(d.message)}\n")
