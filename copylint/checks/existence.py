"""``extends: existence``: report every occurrence of a token (Vale semantics)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.checks.base import CheckKind, Match, boolean, string_list
from copylint.checks.patterns import (
    NONWORD_TEMPLATE,
    WORD_TEMPLATE,
    LiteralTokens,
    RulePattern,
    compile_pattern,
    exceptions_pattern,
    is_exception,
)


@dataclass(frozen=True, slots=True)
class Existence:
    """Finds the rule's tokens; each match is reported with its text as ``%s``."""

    pattern: RulePattern | LiteralTokens
    exceptions: RulePattern | None

    def find(self, text: str) -> Iterator[Match]:
        for found in self.pattern.finditer(text):
            if found.end() > found.start() and not is_exception(self.exceptions, found.group()):
                yield Match(found.start(), found.end(), (found.group(),))


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> Existence:
    """Combine tokens and raw into one pattern, as Vale's ``makeRegexp`` does; many
    plain words alone are looked up instead (``LiteralTokens``), with the same matches."""
    tokens = [token for token in options.get("tokens", []) if token.strip()]
    raw = "".join(options.get("raw", []))
    word = bool(tokens) and not options.get("nonword", False)
    ignore_case = bool(options.get("ignorecase", False))
    exceptions = exceptions_pattern(options.get("exceptions", []), ignore_case)
    literal = LiteralTokens.of(tokens, ignore_case) if word and not raw else None
    if literal is not None:
        return Existence(literal, exceptions)
    joined = (WORD_TEMPLATE if word else NONWORD_TEMPLATE).format("|".join(tokens))
    pattern = joined + raw if options.get("append", False) else raw + joined
    if ignore_case:
        pattern = "(?i)" + pattern
    return Existence(compile_pattern(pattern), exceptions)


KIND = CheckKind(
    options={
        "tokens": string_list,
        "raw": string_list,
        "exceptions": string_list,
        "append": boolean,
        "ignorecase": boolean,
        "nonword": boolean,
        "vocab": boolean,
    },
    build=build,
)
