"""``extends: names``: known people's names written wrong, or not in the house spelling.

With ``report: misspellings``, each near miss of a known person's full name
(``copylint.names``): "Kier Starmer" for "Keir Starmer". The correction is offered as a
fix when exactly one person is that close. With ``report: house``, each accepted
spelling of a person other than the house form the configuration's
``house_spellings`` chooses, fixed to the house form. The people are the knowledge
base's (``knowledge_base``, and the configuration's ``knowledge_bases``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import regex

from copylint.cache import Cache
from copylint.checks.base import CheckContext, CheckKind, FixKind, Match
from copylint.compiled import compiled
from copylint.documents import Document
from copylint.errors import CopylintError
from copylint.knowledge import load_knowledge_base
from copylint.names import HouseSpellings, NameIndex

_ADDRESS = compiled(r"\S+@\S+|(?:https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class PersonNames:
    """Reports the names of known people written another way than ``report`` allows."""

    knowledge_bases: tuple[Path, ...]
    report: Literal["misspellings", "house"]

    def prepare(self, context: CheckContext) -> None:
        """Load the name index now, before the run's work is shared among processes."""
        self._finder(context)

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        found = self._finder(context)
        if found is None:
            return  # no house spelling chosen: nothing to report
        for block in document.blocks:
            addresses = [address.span() for address in _addresses(block.text)]
            for start, end, args, suggestions, fix in found(block.text):
                if any(start < a_end and a_start < end for a_start, a_end in addresses):
                    continue
                source_start, source_end = block.source_map.span_to_source(start, end)
                yield Match(source_start, source_end, args, suggestions, fix)

    def _finder(self, context: CheckContext) -> Callable[[str], Iterator[Finding]] | None:
        """What finds the names this check reports in a text (None: nothing to report)."""
        knowledge_bases = (*self.knowledge_bases, *context.knowledge_bases)
        if self.report == "misspellings":
            return _misspellings(name_index(knowledge_bases, context.cache))
        if not context.house_spellings:
            return None
        chosen = house_spellings(knowledge_bases, context.house_spellings, context.cache)
        return _house_findings(chosen)


Finding = tuple[int, int, tuple[object, ...], tuple[str, ...], FixKind | None]


def _misspellings(index: NameIndex) -> Callable[[str], Iterator[Finding]]:
    def found(text: str) -> Iterator[Finding]:
        for miss in index.near_misses(text):
            corrections = tuple(dict.fromkeys(fixed for _person, fixed in miss.corrections))
            shown = " or ".join(f"'{fixed}'" for fixed in corrections)
            fix = FixKind.REPLACE if len(miss.corrections) == 1 else None
            yield miss.start, miss.end, (miss.written, shown), corrections, fix

    return found


def _house_findings(house: HouseSpellings) -> Callable[[str], Iterator[Finding]]:
    def found(text: str) -> Iterator[Finding]:
        for start, end, written, wanted in house.others(text):
            yield start, end, (wanted, written), (wanted,), FixKind.REPLACE

    return found


def _addresses(text: str) -> Iterator[regex.Match[str]]:
    """The web and email addresses in ``text`` (most texts have none, found cheaply)."""
    if "@" in text or "://" in text or "www." in text:
        yield from _ADDRESS.finditer(text)


@cache
def name_index(knowledge_bases: tuple[Path, ...], kept: Cache) -> NameIndex:
    """The index of the known names, kept in the cache between runs."""
    return kept.get(
        "names", knowledge_bases, lambda: NameIndex.of(load_knowledge_base(knowledge_bases))
    )


@cache
def house_spellings(
    knowledge_bases: tuple[Path, ...], chosen: tuple[tuple[str, str], ...], kept: Cache
) -> HouseSpellings:
    """The house spellings ``chosen``; raises CopylintError for an entry that names
    nobody or no accepted spelling."""
    try:
        return HouseSpellings.of(name_index(knowledge_bases, kept), chosen)
    except ValueError as error:
        raise CopylintError(f"house_spellings: {error}") from None


@dataclass(frozen=True, slots=True)
class PersonNamesOptions:
    """The knowledge-base files (as ``extends: stale`` reads them) and what to report."""

    knowledge_base: tuple[Path, ...] = (Path("data/officeholders.yaml"),)
    report: Literal["misspellings", "house"] = "misspellings"

    def build(self) -> PersonNames:
        """Make the check."""
        return PersonNames(self.knowledge_base, self.report)

    def house_spellings(
        self, extra: Sequence[Path], chosen: tuple[tuple[str, str], ...], kept: Cache
    ) -> HouseSpellings:
        """Check the house spellings ``chosen`` against this rule's people."""
        return house_spellings((*self.knowledge_base, *extra), chosen, kept)


KIND = CheckKind(PersonNamesOptions, scoped=False)
