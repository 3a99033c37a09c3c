"""``extends: metric``: a formula over a document's counts, against a condition (Vale's).

The counts are of the document's prose (paragraphs, list items, quotes; not headings
or tables), counted as copylint counts elsewhere: ``words`` (``copylint.words``),
``sentences`` (``copylint.sentences``), ``syllables`` (Pyphen, as the readability
rules), ``characters`` (letters and digits of the words), ``long_words`` (more than
six characters), ``polysyllabic_words`` (more than two syllables), ``complex_words``
(the same, a syllable less for an -es, -ed or -ing ending, as Vale counts them) and
``paragraphs``; and of its blocks: ``heading.h1`` to ``heading.h6``, ``list``,
``blockquote`` and ``pre``. Vale counts with other tokenizers, so a score may differ
from Vale's in its decimals. A document with no words is not scored. The finding is at
the document's start; ``%s`` is the value, with two decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from copylint.checks.base import CheckContext, CheckKind, Match, string
from copylint.compiled import compiled
from copylint.documents import Document
from copylint.formulas import Condition, Formula
from copylint.sentences import split_sentences
from copylint.syllables import count_syllables
from copylint.words import words

SUMMARY = "summary"
_BLOCK_COUNTS = ("pre", "list", "blockquote", *(f"heading_h{level}" for level in range(1, 7)))
_TEXT_COUNTS = (
    "words",
    "sentences",
    "syllables",
    "characters",
    "long_words",
    "polysyllabic_words",
    "complex_words",
    "paragraphs",
)
VARIABLES = frozenset({*_TEXT_COUNTS, *_BLOCK_COUNTS})
_HEADING = compiled(r"heading\.(h[1-6])")


@dataclass(frozen=True, slots=True)
class Metric:
    """Scores a document with ``formula`` and reports it when ``condition`` holds."""

    formula: Formula
    condition: Condition

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        counts = document_counts(document, context)
        if not counts["words"]:
            return
        try:
            value = self.formula.value(counts)
        except (ZeroDivisionError, ValueError, OverflowError):
            return
        if self.condition.holds(value):
            yield Match(0, 0, (f"{value:.2f}",))


def document_counts(document: Document, context: CheckContext) -> dict[str, float]:
    """Count what a formula may name, over the document's prose and blocks."""
    counts = dict.fromkeys(VARIABLES, 0.0)
    for block in document.blocks:
        for scope in block.scopes:
            name = scope.replace(".", "_")
            if name in _BLOCK_COUNTS:
                counts[name] += 1
        if SUMMARY not in block.scopes:
            continue
        counts["paragraphs"] += 1
        counts["sentences"] += len(split_sentences(block.text))
        for word in words(block.text):
            syllables = count_syllables(word, context.cache)
            counts["words"] += 1
            counts["syllables"] += syllables
            counts["characters"] += sum(char.isalnum() for char in word)
            counts["long_words"] += len(word) > 6
            counts["polysyllabic_words"] += syllables > 2
            ending = word.endswith(("es", "ed", "ing"))
            counts["complex_words"] += syllables - ending > 2
    return counts


def _formula(text: str) -> Formula:
    return Formula.parse(_HEADING.sub(r"heading_\1", text), VARIABLES)


def _checked(parse: Callable[[str], object]) -> Callable[[Any], str]:
    """A validator that parses the key's text now, so that a bad one is a load error."""

    def validate(value: Any) -> str:
        text = string(value)
        parse(text)
        return text

    return validate


@dataclass(frozen=True, slots=True)
class MetricOptions:
    """Vale's keys: the formula and the condition, both checked when the rule loads."""

    formula: str = field(default="0", metadata={"validate": _checked(_formula)})
    condition: str = field(default="> 0", metadata={"validate": _checked(Condition.parse)})

    def build(self) -> Metric:
        """Parse the formula and the condition."""
        return Metric(_formula(self.formula), Condition.parse(self.condition))


KIND = CheckKind(MetricOptions, scoped=False)
