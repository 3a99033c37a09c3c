"""``extends: repetition``: the same token twice in a row within a sentence (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from copylint.checks.base import CheckKind, Match, boolean, integer, string_list
from copylint.checks.patterns import compile_pattern, exceptions_pattern, is_exception
from copylint.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Repetition:
    """Reports a repeated token from its first copy to its last; ``%s`` is the token."""

    pattern: regex.Pattern[str]
    max: int
    ignore_case: bool
    alpha: bool
    exceptions: regex.Pattern[str] | None

    def find(self, text: str) -> Iterator[Match]:
        previous = ""
        previous_start = 0
        count = 0
        for found in self.pattern.finditer(text):
            current = found.group().strip()
            if self._same(current, previous):
                count += 1
                span = text[previous_start : found.end()]
                if (
                    count > self.max
                    and len(split_sentences(span)) == 1
                    and not is_exception(self.exceptions, span)
                ):
                    yield Match(previous_start, found.end(), (current,))
                    count = 0
            previous, previous_start = current, found.start()

    def _same(self, current: str, previous: str) -> bool:
        if not current:
            return False
        hit = current.casefold() == previous.casefold() if self.ignore_case else current == previous
        return hit and (not self.alpha or current.isalpha())


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
