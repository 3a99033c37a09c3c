"""The check kinds a rule can extend: one module each, one line each here."""

from __future__ import annotations

from copylint.checks import existence, occurrence, repetition, substitution
from copylint.checks.base import CheckKind, Match, TextCheck

REGISTRY: dict[str, CheckKind] = {
    "existence": existence.KIND,
    "substitution": substitution.KIND,
    "occurrence": occurrence.KIND,
    "repetition": repetition.KIND,
}

# Vale's other kinds: rules that use them are refused with a clear error for now.
VALE_KINDS_NOT_YET_SUPPORTED = frozenset(
    {
        "capitalization",
        "conditional",
        "consistency",
        "metric",
        "readability",
        "script",
        "sequence",
        "spelling",
    }
)

__all__ = ["REGISTRY", "VALE_KINDS_NOT_YET_SUPPORTED", "CheckKind", "Match", "TextCheck"]
