"""What every check kind shares: its matches, its options and how it is built."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from copylint.cache import NO_CACHE, Cache
from copylint.documents import Document
from copylint.fingerprints import Fingerprint
from copylint.repeats import Repeat, Tolerance

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary


class FixKind(Enum):
    """What ``--fix`` may do about a match, when it cannot lose meaning."""

    REPLACE = "replace"
    """Replace the matched text with the match's only suggestion."""
    DELETE_LINES = "delete-lines"
    """Delete the lines the match spans (an exact copy of a paragraph or headline)."""


@dataclass(frozen=True, slots=True)
class Match:
    """One finding of a check, as offsets into the text the check was given.

    Text checks give offsets into the segment they were handed; document checks give
    offsets into the document's source.
    """

    start: int
    end: int
    args: tuple[object, ...] = ()
    suggestions: tuple[str, ...] = ()
    fix: FixKind | None = None


@dataclass(frozen=True, slots=True)
class LineOf:
    """A message argument that the linter renders as the line of a source offset."""

    offset: int


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a document check may know besides the document: the date, extra data, and
    the cache where what is slow to build from that data is kept between runs."""

    as_of: datetime.date
    knowledge_bases: tuple[Path, ...] = ()
    cache: Cache = NO_CACHE
    house_spellings: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of a document that a cross-file check compares: its span and its key."""

    start: int
    end: int
    key: Fingerprint


@runtime_checkable
class TextCheck(Protocol):
    """A check that looks at one piece of text (a block, a sentence) at a time.

    A text check may also have ``needed_words`` (``checks.needed_words.NeededWords``,
    or None): the linter then runs it only on the texts that hold one of those words.
    """

    def find(self, text: str) -> Iterator[Match]:
        """Yield every match in ``text``."""
        ...


@runtime_checkable
class ReadsInOrder(Protocol):
    """A text check that remembers what it found earlier in the same file (Vale's
    ``conditional`` and ``consistency``): the linter asks it for a fresh reader of
    each file and hands that reader the file's texts in order."""

    def for_document(self) -> TextCheck:
        """Return a reader of one file."""
        ...


@runtime_checkable
class DocumentCheck(Protocol):
    """A check that looks at a whole document: duplicates, headlines, dates."""

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        """Yield every match as offsets into the document's source."""
        ...


@runtime_checkable
class CrossFileCheck(Protocol):
    """A check that compares documents linted in one run with each other: their units
    are copies when within ``tolerance`` (which the archive index looks them up by)."""

    @property
    def tolerance(self) -> Tolerance:
        """How far apart two units may be and still be copies."""
        ...

    def units(self, document: Document) -> Iterator[Unit]:
        """Yield the pieces of ``document`` to compare."""
        ...

    def reuses(self, keys: Sequence[Fingerprint], owners: Sequence[int]) -> Iterator[Repeat]:
        """Yield each unit that repeats a unit of another owner."""
        ...


Check = TextCheck | DocumentCheck | CrossFileCheck
Validator = Callable[[Any], Any]


class KindOptions(Protocol):
    """A kind's options: a frozen dataclass whose fields are the kind's keys, typed and
    with their defaults, that builds the rule's check from them alone."""

    def build(self) -> Check:
        """Make the check these options describe."""
        ...


@runtime_checkable
class ReadsVocabulary(Protocol):
    """Options of a kind that reads a Vale project's Vocab (and, for spelling, the
    project's word lists): each kind says what its rules make of the project's words."""

    def accepting(self, vocabulary: Vocabulary) -> KindOptions:
        """Return these options with the project's words applied."""
        ...


OptionsT = TypeVar("OptionsT")


def accept_as_exceptions(options: OptionsT, vocabulary: Vocabulary) -> OptionsT:
    """Vale's Vocab for a kind with ``exceptions`` and a ``vocab`` key: while ``vocab``
    is true (the default), each accepted term is an exception, in its own case unless it
    starts with ``(?i)``."""
    fields: Any = options
    if not vocabulary.accepted or not fields.vocab:
        return options
    wrapped = tuple(
        f"(?:{term})" if term.startswith("(?i)") else f"(?:(?-i){term})"
        for term in vocabulary.accepted
    )
    accepting: OptionsT = replace(fields, exceptions=(*fields.exceptions, *wrapped))
    return accepting


class OptionError(ValueError):
    """A kind's option that names something that cannot be used (a file not found):
    the loader reports it against the rule file and ``key``."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key


def _same_message(message: str, _options: Any) -> str:
    return message


@dataclass(frozen=True, slots=True)
class CheckKind:
    """A kind of check (``extends: existence``): its options, and what it honours.

    ``options`` is the kind's ``KindOptions`` dataclass: the loader reads each of its
    fields from the rule's key of that name, checked by the field's type (or by the
    ``validate`` function in its metadata); a field named after a key every rule may
    have (``action``) receives that key too. ``scoped`` says whether the kind obeys
    ``scope``: one that looks at whole documents does not, and a rule of it that sets a
    scope is refused. ``adapt_message`` rewrites the message given the options.
    """

    options: type[Any]
    scoped: bool = True
    adapt_message: Callable[[str, Any], str] = _same_message


def string_list(value: Any) -> tuple[str, ...]:
    """Accept a list of scalars (or one scalar) as strings."""
    items = value if isinstance(value, list) else [value]
    if not all(
        isinstance(item, str | int | float) and not isinstance(item, bool) for item in items
    ):
        raise ValueError("must be a list of strings")
    return tuple(str(item) for item in items)


def string_map(value: Any) -> dict[str, str]:
    """Accept a mapping of scalars as a mapping of strings."""
    if not isinstance(value, dict):
        raise ValueError("must be a mapping of strings to strings")
    return {str(key): "" if item is None else str(item) for key, item in value.items()}


def boolean(value: Any) -> bool:
    """Accept true or false."""
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def integer(value: Any) -> int:
    """Accept a whole number."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    return value


def string(value: Any) -> str:
    """Accept a scalar as a string."""
    if isinstance(value, dict | list) or value is None:
        raise ValueError("must be a string")
    return str(value)


def number(value: Any) -> float:
    """Accept a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    return float(value)


def choice(*allowed: str) -> Validator:
    """Accept one of ``allowed``."""

    def validate(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return str(value)

    return validate


def action(value: Any) -> dict[str, Any]:
    """Accept Vale's ``action``: a mapping with a ``name`` and maybe ``params``."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not isinstance(value.get("name", ""), str):
        raise ValueError("must be a mapping with a 'name' and optional 'params'")
    return dict(value)


@dataclass(frozen=True, slots=True)
class ToleranceOptions:
    """How far a copy may differ: the keys of ``Tolerance``, with its defaults."""

    changed_words: int = Tolerance().changed_words
    changed_percent: float = Tolerance().changed_percent
    min_contained_words: int = Tolerance().min_contained_words

    @property
    def tolerance(self) -> Tolerance:
        """The tolerance these keys give."""
        return Tolerance(self.changed_words, self.changed_percent, self.min_contained_words)
