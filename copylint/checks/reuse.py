"""``extends: reuse``: a paragraph or headline that also appears in another file of the run.

Each file's paragraphs (of at least ``min_words`` words) or its headline are compared
with those of every other file linted in the same run, through the word index of
``copylint.repeats`` (never all pairs), with the same tolerance as ``duplicate``:
``changed_words``, ``changed_percent``, and never another figure or name. Texts
matching one of the ``allow`` patterns (agency credits, "contributed to this report")
are never compared, and a text whose copies are in ``standing_stories`` stories or
more (3) is standing copy, reused on purpose (a boilerplate explainer, the intro of
a recurring table), and never reported. A copy is reported in each file after the
first that has it; ``%s`` in the message is the other file and line, then how it
repeats it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from copylint.checks.base import CheckKind, ToleranceOptions, Unit
from copylint.checks.patterns import RulePattern, compile_pattern
from copylint.documents import Document, find_headline
from copylint.fingerprints import Fingerprint, fingerprint
from copylint.repeats import Repeat, Tolerance, find_repeats

PARAGRAPH: Final = "paragraph"
HEADLINE: Final = "headline"


@dataclass(frozen=True, slots=True)
class Reuse:
    """Compares paragraphs or headlines across the files of one run."""

    unit: str
    min_words: int
    tolerance: Tolerance
    allow: tuple[RulePattern, ...]
    standing_stories: int

    def units(self, document: Document) -> Iterator[Unit]:
        for text, start, end in self._pieces(document):
            key = fingerprint(text)
            if len(key) >= self.min_words and not self._allowed(text):
                yield Unit(start, end, key)

    def reuses(self, keys: Sequence[Fingerprint], owners: Sequence[int]) -> Iterator[Repeat]:
        found = list(find_repeats(keys, owners, self.tolerance, across_owners=True))
        standing = _standing(found, owners, self.standing_stories)
        return (repeat for repeat in found if repeat.later not in standing)

    def _pieces(self, document: Document) -> Iterator[tuple[str, int, int]]:
        if self.unit == HEADLINE:
            headline = find_headline(document)
            if headline is not None:
                yield headline.text, headline.offset, headline.offset + len(headline.text)
            return
        for block in document.paragraphs():
            yield (block.text, *block.source_span())

    def _allowed(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.allow)


def _standing(found: list[Repeat], owners: Sequence[int], stories: int) -> set[int]:
    """Return the units whose copies, all told, are in ``stories`` stories or more.

    Copies are grouped through every repeat found (a copy of a copy is in the group).
    """
    group = {unit: unit for repeat in found for unit in (repeat.later, repeat.earlier)}

    def root(unit: int) -> int:
        while group[unit] != unit:
            group[unit] = group[group[unit]]
            unit = group[unit]
        return unit

    for repeat in found:
        group[root(repeat.later)] = root(repeat.earlier)
    members: dict[int, set[int]] = defaultdict(set)
    for unit in group:
        members[root(unit)].add(owners[unit])
    return {unit for unit in group if len(members[root(unit)]) >= stories}


@dataclass(frozen=True, slots=True)
class ReuseOptions(ToleranceOptions):
    """The unit compared, the fewest words it needs, how far a copy may differ, the
    texts never compared, and how many stories make a text standing copy."""

    unit: Literal["paragraph", "headline"] = PARAGRAPH
    min_words: int = 8
    allow: tuple[str, ...] = ()
    standing_stories: int = 3

    def build(self) -> Reuse:
        """Make the check, its allow-list compiled."""
        return Reuse(
            unit=self.unit,
            min_words=self.min_words,
            tolerance=self.tolerance,
            allow=tuple(compile_pattern(pattern) for pattern in self.allow),
            standing_stories=self.standing_stories,
        )


KIND = CheckKind(ReuseOptions, scoped=False)
