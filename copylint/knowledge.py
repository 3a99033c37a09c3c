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

_PERSON_KEYS = frozenset({"name", "aliases", "offices"})
_OFFICE_KEYS = frozenset(
    {"title", "role", "start", "end", "descriptions", "administration", "keeps_title"}
)


@dataclass(frozen=True, slots=True)
class Office:
    """An office a person held, from ``start`` up to (not including) ``end``."""

    title: str
    role: str
    start: datetime.date
    end: datetime.date | None = None
    descriptions: tuple[str, ...] = ()
    administration: str | None = None
    keeps_title: bool = False

    def held_on(self, day: datetime.date) -> bool:
        """Tell whether the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the knowledge base knows, by name and aliases."""

    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

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
    """Load and merge the files at ``paths``; raises CopylintError naming file and key."""
    people: dict[str, Person] = {}
    verified: list[datetime.date] = []
    for path in paths:
        data = _read(path)
        verified.append(_date(path, "verified_as_of", data.get("verified_as_of")))
        entries = data.get("people")
        if not isinstance(entries, list):
            raise CopylintError(f"{path}: people: must be a list of people")
        for index, entry in enumerate(entries):
            person = _person(path, f"people[{index}]", entry)
            people[person.name] = person
    return KnowledgeBase(min(verified), tuple(people.values()))


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
    )


def _office(path: Path, where: str, entry: Any) -> Office:
    if not isinstance(entry, dict):
        raise CopylintError(f"{path}: {where}: must be a mapping")
    _known_keys(path, where, entry, _OFFICE_KEYS)
    for key in ("title", "role"):
        if not isinstance(entry.get(key), str):
            raise CopylintError(f"{path}: {where}.{key}: must be a string")
    end = entry.get("end")
    office = Office(
        title=entry["title"],
        role=entry["role"],
        start=_date(path, f"{where}.start", entry.get("start")),
        end=None if end is None else _date(path, f"{where}.end", end),
        descriptions=tuple(_strings(path, f"{where}.descriptions", entry.get("descriptions", []))),
        administration=entry.get("administration"),
        keeps_title=bool(entry.get("keeps_title", False)),
    )
    if office.end is not None and office.end < office.start:
        raise CopylintError(f"{path}: {where}.end: is before start")
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
