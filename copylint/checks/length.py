"""``extends: length``: a sentence, paragraph or lede longer than a plain limit.

Counts ``words`` or ``sentences`` in each segment of the rule's scope and reports the
whole segment when the count is over ``max``. ``%d`` in the message is the count, then
the limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from copylint.checks.base import CheckKind, Match, choice, integer
from copylint.sentences import split_sentences

WORDS = "words"
SENTENCES = "sentences"
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'.,-]*")


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
    return len(_WORD.findall(text))


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Length:
    """Read the unit and the limit."""
    return Length(options.get("unit", WORDS), options.get("max", 0))


KIND = CheckKind(options={"unit": choice(WORDS, SENTENCES), "max": integer}, build=build)
