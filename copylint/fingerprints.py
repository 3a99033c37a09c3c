"""Texts folded for comparison: their words, and which of those words are facts.

A paragraph or headline is compared as its sequence of words (``copylint.words``),
folded so that case, punctuation, white space and line wrapping do not count; each
folded word becomes one character (a hash of it), so that rapidfuzz compares word
sequences as strings. Some words are facts: figures (digits, and numbers and dates
written out: the word lists are in ``copylint.wordlists``) and names (capitalised words
inside a sentence). Two texts that differ in their figures, or put one name in place
of another, say different things however alike they are otherwise.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from copylint.compiled import compiled
from copylint.wordlists import CALENDAR_WORDS, NUMBER_WORDS, RELATIVE_DAYS
from copylint.words import find_words, words

FIGURE = "figure"
NAME = "name"

_CODE_BASE = 0x10000
_CODE_SPAN = 0xF0000
_SEPARATOR = "\x00"
_INITIALISM_POINT = compiled(r"(?<=\p{L})\.")
_THOUSANDS = compiled(r"(?<=\p{N}),(?=\p{N})")
_SENTENCE_BREAK = compiled(r"[.!?:;\"“”(\[]")
_DIGIT = compiled(r"\d")
_JOINERS = compiled(r"[-/]")
_CAPITAL = compiled(r"\p{Lu}")
_LOWER_CASE = compiled(r"\p{Ll}")


@dataclass(frozen=True, slots=True)
class Fact:
    """A word that states a fact: where it stands among the text's words, and what it is."""

    index: int
    kind: str
    word: str


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text as compared: one character per folded word, and the text for its facts.

    Two texts have equal ``codes`` when they have the same words.
    """

    codes: str
    source: str

    def __len__(self) -> int:
        """Count the text's words."""
        return len(self.codes)

    def figures(self, start: int = 0, end: int | None = None) -> list[str]:
        """Return the figures among words ``start`` to ``end``, in order."""
        return self._facts(FIGURE, start, len(self.codes) if end is None else end)

    def names(self, start: int = 0, end: int | None = None) -> list[str]:
        """Return the names among words ``start`` to ``end``, in order."""
        return self._facts(NAME, start, len(self.codes) if end is None else end)

    def _facts(self, kind: str, start: int, end: int) -> list[str]:
        return [
            fact.word
            for fact in find_facts(self.source)
            if fact.kind == kind and start <= fact.index < end
        ]


@lru_cache(maxsize=8192)
def fingerprint(text: str) -> Fingerprint:
    """Fold ``text`` into one character per word."""
    source = unicodedata.normalize("NFKC", text)
    folded = fold_words(words(source))
    return Fingerprint("".join(map(_code, folded)), source)


@lru_cache(maxsize=65536)
def _code(folded: str) -> str:
    """Return the one character that stands for a folded word: the same in every process."""
    return chr(_CODE_BASE + zlib.crc32(folded.encode()) % _CODE_SPAN)


def fold(text: str) -> str:
    """Return a key that is equal for texts with the same words."""
    return fingerprint(text).codes


def fold_words(raw: Sequence[str]) -> list[str]:
    """Fold words for comparison: case, apostrophes, line breaks after hyphens, initialisms'
    points, thousands commas."""
    joined = _SEPARATOR.join(raw).casefold().replace("’", "'").replace("-\n", "-")
    joined = _THOUSANDS.sub("", _INITIALISM_POINT.sub("", joined))
    return joined.split(_SEPARATOR) if raw else []


@lru_cache(maxsize=65536)
def is_figure(word: str) -> bool:
    """Tell whether a word is a figure: it has a digit, or is a number or a date written out.

    A word joined by hyphens or slashes is a figure when one of its parts is
    ("twenty-five", "one-third", "May/Jul").
    """
    if _DIGIT.search(word):
        return True
    parts = _JOINERS.split(word) if "-" in word or "/" in word else [word]
    return any(
        part in CALENDAR_WORDS
        or part.casefold() in NUMBER_WORDS
        or part.casefold() in RELATIVE_DAYS
        for part in parts
    )


@lru_cache(maxsize=1024)
def find_facts(source: str) -> tuple[Fact, ...]:
    """Return the figures and names of a text (in NFKC form), with their word indices.

    A name is a capitalised word that does not open a sentence; in a text set in
    capitals (a wire headline) case says nothing, and there are no names.
    """
    capitals_say_nothing = len(_CAPITAL.findall(source)) > len(_LOWER_CASE.findall(source))
    facts = []
    previous_end = 0
    for index, found in enumerate(find_words(source)):
        word = found.group()
        if is_figure(word):
            facts.append(Fact(index, FIGURE, fold_words([word])[0]))
        elif (
            word[0].isupper()
            and index
            and not capitals_say_nothing
            and not _SENTENCE_BREAK.search(source, previous_end, found.start())
        ):
            facts.append(Fact(index, NAME, fold_words([word])[0]))
        previous_end = found.end()
    return tuple(facts)
