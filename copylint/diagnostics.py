"""Severity levels and the diagnostics that reporters print."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    """How serious a finding is; higher is worse."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        """Return the level called ``name``; raises ValueError for anything else."""
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"must be one of {', '.join(LEVEL_NAMES)}") from None

    @property
    def label(self) -> str:
        """Return the level's name as users write it."""
        return self.name.lower()


LEVEL_NAMES = tuple(level.label for level in Level)


@dataclass(frozen=True, slots=True)
class Edit:
    """A safe fix: replace the text from ``start`` to ``end`` with ``text``.

    Offsets count code points in the decoded file, after any byte order mark.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in a file, ready to print. Lines and columns count from 1."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    level: Level
    message: str
    match: str = ""
    suggestions: tuple[str, ...] = ()
    link: str = ""
    fix: Edit | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order diagnostics by file, position, rule and message."""
        return (self.path, self.line, self.column, self.rule, self.message)
