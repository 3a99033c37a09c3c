"""``extends: duplicate``: a paragraph that repeats an earlier one in the same draft.

Copies are matched after normalisation (case, punctuation, line wrapping), exactly or
nearly (rapidfuzz similarity at or above ``threshold``). The later copy is reported;
``%d`` in the message is the first copy's line, then the similarity in percent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.checks.base import (
    CheckContext,
    CheckKind,
    FixKind,
    LineOf,
    Match,
    integer,
    number,
)
from copylint.documents import Block, Document
from copylint.fingerprints import find_repeats, fingerprint


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Finds paragraphs of at least ``min_words`` words that repeat an earlier one."""

    min_words: int
    threshold: float

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        keyed = [(block, fingerprint(block.text)) for block in document.paragraphs()]
        kept = [(block, key) for block, key in keyed if key.words >= self.min_words]
        keys = [key for _block, key in kept]
        for later, earlier, similarity in find_repeats(
            keys, [0] * len(keys), self.threshold, across_owners=False
        ):
            yield _match(kept[later][0], kept[earlier][0], similarity)


def _match(block: Block, first: Block, similarity: int) -> Match:
    """Report the later copy; an exact copy (same words, same punctuation) may be deleted."""
    start, end = block.source_span()
    exact = block.text.split() == first.text.split()
    fix = FixKind.DELETE_LINES if exact else None
    return Match(start, end, (LineOf(first.source_start()), similarity), fix=fix)


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Duplicate:
    """Read the word minimum and the similarity threshold."""
    return Duplicate(options.get("min_words", 8), options.get("threshold", 90.0))


KIND = CheckKind(options={"min_words": integer, "threshold": number}, build=build)
