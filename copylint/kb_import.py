"""Build knowledge-base entries from open officeholder data (``copylint kb import``).

Three formats, each from a public source (see the README for their licences):

- ``executive``: the ``executive.yaml`` of unitedstates/congress-legislators: presidents
  and vice presidents, one entry per person with their terms;
- ``congress``: its ``legislators-current.yaml``: the members of Congress serving when
  the file was made, with their terms and leadership roles;
- ``wikidata``: officeholder CSVs built from Wikidata's "position held" statements
  (``position,person,personID,start,end``), with the positions named through
  ``data/positions.yaml``.

Terms of one office that follow each other are joined. Every office keeps its source
and the source's date: an office with no end is held only as far as the data knows. A
member of Congress's current term has no end (its scheduled end is not the day a member
leaves); a Wikidata row with no end was held when the list was made. Rows whose dates
are only years are skipped, and counted.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from copylint.errors import CopylintError
from copylint.yamlfiles import read_data_file

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "the District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "the Virgin Islands", "AS": "American Samoa", "MP": "the Northern Mariana Islands",
}  # fmt: skip
LEADERSHIP = {
    "Speaker of the House": ("Speaker", "speaker of the House"),
    "Senate Majority Leader": ("Senate Majority Leader", "Senate majority leader"),
    "Senate Minority Leader": ("Senate Minority Leader", "Senate minority leader"),
    "House Majority Leader": ("House Majority Leader", "House majority leader"),
    "House Minority Leader": ("House Minority Leader", "House minority leader"),
    "Senate Majority Whip": ("Senate Majority Whip", "Senate majority whip"),
    "Senate Minority Whip": ("Senate Minority Whip", "Senate minority whip"),
    "House Majority Whip": ("House Majority Whip", "House majority whip"),
    "House Minority Whip": ("House Minority Whip", "House minority whip"),
    "President Pro Tempore of the Senate": (
        "President Pro Tempore",
        "president pro tempore of the Senate",
    ),
}
JOIN_GAP = datetime.timedelta(days=31)
_EXECUTIVE = {"prez": ("President", "president of the United States"),
              "viceprez": ("Vice President", "vice president of the United States")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    """One stretch of one office, as a source gives it."""

    title: str
    role: str
    start: datetime.date
    end: datetime.date | None
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(slots=True)
class Imported:
    """People found in a source, as knowledge-base entries, and what was left out."""

    people: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def import_executive(text: str, source: dict[str, Any], since: int) -> Imported:
    """Import presidents and vice presidents who held office in ``since`` or later."""
    people = _yaml_list(text, "executive")
    presidents = [
        (term["start"], term.get("end"), person["name"]["last"])
        for person in people
        for term in person.get("terms", [])
        if term.get("type") == "prez"
    ]
    imported = Imported()
    for person in people:
        found = [_executive_term(term, presidents) for term in person.get("terms", [])]
        terms = [term for term in found if term is not None]
        if _recent(terms, since):
            imported.people.append(_entry(person, _joined(terms), source))
    return imported


def _recent(terms: list[Term], since: int) -> bool:
    """Tell whether one of the terms runs into ``since`` or later (all of them are kept)."""
    return any(term.end is None or term.end.year >= since for term in terms)


def _executive_term(term: dict[str, Any], presidents: list[Any]) -> Term | None:
    kind = _EXECUTIVE.get(term.get("type", ""))
    if kind is None:
        return None
    start, end = _day(term["start"]), _maybe_day(term.get("end"))
    extra: list[tuple[str, Any]] = [("administration", _administration(start, presidents))]
    if term.get("how") == "election":
        extra.append(("elected", election_day(start.year - 1)))
    return Term(kind[0], kind[1], start, end, tuple(extra))


def _administration(start: datetime.date, presidents: list[Any]) -> str:
    for began, ended, last in presidents:
        if _day(began) <= start and (ended is None or start < _day(ended)):
            return str(last)
    return ""


def election_day(year: int) -> datetime.date:
    """Return the US general election day of ``year``: the Tuesday after the first Monday of
    November."""
    first = datetime.date(year, 11, 1)
    monday = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    return monday + datetime.timedelta(days=1)


def import_congress(text: str, source: dict[str, Any]) -> Imported:
    """Import the members of Congress: their seats, and their leadership roles.

    Everyone in the file serves when it was made. A member's leadership roles go back
    only so far (Nancy Pelosi's first speakership is missing from the 2026 file): they
    are marked ``covered_from`` the member's first listed role, so that a role held
    before then is not read as not yet held.
    """
    imported = Imported()
    for person in _yaml_list(text, "congress"):
        roles = person.get("leadership_roles", [])
        covered = min((_day(role["start"]) for role in roles), default=None)
        terms = list(_seat_terms(person.get("terms", [])))
        terms += [
            Term(
                *LEADERSHIP[role["title"]],
                _day(role["start"]),
                _maybe_day(role.get("end")),
                (("covered_from", covered),),
            )
            for role in person.get("leadership_roles", [])
            if role.get("title") in LEADERSHIP
        ]
        joined = _joined(terms)
        seats = [term for term in joined if term.title in ("Senator", "Representative")]
        if seats:
            latest = max(seats, key=lambda term: term.start)
            joined = [Term(t.title, t.role, t.start, None) if t == latest else t for t in joined]
        imported.people.append(_entry(person, joined, source))
    return imported


def _seat_terms(terms: Iterable[dict[str, Any]]) -> Iterator[Term]:
    for term in terms:
        state = STATES.get(term.get("state", ""), term.get("state", ""))
        if term.get("type") == "sen":
            yield Term("Senator", f"senator from {state}", _day(term["start"]), _day(term["end"]))
        elif term.get("type") == "rep":
            yield Term(
                "Representative", f"representative from {state}", _day(term["start"]),
                _day(term["end"]),
            )  # fmt: skip


def import_wikidata(
    text: str, source: dict[str, Any], positions: dict[str, Any], since: int
) -> Imported:
    """Import officeholders from a Wikidata CSV, for the positions that ``positions`` names,
    who held one of them in ``since`` or later.

    Each named position has one holder at a time: a row with no end that a later holder
    of the position follows ended when the next one began.
    """
    imported = Imported()
    rows: list[tuple[str, str, Term]] = []
    unnamed: set[str] = set()
    for row in csv.DictReader(io.StringIO(text)):
        named = positions.get(row.get("position", ""))
        if named is None:
            unnamed.add(row.get("position", ""))
            continue
        try:
            start, end = _day(row["start"]), _maybe_day(row.get("end"))
        except ValueError:
            imported.skipped.append(f"{row['person']}, {row['position']}: dates are not days")
            continue
        term = Term(named["title"], named["role"], start, end)
        rows.append((row.get("personID") or row["person"], row["person"], term))
    people: dict[str, tuple[str, list[Term]]] = {}
    for key, name, term in _succeeded(rows):
        people.setdefault(key, (name, []))[1].append(term)
    for key, (name, terms) in people.items():
        offices = _offices(_joined(terms), source["date"])
        if offices and _recent(terms, since):
            imported.people.append({"name": name, "id": key, "offices": offices, "source": source})
    imported.skipped.append(f"{len(unnamed)} positions not in the positions file")
    return imported


def _succeeded(rows: list[tuple[str, str, Term]]) -> list[tuple[str, str, Term]]:
    """End each open term of a position where the position's next holder begins."""
    ordered = sorted(rows, key=lambda row: (row[2].role, row[2].start))
    ended = []
    for index, (key, name, term) in enumerate(ordered):
        after = ordered[index + 1][2] if index + 1 < len(ordered) else None
        if term.end is None and after is not None and after.role == term.role:
            term = Term(term.title, term.role, term.start, after.start)
        ended.append((key, name, term))
    return ended


def builtin_positions() -> dict[str, Any]:
    """Return the positions that ship with copylint (``data/positions.yaml``)."""
    return dict(read_data_file("positions.yaml")["positions"])


def _entry(person: dict[str, Any], terms: list[Term], source: dict[str, Any]) -> dict[str, Any]:
    """Make a knowledge-base entry from a congress-legislators person."""
    name = person["name"]
    full = f"{name.get('nickname') or name['first']} {name['last']}"
    official = name.get("official_full") or f"{name['first']} {name['last']}"
    formal = " ".join(part for part in (name["first"], name.get("middle"), name["last"]) if part)
    written = {official, formal, f"{name['first']} {name['last']}"}
    aliases = sorted(alias for alias in written - {full} if not set(alias) & set('",()'))
    entry: dict[str, Any] = {"name": full}
    if aliases:
        entry["aliases"] = aliases
    wikidata = person.get("id", {}).get("wikidata")
    if wikidata:
        entry["id"] = wikidata
    entry["offices"] = _offices(terms, source["date"])
    entry["source"] = source
    return entry


def _joined(terms: list[Term]) -> list[Term]:
    """Join terms of one office that follow each other (the next starts within a month)."""
    ordered = sorted(terms, key=lambda term: (term.title, term.role, term.start))
    joined: list[Term] = []
    for term in ordered:
        last = joined[-1] if joined else None
        adjacent = (
            last is not None
            and (last.title, last.role) == (term.title, term.role)
            and last.end is not None
            and term.start - last.end <= JOIN_GAP
        )
        if adjacent and last is not None:
            joined[-1] = Term(last.title, last.role, last.start, term.end, last.extra)
        else:
            joined.append(term)
    return sorted(joined, key=lambda term: term.start)


def _offices(terms: list[Term], known: datetime.date) -> list[dict[str, Any]]:
    """Write terms as offices; an end after the source's date is a scheduled one, left out,
    and a term that ends when it starts is dropped."""
    offices = []
    for term in terms:
        if term.end is not None and term.end <= term.start:
            continue  # a term that ends the day it starts (a placeholder in the data)
        office: dict[str, Any] = {"title": term.title, "role": term.role, "start": term.start}
        if term.end is not None and term.end <= known:
            office["end"] = term.end
        office.update((key, value) for key, value in term.extra if value)
        offices.append(office)
    return offices


def _day(value: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _maybe_day(value: Any) -> datetime.date | None:
    return None if value in (None, "") else _day(value)


def _yaml_list(text: str, kind: str) -> list[dict[str, Any]]:
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, list):
        raise CopylintError(f"a {kind} file is a YAML list of people")
    return data


def dump(imported: Imported, verified: datetime.date) -> str:
    """Write the people as a knowledge-base file, verified as of the source's date."""
    header = (
        "# Generated by `copylint kb import`; refresh it from a newer download of the source.\n"
    )
    body = yaml.dump(
        {"verified_as_of": verified, "people": imported.people},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return header + body


class _Dumper(yaml.SafeDumper):
    """Writes every entry in full: no anchors for the source repeated on each person."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
