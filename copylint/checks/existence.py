"""``extends: existence``: report every occurrence of a token (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.checks.base import CheckKind, Match, accept_as_exceptions
from copylint.checks.needed_words import NeededWords
from copylint.checks.patterns import (
    NONWORD_TEMPLATE,
    WORD_TEMPLATE,
    LiteralTokens,
    RulePattern,
    compile_pattern,
    exceptions_pattern,
    is_exception,
)

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary


@dataclass(frozen=True, slots=True)
class Existence:
    """Finds the rule's tokens; each match is reported with its text as ``%s``."""

    pattern: RulePattern | LiteralTokens
    exceptions: RulePattern | None
    needed_words: NeededWords | None = None

    def find(self, text: str) -> Iterator[Match]:
        for found in self.pattern.finditer(text):
            if found.end() > found.start() and not is_exception(self.exceptions, found.group()):
                yield Match(found.start(), found.end(), (found.group(),))


@dataclass(frozen=True, slots=True)
class ExistenceOptions:
    """Vale's keys; ``vocab`` is accepted and has no effect yet."""

    tokens: tuple[str, ...] = ()
    raw: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    append: bool = False
    ignorecase: bool = False
    nonword: bool = False
    vocab: bool = True

    def accepting(self, vocabulary: Vocabulary) -> ExistenceOptions:
        """These options with the project's accepted terms among the exceptions, unless
        the tokens are ``nonword``: an accepted word would then excuse every match that
        holds it (Vale #1058)."""
        return self if self.nonword else accept_as_exceptions(self, vocabulary)

    def build(self) -> Existence:
        """Combine tokens and raw into one pattern, as Vale's ``makeRegexp`` does; many
        literal tokens alone are looked up instead (``LiteralTokens``), with the same matches."""
        tokens = [token for token in self.tokens if token.strip()]
        raw = "".join(self.raw)
        word = bool(tokens) and not self.nonword
        exceptions = exceptions_pattern(self.exceptions, self.ignorecase)
        needed = NeededWords.of(tokens, self.ignorecase) if word and not raw else None
        literal = LiteralTokens.of(tokens, self.ignorecase) if word and not raw else None
        if literal is not None:
            return Existence(literal, exceptions, needed)
        joined = (WORD_TEMPLATE if word else NONWORD_TEMPLATE).format("|".join(tokens))
        pattern = joined + raw if self.append else raw + joined
        if self.ignorecase:
            pattern = "(?i)" + pattern
        return Existence(compile_pattern(pattern), exceptions, needed)


KIND = CheckKind(ExistenceOptions)
