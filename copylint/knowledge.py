"""The knowledge base of officeholders that ``newsroom.StaleTitle`` checks titles against.

A YAML file (see ``rules/newsroom/data/officeholders.yaml`` for the format) lists
people, their offices and the dates they held them, with a ``verified_as_of`` date for
the whole file. Several files merge: a later file adds people, and replaces a person of
the same name.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from copylint.errors import CopylintError, read_yaml_file

_PERSON_KEYS = frozenset({"name", "aliases", "offices", "source"})
_OFFICE_KEYS = frozenset(
    {"title", "role", "start", "end", "elected", "descriptions", "administration", "keeps_title"}
)
_SOURCE_KEYS = frozenset({"name", "date", "url"})


@dataclass(frozen=True, slots=True)
class Office:
    """An office a person held, from ``start`` up to (not including) ``end``.

    ``elected`` is when the term was won, for "-elect" titles.
    """

    title: str
    role: str
    start: datetime.date
    end: datetime.date | None = None
    elected: datetime.date | None = None
    descriptions: tuple[str, ...] = ()
    administration: str | None = None
    keeps_title: bool = False

    def held_on(self, day: datetime.date) -> bool:
        """Tell whether the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an entry comes from, and the date of the data."""

    name: str
    date: datetime.date
    url: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the knowledge base knows, by name and aliases, and where that comes from."""

    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]
    source: Source | None = None

    def held_on(self, day: datetime.date) -> list[Office]:
        """Return the offices held on ``day``, latest started first."""
        return sorted(
            (o for o in self.offices if o.held_on(day)), key=lambda o: o.start, reverse=True
        )

    def titled(self, title: str) -> list[Office]:
        """Return the offices with ``title``, oldest first."""
        return sorted((o for o in self.offices if o.title == title), key=lambda o: o.start)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """People and offices, and the date the data was last verified."""

    verified_as_of: datetime.date
    people: tuple[Person, ...]


@cache
def load_knowledge_base(paths: tuple[Path, ...]) -> KnowledgeBase:
    """Load and merge the files at ``paths``; raises CopylintError naming file and key.

    People of a later file replace the people of the same name in earlier files; one
    file may list several people of one name (homonyms).
    """
    people: list[Person] = []
    verified: list[datetime.date] = []
    for path in paths:
        date, own = read_people(path)
        verified.append(date)
        names = {person.name for person in own}
        people = [person for person in people if person.name not in names] + own
    return KnowledgeBase(min(verified), tuple(people))


def read_people(path: Path) -> tuple[datetime.date, list[Person]]:
    """Read one knowledge-base file: its ``verified_as_of`` date and its people."""
    data = _read(path)
    verified = _date(path, "verified_as_of", data.get("verified_as_of"))
    entries = data.get("people")
    if not isinstance(entries, list):
        raise CopylintError(f"{path}: people: must be a list of people")
    return verified, [_person(path, f"people[{i}]", entry) for i, entry in enumerate(entries)]


def _read(path: Path) -> dict[str, Any]:
    data = read_yaml_file(path, "knowledge base")
    if not isinstance(data, dict):
        raise CopylintError(f"{path}: a knowledge base must be a mapping with 'people'")
    return data


def _person(path: Path, where: str, entry: Any) -> Person:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise CopylintError(f"{path}: {where}.name: every person needs a name")
    _known_keys(path, where, entry, _PERSON_KEYS)
    offices = entry.get("offices", [])
    if not isinstance(offices, list) or not offices:
        raise CopylintError(f"{path}: {where}.offices: must be a non-empty list")
    return Person(
        name=entry["name"],
        aliases=tuple(_strings(path, f"{where}.aliases", entry.get("aliases", []))),
        offices=tuple(_office(path, f"{where}.offices[{i}]", o) for i, o in enumerate(offices)),
        source=_source(path, f"{where}.source", entry["source"]) if "source" in entry else None,
    )


def _source(path: Path, where: str, entry: Any) -> Source:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise CopylintError(f"{path}: {where}.name: a source needs a name")
    _known_keys(path, where, entry, _SOURCE_KEYS)
    return Source(
        entry["name"], _date(path, f"{where}.date", entry.get("date")), str(entry.get("url", ""))
    )


def _office(path: Path, where: str, entry: Any) -> Office:
    if not isinstance(entry, dict):
        raise CopylintError(f"{path}: {where}: must be a mapping")
    _known_keys(path, where, entry, _OFFICE_KEYS)
    for key in ("title", "role"):
        if not isinstance(entry.get(key), str):
            raise CopylintError(f"{path}: {where}.{key}: must be a string")
    end, elected = entry.get("end"), entry.get("elected")
    office = Office(
        title=entry["title"],
        role=entry["role"],
        start=_date(path, f"{where}.start", entry.get("start")),
        end=None if end is None else _date(path, f"{where}.end", end),
        elected=None if elected is None else _date(path, f"{where}.elected", elected),
        descriptions=tuple(_strings(path, f"{where}.descriptions", entry.get("descriptions", []))),
        administration=entry.get("administration"),
        keeps_title=bool(entry.get("keeps_title", False)),
    )
    if office.end is not None and office.end < office.start:
        raise CopylintError(f"{path}: {where}.end: is before start")
    if office.elected is not None and office.elected > office.start:
        raise CopylintError(f"{path}: {where}.elected: is after start")
    return office


def _known_keys(path: Path, where: str, entry: dict[str, Any], keys: frozenset[str]) -> None:
    unknown = sorted(set(entry) - keys)
    if unknown:
        raise CopylintError(f"{path}: {where}.{unknown[0]}: unknown key")


def _date(path: Path, where: str, value: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    raise CopylintError(f"{path}: {where}: must be a date (YYYY-MM-DD)")


def _strings(path: Path, where: str, value: Any) -> Sequence[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CopylintError(f"{path}: {where}: must be a list of strings")
    return value
