"""Where a title is written decides whether it can be judged on the story's date.

A direct quotation is what someone said: it is never judged. A sentence anchored in
the past ("In 2023, ...", "on March 3, 2019", "in January", "at the time", "five
years ago") tells of that time, not of the story's date: it is left alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import regex

from copylint.compiled import compiled
from copylint.sentences import split_sentences

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {
    name.lower(): number
    for number, month in enumerate(_MONTH_NAMES, start=1)
    for name in (month, month[:3])
}
_MONTH = (
    r"(?P<month>"
    + "|".join(sorted({m.capitalize() for m in _MONTHS}, key=lambda m: (-len(m), m)))
    + r")\.?"
)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d-])"
_ANCHOR = compiled(
    rf"\b(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Bb]efore|[Ee]arly|[Ll]ate|[Mm]id-?)\s+"
    rf"(?:(?:early|late|mid-?)\s*)?(?:{_MONTH}\s+)?(?:the\s+)?{_YEAR}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+{_YEAR}"
    rf"|[Ii]n\s+{_MONTH}(?!\s+\d)"
    rf"|(?P<past>[Aa]t\s+the\s+time|[Aa]t\s+that\s+time|[Bb]ack\s+then|[Yy]ears\s+ago"
    rf"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\s+ago))"
)
_QUOTES = (("“", "”"), ("‘", "’"), ('"', '"'))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of direct quotations: curly double and single quotes, and straight ones.

    A single closing quote counts only where no letter follows (not an apostrophe).
    """
    spans = []
    for opening, closing in _QUOTES:
        start = None
        for index, char in enumerate(text):
            if start is None and char == opening and _opens(text, index):
                start = index
            elif start is not None and char == closing and _closes(text, index, closing):
                spans.append((start, index + 1))
                start = None
        if start is not None:
            spans.append((start, len(text)))
    return sorted(spans)


def _opens(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()


def _closes(text: str, index: int, closing: str) -> bool:
    if closing != "’":
        return True
    return index + 1 >= len(text) or not text[index + 1].isalpha()


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Tell whether ``offset`` falls inside one of ``spans``."""
    return any(start <= offset < end for start, end in spans)


def past_sentences(text: str, day: datetime.date) -> Iterator[tuple[int, int]]:
    """Yield the spans of the sentences of ``text`` anchored in a time before ``day``."""
    for start, end in split_sentences(text):
        if any(_ends_before(found, day) for found in _ANCHOR.finditer(text, start, end)):
            yield start, end


def _ends_before(found: regex.Match[str], day: datetime.date) -> bool:
    """Tell whether the time an anchor names is over by ``day``."""
    if found["past"]:
        return True
    month = _MONTHS[found["month"].lower()] if found["month"] else None
    year = int(found["year"]) if found["year"] else None
    if year is None:
        return month is not None and month < day.month
    if month is None:
        return year < day.year
    return (year, month) < (day.year, day.month)
