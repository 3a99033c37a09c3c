"""Vale's regular-expression conventions, on top of the ``regex`` module.

Vale compiles its rules with a .NET-like engine: lookbehind, ``\\p{L}`` and inline
flags that hold to the end of their group, as in ``(?-i)``. The ``regex`` module's
VERSION1 behaviour matches that; the standard ``re`` module does not.

Every search of a rule's pattern keeps to the time budget the linter sets for the
rule and file (``copylint.budget``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from copylint.budget import regex_timeout

WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"
IGNORE_CASE = "(?i)"

_CAPTURE_GROUP = regex.compile(r"(?<!\\)((?:\\\\)*)\((?!\?)")


@dataclass(frozen=True, slots=True)
class RulePattern:
    """A rule's compiled pattern, whose searches keep to the running time budget."""

    compiled: regex.Pattern[str]

    def finditer(self, text: str, pos: int = 0) -> Iterator[regex.Match[str]]:
        """Yield every match in ``text`` from ``pos``."""
        return self.compiled.finditer(text, pos, timeout=regex_timeout())

    def search(self, text: str) -> regex.Match[str] | None:
        """Return the first match in ``text``."""
        return self.compiled.search(text, timeout=regex_timeout())

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        """Return the match of all of ``text``."""
        return self.compiled.fullmatch(text, timeout=regex_timeout())


def compile_pattern(pattern: str) -> RulePattern:
    """Compile a Vale pattern; raises ``regex.error`` when it is invalid.

    Case-blind matching uses simple case folding, as Go's engine does (``(?-f)``
    turns off VERSION1's full case folding, which also halves matching time).
    """
    return RulePattern(regex.compile("(?-f)" + pattern.replace(r"\z", r"\Z"), regex.VERSION1))


def word_pattern(alternatives: list[str], ignore_case: bool, nonword: bool) -> str:
    """Join ``alternatives`` into one pattern, word-bounded unless ``nonword``."""
    template = NONWORD_TEMPLATE if nonword else WORD_TEMPLATE
    pattern = template.format("|".join(alternatives))
    return IGNORE_CASE + pattern if ignore_case else pattern


def without_capture_groups(pattern: str) -> str:
    """Turn every capturing group in ``pattern`` into a non-capturing one."""
    return _CAPTURE_GROUP.sub(r"\1(?:", pattern)


def exceptions_pattern(exceptions: list[str], ignore_case: bool) -> RulePattern | None:
    """Compile a rule's exceptions, longest first, to be matched against a whole match."""
    if not exceptions:
        return None
    ordered = sorted(exceptions, key=len, reverse=True)
    flags = IGNORE_CASE if ignore_case else ""
    return compile_pattern(flags + "(?:" + "|".join(ordered) + ")")


def is_exception(pattern: RulePattern | None, observed: str) -> bool:
    """Tell whether ``observed`` is one of a rule's exceptions."""
    return pattern is not None and pattern.fullmatch(observed.strip()) is not None
