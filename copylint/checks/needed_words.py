"""The words a rule's matches must hold: the linter runs a rule only on the texts that
hold one of them (``NeededWords``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from copylint.checks.folding import fold_case
from copylint.checks.patterns import LITERAL_TOKEN, WORD
from copylint.compiled import compiled

_FOLLOWS = r"(?=$|[ ,;:!'’\"/&-]|\\[^\w\s])"
"""What may follow a token's first word or choice: its end, or a character that is no
word character and no pattern character (``?`` would make the last letter optional),
written plainly or escaped."""
_LEADING_WORD = compiled(r"\w+" + _FOLLOWS, regex.V1)
_LEADING_CHOICE = compiled(r"\(\?:([^()\\\[\]{}.^$*+?]+)\)" + _FOLLOWS, regex.V1)


@dataclass(frozen=True, slots=True)
class NeededWords:
    """Words a text must hold one of for a rule of word tokens to match in it.

    Every match of a token holds one of the words the token gives as a word of the
    text (``\\w+``):

    - a literal token (``one two``, ``all talk, no action``) is matched as written
      between ``\\b``, so each of its words is a word of the text: it gives its
      longest word, the likeliest to be rare;
    - a token that starts with a choice of literal tokens (``(?:prior|previous) to``)
      followed by its end or by what ``_FOLLOWS`` allows gives the longest word of
      each;
    - a token that starts with a word followed by its end or by what ``_FOLLOWS``
      allows gives that word: a match starts at ``\\b`` with it, then no word character.

    A token with a ``|`` elsewhere (it may match without its start) gives none, and
    then neither does the rule. Words are case-folded (``fold_case``) for a rule that
    ignores case.
    """

    words: frozenset[str]
    folded: bool

    @classmethod
    def of(cls, tokens: Sequence[str], ignore_case: bool) -> NeededWords | None:
        """Return the words ``tokens`` need, or None unless each needs some."""
        needed = [_needed_words(token) for token in tokens]
        if not tokens or None in needed:
            return None
        words = [word for found in needed if found is not None for word in found]
        return cls(frozenset(_folded(words) if ignore_case else words), ignore_case)


def words_in(text: str, folded: bool) -> frozenset[str]:
    """The words of ``text`` as ``NeededWords`` compares them (folded, the words of the
    folded text: folding keeps every character a word character or not, tested)."""
    return frozenset(WORD.findall(fold_case(text) if folded else text))


def _needed_words(token: str) -> list[str] | None:
    """The words one of which every match of ``token`` holds, or None."""
    if LITERAL_TOKEN.fullmatch(token):
        return [_longest_word(token)]
    choice = _LEADING_CHOICE.match(token)
    if choice is not None:
        alternatives = choice.group(1).split("|")
        if "|" in token[choice.end() :] or not all(map(LITERAL_TOKEN.fullmatch, alternatives)):
            return None
        return [_longest_word(alternative) for alternative in alternatives]
    leading = None if "|" in token else _LEADING_WORD.match(token)
    return None if leading is None else [leading.group()]


def _longest_word(literal: str) -> str:
    words: list[str] = WORD.findall(literal)
    return max(words, key=len)


def _folded(words: Sequence[str]) -> Iterator[str]:
    return (fold_case(word) for word in words)
