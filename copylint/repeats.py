"""Find texts that repeat one another, word for word or with light edits, at any length.

Two texts are copies when one can be turned into the other by changing, adding or
dropping at most a budget of words (``Tolerance``), and they agree on their facts:
the same figures in the same order, and no name put in place of another. A text can
also repeat another inside itself (a paragraph pasted into a longer one, or two
paragraphs merged into one): then the shorter is found, within its budget, in a
stretch of the longer.

Candidates come from an inverted index of words, never from all pairs. Each text is
probed with its rarest words: if two texts share all but ``k`` of the shorter one's
words, the rarest word they share is among the shorter one's ``k + 1`` rarest
(prefix filtering), so no copy within the budget is missed, short ones included;
probing with a few more than ``k + 1`` and asking for as many more shared keeps the
candidates few. rapidfuzz, which compares candidates, is imported when two texts are
first compared: a draft with no candidate pair does not pay its 10 ms import.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from copylint.fingerprints import Fingerprint

EXTRA_PROBES = 2


class Overlap(Enum):
    """How a later text repeats an earlier one."""

    SAME = "same"
    """The two are the same text, maybe with a few words changed."""
    PART = "part"
    """The later text repeats a stretch of the earlier, longer one."""
    MORE = "more"
    """The later text holds all of the earlier one and more."""


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How many words a copy may change: ``changed_percent`` of them, rounded up, at least
    ``changed_words``; and how long a text must be to count when found inside another
    (``min_contained_words``: a short stock sentence turns up inside many paragraphs).

    The budget of a pair is the larger of the two, on the longer text for two texts of
    about one length, on the shorter for one inside another.
    """

    changed_words: int = 0
    changed_percent: float = 10.0
    min_contained_words: int = 12

    def budget(self, words: int) -> int:
        """Return how many words a text of ``words`` words may differ in."""
        return max(self.changed_words, math.ceil(words * self.changed_percent / 100))

    def reach(self, words: int) -> int:
        """Return the most words a text of ``words`` words may differ from a longer copy in."""
        return _reach(self, words)

    def may_repeat(self, one: int, other: int) -> bool:
        """Tell whether texts of ``one`` and ``other`` words can be copies at all."""
        shorter, longer = sorted((one, other))
        same_length = longer - shorter <= self.budget(longer)
        return same_length or shorter >= max(self.min_contained_words, 1)


@lru_cache(maxsize=4096)
def _reach(tolerance: Tolerance, words: int) -> int:
    changed = tolerance.budget(words)
    while tolerance.budget(words + changed + 1) >= changed + 1:
        changed += 1
    return changed


@dataclass(frozen=True, slots=True)
class Similarity:
    """How one text repeats another: the overlap and the words changed (0: word for word)."""

    overlap: Overlap
    changed: int

    def reversed(self) -> Similarity:
        """Return how the earlier text repeats the later one."""
        turned = {Overlap.PART: Overlap.MORE, Overlap.MORE: Overlap.PART}
        return Similarity(turned.get(self.overlap, self.overlap), self.changed)

    def describe(self) -> str:
        """Say it in a message's words: "word for word", "2 words changed", "part of it"."""
        if self.overlap is Overlap.PART:
            return "part of it"
        if self.overlap is Overlap.MORE:
            return "with more added"
        if self.changed == 0:
            return "word for word"
        return f"{self.changed} word{'s' if self.changed > 1 else ''} changed"


@dataclass(frozen=True, slots=True)
class Repeat:
    """A later text (by index) that repeats an earlier one."""

    later: int
    earlier: int
    similarity: Similarity


def compare(later: Fingerprint, earlier: Fingerprint, tolerance: Tolerance) -> Similarity | None:
    """Return how ``later`` repeats ``earlier`` as one text, or None when it does not."""
    budget = tolerance.budget(max(len(later), len(earlier)))
    if abs(len(later) - len(earlier)) > budget:
        return None
    changed = 0 if later.codes == earlier.codes else _distance(later.codes, earlier.codes, budget)
    if changed > budget or not _same_facts(later, earlier):
        return None
    return Similarity(Overlap.SAME, changed)


def contains(longer: Fingerprint, shorter: Fingerprint, tolerance: Tolerance) -> int | None:
    """Return how many words ``shorter`` changes where ``longer`` repeats it, or None.

    rapidfuzz finds the stretch of ``longer`` most like ``shorter``; the stretch is then
    widened or narrowed by up to the budget at either end to count the fewest changes.
    Where the stretch starts and ends is free, which is slack of its own, so the budget
    is one word less than for two texts of one length.
    """
    from rapidfuzz import fuzz

    budget = tolerance.budget(len(shorter)) - 1
    if budget < 0 or len(shorter) < tolerance.min_contained_words or len(longer) <= len(shorter):
        return None
    cutoff = 100 * (1 - 2 * budget / len(shorter))
    window = fuzz.partial_ratio_alignment(shorter.codes, longer.codes, score_cutoff=cutoff)
    if window is None:
        return None
    best: tuple[int, int, int] | None = None
    for start in range(max(0, window.dest_start - budget), window.dest_start + budget + 1):
        for end in range(start + len(shorter) - budget, start + len(shorter) + budget + 1):
            stretch = longer.codes[start:end]
            changed = _distance(shorter.codes, stretch, budget)
            if changed <= budget and (best is None or changed < best[0]):
                best = (changed, start, end)
    if best is None:
        return None
    changed, start, end = best
    same = shorter.figures() == longer.figures(start, end) and not _replaced_names(
        shorter.names(), longer.names(start, end)
    )
    return changed if same else None


def prepare() -> None:
    """Import rapidfuzz now: a run that shares its work among processes imports it once,
    before they start, instead of once in each."""
    import rapidfuzz.distance
    import rapidfuzz.fuzz  # noqa: F401


def _distance(one: str, other: str, budget: int) -> int:
    """Count the words changed, added or dropped between two texts' codes (more than
    ``budget``: some number over it)."""
    from rapidfuzz.distance import Levenshtein

    changed: int = Levenshtein.distance(one, other, score_cutoff=budget)
    return changed


def _same_facts(one: Fingerprint, other: Fingerprint) -> bool:
    return one.figures() == other.figures() and not _replaced_names(one.names(), other.names())


def _replaced_names(one: list[str], other: list[str]) -> bool:
    """Tell whether each side has a name the other lacks: one name put in place of another."""
    first, second = Counter(one), Counter(other)
    return bool(first - second) and bool(second - first)


def find_repeats(
    prints: Sequence[Fingerprint],
    owners: Sequence[int],
    tolerance: Tolerance,
    across_owners: bool,
) -> Iterator[Repeat]:
    """Yield each text that repeats an earlier one, with the earlier text it repeats.

    With ``across_owners`` only texts of different owners are paired (another file);
    without it only texts of the same owner (the same draft). Each later text is paired
    with the earliest text it repeats word for word if there is one, else with the one
    it is closest to (fewest words changed, then the earliest).

    Texts of the same words are one kind, indexed and looked up once: a thousand
    copies of a paragraph cost what one does.
    """
    kinds: dict[str, int] = {}
    kind_of = [kinds.setdefault(current.codes, len(kinds)) for current in prints]
    first_of_kind: dict[int, int] = {}
    for text, kind in enumerate(kind_of):
        first_of_kind.setdefault(kind, text)
    index = _WordIndex([prints[first_of_kind[kind]] for kind in range(len(kinds))], tolerance)
    neighbours = index.neighbours()
    earliest = _EarliestCopies(across_owners)
    for later, kind in enumerate(kind_of):
        owner = owners[later]
        exact = earliest.of(kind, owner)
        if exact is not None:
            yield Repeat(later, exact, Similarity(Overlap.SAME, 0))
        else:
            found = (earliest.of(other, owner) for other in neighbours.get(kind, ()))
            candidates = sorted(text for text in found if text is not None)
            closest = _closest(prints, later, candidates, tolerance)
            if closest is not None:
                yield closest
        earliest.add(kind, owner, later)


class _EarliestCopies:
    """Among the texts seen so far, the earliest of each kind (texts of the same words)
    that a later text of a given owner may be paired with."""

    def __init__(self, across_owners: bool) -> None:
        self.across_owners = across_owners
        self.first: dict[int, tuple[int, int]] = {}
        self.first_of_another_owner: dict[int, int] = {}
        self.first_by_owner: dict[tuple[int, int], int] = {}

    def add(self, kind: int, owner: int, text: int) -> None:
        """Record ``text``, of ``kind`` and ``owner``, as seen."""
        _first, first_owner = self.first.setdefault(kind, (text, owner))
        if first_owner != owner:
            self.first_of_another_owner.setdefault(kind, text)
        self.first_by_owner.setdefault((kind, owner), text)

    def of(self, kind: int, owner: int) -> int | None:
        """Return the earliest text of ``kind`` that a text of ``owner`` may pair with."""
        if not self.across_owners:
            return self.first_by_owner.get((kind, owner))
        if kind not in self.first:
            return None
        first_text, first_owner = self.first[kind]
        return first_text if first_owner != owner else self.first_of_another_owner.get(kind)


def _closest(
    prints: Sequence[Fingerprint], later: int, earlier: list[int], tolerance: Tolerance
) -> Repeat | None:
    """Return the repeat of the earlier text that ``later`` is closest to, if any."""
    best: Repeat | None = None
    for other in earlier:
        similarity = similarity_of(prints[later], prints[other], tolerance)
        if similarity is not None and (best is None or _rank(similarity) < _rank(best.similarity)):
            best = Repeat(later, other, similarity)
    return best


def similarity_of(one: Fingerprint, other: Fingerprint, tolerance: Tolerance) -> Similarity | None:
    """Compare a later text with an earlier one, skipping rapidfuzz when they share too
    few words to match."""
    if not tolerance.may_repeat(len(one), len(other)):
        return None
    shorter, longer = (one, other) if len(one) <= len(other) else (other, one)
    words = _distinct(shorter.codes)
    if len(words & _distinct(longer.codes)) < len(words) - tolerance.reach(len(shorter)):
        return None
    same = compare(one, other, tolerance)
    if same is not None:
        return same
    part = contains(other, one, tolerance)
    if part is not None:
        return Similarity(Overlap.PART, part)
    more = contains(one, other, tolerance)
    return None if more is None else Similarity(Overlap.MORE, more)


@lru_cache(maxsize=512)
def _distinct(codes: str) -> frozenset[str]:
    """A text's distinct words, kept for the last texts compared: a draft's paragraphs
    are compared pair by pair, each with all the others (made for each pair, the sets
    took a third of comparing them)."""
    return frozenset(codes)


class _WordIndex:
    """Which texts hold which words, for finding candidate copies without all pairs.

    A copy with ``k`` words changed, added or dropped lacks at most ``k`` of the
    distinct words of the shorter text, so texts are indexed by their distinct words.
    Word sets are made when needed and not kept: an archive's texts are many.
    """

    def __init__(self, prints: Sequence[Fingerprint], tolerance: Tolerance) -> None:
        self.prints = prints
        self.tolerance = tolerance

    def neighbours(self) -> dict[int, set[int]]:
        """Return, for each text, the other texts that may repeat it or that it may repeat.

        Each text probes the index with its ``k + 1 + EXTRA_PROBES`` rarest words; a text
        that holds fewer than ``1 + EXTRA_PROBES`` of them cannot be its copy. When there
        are fewer pairs than words (a short draft), every pair is a candidate.
        """
        count = len(self.prints)
        if count * (count - 1) // 2 <= sum(map(len, self.prints)):
            return {text: set(range(count)) - {text} for text in range(count)}
        reaches = [self.tolerance.reach(len(current)) for current in self.prints]
        postings = self._postings()
        probes = self._rarest_words(reaches, postings)
        found: dict[int, set[int]] = defaultdict(set)
        for text, own in enumerate(probes):
            hits: Counter[int] = Counter()
            for word in own:
                hits.update(postings[word])
            needed = len(own) - reaches[text]
            for other, shared in hits.items():
                if other != text and shared >= needed:
                    found[text].add(other)
                    found[other].add(text)
        return found

    def _postings(self) -> dict[str, list[int]]:
        """Return, for each word, the texts that hold it, in order."""
        postings: dict[str, list[int]] = defaultdict(list)
        for text, current in enumerate(self.prints):
            for word in set(current.codes):
                postings[word].append(text)
        return postings

    def _rarest_words(self, reaches: list[int], postings: dict[str, list[int]]) -> list[list[str]]:
        """Return each text's ``reach + 1 + EXTRA_PROBES`` rarest words, rarest first.

        Rarity is one order for all texts (fewest texts first, then the word's code), as
        prefix filtering needs. The words are walked in that order, each given to the
        texts that hold it until they have their number (sorting each text's words by
        rank took three times as long).
        """
        order = sorted(postings, key=lambda word: (len(postings[word]), word))
        wanted = [reach + 1 + EXTRA_PROBES for reach in reaches]
        probes: list[list[str]] = [[] for _ in self.prints]
        for word in order:
            for text in postings[word]:
                if len(probes[text]) < wanted[text]:
                    probes[text].append(word)
        return probes


def _rank(similarity: Similarity) -> tuple[bool, int]:
    return similarity.overlap is not Overlap.SAME, similarity.changed
