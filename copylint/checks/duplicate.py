"""``extends: duplicate``: a paragraph that repeats an earlier one in the same draft.

Paragraphs of at least ``min_words`` words are compared word by word after folding
(case, punctuation, line wrapping), through ``copylint.repeats``: a copy may change
``changed_words`` words, or ``changed_percent`` of them when that is more, but never a
figure or a name; a paragraph pasted inside a longer one, or two merged into one,
counts too. Tables are not paragraphs and are never compared. The later copy is
reported; ``%d`` in the message is the first copy's line, ``%s`` how it repeats it
("word for word", "2 words changed", "part of it", "with more added").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from copylint.checks.base import (
    CheckContext,
    CheckKind,
    FixKind,
    LineOf,
    Match,
    ToleranceOptions,
)
from copylint.documents import Block, Document
from copylint.fingerprints import fingerprint
from copylint.repeats import Overlap, Repeat, Tolerance, find_repeats
from copylint.repeats import prepare as prepare_comparisons


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Finds paragraphs of at least ``min_words`` words that repeat an earlier one."""

    min_words: int
    tolerance: Tolerance

    def prepare(self, _context: CheckContext) -> None:
        """Import rapidfuzz now, before the run's work is shared among processes."""
        prepare_comparisons()

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        keyed = [(block, fingerprint(block.text)) for block in document.paragraphs()]
        kept = [(block, key) for block, key in keyed if len(key) >= self.min_words]
        keys = [key for _block, key in kept]
        for repeat in find_repeats(keys, [0] * len(keys), self.tolerance, across_owners=False):
            yield _match(kept[repeat.later][0], kept[repeat.earlier][0], repeat)


def _match(block: Block, first: Block, repeat: Repeat) -> Match:
    """Report the later copy; a copy of the same words and punctuation may be deleted."""
    start, end = block.source_span()
    exact = repeat.similarity.overlap is Overlap.SAME and block.text.split() == first.text.split()
    fix = FixKind.DELETE_LINES if exact else None
    return Match(start, end, (LineOf(first.source_start()), repeat.similarity.describe()), fix=fix)


@dataclass(frozen=True, slots=True)
class DuplicateOptions(ToleranceOptions):
    """The fewest words a paragraph needs to be compared, and how far a copy may differ."""

    min_words: int = 8

    def build(self) -> Duplicate:
        """Make the check."""
        return Duplicate(self.min_words, self.tolerance)


KIND = CheckKind(DuplicateOptions, scoped=False)
