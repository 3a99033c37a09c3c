"""``--format github``: workflow commands that annotate a pull request's files.

See GitHub's "Workflow commands" documentation: values are percent-escaped, and
property values also escape ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic, Level
from copylint.reporters.context import ReportContext

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property's value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_command(d: Diagnostic) -> str:
    """Format one diagnostic as a workflow command."""
    properties = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (
            ("file", d.path),
            ("line", d.line),
            ("col", d.column),
            ("endLine", d.end_line),
            ("endColumn", d.end_column),
            ("title", d.rule),
        )
    )
    return f"::{COMMANDS[d.level]} {properties}::{escape_data(d.message)}"


def report(diagnostics: Sequence[Diagnostic], _context: ReportContext, stream: TextIO) -> None:
    """Write one workflow command per diagnostic."""
    for diagnostic in diagnostics:
        stream.write(format_command(diagnostic) + "\n")
