"""``extends: stale``: titles that are wrong on the story's date.

Names come from a knowledge base of officeholders (``copylint.knowledge``), matched as
whole names ("Donald Trump" is not "Donald Trump Jr."); a one-word name ("Francis")
only after one of that person's own titles, once the person held it. The title phrase
before a name is read with the title grammar (``copylint.titles``: written forms,
qualifiers, modifiers). A title is stale when it is wrong for every known person of
that name on the date: a bare title not held ("President Joe Biden" in 2025), "former"
or "ex-" before a title still held, "-elect" after the term began; or an appositive
that frames a current role as past ("Steve Witkoff, a Middle East envoy during the
Trump administration"). Quotations and sentences anchored in the past ("In 2023, ...")
are not judged (``stale_context``). ``%s`` in the message explains what to write.

A fix is offered only where the corrected form is certain: "former" put before the
whole phrase of a title that ended, a wrong "former" or "-elect" taken away. Other
corrections (a title the person did not yet hold, an appositive) are suggestions.
"""

from __future__ import annotations

import datetime
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from copylint.cache import Cache
from copylint.checks.base import CheckContext, CheckKind, FixKind, Match
from copylint.checks.stale_appositive import appositive_verdict
from copylint.checks.stale_context import inside, past_sentences, quoted_spans
from copylint.checks.stale_names import NameAt, NameFinder
from copylint.checks.stale_verdict import Verdict, cite, title_problem
from copylint.compiled import compiled
from copylint.documents import Document
from copylint.knowledge import KnowledgeBase, Person, load_knowledge_base
from copylint.titles import TitleGrammar, TitlePhrase, load_grammar

_CONTINUED = compiled(r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV|V)|\s+\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])")
_CALENDAR = frozenset(
    {
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    }
)


class _Judge:
    """The knowledge base and the title grammar, compiled for one run."""

    def __init__(self, knowledge: KnowledgeBase, grammar: TitleGrammar) -> None:
        self.grammar = grammar.including(
            {office.title for person in knowledge.people for office in person.offices}
        )
        people: dict[str, list[Person]] = {}
        for person in map(self._with_canonical_titles, knowledge.people):
            for name in (person.name, *person.aliases):
                people.setdefault(name, []).append(person)
        self.names = NameFinder(people)
        self.pickled_people = {name: pickle.dumps(named) for name, named in people.items()}
        self.people_read: dict[str, list[Person]] = {}

    def _people(self, name: str) -> list[Person]:
        """The people of ``name``. A story names a few of the knowledge base's thousand
        people: each name's are kept pickled in the judge, and read when a story names
        them (reading them all took 7 ms of every run)."""
        if name not in self.people_read:
            self.people_read[name] = pickle.loads(self.pickled_people[name])
        return self.people_read[name]

    def _with_canonical_titles(self, person: Person) -> Person:
        """Write each office's title as the grammar does ("Defence Secretary" is the
        "Defense Secretary" of the grammar), so that every written form finds it."""
        offices = tuple(
            replace(office, title=self.grammar.canonical(office.title) or office.title)
            for office in person.offices
        )
        return replace(person, offices=offices)

    def verdicts(self, text: str, day: datetime.date) -> Iterator[Verdict]:
        """Judge the title before or after every known name in ``text`` on ``day``."""
        found = list(self.names.finditer(text))
        if not found:
            return
        quotes = quoted_spans(text)
        past = list(past_sentences(text, day))
        for name in found:
            if inside(quotes, name.start) or inside(past, name.start):
                continue
            if _continues(text, name.end):
                continue
            people = self._people(name.name)
            phrase = self.grammar.before(text, name.start)
            verdict = self._title(people, name, text, phrase, day) if phrase else None
            if verdict is None and " " in name.name:
                verdict = appositive_verdict(people, text, name.end, day, self.grammar)
            if verdict is not None:
                yield verdict

    def _title(
        self,
        people: list[Person],
        name: NameAt,
        text: str,
        phrase: TitlePhrase,
        day: datetime.date,
    ) -> Verdict | None:
        """Judge the title phrase for every person of the name: stale only if wrong for all."""
        found: list[Verdict] = []
        for person in people:
            offices = person.titled(phrase.title)
            if " " not in name.name and not any(office.start <= day for office in offices):
                continue
            problem = title_problem(person, phrase, name.name, text, name.end, day)
            if problem is None:
                return None
            found.append(cite(problem, person))
        return found[0] if found else None


def _continues(text: str, end: int) -> bool:
    """Tell whether the name goes on: "Donald Trump Jr.", "Joe Biden Sr.", a surname."""
    found = _CONTINUED.match(text, end)
    return found is not None and found.group().split()[-1] not in _CALENDAR


@cache
def _judge(knowledge_bases: tuple[Path, ...], grammar: Path, cache: Cache) -> _Judge:
    """Build the judge from its files, or read it from ``cache``, where it is kept for
    the next run (reading the files again costs ten times what reading it does)."""

    def build() -> _Judge:
        return _Judge(load_knowledge_base(knowledge_bases), load_grammar(grammar))

    return cache.get("stale", (*knowledge_bases, grammar), build)


@dataclass(frozen=True, slots=True)
class Stale:
    """Checks every block of a document against the knowledge base on the story's date."""

    knowledge_bases: tuple[Path, ...]
    grammar: Path

    def prepare(self, context: CheckContext) -> None:
        """Load the judge now, before the run's work is shared among processes."""
        self._judge_for(context)

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        judge = self._judge_for(context)
        for block in document.blocks:
            for verdict in judge.verdicts(block.text, context.as_of):
                start, end = block.source_map.span_to_source(verdict.start, verdict.end)
                fix = FixKind.REPLACE if verdict.certain else None
                yield Match(start, end, (verdict.explanation,), (verdict.suggestion,), fix)

    def _judge_for(self, context: CheckContext) -> _Judge:
        knowledge_bases = (*self.knowledge_bases, *context.knowledge_bases)
        return _judge(knowledge_bases, self.grammar, context.cache)


@dataclass(frozen=True, slots=True)
class StaleOptions:
    """The knowledge-base files (later ones win over earlier ones, see
    ``copylint.knowledge``) and the title grammar, from the rule's folder."""

    knowledge_base: tuple[Path, ...] = (Path("data/officeholders.yaml"),)
    titles: Path = Path("data/titles.yaml")

    def build(self) -> Stale:
        """Make the check."""
        return Stale(self.knowledge_base, self.titles)


KIND = CheckKind(StaleOptions, scoped=False)
