"""``extends: repetition``: the same token twice in a row within a sentence (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.checks.base import CheckKind, Match, boolean, integer, string_list
from copylint.checks.patterns import RulePattern, compile_pattern, exceptions_pattern, is_exception
from copylint.sentences import split_sentences


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


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Repetition:
    """Compile the tokens into one group, case-blind if ``ignorecase``."""
    ignore_case = bool(options.get("ignorecase", False))
    prefix = "(?i)" if ignore_case else ""
    return Repetition(
        pattern=compile_pattern(prefix + "(" + "|".join(options.get("tokens", [])) + ")"),
        max=options.get("max", 0),
        ignore_case=ignore_case,
        alpha=bool(options.get("alpha", False)),
        exceptions=exceptions_pattern(options.get("exceptions", []), ignore_case),
    )


KIND = CheckKind(
    options={
        "tokens": string_list,
        "max": integer,
        "ignorecase": boolean,
        "alpha": boolean,
        "exceptions": string_list,
        "vocab": boolean,
    },
    build=build,
)
