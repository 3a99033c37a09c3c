"""What every check kind shares: its matches, its options and how it is built."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Match:
    """One finding of a check, as offsets into the text the check was given."""

    start: int
    end: int
    args: tuple[object, ...] = ()
    suggestions: tuple[str, ...] = ()


class TextCheck(Protocol):
    """A check that looks at one piece of text (a block, a sentence) at a time."""

    def find(self, text: str) -> Iterator[Match]:
        """Yield every match in ``text``."""
        ...


Validator = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class CheckKind:
    """A kind of check (``extends: existence``): its own keys and how to build it."""

    options: Mapping[str, Validator]
    build: Callable[[Mapping[str, Any], Mapping[str, Any]], TextCheck]
    adapt_message: Callable[[str, Mapping[str, Any]], str] = lambda message, _rule: message


def string_list(value: Any) -> list[str]:
    """Accept a list of scalars (or one scalar) as a list of strings."""
    items = value if isinstance(value, list) else [value]
    if not all(
        isinstance(item, str | int | float) and not isinstance(item, bool) for item in items
    ):
        raise ValueError("must be a list of strings")
    return [str(item) for item in items]


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
