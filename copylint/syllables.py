"""textstat, made to work offline.

textstat 0.7.9 and later count syllables with the CMU pronouncing dictionary, which
they fetch through NLTK on first use: that download fails on machines without network
access and costs seconds where it works, and importing NLTK alone takes 0.4 s. copylint
never downloads anything and never imports NLTK: before textstat is imported, the one
module of textstat that imports NLTK (``textstat.backend.utils._get_cmudict``, whose
only function hands textstat its dictionary) is stood in for by one that hands it a
dictionary made from the Pyphen hyphenation patterns that ship inside the pyphen
package, each word's entry remembered (news copy repeats its words). The counts are
those of textstat's own fallback for words missing from the dictionary (hyphenation
points plus one), found without an exception for every word. textstat is loaded only
when a readability rule first scores a text, so runs without one never pay for the
import. (Were textstat imported before copylint, with NLTK, its counting is pointed at
the same dictionary.)

textstat remembers what it found in the last 128 texts it scored, their word lists
among it: for a long article, many times its size. copylint empties the word lists
after each rule has scored an article, and the rest (counts) when another article
comes, so that the rules scoring one article (reading ease and grade) count its
syllables once, and no article's words outlive its scoring.
"""

from __future__ import annotations

import importlib
import sys
from functools import cache, lru_cache
from types import ModuleType

import pyphen
from pyphen import Pyphen

from copylint.cache import NO_CACHE, Cache

_DICTIONARY_MODULE = "textstat.backend.utils._get_cmudict"
LANGUAGE = "en_US"


@cache
def textstat() -> ModuleType:
    """Import textstat with its pronouncing dictionary made from Pyphen's patterns."""
    stand_in = ModuleType(_DICTIONARY_MODULE, "Hands textstat copylint's dictionary.")
    stand_in.get_cmudict = _hyphenation_dictionary  # type: ignore[attr-defined]
    sys.modules.setdefault(_DICTIONARY_MODULE, stand_in)
    counting = importlib.import_module("textstat.backend.counts._count_syllables")
    counting.get_cmudict = _hyphenation_dictionary  # type: ignore[attr-defined]
    return importlib.import_module("textstat")


def textstat_for(text: str, cache: Cache = NO_CACHE) -> ModuleType:
    """textstat, ready to score ``text``, remembering no other text's words, with
    Pyphen's patterns kept in ``cache`` between runs."""
    _load_patterns(cache)
    _forget_other_texts(text)
    return textstat()


@cache
def _load_patterns(kept: Cache) -> None:
    """Hand Pyphen the patterns of textstat's language, American English, from the cache
    (parsing Pyphen's file takes 0.09 s, reading the kept copy 0.006 s)."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = kept.get("hyphenation", [path], lambda: pyphen.HyphDict(path))


def forget_word_lists() -> None:
    """Empty textstat's caches of words and of texts rid of punctuation (for a long
    article, many times its size), keeping its counts for the next rule."""
    _clear_caches(("textstat.backend.selections.", "textstat.backend.transformations."))


@lru_cache(maxsize=1)
def _forget_other_texts(text: str) -> None:
    """Empty textstat's caches when a text other than the last one comes to be scored."""
    _clear_caches(("textstat.",))


def _clear_caches(prefixes: tuple[str, ...]) -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith(prefixes):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


class _HyphenationDictionary:
    """Stands in for the CMU pronouncing dictionary: a word's entry has one stressed
    phone per syllable, and a word has one syllable more than hyphenation points."""

    def __init__(self, lang: str) -> None:
        self._pyphen = Pyphen(lang=lang)
        self._entries: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        entry = self._entries.get(word)
        if entry is None:
            entry = [["1"] * (len(self._pyphen.positions(word)) + 1)]
            self._entries[word] = entry
        return entry


@cache
def _hyphenation_dictionary(lang: str) -> _HyphenationDictionary:
    return _HyphenationDictionary(lang)
