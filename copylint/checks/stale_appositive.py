"""A role in apposition after a name that frames a current office as past.

"Steve Witkoff, a Middle East envoy during the Trump administration," and "Antony
Blinken, the former secretary of state," are stale while the office is held; "Scott
Bessent, the treasury secretary in the Trump administration," is present framing and
right. The role must open the appositive, after qualifiers only ("the U.S. secretary of
state"): "who served as vice president" is not "president", "who was elected
president" is not a past framing of the office.
"""

from __future__ import annotations

import datetime

import regex

from copylint.checks.stale_verdict import Verdict, cite
from copylint.compiled import compiled
from copylint.knowledge import Office, Person
from copylint.titles import TitleGrammar

_APPOSITIVE = compiled(
    r",\s+(?P<appos>(?P<lead>who\s+(?:was|served\s+as|had\s+been)\s+)?"
    r"(?:(?:a|an|the)\s+)?(?P<former>former\s+)?(?P<desc>[^,.;:()—]{3,80}?)"
    r"(?:\s+(?P<preposition>during|under|in)\s+the\s+(?P<admin>\p{Lu}\p{L}+)\s+administration)?)"
    r"(?=\s*[,.;:)—–]|\s*$)"
)
_QUALIFIER = r"(?:\p{Lu}[\p{L}\p{N}'’.&-]*|(?:\p{Lu}\.)+)"
_PAST_PREPOSITIONS = frozenset({"during", "under"})


def appositive_verdict(
    people: list[Person], text: str, name_end: int, day: datetime.date, grammar: TitleGrammar
) -> Verdict | None:
    """Return the verdict on the appositive after a name, if it frames a held office as past."""
    found = _APPOSITIVE.match(text, name_end)
    if found is None:
        return None
    past = found["lead"] or found["former"] or found["preposition"] in _PAST_PREPOSITIONS
    if not past:
        return None
    verdicts = [_person_verdict(person, found, day, grammar) for person in people]
    if not verdicts or any(verdict is None for verdict in verdicts):
        return None
    return verdicts[0]


def _person_verdict(
    person: Person, found: regex.Match[str], day: datetime.date, grammar: TitleGrammar
) -> Verdict | None:
    for office in person.held_on(day):
        if _names_office(found["desc"], office, grammar) and (
            found["admin"] is None or office.administration in (None, found["admin"])
        ):
            why = (
                f"{person.name} is still {office.role} on {day} (since {office.start}); "
                f"the past framing is out of date, write 'the {office.role}'"
            )
            verdict = Verdict(found.start("appos"), found.end("appos"), why, f"the {office.role}")
            return cite(verdict, person)
    return None


def _names_office(description: str, office: Office, grammar: TitleGrammar) -> bool:
    """Tell whether the description opens with one of the office's phrases, after qualifiers.

    A qualifier that changes the office ("Vice", "Deputy") does not count as one.
    """
    for phrase in (office.role, office.title, *office.descriptions):
        pattern = rf"(?:{_QUALIFIER}\s+)*?(?i:{regex.escape(phrase)})(?![\p{{L}}\p{{N}}-])"
        found = regex.match(pattern, description)
        if found is not None and not _changed(description[: found.end()], phrase, grammar):
            return True
    return False


def _changed(matched: str, phrase: str, grammar: TitleGrammar) -> bool:
    qualifiers = matched[: len(matched) - len(phrase)].split()
    return any(word.lower() in grammar.office_changers for word in qualifiers)
