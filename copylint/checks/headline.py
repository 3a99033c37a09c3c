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

from collections.abc import Iterator
from dataclasses import dataclass

from copylint.checks.base import (
    CheckContext,
    CheckKind,
    FixKind,
    LineOf,
    Match,
    ToleranceOptions,
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


@dataclass(frozen=True, slots=True)
class HeadlineOptions(ToleranceOptions):
    """How many words a repeat of the headline may change."""

    def build(self) -> RepeatedHeadline:
        """Make the check."""
        return RepeatedHeadline(self.tolerance)


KIND = CheckKind(HeadlineOptions, scoped=False)
