"""``extends: occurrence``: too many or too few of a token in one scope (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.checks.base import CheckKind, Match, boolean, integer, string
from copylint.checks.patterns import RulePattern, compile_pattern


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Counts the token; reports at the first match, or at the start when there is none.

    ``%s`` and ``%d`` in the message are the count.
    """

    pattern: RulePattern
    max: int
    min: int

    def find(self, text: str) -> Iterator[Match]:
        spans = [found.span() for found in self.pattern.finditer(text)]
        count = len(spans)
        if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
            start, end = spans[0] if spans else (0, 0)
            yield Match(start, end, (count,))


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Occurrence:
    """Compile the token, case-blind if ``ignorecase``."""
    prefix = "(?i)" if options.get("ignorecase", False) else ""
    return Occurrence(
        compile_pattern(f"{prefix}(?:{options.get('token', '')})"),
        max=options.get("max", 0),
        min=options.get("min", 0),
    )


KIND = CheckKind(
    options={"token": string, "max": integer, "min": integer, "ignorecase": boolean},
    build=build,
)
