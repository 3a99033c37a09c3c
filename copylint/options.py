"""Values given on the command line, read the same way by every command."""

from __future__ import annotations

import datetime

from copylint.errors import CopylintError


def date_option(option: str, value: str | None) -> datetime.date | None:
    """Read a YYYY-MM-DD option; raise CopylintError naming the option when it is not one."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CopylintError(f"{option}: '{value}' is not a date (use YYYY-MM-DD)") from None
