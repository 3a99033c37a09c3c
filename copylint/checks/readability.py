"""``extends: readability``: how hard the whole article is to read, scored with textstat.

Formulas are unstable on a single paragraph, so the article's prose (its paragraphs,
not headings or tables) is scored as one text, and only when its paragraphs have
``min_words`` words or more between them (a paragraph's words are found once for
this and the length rules: ``copylint.words``). With Vale's keys, ``metrics``
(``Flesch-Kincaid``, ``Gunning Fog``, ``Coleman-Liau``, ``SMOG``, ``Automated
Readability``) are averaged into a grade that must not exceed ``grade``; with
copylint's ``min_ease``, the Flesch reading ease must not fall below it. The article's
first paragraph is reported; ``%.1f`` in the message is the score, then the limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from copylint.checks.base import CheckContext, CheckKind, Match, string_list
from copylint.documents import Document
from copylint.syllables import forget_word_lists, textstat_for
from copylint.syllables import prepare as prepare_scoring
from copylint.words import count_words

SUMMARY = "summary"
METRICS = ("Flesch-Kincaid", "Gunning Fog", "Coleman-Liau", "SMOG", "Automated Readability")
_TEXTSTAT_NAMES = {
    "Flesch-Kincaid": "flesch_kincaid_grade",
    "Gunning Fog": "gunning_fog",
    "Coleman-Liau": "coleman_liau_index",
    "SMOG": "smog_index",
    "Automated Readability": "automated_readability_index",
}


@dataclass(frozen=True, slots=True)
class Readability:
    """Scores the article's prose and reports it when it is over the grade or under the ease."""

    metrics: tuple[str, ...]
    grade: float | None
    min_ease: float | None
    min_words: int

    def prepare(self, context: CheckContext) -> None:
        """Import textstat and load the hyphenator now, before the run's work is shared
        among processes."""
        prepare_scoring(context.cache)

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        prose = [block for block in document.blocks if SUMMARY in block.scopes]
        if not prose or sum(count_words(block.text) for block in prose) < self.min_words:
            return
        text = "\n".join(block.text for block in prose)
        start, end = prose[0].source_span()
        stats = textstat_for(text, context.cache)
        try:
            if self.min_ease is not None:
                ease = float(stats.flesch_reading_ease(text))
                if ease < self.min_ease:
                    yield Match(start, end, (ease, self.min_ease))
            if self.grade is not None:
                scores = [float(_metric(stats, name)(text)) for name in self.metrics]
                grade = sum(scores) / len(scores)
                if grade > self.grade:
                    yield Match(start, end, (grade, self.grade))
        finally:
            forget_word_lists()


def _metric(stats: Any, name: str) -> Callable[[str], float]:
    function: Callable[[str], float] = getattr(stats, _TEXTSTAT_NAMES[name])
    return function


def _metric_names(value: Any) -> tuple[str, ...]:
    names = string_list(value)
    unknown = [name for name in names if name not in _TEXTSTAT_NAMES]
    if unknown:
        raise ValueError(f"'{unknown[0]}' is not one of {', '.join(METRICS)}")
    return names


@dataclass(frozen=True, slots=True)
class ReadabilityOptions:
    """The metrics and limits; with neither ``grade`` nor ``min_ease`` nothing is checked."""

    metrics: tuple[str, ...] = field(
        default=("Flesch-Kincaid",), metadata={"validate": _metric_names}
    )
    grade: float | None = None
    min_ease: float | None = None
    min_words: int = 150

    def build(self) -> Readability:
        """Make the check."""
        return Readability(self.metrics, self.grade, self.min_ease, self.min_words)


KIND = CheckKind(ReadabilityOptions, scoped=False)
