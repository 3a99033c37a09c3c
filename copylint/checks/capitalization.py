"""``extends: capitalization``: the case of a whole heading or other scope (Vale semantics).

``match`` is ``$title`` (AP or Chicago ``style``), ``$sentence``, ``$lower``, ``$upper``
or a pattern the text must contain. For title and sentence case the text is converted
to the expected case, as Vale's converters do (``jdkato/twine``'s ``strcase``), and its
words compared with the expected ones: the text passes when at least ``threshold`` of
them (0.8 by default) agree, a word in capitals or one of the ``exceptions`` agreeing
too. In sentence case a first word that is not capitalised fails at once; a word after
one of the ``indicators`` ("1.", a colon when listed) may start a new sentence. A
``prefix`` ("a. ") is set aside before converting.

One difference from Vale: AP style capitalises "to" before a verb ("How To Install"),
which Vale decides with a part-of-speech tagger; copylint has none, and treats "to" as
the small word it is in every other place, as Chicago style does.

The whole scope is reported; ``%s`` in the message is the text, then the expected text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import regex

from copylint.checks.base import CheckKind, Match, accept_as_exceptions
from copylint.checks.patterns import WORD_TEMPLATE
from copylint.compiled import compiled

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary

_SMALL_WORDS = frozenset(
    str.split("a an and as at but by en for if in nor of on or per the to vs vs. via v v.")
)
_PREPOSITIONS = frozenset(
    str.split(
        "with from into during including until against among throughout despite towards "
        "upon concerning about over through before between after since without under "
        "within along following across beyond around down near above"
    )
)
_TITLE_WORD = compiled(r"[\p{N}\p{L}]+[^\s\-/]*")
_CASE_WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBER_LIST = compiled(r"\d+\.")
_ASCII = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


@dataclass(frozen=True, slots=True)
class Capitalization:
    """Reports a scope whose case is not the one ``match`` asks for."""

    match: str
    style: str
    vocabulary: tuple[str, ...]
    indicators: tuple[str, ...]
    threshold: float
    prefix: str
    exceptions: regex.Pattern[str] | None

    def find(self, text: str) -> Iterator[Match]:
        expected, agrees = self._judge(text)
        if not agrees:
            yield Match(0, len(text), (text, expected))

    def _judge(self, text: str) -> tuple[str, bool]:
        if self.match == "$title":
            return self._share(text, self._title_case(text), _capitals_agree)
        if self.match == "$sentence":
            return self._share(text, self._sentence_case(text), _first_word_capitalised)
        if self.match in ("$lower", "$upper"):
            expected = text.lower() if self.match == "$lower" else text.upper()
            return expected, text == expected or self._excepted(text)
        found = regex.search(self.match, text, flags=regex.VERSION1)
        return self.match, found is not None or self._excepted(text)

    def _excepted(self, word: str) -> bool:
        return self.exceptions is not None and self.exceptions.search(word) is not None

    def _share(self, text: str, expected: str, other: _WordTest) -> tuple[str, bool]:
        """Compare the words of ``text`` with those of ``expected`` (Vale's ``title`` and
        ``sentence``): enough must agree, and ``other`` may accept or refuse a word."""
        words = self._words(text)
        wanted = self._words(expected)
        agreeing = 0
        for index, word in enumerate(words):
            if index >= len(wanted) or word == wanted[index] or self._excepted(word):
                agreeing += 1
                continue
            verdict = other(word, index)
            if verdict is None:
                return expected, False
            agreeing += verdict
        return expected, bool(words) and agreeing / len(words) >= self.threshold

    def _words(self, text: str) -> list[str]:
        pattern = _CASE_WORD
        if self.exceptions is not None:
            pattern = f"{self.exceptions.pattern}|{pattern}"
        return _all(pattern, text)

    def _split_prefix(self, text: str) -> tuple[str, str]:
        if not self.prefix:
            return "", text
        found = regex.search(self.prefix, text)
        if found is None:
            return "", text
        prefix = found.group()
        return prefix, text.removeprefix(prefix)

    def _sentence_case(self, text: str) -> str:
        """Vale's sentence-case converter."""
        prefix, text = self._split_prefix(text)
        pattern = _CASE_WORD
        if self.vocabulary:
            pattern = rf"\b(?:{'|'.join(self.vocabulary)})\b|{pattern}"
        tokens = _all("(?i)" + pattern, text)
        made = []
        for index, token in enumerate(tokens):
            entry = self._in_vocabulary(token, str.lower)
            if entry:
                made.append(entry)
            elif index == 0 or self._indicates(tokens[index - 1], index - 1):
                made.append(token[:1].title() + token[1:].lower())
            else:
                made.append(token.lower())
        return prefix + " ".join(made)

    def _indicates(self, word: str, index: int) -> bool:
        """Tell whether the word before may end a sentence (an indicator, or "1.")."""
        if any(word.endswith(suffix) for suffix in self.indicators):
            return True
        return index == 0 and _NUMBER_LIST.search(word) is not None

    def _title_case(self, text: str) -> str:
        """Vale's title-case converter, AP or Chicago."""
        prefix, text = self._split_prefix(text)
        plain = text.translate(_ASCII)
        small = _SMALL_WORDS if self.style == "AP" else _SMALL_WORDS | _PREPOSITIONS
        made: list[str] = []
        searched = 0
        last = 0
        for found in _TITLE_WORD.finditer(text):
            word = found.group()
            made.append(text[last : found.start()])
            last = found.end()
            position = plain.find(word, searched)
            position = position if position >= 0 else searched - 1
            searched = position + len(word)
            entry = self._in_vocabulary(word, str.casefold)
            bounding = position == 0 or searched == len(plain)
            if entry:
                made.append(entry)
            elif (
                not bounding
                and word.lower() in small
                and _char_at(plain, position - 1) in " -/"
                and _char_at(plain, position - 2) not in ":-"
                and (_char_at(plain, searched) != "-" or _char_at(plain, position - 1) == "-")
            ):
                made.append(word.lower())
            else:
                made.append(word[:1].title() + word[1:])
        made.append(text[last:])
        return prefix + "".join(made)

    def _in_vocabulary(self, word: str, fold: Callable[[str], str]) -> str:
        """Return how the vocabulary writes ``word`` (its own entry when equal but for
        case, the word itself when an entry matches inside it), or "" when no entry does."""
        for entry in self.vocabulary:
            if fold(entry) == fold(word):
                return entry
            try:
                if regex.search(entry, word):
                    return word
            except regex.error:
                continue
        return ""


def _all(pattern: str, text: str) -> list[str]:
    """Return every match of ``pattern`` in ``text`` (whole, whatever its groups)."""
    return [found.group() for found in regex.finditer(pattern, text, flags=regex.VERSION1)]


_WordTest = Callable[[str, int], int | None]
"""What a word that is not as expected counts for: 1 it agrees, 0 it does not, None the
whole text fails."""


def _capitals_agree(word: str, _index: int) -> int | None:
    return int(word == word.upper())


def _first_word_capitalised(word: str, index: int) -> int | None:
    if index == 0 and word != _go_title(word.lower()):
        return None
    return 0


def _go_title(word: str) -> str:
    """Go's ``strings.Title``: each letter after a non-letter (not a digit or "_")
    capitalised."""
    made = []
    previous = " "
    for char in word:
        separator = not (previous.isalnum() or previous == "_")
        made.append(char.title() if separator else char)
        previous = char
    return "".join(made)


def _char_at(text: str, index: int) -> str:
    """Go's ``CharAt`` in Vale's converter: the character at ``index``, or the first."""
    return text[index] if 0 <= index < len(text) else text[:1]


@dataclass(frozen=True, slots=True)
class CapitalizationOptions:
    """Vale's keys."""

    match: str = "$title"
    style: Literal["AP", "Chicago"] = "AP"
    exceptions: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    threshold: float = 0.8
    vocab: bool = True
    prefix: str = ""

    def accepting(self, vocabulary: Vocabulary) -> CapitalizationOptions:
        """These options with the project's accepted terms among the exceptions."""
        return accept_as_exceptions(self, vocabulary)

    def build(self) -> Capitalization:
        """Compile the exceptions as Vale's ``updateExceptions`` does: longest first,
        each case-sensitive unless it says ``(?i)``, as whole words. Vale's converters
        see the exceptions so rewritten too (``updateExceptions`` rewrites the rule's
        list in place), so "VS" is no entry for "vs."."""
        ordered = sorted(self.exceptions, key=len, reverse=True)
        terms = [term if term.startswith("(?i)") else f"(?-i){term}" for term in ordered]
        exceptions = (
            regex.compile(WORD_TEMPLATE.format("|".join(terms)), regex.VERSION1) if terms else None
        )
        return Capitalization(
            match=self.match,
            style=self.style,
            vocabulary=tuple(terms),
            indicators=self.indicators,
            threshold=self.threshold or 0.8,
            prefix=self.prefix,
            exceptions=exceptions,
        )


KIND = CheckKind(CapitalizationOptions)
