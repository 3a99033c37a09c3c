"""``extends: stale``: titles that are wrong on the story's date.

Checks names from a knowledge base of officeholders (``copylint.knowledge``), in four
forms: a capitalised title before a full name that the person does not hold on the
date ("President Joe Biden" in 2025); "former" before a title still held; "-elect"
after the term began; and an appositive that frames a current role as past ("Steve
Witkoff, a Middle East envoy during the Trump administration"). A surname alone is
never matched. ``%s`` in the message explains what the title should be on that date.
A title before a name is fixed with the knowledge base's form; an appositive is only
suggested, since rewriting it is an editor's call.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

from copylint.checks.base import CheckContext, CheckKind, FixKind, Match, string
from copylint.documents import Document
from copylint.knowledge import KnowledgeBase, Office, Person, load_knowledge_base

_QUALIFIER = r"(?:(?:U\.S\.|U\.K\.|\p{Lu}\p{Ll}+|\p{Lu}{2,})\s+){0,2}?"
_PREFIX = r"(?P<prefix>(?<![\p{L}-])(?:[Ff]ormer|[Ee]x-|[Tt]hen-)\s*)?"
_PAST_LEAD = r"who\s+(?:was|served\s+as|had\s+been)\s+"
_LOOK_BACK = 80
_CAPITALISED_NEXT = regex.compile(r"\s+\p{Lu}")
_ADMINISTRATION = r"\s+(?:during|under|in)\s+the\s+(?P<admin>\p{Lu}\p{L}+)\s+administration"


@dataclass(frozen=True, slots=True)
class _Verdict:
    start: int
    end: int
    explanation: str
    suggestion: str
    fix: FixKind | None = None


class _Matcher:
    """The knowledge base compiled into two patterns: title-name and name-appositive."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.people = {n: p for p in knowledge.people for n in (p.name, *p.aliases)}
        titles = sorted({o.title for p in knowledge.people for o in p.offices})
        self.names = regex.compile(
            r"(?<![\p{L}-])(?P<name>\L<names>)(?![\p{L}\p{N}])", names=list(self.people)
        )
        self.title_before = regex.compile(
            rf"{_PREFIX}{_QUALIFIER}(?<![\p{{L}}-])(?P<title>\L<titles>)(?P<elect>-elect)?\s+\Z",
            titles=titles,
        )
        self.appositive = regex.compile(
            rf",\s+(?P<appos>(?P<lead>{_PAST_LEAD})?"
            rf"(?:(?:a|an|the)\s+)?(?P<former>former\s+)?(?P<desc>[^,.;:()—]{{3,80}}?)"
            rf"(?:{_ADMINISTRATION})?)(?=\s*[,.;:)—–]|\s*$)"
        )

    def verdicts(self, text: str, day: datetime.date) -> Iterator[_Verdict]:
        """Find every known name in ``text`` and judge the title before it or after it."""
        for name in self.names.finditer(text):
            person = self.people[name["name"]]
            before = self.title_before.search(text, max(0, name.start() - _LOOK_BACK), name.start())
            if before is not None:
                verdict = self._title_verdict(person, name, before, day)
                if verdict is not None:
                    yield verdict
            after = self.appositive.match(text, name.end())
            if after is not None:
                verdict = self._appositive_verdict(person, after, day)
                if verdict is not None:
                    yield verdict

    def _title_verdict(
        self,
        person: Person,
        name: regex.Match[str],
        found: regex.Match[str],
        day: datetime.date,
    ) -> _Verdict | None:
        title = found["title"]
        if " " not in name["name"] and (
            title not in {office.title for office in person.offices}
            or _CAPITALISED_NEXT.match(name.string, name.end())
        ):
            return None
        prefix = (found["prefix"] or "").strip().lower()
        explanation = _title_problem(person, title, name["name"], prefix, bool(found["elect"]), day)
        if explanation is None:
            return None
        problem, suggestion = explanation
        start = found.start("prefix") if found["prefix"] else found.start("title")
        return _Verdict(start, name.end(), self._cite(problem), suggestion, FixKind.REPLACE)

    def _appositive_verdict(
        self, person: Person, found: regex.Match[str], day: datetime.date
    ) -> _Verdict | None:
        if not (found["lead"] or found["former"] or found["admin"]):
            return None
        description = found["desc"].strip().lower()
        for office in person.held_on(day):
            phrases = {
                office.role.lower(),
                office.title.lower(),
                *(d.lower() for d in office.descriptions),
            }
            named = found["admin"]
            if any(p in description for p in phrases) and (
                named is None or office.administration in (None, named)
            ):
                problem = (
                    f"{person.name} is still {office.role} on {day} "
                    f"(since {office.start}); the past framing is out of date, "
                    f"write 'the {office.role}'"
                )
                return _Verdict(
                    found.start("appos"),
                    found.end("appos"),
                    self._cite(problem),
                    f"the {office.role}",
                )
        return None

    def _cite(self, problem: str) -> str:
        return f"{problem} (knowledge base verified {self.knowledge.verified_as_of})"


def _title_problem(
    person: Person, title: str, name: str, prefix: str, elect: bool, day: datetime.date
) -> tuple[str, str] | None:
    """Explain what is wrong with ``title`` before ``name`` on ``day``, and the fix."""
    offices = person.titled(title)
    fixed = f"{title} {name}"
    if elect:
        began = [office for office in offices if office.start <= day]
        if not began:
            return None
        return f"{name} took office as {title} on {began[-1].start}; write '{fixed}'", fixed
    if prefix in ("former", "ex-"):
        if not any(office.held_on(day) for office in offices):
            return None
        return f"{name} is still {title} on {day}; write '{fixed}'", fixed
    if prefix == "then-" or any(
        office.held_on(day) or (office.keeps_title and office.start <= day) for office in offices
    ):
        return None
    return _unheld_title_problem(person, offices, title, name, day)


def _unheld_title_problem(
    person: Person, offices: list[Office], title: str, name: str, day: datetime.date
) -> tuple[str, str] | None:
    """Explain a title the person does not hold on ``day``: left it, not yet, or never."""
    current = person.held_on(day)
    should = f"{current[0].title} {name}" if current else None
    ended = [office for office in offices if office.end is not None and office.end <= day]
    if ended:
        should = should or f"former {title} {name}"
        return f"{name} was {title} until {ended[-1].end}; on {day} write '{should}'", should
    upcoming = [office for office in offices if office.start > day]
    if upcoming:
        should = should or name
        return (
            f"{name} was not {title} until {upcoming[0].start}; on {day} write '{should}'",
            should,
        )
    if should is not None:
        return f"{name} is {current[0].title} on {day}, not {title}; write '{should}'", should
    return None


@cache
def _matcher(paths: tuple[Path, ...]) -> _Matcher:
    return _Matcher(load_knowledge_base(paths))


@dataclass(frozen=True, slots=True)
class Stale:
    """Checks every block of a document against the knowledge base on the story's date."""

    knowledge_base: Path

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        matcher = _matcher((self.knowledge_base, *context.knowledge_bases))
        for block in document.blocks:
            for verdict in matcher.verdicts(block.text, context.as_of):
                start, end = block.source_map.span_to_source(verdict.start, verdict.end)
                yield Match(start, end, (verdict.explanation,), (verdict.suggestion,), verdict.fix)


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], folder: Path) -> Stale:
    """Resolve the knowledge base path against the rule file's folder."""
    return Stale(folder / options.get("knowledge_base", "data/officeholders.yaml"))


KIND = CheckKind(options={"knowledge_base": string}, build=build)
