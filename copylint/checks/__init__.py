"""The check kinds a rule can extend: one module each, one line each here.

A kind's module is imported when a rule of it is first loaded, so a run pays only for
the kinds its packs use.
"""

from __future__ import annotations

import importlib

from copylint.checks.base import CheckKind, Match, TextCheck

REGISTRY: dict[str, str] = {
    # Vale's kinds
    "existence": "existence",
    "substitution": "substitution",
    "occurrence": "occurrence",
    "repetition": "repetition",
    "conditional": "conditional",
    "consistency": "consistency",
    "metric": "metric",
    "capitalization": "capitalization",
    "spelling": "spelling",
    # copylint's newsroom kinds
    "duplicate": "duplicate",
    "headline": "headline",
    "reuse": "reuse",
    "length": "length",
    "stale": "stale",
    "readability": "readability",
    "names": "person_names",
}
"""Each kind's name (``extends:``) and its module in ``copylint.checks``."""

# Vale's other kinds: their rules are skipped, with a warning, for now.
VALE_KINDS_NOT_YET_SUPPORTED = frozenset(
    {
        "script",
        "sequence",
    }
)


def kind_named(name: str) -> CheckKind:
    """Return the kind ``extends: name`` names (one of ``REGISTRY``)."""
    kind: CheckKind = importlib.import_module(f"copylint.checks.{REGISTRY[name]}").KIND
    return kind


__all__ = [
    "REGISTRY",
    "VALE_KINDS_NOT_YET_SUPPORTED",
    "CheckKind",
    "Match",
    "TextCheck",
    "kind_named",
]
