"""Split prose into sentences the way news copy needs.

Newspaper text is dense with periods that do not end sentences: initials
("Dmitri S. Peskov"), "U.S.", titles ("Gen.", "Sen."), dates ("Jan. 5"), times
("a.m."), "No. 2". The word lists live in ``copylint.wordlists``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from copylint.compiled import compiled
from copylint.wordlists import (
    ATTRIBUTION_VERBS,
    BEFORE_NUMBERS,
    CAN_END_SENTENCE,
    SENTENCE_STARTERS,
    TITLES,
)

_CANDIDATE = compiled(r"(?:\.{3}|…|[.!?]+)[\"'”’)\]]*(?=\s)")
_OPENERS = "\"'“‘(["
_NEXT_WORD = compiled(r"\s+[\"'“‘(\[]*([\p{L}\p{N}][\p{L}\p{N}’'-]*)")
_INITIALISM = compiled(r"(?:\p{L}{1,2}\.)+\p{L}{1,2}")
_SENTENCE_OPENER = compiled(r"\s+[\"'“‘(\[]*[\p{Lu}\p{N}]")


_SPEAKER = r"(?:[\p{Lu}][\p{L}’'.-]*|the|a|an|his|her|their|its|one|another)"
_VERBS = "|".join(sorted(ATTRIBUTION_VERBS))
_ATTRIBUTION = compiled(rf"\s+(?:{_SPEAKER}\s+){{1,5}}?(?:{_VERBS})\b")


@lru_cache(maxsize=1024)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) offsets of each sentence in ``text``, white space trimmed."""
    spans = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if _ends_sentence(text, match):
            spans.append(_trimmed(text, start, match.end()))
            start = match.end()
    spans.append(_trimmed(text, start, len(text)))
    return tuple((begin, end) for begin, end in spans if begin < end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str, match: regex.Match[str]) -> bool:
    """Decide whether the punctuation in ``match`` closes a sentence."""
    after = match.end()
    if not _SENTENCE_OPENER.match(text, after):
        return False
    punctuation = match.group()
    if punctuation[-1] in "\"'”’" and _ATTRIBUTION.match(text, after):
        return False
    if not punctuation.startswith(".") or punctuation.startswith("..."):
        return True
    token = _word_before(text, match.start())
    next_word = _NEXT_WORD.match(text, after)
    following = next_word.group(1) if next_word else ""
    return _abbreviation_allows_end(token, following)


def _word_before(text: str, period: int) -> str:
    """Return the word that ends at the period at ``period``, without opening quotes."""
    start = period
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:period].lstrip(_OPENERS)


def _abbreviation_allows_end(token: str, following: str) -> bool:
    """Decide whether a period after ``token`` ends the sentence, given the next word."""
    if len(token) == 1 and token.isupper():
        return False
    if token in TITLES:
        return False
    if token in BEFORE_NUMBERS:
        return not following[:1].isdigit()
    if token in CAN_END_SENTENCE or _INITIALISM.fullmatch(token):
        return following in SENTENCE_STARTERS
    return True
