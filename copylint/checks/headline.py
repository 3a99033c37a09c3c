"""``extends: headline``: the story's headline repeated in its body.

The headline is the front-matter ``title`` or HTML ``<title>`` when there is one, else
the first headline or heading. The block that displays it (an H1 equal to the title)
is the headline itself and never reported. Any other block, whatever its kind, that
matches it at ``threshold`` percent or more after normalisation is reported; ``%d`` in
the message is the headline's line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from copylint.checks.base import CheckContext, CheckKind, FixKind, LineOf, Match, number
from copylint.documents import BlockKind, Document, find_headline
from copylint.fingerprints import fingerprint

_NOT_BODY = (BlockKind.TITLE, BlockKind.FRONT_MATTER)


@dataclass(frozen=True, slots=True)
class RepeatedHeadline:
    """Finds body blocks that say the headline again."""

    threshold: float

    def check(self, document: Document, context: CheckContext) -> Iterator[Match]:
        headline = find_headline(document)
        if headline is None:
            return
        wanted = fingerprint(headline.text).text
        for block in document.blocks:
            if block is headline.block or block.kind in _NOT_BODY:
                continue
            if fuzz.ratio(wanted, fingerprint(block.text).text, score_cutoff=self.threshold):
                start, end = block.source_span()
                exact = block.text.split() == headline.text.split()
                fix = FixKind.DELETE_LINES if exact else None
                yield Match(start, end, (LineOf(headline.offset),), fix=fix)


def build(options: Mapping[str, Any], _rule: Mapping[str, Any], _folder: Path) -> RepeatedHeadline:
    """Read the similarity threshold."""
    return RepeatedHeadline(options.get("threshold", 95.0))


KIND = CheckKind(options={"threshold": number}, build=build)
