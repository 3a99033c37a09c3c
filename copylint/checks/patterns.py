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
from copylint.compiled import compiled

WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"
IGNORE_CASE = "(?i)"

_CAPTURE_GROUP = compiled(r"(?<!\\)((?:\\\\)*)\((?!\?)")
_LITERAL_TOKEN = compiled(r"\w(?:[^\\.^$*+?{}\[\]|()]*\w)?", regex.V1)
"""A token that is its own text: it starts and ends with a word character and has no
character a pattern gives a meaning to ("all talk, no action", "hard-won")."""
_WORD = compiled(r"\w+", regex.V1)
_LEADING_WORD = compiled(r"\w+(?=$|[ ,;:!'’\"/&-])", regex.V1)
"""A token's first word, where no pattern character follows it (``?`` would make its
last letter optional)."""
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


@dataclass(frozen=True, slots=True)
class NeededWords:
    """Words a text must hold one of for a rule of word tokens to match in it.

    Each token gives one word that every match of it holds as a word of the text
    (``\\w+``). A literal token (``one two``, ``all talk, no action``) is matched as
    written between ``\\b``, so each of its words is a word of the text: it gives its
    longest word, the likeliest to be rare. A token
    that starts with a word followed by its end or a plain character that is no word
    character (a space, a comma...) and has no ``|`` gives that first word: a match
    starts at a ``\\b`` with that word and then no word character. The linter finds the
    words of each text once, for every rule, and runs a rule only on the texts that
    hold one of its needed words: most texts hold no token of most rules. Words are
    case-folded (``fold_case``) for a rule that ignores case.
    """

    words: frozenset[str]
    folded: bool

    @classmethod
    def of(cls, tokens: Sequence[str], ignore_case: bool) -> NeededWords | None:
        """Return the words ``tokens`` need, or None unless each needs one."""
        needed = [_needed_word(token) for token in tokens]
        found = [word for word in needed if word is not None]
        if not tokens or len(found) < len(tokens):
            return None
        return cls(frozenset(_folded(found) if ignore_case else found), ignore_case)


def _needed_word(token: str) -> str | None:
    if _LITERAL_TOKEN.fullmatch(token):
        words: list[str] = _WORD.findall(token)
        return max(words, key=len)
    leading = None if "|" in token else _LEADING_WORD.match(token)
    return None if leading is None else leading.group()


def words_in(text: str, folded: bool) -> frozenset[str]:
    """The words of ``text`` as ``NeededWords`` compares them."""
    words = _WORD.findall(text)
    return frozenset(_folded(words) if folded else words)


def _folded(words: Sequence[str]) -> Iterator[str]:
    return (fold_case(word) for word in words)


class _SimpleFolding(dict[int, str]):
    """Unicode simple case folding, as the ``regex`` module folds case for ``(?i)``
    under ``(?-f)``: a character's full folding when that is one character, else its
    lower case when that is, else itself; Turkish dotless and dotted i fold to i. It
    is the regex module's own likeness for every character but those two (tested),
    where the module's likeness is not transitive (ı is like I, I like i, i unlike ı):
    there, folding finds them alike. Filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        forms = ("i",) if char in "ıİ" else (char.casefold(), char.lower())
        folded = next((form for form in forms if len(form) == 1), char)
        self[code] = folded
        return folded


_SIMPLE_FOLDING = _SimpleFolding()


def fold_case(text: str) -> str:
    """Fold the case of ``text`` as ``(?i)`` does; the result is as long as ``text``."""
    return text.translate(_SIMPLE_FOLDING)


def _first_word(token: str) -> str:
    first = _WORD.match(token)
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
        if len(tokens) < LITERAL_TOKENS_FROM or not all(map(_LITERAL_TOKEN.fullmatch, tokens)):
            return None
        by_first_word: dict[str, list[str]] = {}
        for token in dict.fromkeys(fold_case(token) if ignore_case else token for token in tokens):
            by_first_word.setdefault(_first_word(token), []).append(token)
        return cls({word: tuple(found) for word, found in by_first_word.items()}, ignore_case)

    def finditer(self, text: str, pos: int = 0) -> Iterator[regex.Match[str]]:
        """Yield each token in ``text`` from ``pos``, leftmost first."""
        seen = fold_case(text) if self.ignore_case else text
        resume = pos
        for word in _WORD.finditer(seen, pos):
            start = word.start()
            if start < resume:
                continue
            for token in self.by_first_word.get(word.group(), ()):
                end = start + len(token)
                if seen.startswith(token, start) and not _WORD.match(seen, end, end + 1):
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
