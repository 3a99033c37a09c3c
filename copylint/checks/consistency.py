"""``extends: consistency``: both spellings of an ``either`` pair in one file (Vale semantics).

Each pair (``colour: color``) is one pattern with a group for each side. Once a file
has used both sides (in this block or one before it), each block that uses either is
reported at its last use; ``%s`` is that use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from copylint.checks.base import CheckKind, Match
from copylint.checks.patterns import RulePattern, compile_pattern, word_pattern

_SIDES = ("one", "other")


@dataclass(frozen=True, slots=True)
class Consistency:
    """Finds a file's uses of both sides of a pair, reading it in order."""

    pairs: tuple[RulePattern, ...]

    def for_document(self) -> _Reading:
        """Return a reader of one file, which remembers the sides it has seen."""
        return _Reading(self)

    def find(self, text: str) -> Iterator[Match]:
        return self.for_document().find(text)


@dataclass(frozen=True, slots=True)
class _Reading:
    rule: Consistency
    seen: set[tuple[int, str]] = field(default_factory=set)

    def find(self, text: str) -> Iterator[Match]:
        for index, pattern in enumerate(self.rule.pairs):
            last: tuple[int, int] | None = None
            for found in pattern.finditer(text):
                side = next(side for side in _SIDES if found.group(side) is not None)
                self.seen.add((index, side))
                last = found.span(side)
            if last is not None and all((index, side) in self.seen for side in _SIDES):
                yield Match(*last, (text[last[0] : last[1]],))


@dataclass(frozen=True, slots=True)
class ConsistencyOptions:
    """Vale's keys."""

    either: dict[str, str] = field(default_factory=dict)
    ignorecase: bool = False
    nonword: bool = False

    def build(self) -> Consistency:
        """Compile one pattern for each pair."""
        return Consistency(tuple(self._pattern(one, other) for one, other in self.either.items()))

    def _pattern(self, one: str, other: str) -> RulePattern:
        sides = [f"(?P<one>{one})", f"(?P<other>{other})"]
        return compile_pattern(word_pattern(sides, self.ignorecase, self.nonword))


KIND = CheckKind(ConsistencyOptions)
