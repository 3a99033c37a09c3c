"""``extends: conditional``: a use of ``first`` that ``second`` never defined (Vale semantics).

Vale's acronym rule is the model: ``first`` finds a use ("WHO"), ``second`` a
definition, whose groups are what it defines ("World Health Organization (WHO)"). A
use is reported unless the same block, or one before it in the file, defines it, or
it is one of the ``exceptions`` (or, with ``vocab``, a Vocab term). A ``second`` with
no group is a presence check: once it matches, no use is reported (Vale #1048).
``%s`` is the use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from copylint.checks.base import CheckKind, Match, accept_as_exceptions
from copylint.checks.patterns import (
    RulePattern,
    compile_pattern,
    exceptions_pattern,
    is_exception,
)

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary


@dataclass(frozen=True, slots=True)
class Conditional:
    """Finds uses of ``first`` that no ``second`` defines, reading a file in order."""

    first: RulePattern
    second: RulePattern
    exceptions: RulePattern | None

    def for_document(self) -> _Reading:
        """Return a reader of one file, which remembers the definitions it has seen."""
        return _Reading(self)

    def find(self, text: str) -> Iterator[Match]:
        return self.for_document().find(text)


@dataclass(slots=True)
class _Reading:
    """What one file has defined so far (its state changes as the file is read)."""

    rule: Conditional
    defined: set[str] = field(default_factory=set)
    present: bool = False

    def find(self, text: str) -> Iterator[Match]:
        for definition in self.rule.second.finditer(text):
            self.defined.update(group for group in definition.groups() if group)
            self.present = self.present or not definition.groups()
        if self.present:
            return
        for use in self.rule.first.finditer(text):
            word = use.group()
            if word not in self.defined and not is_exception(self.rule.exceptions, word):
                yield Match(use.start(), use.end(), (word,))


@dataclass(frozen=True, slots=True)
class ConditionalOptions:
    """Vale's keys; ``ignorecase`` is accepted and, as in Vale, changes nothing."""

    first: str = ""
    second: str = ""
    exceptions: tuple[str, ...] = ()
    ignorecase: bool = False
    vocab: bool = True

    def accepting(self, vocabulary: Vocabulary) -> ConditionalOptions:
        """These options with the project's accepted terms among the exceptions."""
        return accept_as_exceptions(self, vocabulary)

    def build(self) -> Conditional:
        """Compile the two patterns and the exceptions."""
        return Conditional(
            compile_pattern(self.first),
            compile_pattern(self.second),
            exceptions_pattern(self.exceptions, ignore_case=False),
        )


KIND = CheckKind(ConditionalOptions)
