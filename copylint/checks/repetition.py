"""``extends: repetition``: the same token twice in a row within a sentence (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copylint.checks.base import CheckKind, Match, accept_as_exceptions
from copylint.checks.patterns import RulePattern, compile_pattern, exceptions_pattern, is_exception
from copylint.sentences import split_sentences

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary


@dataclass(frozen=True, slots=True)
class Repetition:
    """Reports a repeated token from its first copy to its last; ``%s`` is the token."""

    pattern: RulePattern
    max: int
    ignore_case: bool
    alpha: bool
    exceptions: RulePattern | None

    def find(self, text: str) -> Iterator[Match]:
        found = list(self.pattern.finditer(text))
        words = [match.group().strip() for match in found]
        keys = [word.casefold() for word in words] if self.ignore_case else words
        count = 0
        for index in range(1, len(found)):
            if keys[index] != keys[index - 1] or not self._counts(words[index]):
                continue
            count += 1
            start, end = found[index - 1].start(), found[index].end()
            span = text[start:end]
            if (
                count > self.max
                and len(split_sentences(span)) == 1
                and not is_exception(self.exceptions, span)
            ):
                yield Match(start, end, (words[index],))
                count = 0

    def _counts(self, word: str) -> bool:
        return bool(word) and (not self.alpha or word.isalpha())


@dataclass(frozen=True, slots=True)
class RepetitionOptions:
    """Vale's keys; ``vocab`` has no effect yet."""

    tokens: tuple[str, ...] = ()
    max: int = 0
    ignorecase: bool = False
    alpha: bool = False
    exceptions: tuple[str, ...] = ()
    vocab: bool = True

    def accepting(self, vocabulary: Vocabulary) -> RepetitionOptions:
        """These options with the project's accepted terms among the exceptions."""
        return accept_as_exceptions(self, vocabulary)

    def build(self) -> Repetition:
        """Compile the tokens into one group, case-blind if ``ignorecase``."""
        prefix = "(?i)" if self.ignorecase else ""
        return Repetition(
            pattern=compile_pattern(prefix + "(" + "|".join(self.tokens) + ")"),
            max=self.max,
            ignore_case=self.ignorecase,
            alpha=self.alpha,
            exceptions=exceptions_pattern(self.exceptions, self.ignorecase),
        )


KIND = CheckKind(RepetitionOptions)
