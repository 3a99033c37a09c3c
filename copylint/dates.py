"""Dates as copylint reads them wherever they come from: a day of the calendar, YYYY-MM-DD.

A front-matter or HTML date may carry a time after the day ("2025-03-13T09:30:00Z");
anything else ("next tuesday", "20250101", "2025-02-30") is not a date and is reported.
"""

from __future__ import annotations

import datetime

from copylint.compiled import compiled
from copylint.errors import CopylintError

_DAY = compiled(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z ]*)?\s*")


def parse_day(value: object) -> datetime.date:
    """Read a date (or a datetime) or its text; raise ValueError when it is no day."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if value is None:
        raise ValueError("must be a date (YYYY-MM-DD)")
    found = _DAY.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        raise ValueError(f"'{value}' is not a date (use YYYY-MM-DD)")
    try:
        return datetime.date.fromisoformat(found.group(1))
    except ValueError:
        raise ValueError(f"'{found.group(1)}' is not a day of the calendar") from None


def date_option(option: str, value: str | None) -> datetime.date | None:
    """Read a YYYY-MM-DD command-line option; raise CopylintError naming the option."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as error:
        raise CopylintError(f"{option}: {error}") from None
