"""Find repeated and nearly repeated texts without comparing every pair.

Texts are normalised (case, punctuation, white space and line wrapping do not count).
Exact copies share a normalised form. Near copies are found through a bottom-k sketch:
the k smallest hashes of a text's three-word shingles. Two texts are compared only when
their sketches share a value, so the work grows with the number of texts, not with its
square; rapidfuzz then measures how alike each candidate pair is.
"""

from __future__ import annotations

import heapq
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz

SKETCH_SIZE = 8
SHINGLE_WORDS = 3
MAX_POSTINGS = 64

_PUNCTUATION = regex.compile(r"[^\p{L}\p{N}\s]+")


def normalize(text: str) -> str:
    """Return ``text`` folded for comparison: lower case, no punctuation, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def word_count(normalized: str) -> int:
    """Count the words of a normalised text."""
    return normalized.count(" ") + 1 if normalized else 0


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text folded for comparison, and its sketch."""

    text: str
    sketch: tuple[int, ...]

    @property
    def words(self) -> int:
        """Count the words of the folded text."""
        return word_count(self.text)


@lru_cache(maxsize=4096)
def fingerprint(text: str) -> Fingerprint:
    """Fold ``text`` and sketch it."""
    normalized = normalize(text)
    return Fingerprint(normalized, sketch(normalized))


def sketch(normalized: str) -> tuple[int, ...]:
    """Return the bottom-k hashes of the text's word shingles."""
    words = normalized.split()
    width = min(SHINGLE_WORDS, len(words))
    shingles = {
        zlib.crc32(" ".join(words[i : i + width]).encode()) for i in range(len(words) - width + 1)
    }
    return tuple(heapq.nsmallest(SKETCH_SIZE, shingles))


def find_repeats(
    prints: Sequence[Fingerprint], owners: Sequence[int], threshold: float, across_owners: bool
) -> Iterator[tuple[int, int, int]]:
    """Yield (later, earlier, similarity %) for each text that repeats an earlier one.

    With ``across_owners`` only texts of different owners are paired (another file);
    without it only texts of the same owner (the same draft). Each later text is paired
    with the earliest text it repeats, exactly if it can, else the most similar.
    """
    exact: dict[str, list[int]] = defaultdict(list)
    postings: dict[int, list[int]] = defaultdict(list)
    for index, current in enumerate(prints):
        earlier = _first_exact(exact[current.text], owners, index, across_owners)
        if earlier is not None:
            yield index, earlier, 100
        else:
            near = _nearest(prints, owners, index, postings, threshold, across_owners)
            if near is not None:
                yield index, near[0], near[1]
        exact[current.text].append(index)
        for value in current.sketch:
            postings[value].append(index)


def _eligible(owners: Sequence[int], index: int, other: int, across_owners: bool) -> bool:
    return (owners[index] != owners[other]) == across_owners


def _first_exact(
    candidates: list[int], owners: Sequence[int], index: int, across_owners: bool
) -> int | None:
    return next(
        (other for other in candidates if _eligible(owners, index, other, across_owners)), None
    )


def _nearest(
    prints: Sequence[Fingerprint],
    owners: Sequence[int],
    index: int,
    postings: dict[int, list[int]],
    threshold: float,
    across_owners: bool,
) -> tuple[int, int] | None:
    candidates = {
        other
        for value in prints[index].sketch
        if len(postings[value]) <= MAX_POSTINGS
        for other in postings[value]
        if _eligible(owners, index, other, across_owners)
    }
    text = prints[index].text
    best: tuple[int, int] | None = None
    for other in sorted(candidates):
        score = fuzz.ratio(text, prints[other].text, score_cutoff=threshold)
        if score and (best is None or round(score) > best[1]):
            best = (other, round(score))
    return best
