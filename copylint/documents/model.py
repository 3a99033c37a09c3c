"""The parsed document: blocks of lintable text, each mapped back to the source."""

from __future__ import annotations

import datetime
import difflib
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum

from copylint.positions import LineIndex

CODE_PLACEHOLDER = "*"
"""What rules see where inline code stands: not a letter, a digit or "_", so that words
beside it keep their boundaries. Markdown's inline code reads as one for each of its
characters, as Vale masks it (a heading's length counts its code)."""
PARAGRAPH_SCOPE = "paragraph"
PROSE_SCOPES = frozenset({"text", PARAGRAPH_SCOPE, "summary"})
TABLE_CELL_SCOPES = frozenset({"text", "table", "table.cell"})
TABLE_HEADER_SCOPES = frozenset({"text", "table", "table.header"})
ALT_SCOPES = frozenset({"alt"})
"""An image's alt text on its own: only a rule that names ``alt`` reads it there."""


def heading_scopes(level: int) -> frozenset[str]:
    """Return the scopes of a heading of ``level`` (1 for the headline)."""
    return frozenset({"text", "heading", f"heading.h{level}"})


class Format(Enum):
    """The markup a document is parsed as."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(Enum):
    """What a block is in the story's structure."""

    HEADLINE = "headline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    BLOCKQUOTE = "blockquote"
    TABLE_CELL = "table_cell"
    TABLE_HEADER = "table_header"
    TITLE = "title"
    FRONT_MATTER = "front_matter"
    RAW = "raw"
    ALT_TEXT = "alt_text"


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps each character offset of a block's text to an offset in the source.

    Stored as runs: text offsets from ``text_starts[k]`` on map one to one onto
    source offsets from ``source_starts[k]``, until the next run begins.
    """

    text_starts: tuple[int, ...]
    source_starts: tuple[int, ...]

    def to_source(self, index: int) -> int:
        """Return the source offset of the text character at ``index``."""
        run = max(bisect_right(self.text_starts, index) - 1, 0)
        return self.source_starts[run] + index - self.text_starts[run]

    def trimmed(self, lead: int) -> SourceMap:
        """Return the map of the same text with its first ``lead`` characters removed."""
        if lead == 0:
            return self
        first = max(bisect_right(self.text_starts, lead) - 1, 0)
        text_starts = [0, *(start - lead for start in self.text_starts[first + 1 :])]
        source_starts = [self.to_source(lead), *self.source_starts[first + 1 :]]
        return SourceMap(tuple(text_starts), tuple(source_starts))

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Return the source span covering text characters ``start`` to ``end``."""
        source_start = self.to_source(start)
        if end <= start:
            return source_start, source_start
        return source_start, self.to_source(end - 1) + 1


class TextBuilder:
    """Accumulates a block's text piece by piece, recording where each piece came from."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self._text_starts: list[int] = []
        self._source_starts: list[int] = []

    def add(self, text: str, source_offset: int) -> None:
        """Append ``text`` whose first character sits at ``source_offset``, the rest after it."""
        if not text:
            return
        contiguous = (
            self._text_starts
            and self._source_starts[-1] + self._length - self._text_starts[-1] == source_offset
        )
        if not contiguous:
            self._text_starts.append(self._length)
            self._source_starts.append(source_offset)
        self._pieces.append(text)
        self._length += len(text)

    def add_mapped(self, text: str, source_offset: int) -> None:
        """Append ``text`` whose every character stands for the source at ``source_offset``."""
        for char in text:
            self._text_starts.append(self._length)
            self._source_starts.append(source_offset)
            self._pieces.append(char)
            self._length += 1

    def add_aligned(self, text: str, raw: str, source_offset: int) -> None:
        """Append ``text``, a decoded form of the source ``raw`` at ``source_offset``.

        Decoding (YAML folding lines, resolving escapes) keeps most characters and
        their order: each kept one points at itself in ``raw``, each new one at the
        source where the kept run before it ended.
        """
        matcher = difflib.SequenceMatcher(None, text, raw, autojunk=False)
        done = 0
        raw_done = 0
        for text_at, raw_at, size in matcher.get_matching_blocks():
            self.add_mapped(text[done:text_at], source_offset + min(raw_done, max(len(raw) - 1, 0)))
            self.add(text[text_at : text_at + size], source_offset + raw_at)
            done, raw_done = text_at + size, raw_at + size

    def __len__(self) -> int:
        return self._length

    def ends_with_space(self) -> bool:
        """Tell whether the text built so far ends with white space."""
        return bool(self._pieces) and self._pieces[-1][-1:].isspace()

    def text(self) -> str:
        """Return the text built so far."""
        return "".join(self._pieces)

    def source_map(self) -> SourceMap:
        """Return the map of the text built so far."""
        return SourceMap(tuple(self._text_starts), tuple(self._source_starts))


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of prose: a headline, a paragraph, a list item, a table cell."""

    kind: BlockKind
    text: str
    source_map: SourceMap
    scopes: frozenset[str]
    level: int = 0

    @classmethod
    def build(
        cls, kind: BlockKind, builder: TextBuilder, scopes: frozenset[str], level: int = 0
    ) -> Block | None:
        """Make a block from what ``builder`` holds, trimmed of outer white space.

        Return None when the builder holds nothing but white space.
        """
        text = builder.text()
        stripped = text.lstrip()
        if not stripped:
            return None
        lead = len(text) - len(stripped)
        stripped = stripped.rstrip()
        return cls(kind, stripped, builder.source_map().trimmed(lead), scopes, level)

    @property
    def is_table(self) -> bool:
        """Tell whether the block is part of a table (a row or cell, or a header)."""
        return self.kind in (BlockKind.TABLE_CELL, BlockKind.TABLE_HEADER)

    def source_start(self) -> int:
        """Return the source offset of the block's first character."""
        return self.source_map.to_source(0)

    def source_span(self) -> tuple[int, int]:
        """Return the source span the whole block covers."""
        return self.source_map.span_to_source(0, len(self.text))


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the story that later checks rely on."""

    title: str | None = None
    date: datetime.date | None = None
    fields: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed draft: its source text and its blocks in reading order.

    ``code`` holds the sorted source spans of code (Markdown code blocks and spans),
    where nothing is linted and no directive counts. ``alt_texts`` are the images' alt
    texts (scope ``alt``), each also read where it stands in its block: they are apart
    from ``blocks`` so that only a rule that asks for ``alt`` reads them twice.
    """

    path: str
    source: str
    format: Format
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    code: tuple[tuple[int, int], ...] = ()
    alt_texts: tuple[Block, ...] = ()
    lines: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex(self.source))

    def paragraphs(self) -> list[Block]:
        """Return the paragraph-like blocks: paragraphs, list items, quotes."""
        return [block for block in self.blocks if PARAGRAPH_SCOPE in block.scopes]
