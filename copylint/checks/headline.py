"""``extends: headline``: the story's headline repeated in its body.

The headline is the front-matter ``title`` or HTML ``<title>`` when there is one, else
the first headline or heading. The block that displays it (an H1 equal to the title)
is the headline itself and never reported. Any other block but a table that says it
again, word for word after folding or within ``changed_words``/``changed_percent``
changed words with the same figures and names ("Council approves 2026 budget" does not
repeat "Council approves 2025 budget"), is reported; ``%d`` in the message is the
headline's line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.checks.base import (
    TOLERANCE_OPTIONS,
    CheckContext,
    CheckKind,
    FixKind,
    LineOf,
    Match,
    tolerance,
)
from copylint.documents import BlockKind, Document, find_headline
from copylint.fingerprints import fingerprint
from copylint.repeats import Tolerance, compare

_NOT_BODY = (BlockKind.TITLE, BlockKind.FRONT_MATTER)


@dataclass(frozen=True, slots=True)
class RepeatedHeadline:
    """Finds body blocks that say the headline again."""

    tolerance: Tolerance

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        headline = find_headline(document)
        if headline is None:
            return
        wanted = fingerprint(headline.text)
        for block in document.blocks:
            if block is headline.block or block.kind in _NOT_BODY or block.is_table:
                continue
            if compare(fingerprint(block.text), wanted, self.tolerance) is not None:
                start, end = block.source_span()
                exact = block.text.split() == headline.text.split()
                fix = FixKind.DELETE_LINES if exact else None
                yield Match(start, end, (LineOf(headline.offset),), fix=fix)


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> RepeatedHeadline:
    """Read how many words a repeat may change."""
    return RepeatedHeadline(tolerance(options))


KIND = CheckKind(options=dict(TOLERANCE_OPTIONS), build=build)
