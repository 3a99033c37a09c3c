"""The parts of a news story that checks ask about: its headline and its lede."""

from __future__ import annotations

from dataclasses import dataclass, replace

from copylint.documents.model import Block, BlockKind, Document
from copylint.fingerprints import fold

LEDE = "lede"


@dataclass(frozen=True, slots=True)
class Headline:
    """The story's headline: its text, where it stands, and the block that shows it.

    ``block`` is the body block that displays the headline (a plain-text headline line,
    the first heading, or an H1 that repeats the front-matter or HTML title); it is the
    headline itself, never a repeat of it.
    """

    text: str
    offset: int
    block: Block | None


def find_headline(document: Document) -> Headline | None:
    """Return the story's headline: the title if there is one, else the first heading."""
    title = next((block for block in document.blocks if block.kind is BlockKind.TITLE), None)
    headings = [
        block for block in document.blocks if block.kind in (BlockKind.HEADLINE, BlockKind.HEADING)
    ]
    if title is not None:
        shown = next(
            (
                block
                for block in headings
                if block.level == 1 and fold(block.text) == fold(title.text)
            ),
            None,
        )
        return Headline(title.text, title.source_start(), shown)
    first = next((b for b in headings if b.kind is BlockKind.HEADLINE), None) or next(
        iter(headings), None
    )
    if first is None:
        return None
    return Headline(first.text, first.source_start(), first)


def mark_lede(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Add the ``lede`` scope to the first paragraph after the headline, if any.

    A story that opens with a table (a wire earnings report) has no lede.
    """
    start = next(
        (
            i + 1
            for i, block in enumerate(blocks)
            if block.kind in (BlockKind.HEADLINE, BlockKind.HEADING)
        ),
        0,
    )
    for index in range(start, len(blocks)):
        if blocks[index].is_table:
            return blocks
        if blocks[index].kind is BlockKind.PARAGRAPH:
            lede = replace(blocks[index], scopes=blocks[index].scopes | {LEDE})
            return (*blocks[:index], lede, *blocks[index + 1 :])
    return blocks
