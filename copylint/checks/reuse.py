"""``extends: reuse``: a paragraph or headline that also appears in another file of the run.

Each file's paragraphs (of at least ``min_words`` words) or its headline are compared
with those of every other file linted in the same run, through the word index of
``copylint.repeats`` (never all pairs), with the same tolerance as ``duplicate``:
``changed_words``, ``changed_percent``, and never another figure or name. Texts
matching one of the ``allow`` patterns (agency credits, "contributed to this report")
are never compared. A copy is reported in each file after the first that has it;
``%s`` in the message is the other file and line, then how it repeats it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from copylint.checks.base import (
    TOLERANCE_OPTIONS,
    CheckKind,
    Unit,
    choice,
    integer,
    string_list,
    tolerance,
)
from copylint.checks.patterns import compile_pattern
from copylint.documents import Document, find_headline
from copylint.fingerprints import Fingerprint, fingerprint
from copylint.repeats import Repeat, Tolerance, find_repeats

PARAGRAPH = "paragraph"
HEADLINE = "headline"


@dataclass(frozen=True, slots=True)
class Reuse:
    """Compares paragraphs or headlines across the files of one run."""

    unit: str
    min_words: int
    tolerance: Tolerance
    allow: tuple[regex.Pattern[str], ...]

    def units(self, document: Document) -> Iterator[Unit]:
        for text, start, end in self._pieces(document):
            key = fingerprint(text)
            if len(key) >= self.min_words and not self._allowed(text):
                yield Unit(start, end, key)

    def reuses(self, keys: Sequence[Fingerprint], owners: Sequence[int]) -> Iterator[Repeat]:
        return find_repeats(keys, owners, self.tolerance, across_owners=True)

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


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Reuse:
    """Read the unit, the word minimum, the tolerance and the allow-list."""
    return Reuse(
        unit=options.get("unit", PARAGRAPH),
        min_words=options.get("min_words", 8),
        tolerance=tolerance(options),
        allow=tuple(compile_pattern(pattern) for pattern in options.get("allow", [])),
    )


KIND = CheckKind(
    options={
        "unit": choice(PARAGRAPH, HEADLINE),
        "min_words": integer,
        **TOLERANCE_OPTIONS,
        "allow": string_list,
    },
    build=build,
)
