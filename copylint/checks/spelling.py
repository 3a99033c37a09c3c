"""``extends: spelling``: words no dictionary has (Vale semantics).

Each block is split into words as Vale's word tokenizer splits it (at white space, then
quotes, brackets and end punctuation peeled off; ``U.S.`` and ``Mr.`` kept whole), and
a word is reported unless a ``filters`` pattern is found in it, a dictionary spells it
(``copylint.hunspell``) or it is an accepted Vocab term. Unless ``custom`` is set,
Vale's own filters also apply: a word with anything but ASCII letters, ``_`` and ``'``
(digits, hyphens, accents), a word in capitals or ending in them, and camel case are
never reported. Dictionaries: ``dic`` and ``aff`` name one by its files; else each of
``dictionaries`` is ``NAME.dic`` and ``NAME.aff`` in ``dicpath`` (by default
``config/dictionaries`` under the styles path); with none of those, or with
``append``, Vale's ``en_US-web`` dictionary (shipped with copylint) is used. ``ignore``
names word lists (one word a line), found as Vale finds them: as given, under the
styles path, or under its ``config/ignore``. Unlike Vale, which points every report
of a word at its first appearance in the block, each is reported where it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from copylint.budget import unbudgeted
from copylint.checks.base import CheckKind, Match, OptionError, string_list
from copylint.compiled import compiled
from copylint.hunspell import Dictionary, Speller, read_dictionary, word_list

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary

DEFAULT_DICTIONARY = Path(__file__).parent.parent / "data" / "hunspell" / "en_US-web"
DICTIONARIES = Path("config") / "dictionaries"
IGNORE_FILES = Path("config") / "ignore"
_VALE_FILTERS = (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']")
_SPECIAL = compiled(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,2}\.")
_PREFIXES = ("$", "(", '"', "[", "'")
_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
_STRAIGHT_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_HAS_LETTER = compiled(r"\p{L}")
_SPACE = compiled(r"\S+")


@dataclass(frozen=True, slots=True)
class Spelling:
    """Reports each word that ``speller`` does not spell and nothing excuses."""

    speller: Speller
    filters: tuple[regex.Pattern[str], ...]
    exceptions: regex.Pattern[str] | None
    phrases: regex.Pattern[str] | None

    def find(self, text: str) -> Iterator[Match]:
        text = self.speller.convert(text)
        if self.phrases is not None:
            text = self.phrases.sub(lambda found: " " * len(found.group()), text)
        for start, word in vale_words(text):
            if any(pattern.search(word) for pattern in self.filters):
                continue
            if self.speller.spells(word) or self._excepted(word):
                continue
            yield Match(start, start + len(word), (word,))

    def _excepted(self, word: str) -> bool:
        return self.exceptions is not None and self.exceptions.search(word) is not None


def vale_words(text: str) -> Iterator[tuple[int, str]]:
    """Yield each word of ``text`` with its offset, split as Vale's word tokenizer splits."""
    for token in _SPACE.finditer(text.translate(_STRAIGHT_QUOTES)):
        start, word = token.start(), token.group()
        while word:
            if _SPECIAL.fullmatch(word):
                break
            if len(word) > 1 and word.startswith(_PREFIXES):
                start, word = start + 1, word[1:]
            elif len(word) > 1 and word.endswith(_SUFFIXES):
                word = word[:-1]
            else:
                break
        if _HAS_LETTER.search(word):
            yield start, word


@dataclass(frozen=True, slots=True)
class SpellingOptions:
    """Vale's keys (``threshold`` is read and, as in Vale, changes nothing), and
    copylint's ``project_words``: what Vale does for ``Vale.Spelling`` alone, reading a
    Vale project's ``config/ignore`` word lists and ``config/dictionaries`` besides Vale's
    dictionary. The styles path is the rule folder's parent, as Vale's is for a style's
    rules."""

    filters: tuple[str, ...] = ()
    ignore: tuple[str, ...] = field(default=(), metadata={"validate": string_list})
    exceptions: tuple[str, ...] = ()
    dictionaries: tuple[str, ...] = ()
    dicpath: str = ""
    aff: str = ""
    dic: str = ""
    custom: bool = False
    append: bool = False
    threshold: int = 0
    project_words: bool = False
    styles_path: Path = field(default=Path(".."), metadata={"key": False})

    def accepting(self, vocabulary: Vocabulary) -> SpellingOptions:
        """These options with a Vale project's accepted terms (whole words, any case),
        and with ``project_words``, its word lists and dictionaries too."""
        options = replace(self, exceptions=(*self.exceptions, *vocabulary.accepted))
        if not self.project_words:
            return options
        dictionaries = vocabulary.dictionaries
        return replace(
            options,
            ignore=(*self.ignore, *map(str, vocabulary.word_lists)),
            dicpath=str(dictionaries[0].parent) if dictionaries else self.dicpath,
            dictionaries=(*self.dictionaries, *(path.stem for path in dictionaries)),
            append=True,
        )

    def build(self) -> Spelling:
        """Read the dictionaries and word lists, and compile the filters."""
        filters = (*self.filters, *(() if self.custom else _VALE_FILTERS))
        words = [term for term in self.exceptions if not _is_phrase(term)]
        phrases = [term for term in self.exceptions if _is_phrase(term)]
        return Spelling(
            speller=Speller((*self._dictionaries(), *self._word_lists())),
            filters=tuple(map(regex.compile, filters)),
            exceptions=_whole_words(words),
            phrases=regex.compile(rf"(?i)\b(?:{'|'.join(phrases)})\b") if phrases else None,
        )

    def _dictionaries(self) -> list[Dictionary]:
        if self.dic and self.aff:
            return [_dictionary(self._asset("dic", self.dic), self._asset("aff", self.aff))]
        folder = self.styles_path / (self.dicpath or DICTIONARIES)
        if self.dicpath and not folder.is_dir():
            raise OptionError("dicpath", f"no folder {folder}")
        named = []
        for name in self.dictionaries:
            dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
            if not (dic.is_file() and aff.is_file()):
                raise OptionError("dictionaries", f"no {name}.dic and {name}.aff in {folder}")
            named.append(_dictionary(dic, aff))
        return [*named, _default_dictionary()] if self.append or not named else named

    def _word_lists(self) -> list[Dictionary]:
        found = [self._ignore_file(name) for name in self.ignore]
        return [word_list(found)] if found else []

    def _asset(self, key: str, name: str) -> Path:
        """Where Vale finds ``aff`` and ``dic``: under the styles path or its config."""
        for path in (self.styles_path / name, self.styles_path / DICTIONARIES / name):
            if path.is_file():
                return path
        raise OptionError(key, f"no file '{name}' in {self.styles_path} or its {DICTIONARIES}")

    def _ignore_file(self, name: str) -> Path:
        for path in (Path(name), self.styles_path / name, self.styles_path / IGNORE_FILES / name):
            if path.is_file():
                return path
        raise OptionError(
            "ignore", f"no word list '{name}' in {self.styles_path} or its {IGNORE_FILES}"
        )


def _is_phrase(term: str) -> bool:
    return " " in term or "\t" in term or r"\s" in term


def _whole_words(terms: list[str]) -> regex.Pattern[str] | None:
    """Vale's exception pattern: each term whole (unless it says where its edges are)."""
    if not terms:
        return None
    wrapped = (
        term if term.startswith(r"\b") or term.endswith(r"\b") else rf"\b{term}\b" for term in terms
    )
    return regex.compile("(?i)" + "|".join(wrapped))


@cache
def _dictionary(dic: Path, aff: Path) -> Dictionary:
    """The dictionary, read when a rule first needs it, for the whole run."""
    with unbudgeted():
        return read_dictionary(dic, aff)


def _default_dictionary() -> Dictionary:
    return _dictionary(
        DEFAULT_DICTIONARY.with_suffix(".dic"), DEFAULT_DICTIONARY.with_suffix(".aff")
    )


KIND = CheckKind(SpellingOptions)
