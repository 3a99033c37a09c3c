"""The knowledge base of officeholders that ``newsroom.StaleTitle`` checks titles against.

A YAML file (see ``rules/newsroom/data/officeholders.yaml`` for the format) lists
people, their offices and the dates they held them, with a ``verified_as_of`` date for
the whole file and a ``source`` for each office or person that comes from a dataset.
Several files merge: a later file adds people; a person with the ``id`` of one already
known (a Wikidata item, as the importers write) is merged with them, and a person with
no ``id`` replaces the people it shares a name or an alias with. One file may list
several people of one name (homonyms).

What is known has a date: an office with no end is known to be held up to its
source's date (a file's ``valid_until``, else its ``verified_as_of``, for entries with
no source of their own), and a person's record is complete up to the latest of those
dates. Past them, the knowledge base does not say, and nothing is judged.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from copylint.dates import parse_day
from copylint.errors import CopylintError

_FILE_KEYS = frozenset({"verified_as_of", "valid_until", "people"})
_PERSON_KEYS = frozenset({"name", "aliases", "spellings", "offices", "source", "id"})
_OFFICE_KEYS = frozenset(
    {
        *("title", "role", "start", "end", "elected", "descriptions"),
        *("administration", "keeps_title", "source", "covered_from"),
    }
)
_SOURCE_KEYS = frozenset({"name", "date", "url"})


# Source, Office and Person are not slotted: the stale-title judge kept in the cache
# holds thousands of them, and a slotted dataclass is unpickled field by field in
# Python (reading the judge back took three times as long).
@dataclass(frozen=True)
class Source:
    """Where an entry comes from, and the date of the data."""

    name: str
    date: datetime.date
    url: str = ""


@dataclass(frozen=True)
class Office:
    """An office a person held, from ``start`` up to (not including) ``end``.

    ``elected`` is when the term was won, for "-elect" titles; ``verified`` the date of
    the entry's data, and ``known_until`` the last day it speaks for; ``covered_from``
    the first day its source lists this office for anyone (earlier terms may be missing).
    """

    title: str
    role: str
    start: datetime.date
    verified: datetime.date
    known_until: datetime.date
    end: datetime.date | None = None
    elected: datetime.date | None = None
    descriptions: tuple[str, ...] = ()
    administration: str | None = None
    keeps_title: bool = False
    source: Source | None = None
    covered_from: datetime.date | None = None

    def held_on(self, day: datetime.date) -> bool:
        """Tell whether the office was held on ``day``, as far as its source knows."""
        return self.start <= day and (self.end is None or day < self.end)

    def known_held_on(self, day: datetime.date) -> bool:
        """Tell whether the office is known to be held on ``day``: held, and not past the
        source's date if it has no end."""
        return self.held_on(day) and (self.end is not None or day <= self.known_until)


@dataclass(frozen=True)
class Person:
    """Someone the knowledge base knows, by name and aliases, and where that comes from.

    ``spellings`` are the aliases that spell the name another accepted way ("Volodymyr
    Zelenskyy", "Antonio Guterres"), which a house style may choose between; a file
    lists them under their own key, and they are aliases too.
    """

    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]
    source: Source | None = None
    id: str = ""
    spellings: tuple[str, ...] = ()
    verified: datetime.date = field(init=False, compare=False)
    known_until: datetime.date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verified", max(o.verified for o in self.offices))
        object.__setattr__(self, "known_until", max(o.known_until for o in self.offices))

    def held_on(self, day: datetime.date) -> list[Office]:
        """Return the offices known to be held on ``day``, latest started first."""
        held = (office for office in self.offices if office.known_held_on(day))
        return sorted(held, key=lambda office: office.start, reverse=True)

    def titled(self, title: str) -> list[Office]:
        """Return the offices with ``title``, oldest first."""
        return sorted((o for o in self.offices if o.title == title), key=lambda o: o.start)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """People and offices, and the date the data was last verified."""

    verified_as_of: datetime.date
    people: tuple[Person, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeFile:
    """One knowledge-base file as read: its dates and its people."""

    verified_as_of: datetime.date
    valid_until: datetime.date
    people: tuple[Person, ...]


@functools.cache
def load_knowledge_base(paths: tuple[Path, ...]) -> KnowledgeBase:
    """Load and merge the files at ``paths``; raises CopylintError naming file and key.

    People of a later file replace the people of the same name in earlier files.
    """
    people: list[Person] = []
    verified: list[datetime.date] = []
    for path in paths:
        read = read_knowledge_file(path)
        verified.append(read.verified_as_of)
        people = _merged(people, read.people)
    return KnowledgeBase(min(verified), tuple(people))


def _merged(earlier: list[Person], later: Sequence[Person]) -> list[Person]:
    """Add a file's people to those of earlier files.

    A person with an ``id`` (a Wikidata item) already known gets the offices and
    aliases of both entries; a person without one replaces everyone it shares a name
    or an alias with, so a hand-written entry overrides imported ones.
    """
    people = list(earlier)
    for person in later:
        same = [i for i, known in enumerate(people) if person.id and known.id == person.id]
        if same:
            known = people[same[0]]
            offices = known.offices + tuple(o for o in person.offices if o not in known.offices)
            aliases = tuple(dict.fromkeys((*known.aliases, *person.aliases, person.name)))
            aliases = tuple(alias for alias in aliases if alias != known.name)
            spellings = tuple(dict.fromkeys((*known.spellings, *person.spellings)))
            people[same[0]] = replace(known, offices=offices, aliases=aliases, spellings=spellings)
            continue
        if not person.id:
            names = {person.name, *person.aliases}
            people = [known for known in people if not names & {known.name, *known.aliases}]
        people.append(person)
    return people


def read_knowledge_file(path: Path) -> KnowledgeFile:
    """Read one knowledge-base file."""
    from copylint.yamlfiles import read_yaml_file  # not read when the judge is cached

    data = read_yaml_file(path, "knowledge base")
    if not isinstance(data, dict):
        raise CopylintError(f"{path}: a knowledge base must be a mapping with 'people'")
    _known_keys(path, "", data, _FILE_KEYS)
    verified = _date(path, "verified_as_of", data.get("verified_as_of"))
    valid = data.get("valid_until")
    valid_until = verified if valid is None else _date(path, "valid_until", valid)
    if valid_until < verified:
        raise CopylintError(f"{path}: valid_until: is before verified_as_of")
    entries = data.get("people")
    if not isinstance(entries, list):
        raise CopylintError(f"{path}: people: must be a list of people")
    reader = _Reader(path, verified, valid_until)
    people = tuple(reader.person(f"people[{i}]", entry) for i, entry in enumerate(entries))
    return KnowledgeFile(verified, valid_until, people)


@dataclass(frozen=True, slots=True)
class _Reader:
    """Reads the entries of one file, checking every key; errors name file and key."""

    path: Path
    verified: datetime.date
    valid_until: datetime.date

    def person(self, where: str, entry: Any) -> Person:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CopylintError(f"{self.path}: {where}.name: every person needs a name")
        _known_keys(self.path, where, entry, _PERSON_KEYS)
        source = self.source(f"{where}.source", entry["source"]) if "source" in entry else None
        offices = entry.get("offices", [])
        if not isinstance(offices, list) or not offices:
            raise CopylintError(f"{self.path}: {where}.offices: must be a non-empty list")
        spellings = tuple(_strings(self.path, f"{where}.spellings", entry.get("spellings", [])))
        aliases = tuple(_strings(self.path, f"{where}.aliases", entry.get("aliases", [])))
        return Person(
            name=entry["name"],
            aliases=tuple(dict.fromkeys((*aliases, *spellings))),
            spellings=spellings,
            offices=tuple(
                self.office(f"{where}.offices[{i}]", office, source)
                for i, office in enumerate(offices)
            ),
            source=source,
            id=str(entry.get("id", "")),
        )

    def office(self, where: str, entry: Any, person_source: Source | None) -> Office:
        if not isinstance(entry, dict):
            raise CopylintError(f"{self.path}: {where}: must be a mapping")
        _known_keys(self.path, where, entry, _OFFICE_KEYS)
        for key in ("title", "role"):
            if not isinstance(entry.get(key), str):
                raise CopylintError(f"{self.path}: {where}.{key}: must be a string")
        source = self.source(f"{where}.source", entry["source"]) if "source" in entry else None
        source = source or person_source
        office = Office(
            title=entry["title"],
            role=entry["role"],
            start=_date(self.path, f"{where}.start", entry.get("start")),
            verified=source.date if source else self.verified,
            known_until=source.date if source else self.valid_until,
            end=self.optional_date(f"{where}.end", entry.get("end")),
            elected=self.optional_date(f"{where}.elected", entry.get("elected")),
            descriptions=tuple(
                _strings(self.path, f"{where}.descriptions", entry.get("descriptions", []))
            ),
            administration=entry.get("administration"),
            keeps_title=bool(entry.get("keeps_title", False)),
            source=source,
            covered_from=self.optional_date(f"{where}.covered_from", entry.get("covered_from")),
        )
        if office.end is not None and office.end < office.start:
            raise CopylintError(f"{self.path}: {where}.end: is before start")
        if office.elected is not None and office.elected > office.start:
            raise CopylintError(f"{self.path}: {where}.elected: is after start")
        return office

    def source(self, where: str, entry: Any) -> Source:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CopylintError(f"{self.path}: {where}.name: a source needs a name")
        _known_keys(self.path, where, entry, _SOURCE_KEYS)
        date = _date(self.path, f"{where}.date", entry.get("date"))
        return Source(entry["name"], date, str(entry.get("url", "")))

    def optional_date(self, where: str, value: Any) -> datetime.date | None:
        return None if value is None else _date(self.path, where, value)


def _known_keys(path: Path, where: str, entry: dict[str, Any], keys: frozenset[str]) -> None:
    unknown = sorted(str(key) for key in set(entry) - keys)
    if unknown:
        prefix = f"{where}." if where else ""
        raise CopylintError(f"{path}: {prefix}{unknown[0]}: unknown key")


def _date(path: Path, where: str, value: Any) -> datetime.date:
    try:
        return parse_day(value)
    except ValueError as error:
        raise CopylintError(f"{path}: {where}: {error}") from None


def _strings(path: Path, where: str, value: Any) -> Sequence[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CopylintError(f"{path}: {where}: must be a list of strings")
    return value
