"""What a word is, wherever copylint counts or compares words.

A word is a run of letters and digits, joined inside by hyphens, slashes and
apostrophes ("co-operate", "and/or", "don't"; a hyphen that ends a hard-wrapped line
joins too) and by points with no space after them ("Amazon.com", a ticker "PGLO.AS");
a figure keeps its decimal point, thousands separators and fractions ("1,234.5",
"8-3/4", "0/92", "10:30"). Initialisms with points ("U.S.", "a.m.") are one word each.
Punctuation around words is not part of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# Python's re module (faster here than the regex module): [^\W_] is a letter or a digit.
# Every word starts with one, and saying so first (the lookahead) lets the search pass
# over spaces and punctuation without trying each way a word can start (30% faster).
_WORD = re.compile(
    r"""
    (?=[^\W_])(?:
      (?:[^\W\d_]\.){2,}(?![^\W\d_])(?:['’][^\W\d_]+)?   # initialisms: U.S., a.m., U.K.'s
      | (?!(?<=['’])s\b)                                  # not the s of <Acme Inc>'s
        [^\W_]+(?:
          (?:-\n|[-/'’.]|(?<=\d)[,:](?=\d))             # joined by - / ' ’ ., or , : in figures
          [^\W_]+
        )*
    )
    """,
    re.VERBOSE,
)


def find_words(text: str) -> Iterator[re.Match[str]]:
    """Yield the match of each word of ``text``, in order."""
    return _WORD.finditer(text)


@lru_cache(maxsize=256)
def words(text: str) -> tuple[str, ...]:
    """Return the words of ``text``, in order.

    The last texts' words are kept: several rules read the words of one text (a
    paragraph's are counted for its length and for the article's readability, and
    compared for duplicates; a one-line paragraph's are read to tell a table row), so
    that a fifth of the text a run searched for words is not searched again.
    """
    return tuple(_WORD.findall(text))


def count_words(text: str) -> int:
    """Count the words of ``text``."""
    return len(words(text))
