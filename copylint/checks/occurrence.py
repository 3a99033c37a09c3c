"""``extends: occurrence``: too many or too few of a token in one scope (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from copylint.checks.base import CheckKind, Match
from copylint.checks.patterns import RulePattern, compile_pattern
from copylint.documents.model import CODE_PLACEHOLDER


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Counts the token; reports at the first match that is prose, or at the start when
    there is none.

    ``%s`` and ``%d`` in the message are the count.
    """

    pattern: RulePattern
    max: int
    min: int

    def find(self, text: str) -> Iterator[Match]:
        spans = [found.span() for found in self.pattern.finditer(text)]
        count = len(spans)
        if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
            if not spans:
                yield Match(0, 0, (count,))
                return
            shown = next((span for span in spans if _is_prose(text[span[0] : span[1]])), None)
            if shown is not None:
                yield Match(*shown, (count,))


def _is_prose(matched: str) -> bool:
    """Tell whether a match may be shown: not blank, not code read as placeholders
    (Vale shows the first such match, and nothing when there is none)."""
    return bool(matched.strip()) and bool(matched.strip(CODE_PLACEHOLDER + " "))


@dataclass(frozen=True, slots=True)
class OccurrenceOptions:
    """Vale's keys."""

    token: str = ""
    max: int = 0
    min: int = 0
    ignorecase: bool = False

    def build(self) -> Occurrence:
        """Compile the token, case-blind if ``ignorecase``."""
        prefix = "(?i)" if self.ignorecase else ""
        return Occurrence(compile_pattern(f"{prefix}(?:{self.token})"), self.max, self.min)


KIND = CheckKind(OccurrenceOptions)
