"""Vale's regular-expression conventions, on top of the ``regex`` module.

Vale compiles its rules with a .NET-like engine: lookbehind, ``\\p{L}`` and inline
flags that hold to the end of their group, as in ``(?-i)``. The ``regex`` module's
VERSION1 behaviour matches that; the standard ``re`` module does not.
"""

from __future__ import annotations

import regex

WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"
IGNORE_CASE = "(?i)"

_CAPTURE_GROUP = regex.compile(r"(?<!\\)((?:\\\\)*)\((?!\?)")


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a Vale pattern; raises ``regex.error`` when it is invalid.

    Case-blind matching uses simple case folding, as Go's engine does (``(?-f)``
    turns off VERSION1's full case folding, which also halves matching time).
    """
    return regex.compile("(?-f)" + pattern.replace(r"\z", r"\Z"), regex.VERSION1)


def word_pattern(alternatives: list[str], ignore_case: bool, nonword: bool) -> str:
    """Join ``alternatives`` into one pattern, word-bounded unless ``nonword``."""
    template = NONWORD_TEMPLATE if nonword else WORD_TEMPLATE
    pattern = template.format("|".join(alternatives))
    return IGNORE_CASE + pattern if ignore_case else pattern


def without_capture_groups(pattern: str) -> str:
    """Turn every capturing group in ``pattern`` into a non-capturing one."""
    return _CAPTURE_GROUP.sub(r"\1(?:", pattern)


def exceptions_pattern(exceptions: list[str], ignore_case: bool) -> regex.Pattern[str] | None:
    """Compile a rule's exceptions, longest first, to be matched against a whole match."""
    if not exceptions:
        return None
    ordered = sorted(exceptions, key=len, reverse=True)
    flags = IGNORE_CASE if ignore_case else ""
    return compile_pattern(flags + "(?:" + "|".join(ordered) + ")")


def is_exception(pattern: regex.Pattern[str] | None, observed: str) -> bool:
    """Tell whether ``observed`` is one of a rule's exceptions."""
    return pattern is not None and pattern.fullmatch(observed.strip()) is not None
