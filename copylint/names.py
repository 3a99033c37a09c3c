"""Known people's names in running text: near misses of them, and house spellings.

The index holds every full name of every person in the knowledge base (name, aliases
and accepted spellings, of two words or more), each word folded (lower case, accents
removed, a final full stop dropped). A run of words in the text is a **near miss** of a
known name when it has as many words, all but one are that name's words, and the one
left differs from the name's word by one edit (a letter changed, added or dropped, or
two neighbours swapped), or by two in a word of eight letters or more, and starts with
the same letter. It is never a near miss when the run is itself someone's name
("Antonio Guterres" is; so is "Hunter Biden" if known), when its odd word names someone
else (a first name or surname of another person in the knowledge base, "Jim Biden"; a
common first name or surname, ``data/names``: "John Terry" is not "John Kerry"), when
the name's word is shorter than four letters ("Joe", "Jim" and "Jon" are all names), or
when its words are not capitalised as names are (a headline in capitals). Only runs
of capitalised words are looked at, and each run of words is looked up once for each
word that may be the odd one, so the cost does not grow with the number of people.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import regex

from copylint.compiled import compiled
from copylint.knowledge import KnowledgeBase

_WORD = compiled(r"\p{L}[\p{L}\p{M}\p{N}'’.-]*")
_POSSESSIVE = compiled(r"(?:['’]s|['’])$")
_POSSESSIVE_ENDS = frozenset("s'’")
_ROMAN = compiled(r"[IVX]+")
_CAPITAL = r"\p{Lu}[\p{L}\p{M}\p{N}'’.-]*"
_SHORTEST = 4
_LONG = 8
NAME_LISTS = Path(__file__).parent / "data" / "names"


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the text: where it is, as written (without a possessive), folded."""

    start: int
    end: int
    written: str
    folded: str


# Not slotted: the index kept in the cache holds a thousand of them, and a slotted
# dataclass is unpickled field by field in Python.
@dataclass(frozen=True)
class NameForm:
    """One way of writing a known person's full name."""

    person: str
    written: tuple[str, ...]
    folded: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A run of words that misspells a known name: its span, and how to write it."""

    start: int
    end: int
    written: str
    corrections: tuple[tuple[str, str], ...]
    """(person, corrected text) for each person the run is that close to."""


@dataclass(frozen=True)
class NameIndex:
    """The known full names, each under its words with one left out (so that a run of
    words is looked up once for each word that may be the odd one), and the runs of
    capitalised words (with the particles of known names: "von der") to look in."""

    forms: tuple[NameForm, ...]
    by_rest: dict[tuple[int, tuple[str, ...]], tuple[int, ...]]
    lengths: tuple[int, ...]
    runs: regex.Pattern[str]
    known: frozenset[tuple[str, ...]]
    first_words: frozenset[str]
    last_words: frozenset[str]
    all_words: frozenset[str]
    spellings: dict[str, tuple[str, ...]]
    """Each name of each person: the person's accepted spellings, their name first."""

    @classmethod
    def of(cls, knowledge: KnowledgeBase) -> NameIndex:
        """Index every full name of every person in ``knowledge``."""
        forms = []
        for person in knowledge.people:
            for name in dict.fromkeys((person.name, *person.aliases)):
                written = tuple(name.split())
                if len(written) >= 2:
                    forms.append(NameForm(person.name, written, tuple(map(fold, written))))
        by_rest: dict[tuple[int, tuple[str, ...]], list[int]] = {}
        for number, form in enumerate(forms):
            for k in range(len(form.folded)):
                rest = form.folded[:k] + form.folded[k + 1 :]
                by_rest.setdefault((k, rest), []).append(number)
        particles = {w for form in forms for w in form.written if w.isalpha() and w.islower()}
        between = "|".join(map(regex.escape, sorted(particles)))
        return cls(
            forms=tuple(forms),
            by_rest={key: tuple(numbers) for key, numbers in by_rest.items()},
            lengths=tuple(sorted({len(form.folded) for form in forms})),
            runs=regex.compile(rf"{_CAPITAL}(?:\s+(?:(?:{between})\s+)*{_CAPITAL})+"),
            known=frozenset(form.folded for form in forms),
            first_words=frozenset(form.folded[0] for form in forms),
            last_words=frozenset(form.folded[-1] for form in forms),
            all_words=frozenset(word for form in forms for word in form.folded),
            spellings={
                name: (person.name, *person.spellings)
                for person in reversed(knowledge.people)  # the first listed wins
                for name in (person.name, *person.aliases)
            },
        )

    def near_misses(self, text: str) -> Iterator[NearMiss]:
        """Yield each run of words in ``text`` that misspells a known name."""
        for capitalised in self.runs.finditer(text):
            words = text_words(text, capitalised.start(), capitalised.end())
            known = [word.folded in self.all_words for word in words]
            for length in self.lengths:
                for first in range(len(words) - length + 1):
                    if sum(known[first : first + length]) < length - 1:
                        continue  # two words or more that are no known name's
                    run = _run(text, words, first, length)
                    miss = self._nearest(text, run) if run else None
                    if miss is not None:
                        yield miss

    def _nearest(self, text: str, run: Sequence[Word]) -> NearMiss | None:
        """The run as a near miss of the known names it is closest to, if any."""
        folded = tuple(word.folded for word in run)
        if folded in self.known:
            return None
        people: dict[str, tuple[int, str]] = {}
        for k, odd in enumerate(folded):
            forms = self.by_rest.get((k, folded[:k] + folded[k + 1 :]), ())
            if not forms or len(odd) < _SHORTEST - 1:
                continue
            close: dict[str, tuple[int, str]] = {}
            for form in map(self.forms.__getitem__, forms):
                distance = self._distance(run, form, k)
                if distance is not None and distance < close.get(form.person, (99, ""))[0]:
                    corrected = [word.written for word in run]
                    corrected[k] = form.written[k]
                    close[form.person] = (distance, " ".join(corrected))
            # weighed last, when something is close: the lists are read only then
            if close and not self.names_someone_else(odd, k, len(run)):
                for person, miss in close.items():
                    if miss[0] < people.get(person, (99, ""))[0]:
                        people[person] = miss
        if not people:
            return None
        best = min(distance for distance, _ in people.values())
        return NearMiss(
            run[0].start,
            run[-1].end,
            text[run[0].start : run[-1].end],
            tuple((person, fixed) for person, (d, fixed) in people.items() if d == best),
        )

    @staticmethod
    def _distance(run: Sequence[Word], form: NameForm, k: int) -> int | None:
        """How far the odd word ``k`` of ``run`` is from ``form``'s, when that is a slip
        (same first letter, close enough, the run capitalised as the name is)."""
        odd, known = run[k].folded, form.folded[k]
        if len(known) < _SHORTEST or odd[0] != known[0]:
            return None
        most = 2 if len(known) >= _LONG else 1
        if abs(len(odd) - len(known)) > most:
            return None
        pairs = zip(run, form.written, strict=True)
        if not all(_name_like(word.written) for word, name in pairs if name[:1].isupper()):
            return None
        distance = 1 if one_slip(odd, known) else edit_distance(odd, known) if most > 1 else 9
        return distance if distance <= most else None

    def names_someone_else(self, word: str, position: int, length: int) -> bool:
        """Whether ``word``, at ``position`` of a name of ``length`` words, is a name in
        its own right: of someone in the knowledge base, or a common one."""
        if position == 0:
            return word in self.first_words or word in common_names("first-names.txt")
        if position == length - 1:
            return word in self.last_words or word in common_names("surnames.txt")
        return word in self.all_words


def _run(text: str, words: Sequence[Word], first: int, length: int) -> Sequence[Word]:
    """The ``length`` words from ``first``, when they follow each other with nothing
    but white space between them; else nothing."""
    run = words[first : first + length]
    gaps = (text[a.end : b.start] for a, b in pairwise(run))
    return run if all(gap.isspace() for gap in gaps) else ()


def _name_like(word: str) -> bool:
    """Capitalised as a name is: a capital first, not all capitals ("JD", initials and
    "III" aside)."""
    short = len(word.replace(".", "")) <= 2 or _ROMAN.fullmatch(word) is not None
    return word[:1].isupper() and (short or not word.isupper())


@cache
def common_names(file_name: str) -> frozenset[str]:
    """A list of common first names or surnames (read only when a near miss is weighed)."""
    return frozenset((NAME_LISTS / file_name).read_text(encoding="utf-8").split())


def text_words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text`` (from ``start`` to ``end``), without a possessive ending or
    a full stop that ends a sentence (an initial's, "F.", "Jr.", or an abbreviation's,
    "U.S.", stays)."""
    found = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        written = match.group()
        if written[-1] in _POSSESSIVE_ENDS:
            written = _POSSESSIVE.sub("", written)
        if written.endswith(".") and len(written) > 3 and "." not in written[:-1]:
            written = written[:-1]
        found.append(Word(match.start(), match.start() + len(written), written, fold(written)))
    return found


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word as names are compared: lower case, no accents, no final full stop.

    Remembered for the words met most (bounded: the language server and the check
    service live long and read many texts)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


def one_slip(first: str, second: str) -> bool:
    """Whether two different words are one letter changed, added or dropped, or two
    neighbours swapped, apart (an edit distance of one, found without one)."""
    if len(first) < len(second):
        first, second = second, first
    start = 0
    while start < len(second) and first[start] == second[start]:
        start += 1
    if len(first) > len(second):
        return len(first) == len(second) + 1 and first[start + 1 :] == second[start:]
    rest = start + 1
    return first[rest:] == second[rest:] or (
        first[start : start + 2] == second[start : start + 2][::-1]
        and first[start + 2 :] == second[start + 2 :]
    )


def edit_distance(first: str, second: str) -> int:
    """Letters changed, added or dropped, a swap of two neighbours counting as one."""
    from rapidfuzz.distance import OSA  # only when a near miss is weighed

    distance: int = OSA.distance(first, second)
    return distance


@dataclass(frozen=True)
class HouseSpellings:
    """Each other accepted spelling of the people given a house form, and the house
    form it becomes; a surname that is all that differs is replaced alone too
    ("Zelenskiy" for "Zelenskyy")."""

    replacements: dict[str, str]
    pattern: regex.Pattern[str] | None

    @classmethod
    def of(cls, index: NameIndex, chosen: Sequence[tuple[str, str]]) -> HouseSpellings:
        """The replacements for ``chosen`` (a name of the person, the house form);
        raises ValueError saying which entry names nobody or no accepted spelling."""
        replacements: dict[str, str] = {}
        for given, house in chosen:
            accepted = index.spellings.get(given)
            if accepted is None:
                raise ValueError(f"'{given}' is nobody in the knowledge base")
            if house not in accepted:
                listed = ", ".join(f"'{name}'" for name in accepted)
                raise ValueError(f"'{house}' is not a spelling of {accepted[0]} ({listed})")
            for variant in accepted:
                if variant != house:
                    replacements[variant] = house
                    replacements.update(_surname(variant, house))
        alternatives = sorted(map(regex.escape, replacements), key=len, reverse=True)
        if not alternatives:
            return cls({}, None)
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(alternatives)})(?![\p{{L}}\p{{N}}])"
        )
        return cls(replacements, pattern)

    def others(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Yield (start, end, written, house form) for each other spelling in ``text``."""
        if self.pattern is None:
            return
        for found in self.pattern.finditer(text):
            yield found.start(), found.end(), found.group(), self.replacements[found.group()]


def _surname(variant: str, house: str) -> dict[str, str]:
    """The surname alone, when it is all that differs between two spellings."""
    written, wanted = variant.split(), house.split()
    if len(written) == len(wanted) > 1 and written[:-1] == wanted[:-1]:
        return {written[-1]: wanted[-1]}
    return {}
