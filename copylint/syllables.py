"""textstat, made to work offline.

textstat 0.7.9 and later count syllables with the CMU pronouncing dictionary, which
they fetch through NLTK on first use: that download fails on machines without network
access and costs seconds where it works, and importing NLTK alone takes 0.4 s. copylint
never downloads anything and never imports NLTK. Before textstat is imported, four of
its modules are stood in for:

- ``textstat.backend.utils._get_cmudict`` (which imports NLTK) hands textstat a
  dictionary made from the Pyphen hyphenation patterns that ship inside the pyphen
  package, each word's entry remembered (news copy repeats its words). The counts are
  those of textstat's own fallback for words missing from the dictionary (Pyphen's
  hyphenation points plus one), found faster (``copylint.hyphenation``).
- ``textstat.backend.utils._get_pyphen`` hands it that same hyphenator, without
  importing Pyphen.
- ``textstat.backend.counts._count_syllables`` counts a text's syllables as textstat's
  does, each of its words as textstat lists them looked up in that dictionary, without
  textstat's walk over each entry's phones.
- ``textstat.backend.counts._count_sentences`` counts a text's sentences with
  textstat's own steps (its pattern for a sentence, and a sentence of two words or
  fewer not counted, its words listed as textstat lists them), without looking each
  sentence up in textstat's caches of words and of texts rid of punctuation, three
  caches a sentence: half the time.

So textstat still lists the words and computes every formula; copylint hands it the
syllables, and counts the sentences as it does (a test runs textstat's own counts as
the oracle). textstat is loaded only when a readability rule first scores a text, so
runs without one never pay for the import. (Were textstat imported before copylint,
with NLTK, its own counting is pointed at the same dictionary.)

textstat remembers what it found in the last 128 texts it scored, their word lists
among it: for a long article, many times its size. copylint empties the word lists
after each rule has scored an article, and the rest (counts) when another article
comes, so that the rules scoring one article (reading ease and grade) count its
syllables once, and no article's words outlive its scoring.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

import ahocorasick

from copylint.budget import unbudgeted
from copylint.cache import NO_CACHE, Cache
from copylint.hyphenation import Hyphenator

LANGUAGE = "en_US"


@cache
def textstat() -> ModuleType:
    """Import textstat with its syllables counted by copylint (the pronouncing
    dictionary made from Pyphen's patterns), and its Pyphen that same hyphenator."""
    stand_ins = {
        "utils._get_cmudict": ("get_cmudict", _hyphenation_dictionary),
        "utils._get_pyphen": ("get_pyphen", _hyphenator),
        "counts._count_syllables": ("count_syllables", _count_syllables),
        "counts._count_sentences": ("count_sentences", _count_sentences),
    }
    for module_name, (name, function) in stand_ins.items():
        module = ModuleType(f"textstat.backend.{module_name}", "Hands textstat copylint's.")
        setattr(module, name, function)
        sys.modules.setdefault(module.__name__, module)
    # textstat imported before copylint counts as it does, with the same dictionary
    with unbudgeted():  # imported when a rule first scores a text, for the whole run
        counting = importlib.import_module("textstat.backend.counts._count_syllables")
        counting.get_cmudict = _hyphenation_dictionary  # type: ignore[attr-defined]
        counting.get_pyphen = _hyphenator  # type: ignore[attr-defined]
        return importlib.import_module("textstat")


def textstat_for(text: str, cache: Cache = NO_CACHE) -> ModuleType:
    """textstat, ready to score ``text``, remembering no other text's words, with
    Pyphen's patterns kept in ``cache`` between runs."""
    module = prepare(cache)
    _forget_other_texts(text)
    return module


def prepare(cache: Cache = NO_CACHE) -> ModuleType:
    """Load the hyphenator (kept in ``cache``) and import textstat, now; return textstat."""
    _load_hyphenator(cache)
    return textstat()


def count_syllables(word: str, cache: Cache = NO_CACHE) -> int:
    """Count a word's syllables as the readability rules do (Pyphen's hyphenation
    points plus one)."""
    _load_hyphenator(cache)
    return len(_hyphenation_dictionary(LANGUAGE)[word.lower()][0])


def patterns_path() -> Path:
    """Pyphen's patterns file for textstat's language, found without importing Pyphen
    (which lists its seventy-odd dictionaries when imported: 4% of linting one draft)."""
    spec = importlib.util.find_spec("pyphen")
    assert spec is not None and spec.origin is not None, "pyphen is a dependency"
    return Path(spec.origin).parent / "dictionaries" / f"hyph_{LANGUAGE}.dic"


def _load_hyphenator(kept: Cache) -> None:
    """Make the hyphenator of textstat's language, American English, from Pyphen's
    patterns, once a process, kept in the cache (parsing Pyphen's file takes 0.09 s,
    reading the kept hyphenator 0.005 s). The entry is built from the patterns file and
    from pyahocorasick's module, whose automaton it holds pickled."""
    if _DICTIONARY.hyphenator is None:
        path = patterns_path()
        sources = [path, Path(ahocorasick.__file__)]
        _DICTIONARY.hyphenator = kept.get("hyphenation", sources, lambda: Hyphenator.of(path))


def forget_word_lists() -> None:
    """Empty textstat's caches of words and of texts rid of punctuation (for a long
    article, many times its size), keeping its counts for the next rule."""
    for module, clear in _textstat_caches():
        if module.startswith(("textstat.backend.selections.", "textstat.backend.transformations.")):
            clear()


@lru_cache(maxsize=1)
def _forget_other_texts(text: str) -> None:
    """Empty textstat's caches when a text other than the last one comes to be scored."""
    for _module, clear in _textstat_caches():
        clear()


@cache
def _textstat_caches() -> tuple[tuple[str, Callable[[], None]], ...]:
    """Return each cache of textstat's own functions (once imported) and its module.

    Only textstat's: its modules also name copylint's dictionary, whose remembered
    entries outlive every text."""
    found: dict[int, tuple[str, Callable[[], None]]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat."):
            continue
        for value in vars(module).values():
            defined_in = getattr(value, "__module__", None) or ""
            if defined_in.startswith("textstat.") and callable(getattr(value, "cache_clear", None)):
                found[id(value)] = (defined_in, value.cache_clear)
    return tuple(found.values())


class _HyphenationDictionary(dict[str, list[list[str]]]):
    """Stands in for the CMU pronouncing dictionary: a word's entry has one stressed
    phone per syllable, and a word has one syllable more than hyphenation points.

    A dict that fills itself: a word seen before is found without a call to Python."""

    def __init__(self) -> None:
        super().__init__()
        self.hyphenator: Hyphenator | None = None

    def __missing__(self, word: str) -> list[list[str]]:
        assert self.hyphenator is not None, "the patterns are loaded before a text is scored"
        entry = [["1"] * (len(self.hyphenator.positions(word)) + 1)]
        self[word] = entry
        return entry


_DICTIONARY = _HyphenationDictionary()


def _hyphenation_dictionary(_lang: str) -> _HyphenationDictionary:
    return _DICTIONARY


def _hyphenator(_lang: str) -> Hyphenator | None:
    return _DICTIONARY.hyphenator


def _count_syllables(text: str, _lang: str) -> int:
    """textstat's count of a text's syllables: each word, as textstat lists them, looked
    up in the dictionary. textstat counts an entry's stressed phones one by one, in
    Python; the count is its length (scoring reading ease and grade on bbc-2000 took
    0.61 s that way, 0.45 s this way)."""
    if not text:
        return 0
    from textstat.backend.selections._list_words import list_words  # imported by now

    return sum([len(_DICTIONARY[word][0]) for word in list_words(text, lowercase=True)])


_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
"""A sentence, as textstat's ``count_sentences`` finds them."""
_PUNCTUATION = re.compile(r"[^\w\s\']")
"""What textstat's ``remove_punctuation`` removes, an apostrophe left to the next."""


@cache
def _non_contraction_apostrophe() -> re.Pattern[str]:
    """An apostrophe that does not start a contraction's ending, as textstat has it."""
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE  # imported by now

    return re.compile(RE_NONCONTRACTION_APOSTROPHE)


def _count_sentences(text: str) -> int:
    """textstat's count of a text's sentences: those it finds, less those of two words or
    fewer (its words as textstat's ``count_words`` lists them: punctuation removed, but
    for the apostrophes of contractions, then split at white space), at least one."""
    if not text:
        return 0
    apostrophe = _non_contraction_apostrophe()
    sentences = _SENTENCE.findall(text)
    short = sum(
        len(_PUNCTUATION.sub("", apostrophe.sub("", sentence)).split(None, 2)) <= 2
        for sentence in sentences
    )
    return max(1, len(sentences) - short)
