"""Vale's ``scope`` key: which blocks of a document a rule looks at.

A scope is a list of alternatives; an alternative is terms joined by ``&``; a term
is a name, optionally negated with ``~``. A name like ``heading.h1`` matches a block
that has every dot-separated part among its tags. An alternative with only negated
terms applies to all prose (``text``). ``sentence`` splits the matching blocks into
sentences, headings left out unless a term names them (a heading is no sentence, as in
Vale), and ``raw`` is the whole source, markup and all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from copylint.compiled import compiled

_NAME = compiled(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
RAW = "raw"
SENTENCE = "sentence"
TEXT = "text"
HEADING = "heading"


@dataclass(frozen=True, slots=True)
class Term:
    """One name in a scope, maybe negated."""

    parts: frozenset[str]
    negated: bool

    def holds(self, tags: frozenset[str]) -> bool:
        return self.parts.issubset(tags) != self.negated


@dataclass(frozen=True, slots=True)
class Alternative:
    """Terms that must all hold."""

    terms: tuple[Term, ...]
    sentences: bool

    def matches(self, tags: frozenset[str]) -> bool:
        return all(term.holds(tags) for term in self.terms)


@dataclass(frozen=True, slots=True)
class Scope:
    """A parsed ``scope`` value."""

    alternatives: tuple[Alternative, ...]
    raw: bool
    names: tuple[str, ...] = ()

    def block_alternatives(self, tags: frozenset[str]) -> list[Alternative]:
        """Return the alternatives that select a block with ``tags``."""
        return [alternative for alternative in self.alternatives if alternative.matches(tags)]


def parse_scope(value: Any) -> Scope:
    """Parse a rule's ``scope``: a string or a list of strings; raises ValueError."""
    entries = value if isinstance(value, list) else [value]
    if not entries or not all(isinstance(entry, str) for entry in entries):
        raise ValueError("must be a scope name or a list of scope names")
    alternatives: list[Alternative] = []
    raw = False
    for entry in entries:
        names = [name.strip() for name in entry.split("&")]
        if names == [RAW]:
            raw = True
            continue
        alternatives.append(_alternative(names))
    return Scope(tuple(alternatives), raw, tuple(entries))


def _alternative(names: list[str]) -> Alternative:
    terms = []
    sentences = False
    for name in names:
        negated = name.startswith("~")
        bare = name.lstrip("~").strip()
        if not _NAME.fullmatch(bare):
            raise ValueError(f"'{name}' is not a scope name")
        if bare == SENTENCE and not negated:
            sentences = True
            continue
        terms.append(Term(frozenset(bare.split(".")), negated))
    if all(term.negated for term in terms):
        terms.append(Term(frozenset({TEXT}), negated=False))
    if sentences and not any(HEADING in term.parts and not term.negated for term in terms):
        terms.append(Term(frozenset({HEADING}), negated=True))  # a heading is no sentence
    return Alternative(tuple(terms), sentences)


DEFAULT_SCOPE = parse_scope(TEXT)
