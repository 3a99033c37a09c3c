"""``extends: substitution``: suggest a replacement for each matched key (Vale semantics).

With Vale's ``action: {name: replace}`` and a single replacement, ``--fix`` may apply
it; with any other action the replacement is only suggested.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from copylint.checks.base import CheckKind, FixKind, Match, boolean, string, string_list, string_map
from copylint.checks.patterns import (
    RulePattern,
    compile_pattern,
    exceptions_pattern,
    is_exception,
    without_capture_groups,
    word_pattern,
)


@dataclass(frozen=True, slots=True)
class Substitution:
    """Finds the swap keys; ``%s`` is the replacement, then the matched text."""

    pattern: RulePattern
    replacements: tuple[str, ...]
    exceptions: RulePattern | None
    quote_replacements: bool
    capitalize: bool
    fixable: bool

    def find(self, text: str) -> Iterator[Match]:
        for found in self.pattern.finditer(text):
            group = found.lastindex
            if group is None or found.end() == found.start():
                continue
            observed = found.group(group)
            expected = self.replacements[group - 1]
            if _same(expected, observed.strip()) or is_exception(self.exceptions, observed):
                continue
            suggestions = tuple(expected.split("|"))
            if self.capitalize and observed[:1].isupper():
                suggestions = tuple(choice[:1].upper() + choice[1:] for choice in suggestions)
            shown = _as_sentence(suggestions) if self.quote_replacements else expected
            fix = FixKind.REPLACE if self.fixable and len(suggestions) == 1 else None
            yield Match(found.start(group), found.end(group), (shown, observed), suggestions, fix)


def _same(expected: str, observed: str) -> bool:
    """Tell whether the text already is the replacement (Vale's ``matchToken``)."""
    if " " in expected:
        return expected == observed
    try:
        return compile_pattern(f"(?:{expected})").fullmatch(observed) is not None
    except regex.error:
        return expected == observed


def _as_sentence(choices: tuple[str, ...]) -> str:
    """Quote the choices and join them with "or", as Vale's ``ToSentence`` does."""
    quoted = [f"'{choice}'" for choice in choices if choice]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + ", or " + quoted[-1]


def build(options: Mapping[str, Any], rule: Mapping[str, Any], _folder: Path) -> Substitution:
    """Make one alternation of the swap keys, longest first, each in its own group."""
    swap = options.get("swap", {})
    keys = sorted(swap, key=len, reverse=True)
    alternatives = [f"({without_capture_groups(key)})" for key in keys]
    ignore_case = bool(options.get("ignorecase", False))
    pattern = word_pattern(alternatives, ignore_case, bool(options.get("nonword", False)))
    return Substitution(
        pattern=compile_pattern(pattern),
        replacements=tuple(swap[key] for key in keys),
        exceptions=exceptions_pattern(options.get("exceptions", []), ignore_case),
        quote_replacements=_replaces(rule),
        fixable=_action_name(rule) == "replace",
        capitalize=bool(options.get("capitalize", False)),
    )


def adapt_message(message: str, rule: Mapping[str, Any]) -> str:
    """Unquote the first of two quoted ``%s``: the replacement is quoted already (Vale)."""
    if not _replaces(rule):
        return message
    for quoted in ("'%s'", '"%s"'):
        if message.count(quoted) == 2:
            return message.replace(quoted, "%s", 1)
    return message


def _action_name(rule: Mapping[str, Any]) -> str:
    action = rule.get("action")
    return str(action.get("name", "")) if isinstance(action, dict) else ""


def _replaces(rule: Mapping[str, Any]) -> bool:
    action = rule.get("action")
    return isinstance(action, dict) and action.get("name") == "replace" and not action.get("params")


KIND = CheckKind(
    options={
        "swap": string_map,
        "exceptions": string_list,
        "ignorecase": boolean,
        "nonword": boolean,
        "capitalize": boolean,
        "vocab": boolean,
        "pos": string,
    },
    build=build,
    adapt_message=adapt_message,
)
