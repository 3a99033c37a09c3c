"""The check kinds a rule can extend: one module each, one line each here."""

from __future__ import annotations

from copylint.checks import (
    conditional,
    consistency,
    duplicate,
    existence,
    headline,
    length,
    metric,
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
    "conditional": conditional.KIND,
    "consistency": consistency.KIND,
    "metric": metric.KIND,
    # copylint's newsroom kinds
    "duplicate": duplicate.KIND,
    "headline": headline.KIND,
    "reuse": reuse.KIND,
    "length": length.KIND,
    "stale": stale.KIND,
    "readability": readability.KIND,
}

# Vale's other kinds: their rules are skipped, with a warning, for now.
VALE_KINDS_NOT_YET_SUPPORTED = frozenset(
    {
        "capitalization",
        "script",
        "sequence",
        "spelling",
    }
)

__all__ = ["REGISTRY", "VALE_KINDS_NOT_YET_SUPPORTED", "CheckKind", "Match", "TextCheck"]
