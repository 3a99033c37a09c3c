"""Find the knowledge base's names in text, fast.

Matching a list of a thousand names at every offset of a text is slow; instead, one
pass finds the words that could begin a name (by their first character), and each is
looked up among the names that begin with that word, longest first. A name is whole:
no letter, digit or hyphen before it, no letter or digit after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from copylint.compiled import compiled

_FIRST_WORD = compiled(r".[\p{L}\p{N}]*", regex.S)
_LETTER_OR_DIGIT = compiled(r"[\p{L}\p{N}]")


@dataclass(frozen=True, slots=True)
class NameAt:
    """A name found in a text, and where."""

    name: str
    start: int
    end: int


class NameFinder:
    """Finds whole names from a fixed list in any text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first_word: dict[str, list[str]] = {}
        for name in sorted({name for name in names if name}, key=len, reverse=True):
            first = _FIRST_WORD.match(name)
            assert first is not None, "a name has a first character"
            self.by_first_word.setdefault(first.group(), []).append(name)
        initials = "".join(sorted({regex.escape(word[0]) for word in self.by_first_word}))
        self.words = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}-])[{initials or 'x'}][\p{{L}}\p{{N}}]*", regex.V1
        )

    def finditer(self, text: str) -> Iterator[NameAt]:
        """Yield each whole name in ``text``, the longest where names overlap."""
        if not self.by_first_word:
            return
        for word in self.words.finditer(text):
            start = word.start()
            for name in self.by_first_word.get(word.group(), ()):
                end = start + len(name)
                if text.startswith(name, start) and not _LETTER_OR_DIGIT.match(text, end):
                    yield NameAt(name, start, end)
                    break
