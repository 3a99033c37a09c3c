"""``extends: length``: a sentence, paragraph or lede longer than a plain limit.

Counts ``words`` (as ``copylint.words`` defines them: "8-3/4" and "U.S." are one
word each) or ``sentences`` in each segment of the rule's scope and reports the
whole segment when the count is over ``max``. ``%d`` in the message is the count, then
the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

from copylint.checks.base import CheckKind, Match
from copylint.sentences import split_sentences
from copylint.words import count_words

WORDS: Final = "words"
SENTENCES: Final = "sentences"


@dataclass(frozen=True, slots=True)
class Length:
    """Reports a segment with more than ``max`` words or sentences."""

    unit: str
    max: int

    def find(self, text: str) -> Iterator[Match]:
        count = count_units(text, self.unit)
        if count > self.max:
            yield Match(0, len(text), (count, self.max))


def count_units(text: str, unit: str) -> int:
    """Count the words or the sentences in ``text``."""
    if unit == SENTENCES:
        return len(split_sentences(text))
    return count_words(text)


@dataclass(frozen=True, slots=True)
class LengthOptions:
    """The unit counted, and the most a segment may have."""

    unit: Literal["words", "sentences"] = WORDS
    max: int = 0

    def build(self) -> Length:
        """Make the check."""
        return Length(self.unit, self.max)


KIND = CheckKind(LengthOptions)
