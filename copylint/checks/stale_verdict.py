"""What is wrong with a title before a name on a date, and what to write instead.

Each modifier claims something (``copylint.titles``): a bare or "outgoing" title that
the office is held on the day; "former" that it was held and is not; "-elect" that the
term is won and has not begun. A claim is judged only against offices the knowledge
base lists with that title, so a title it does not know for the person is never
called wrong, and nothing is judged past the date the person's record is known to
(``Person.known_until``). The corrected form is certain, and so fixable, when the fix only adds
"former" before the whole phrase of an office that ended, or takes away a wrong
"former" or "-elect"; choosing another title is left to the writer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from copylint.compiled import compiled
from copylint.knowledge import Office, Person
from copylint.titles import ACTING, DEAD, FORMER, INCOMING, THEN, TitlePhrase

ELECTION_TO_OFFICE = datetime.timedelta(days=120)
_ARTICLE = compiled(r"(?<![\p{L}\p{N}])(?:[Tt]he|[Aa]n?)\s+$")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A stale title: its span in the text, why, what to write, and whether that is certain."""

    start: int
    end: int
    explanation: str
    suggestion: str
    certain: bool = False


def cite(verdict: Verdict, person: Person) -> Verdict:
    """Add the date of the knowledge base's data on the person to the explanation."""
    explanation = f"{verdict.explanation} (knowledge base verified {person.verified})"
    return replace(verdict, explanation=explanation)


def title_problem(
    person: Person, phrase: TitlePhrase, name: str, text: str, end: int, day: datetime.date
) -> Verdict | None:
    """Return what is wrong with ``phrase`` before ``name`` (ending at ``end``) on ``day``."""
    offices = person.titled(phrase.title)
    if not offices or phrase.meaning in (THEN, DEAD, ACTING) or day > person.known_until:
        return None
    if phrase.meaning == FORMER:
        if not any(office.known_held_on(day) for office in offices):
            return None
        start, fixed = _without_modifier(text, phrase, end)
        why = f"{name} is still {phrase.title} on {day}; write '{fixed}'"
        return Verdict(start, end, why, fixed, certain=True)
    if phrase.meaning == INCOMING:
        return _incoming_problem(offices, phrase, name, text, end, day)
    if any(
        office.held_on(day) or (office.keeps_title and office.start <= day) for office in offices
    ):
        return None
    return _unheld_problem(person, offices, phrase, name, text, end, day)


def _incoming_problem(
    offices: list[Office], phrase: TitlePhrase, name: str, text: str, end: int, day: datetime.date
) -> Verdict | None:
    """Judge "-elect": right from the election (or within a transition) to the term's start."""
    upcoming = [office for office in offices if office.start > day]
    if upcoming:
        office = upcoming[0]
        won = office.elected <= day if office.elected else office.start - day <= ELECTION_TO_OFFICE
        if won or office.elected is None:
            return None
        why = f"{name} was not elected {phrase.title} until {office.elected}"
        return Verdict(phrase.start, end, why, name)
    began = [office for office in offices if office.known_held_on(day)]
    if not began:
        return None
    start, fixed = _without_modifier(text, phrase, end)
    why = f"{name} took office as {phrase.title} on {began[-1].start}; write '{fixed}'"
    return Verdict(start, end, why, fixed, certain=True)


def _unheld_problem(
    person: Person,
    offices: list[Office],
    phrase: TitlePhrase,
    name: str,
    text: str,
    end: int,
    day: datetime.date,
) -> Verdict | None:
    """Explain a bare title not held on ``day``: the person left it, or had not yet taken it.

    "former" is certain only for someone who holds none of the knowledge base's offices
    on the day; someone who moved on is better named by the office held now.
    """
    current = person.held_on(day)
    instead = f"{current[0].title} {name}" if current else name
    ended = [office for office in offices if office.end is not None and office.end <= day]
    if ended:
        certain = not (current or phrase.meaning or (phrase.opens_sentence and phrase.qualifier))
        fixed = instead if current else _with_former(text, phrase, end)
        why = f"{name} was {phrase.title} until {ended[-1].end}; on {day} write '{fixed}'"
        return Verdict(phrase.start, end, why, fixed, certain)
    upcoming = [office for office in offices if office.start > day]
    if not upcoming or any(o.covered_from and day < o.covered_from for o in offices):
        return None
    why = f"{name} was not {phrase.title} until {upcoming[0].start}; on {day} write '{instead}'"
    return Verdict(phrase.start, end, why, instead)


def _with_former(text: str, phrase: TitlePhrase, end: int) -> str:
    """Put "former" before the whole phrase, capitalised where the phrase opens a sentence."""
    written = text[phrase.start : end]
    return ("Former " if phrase.opens_sentence else "former ") + written


def _without_modifier(text: str, phrase: TitlePhrase, end: int) -> tuple[int, str]:
    """Take the modifier (and an article before it) out of the phrase.

    Return where the replaced text starts and the replacement: "the former President
    Donald Trump" becomes "President Donald Trump", and the title that is left starts
    with a capital.
    """
    start = phrase.start
    article = _ARTICLE.search(text, 0, start)
    if article is not None and phrase.modifier is not None:
        start = article.start()
    cut_start, cut_end = phrase.modifier or (phrase.start, phrase.start)
    kept = text[phrase.start : cut_start] + text[cut_end:end]
    return start, kept[:1].upper() + kept[1:]
