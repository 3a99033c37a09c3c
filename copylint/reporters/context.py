"""What a reporter may need besides the diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from copylint.rules import Rule


@dataclass(frozen=True, slots=True)
class ReportContext:
    """The run's size, whether to use colour, and the rules that ran (for metadata)."""

    files: int
    color: bool = False
    rules: tuple[Rule, ...] = field(default=())
