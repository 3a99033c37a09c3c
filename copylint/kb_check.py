"""Check knowledge-base files (``copylint kb check``): what the loader accepts is not yet right.

Reading a file already checks every key, date and type. On top of that:

- errors: terms of one office that overlap by more than a month (a handover recorded a
  few weeks apart is not an error), for one person or for two people (an office with
  several seats, such as a senator's, is shared); an alias that is another
  person's name or alias, so that a name in copy would not say who is meant;
- warnings: a file past its ``valid_until``, and sources more than a year old;
- across files, merged as the rule merges them: ambiguous aliases again;
- notes: people who share a name (homonyms: a title is then called stale only if it is
  wrong for all of them) and one-word names (matched only after one of their titles).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from copylint.knowledge import KnowledgeFile, Office, Person

ERROR = "error"
WARNING = "warning"
NOTE = "note"
STALE_AFTER = datetime.timedelta(days=365)
OVERLAP_ALLOWED = datetime.timedelta(days=31)
SHARED_SEATS = ("senator ", "representative ", "member ", "justice ", "judge ")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a knowledge-base file: how serious, where, and what."""

    level: str
    where: str
    message: str


def check_file(read: KnowledgeFile, today: datetime.date) -> list[Problem]:
    """Return what is wrong or worth knowing in one read knowledge-base file."""
    problems = [*_overlaps(read.people), *_names(read.people)]
    if read.valid_until < today:
        problems.append(Problem(WARNING, "valid_until", f"{read.valid_until} has passed"))
    problems.extend(_old_sources(read.people, today))
    return problems


def check_merged(people: Sequence[Person]) -> list[Problem]:
    """Return the ambiguous aliases of several files merged as the rule merges them."""
    return [problem for problem in _names(people) if problem.level == ERROR]


def _overlaps(people: Sequence[Person]) -> Iterator[Problem]:
    by_office: dict[tuple[str, str], list[tuple[Person, Office]]] = defaultdict(list)
    for person in people:
        for office in person.offices:
            by_office[(office.title, office.role)].append((person, office))
    for (title, role), held in by_office.items():
        held.sort(key=lambda pair: pair[1].start)
        for index, (person, office) in enumerate(held):
            for other, later in held[index + 1 :]:
                if office.end is not None and later.start >= office.end - OVERLAP_ALLOWED:
                    break
                if other is not person and role.startswith(SHARED_SEATS):
                    continue
                who = person.name if other is person else f"{person.name} and {other.name}"
                yield Problem(
                    ERROR,
                    f"{title} ({role})",
                    f"terms of {who} overlap: from {office.start} and from {later.start}",
                )


def _names(people: Sequence[Person]) -> Iterator[Problem]:
    named: dict[str, list[Person]] = defaultdict(list)
    aliased: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        named[person.name].append(person)
        for alias in set(person.aliases) - {person.name}:
            aliased[alias].append(person)
    for alias, holders in aliased.items():
        meant = {id(person): person for person in (*named.get(alias, []), *holders)}
        if len(meant) > 1:
            who = ", ".join(sorted(person.name for person in meant.values()))
            yield Problem(ERROR, f"aliases: {alias}", f"ambiguous: it names {who}")
    for name, holders in named.items():
        if len(holders) > 1:
            yield Problem(NOTE, name, f"{len(holders)} people share this name (homonyms)")
        if " " not in name:
            yield Problem(NOTE, name, "a one-word name: matched only after one of its titles")


def _old_sources(people: Sequence[Person], today: datetime.date) -> Iterator[Problem]:
    counts: dict[tuple[str, datetime.date], int] = defaultdict(int)
    for person in people:
        for office in person.offices:
            if office.source is not None and today - office.source.date > STALE_AFTER:
                counts[(office.source.name, office.source.date)] += 1
    for (name, date), count in sorted(counts.items()):
        yield Problem(
            WARNING,
            f"source: {name}",
            f"{count} offices are from data of {date}, more than a year old: refresh them",
        )
