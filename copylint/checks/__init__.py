"""The check kinds a rule can extend: one module each, one line each here."""

from __future__ import annotations

from copylint.checks import (
    duplicate,
    existence,
    headline,
    length,
    occurrence,
    readability,
    repetition,
    reuse,
    stale,
    substitution,
)
from copylint.checks.base import CheckKind, Match, TextCheck

REGISTRY: dict[str, CheckKind] = {
    # Vale's kinds
    "existence": existence.KIND,
    "substitution": substitution.KIND,
    "occurrence": occurrence.KIND,
    "repetition": repetition.KIND,
    # copylint's newsroom kinds
    "duplicate": duplicate.KIND,
    "headline": headline.KIND,
    "reuse": reuse.KIND,
    "length": length.KIND,
    "stale": stale.KIND,
    "readability": readability.KIND,
}

# Vale's other kinds: rules that use them are refused with a clear error for now.
VALE_KINDS_NOT_YET_SUPPORTED = frozenset(
    {
        "capitalization",
        "conditional",
        "consistency",
        "metric",
        "script",
        "sequence",
        "spelling",
    }
)

__all__ = ["REGISTRY", "VALE_KINDS_NOT_YET_SUPPORTED", "CheckKind", "Match", "TextCheck"]
