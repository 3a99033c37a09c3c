"""``extends: substitution``: suggest a replacement for each matched key (Vale semantics).

With Vale's ``action: {name: replace}`` and a single replacement, ``--fix`` may apply
it; with any other action the replacement is only suggested.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from copylint.checks.base import CheckKind, FixKind, Match, accept_as_exceptions, action
from copylint.checks.needed_words import NeededWords
from copylint.checks.patterns import (
    RulePattern,
    compile_pattern,
    exceptions_pattern,
    is_exception,
    without_capture_groups,
    word_pattern,
)
from copylint.compiled import compiled

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary


@dataclass(frozen=True, slots=True)
class Substitution:
    """Finds the swap keys; ``%s`` is the replacement, then the matched text."""

    pattern: RulePattern
    keys: tuple[str, ...]
    replacements: tuple[str, ...]
    exceptions: RulePattern | None
    quote_replacements: bool
    capitalize: bool
    fixable: bool
    ignore_case: bool
    needed_words: NeededWords | None = None

    def find(self, text: str) -> Iterator[Match]:
        for found in self.pattern.finditer(text):
            group = found.lastindex
            if group is None or found.end() == found.start():
                continue
            observed = found.group(group)
            expected = self._replacement(group - 1, observed)
            if self._already(expected, observed) or is_exception(self.exceptions, observed):
                continue
            suggestions = tuple(expected.split("|"))
            if self.capitalize and observed[:1].isupper():
                suggestions = tuple(choice[:1].upper() + choice[1:] for choice in suggestions)
            shown = (
                _as_sentence(suggestions)
                if self.quote_replacements
                else expected
                if self.fixable
                else _recased(expected, observed)
            )
            fix = FixKind.REPLACE if self.fixable and len(suggestions) == 1 else None
            yield Match(found.start(group), found.end(group), (shown, observed), suggestions, fix)

    def _replacement(self, index: int, observed: str) -> str:
        """The replacement of the key at ``index`` for ``observed``: its ``$1`` and
        ``${1}`` are the groups of the key matched against ``observed``, as in Vale."""
        expected = self.replacements[index]
        if not _GROUP_REFERENCE.search(expected):
            return expected
        key = ("(?i)" if self.ignore_case else "") + self.keys[index]
        template = _GROUP_REFERENCE.sub(r"\\g<\1\2>", expected.replace("\\", "\\\\"))
        return compile_pattern(key).compiled.sub(template, observed)

    def _already(self, expected: str, observed: str) -> bool:
        """Tell whether ``observed`` already is the replacement: one of its choices, as
        text, for a ``replace`` action (Vale #1038: "..." is no pattern there), else the
        replacement read as a pattern (Vale's ``matchToken``)."""
        if self.fixable:
            return observed in expected.split("|")
        return _same(expected, observed.strip())


_GROUP_REFERENCE = compiled(r"\$(?:(\d+)|\{(\w+)\})")


def _same(expected: str, observed: str) -> bool:
    """Tell whether the text already is the replacement (Vale's ``matchToken``)."""
    if " " in expected:
        return expected == observed
    try:
        return compile_pattern(f"(?:{expected})").fullmatch(observed) is not None
    except regex.error:
        return expected == observed


def _recased(term: str, observed: str) -> str:
    """The replacement a message shows: when it is a pattern that spells one word
    (``OAuth2?``), that word as the text has it but in the term's case; otherwise the
    replacement itself (Vale #997)."""
    skeleton = _literal_skeleton(term)
    return skeleton if skeleton and skeleton.casefold() == observed.casefold() else term


def _literal_skeleton(pattern: str) -> str:
    """The literal characters of a pattern (an optional one kept), or "" when it has
    classes, groups, alternatives or repeats (Vale's ``literalSkeleton``)."""
    letters: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            letters.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "[](){}|.*+^$":
            return ""
        elif char != "?":
            letters.append(char)
    return "" if escaped else "".join(letters)


def _as_sentence(choices: tuple[str, ...]) -> str:
    """Quote the choices and join them with "or", as Vale's ``ToSentence`` does."""
    quoted = [f"'{choice}'" for choice in choices if choice]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + ", or " + quoted[-1]


@dataclass(frozen=True, slots=True)
class SubstitutionOptions:
    """Vale's keys, and the rule's ``action``; ``vocab`` and ``pos`` have no effect yet."""

    swap: dict[str, str] = field(default_factory=dict)
    exceptions: tuple[str, ...] = ()
    ignorecase: bool = False
    nonword: bool = False
    capitalize: bool = False
    vocab: bool = True
    pos: str = ""
    action: dict[str, Any] = field(default_factory=dict, metadata={"validate": action})

    @property
    def replaces(self) -> bool:
        """Whether the action is Vale's plain ``replace``: the replacement is quoted."""
        return self.action.get("name") == "replace" and not self.action.get("params")

    def accepting(self, vocabulary: Vocabulary) -> SubstitutionOptions:
        """These options with the project's accepted terms among the exceptions."""
        return accept_as_exceptions(self, vocabulary)

    def build(self) -> Substitution:
        """Make one alternation of the swap keys, longest first, each in its own group."""
        keys = sorted(self.swap, key=len, reverse=True)
        alternatives = [f"({without_capture_groups(key)})" for key in keys]
        pattern = word_pattern(alternatives, self.ignorecase, self.nonword)
        return Substitution(
            pattern=compile_pattern(pattern),
            keys=tuple(keys),
            replacements=tuple(self.swap[key] for key in keys),
            exceptions=exceptions_pattern(self.exceptions, self.ignorecase),
            quote_replacements=self.replaces,
            fixable=self.action.get("name") == "replace",
            capitalize=self.capitalize,
            ignore_case=self.ignorecase,
            needed_words=None if self.nonword else NeededWords.of(keys, self.ignorecase),
        )


def adapt_message(message: str, options: SubstitutionOptions) -> str:
    """Unquote the first of two quoted ``%s``: the replacement is quoted already (Vale)."""
    if not options.replaces:
        return message
    for quoted in ("'%s'", '"%s"'):
        if message.count(quoted) == 2:
            return message.replace(quoted, "%s", 1)
    return message


KIND = CheckKind(SubstitutionOptions, adapt_message=adapt_message)
