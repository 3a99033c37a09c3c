"""Vale's regular-expression conventions, on top of the ``regex`` module.

Vale compiles its rules with a .NET-like engine: lookbehind, ``\\p{L}`` and inline
flags that hold to the end of their group, as in ``(?-i)``. The ``regex`` module's
VERSION1 behaviour matches that; the standard ``re`` module does not.

Every search of a rule's pattern keeps to the time budget the linter sets for the
rule and file (``copylint.budget``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from copylint.budget import regex_timeout
from copylint.checks.folding import fold_case
from copylint.compiled import compiled

WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"
IGNORE_CASE = "(?i)"

_CAPTURE_GROUP = compiled(r"(?<!\\)((?:\\\\)*)\((?!\?)")
LITERAL_TOKEN = compiled(r"\w(?:[^\\.^$*+?{}\[\]|()]*\w)?", regex.V1)
"""A token that is its own text: it starts and ends with a word character and has no
character a pattern gives a meaning to ("all talk, no action", "hard-won")."""
WORD = compiled(r"\w+", regex.V1)
_WHOLE = compiled(r".*", regex.S)
LITERAL_TOKENS_FROM = 200
"""Tokens from which a rule's literal tokens are looked up rather than compiled into
one pattern: a pattern of 50,000 alternatives takes seconds to compile and to run."""


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


def _first_word(token: str) -> str:
    first = WORD.match(token)
    assert first is not None, "a literal token starts with a word"
    return first.group()


@dataclass(frozen=True, slots=True)
class LiteralTokens:
    """A rule's literal tokens, found as ``\\b(?:one|two)\\b`` finds them, by a
    look-up of each word of the text: at each word, the first token (in the rule's
    order) written there, whole. Matches are the ``regex`` module's own."""

    by_first_word: dict[str, tuple[str, ...]]
    ignore_case: bool

    @classmethod
    def of(cls, tokens: list[str], ignore_case: bool) -> LiteralTokens | None:
        """Return the look-up for ``tokens``, or None unless they are many literal tokens."""
        if len(tokens) < LITERAL_TOKENS_FROM or not all(map(LITERAL_TOKEN.fullmatch, tokens)):
            return None
        by_first_word: dict[str, list[str]] = {}
        for token in dict.fromkeys(fold_case(token) if ignore_case else token for token in tokens):
            by_first_word.setdefault(_first_word(token), []).append(token)
        return cls({word: tuple(found) for word, found in by_first_word.items()}, ignore_case)

    def finditer(self, text: str, pos: int = 0) -> Iterator[regex.Match[str]]:
        """Yield each token in ``text`` from ``pos``, leftmost first."""
        seen = fold_case(text) if self.ignore_case else text
        resume = pos
        for word in WORD.finditer(seen, pos):
            start = word.start()
            if start < resume:
                continue
            for token in self.by_first_word.get(word.group(), ()):
                end = start + len(token)
                if seen.startswith(token, start) and not WORD.match(seen, end, end + 1):
                    found = _WHOLE.match(text, start, end)
                    assert found is not None, "a span of the text matches itself"
                    yield found
                    resume = end
                    break


def word_pattern(alternatives: list[str], ignore_case: bool, nonword: bool) -> str:
    """Join ``alternatives`` into one pattern, word-bounded unless ``nonword``."""
    template = NONWORD_TEMPLATE if nonword else WORD_TEMPLATE
    pattern = template.format("|".join(alternatives))
    return IGNORE_CASE + pattern if ignore_case else pattern


def without_capture_groups(pattern: str) -> str:
    """Turn every capturing group in ``pattern`` into a non-capturing one."""
    return _CAPTURE_GROUP.sub(r"\1(?:", pattern)


def exceptions_pattern(exceptions: Sequence[str], ignore_case: bool) -> RulePattern | None:
    """Compile a rule's exceptions, longest first, into one word-bounded pattern, as
    Vale's ``updateExceptions`` does."""
    if not exceptions:
        return None
    ordered = sorted(exceptions, key=len, reverse=True)
    return compile_pattern(word_pattern(ordered, ignore_case, nonword=False))


def is_exception(pattern: RulePattern | None, observed: str) -> bool:
    """Tell whether ``observed`` holds one of a rule's exceptions, whole words found
    anywhere in it (Vale's ``isMatch``: "did" excepts the repetition "did did")."""
    return pattern is not None and pattern.search(observed) is not None
