"""HTML drafts, parsed with the standard library's HTMLParser, positions kept exact."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from html.parser import HTMLParser

import regex

from copylint.compiled import compiled
from copylint.dates import parse_day
from copylint.documents.markup import PLAIN, Markup
from copylint.documents.model import (
    ALT_SCOPES,
    CODE_PLACEHOLDER,
    PROSE_SCOPES,
    TABLE_CELL_SCOPES,
    TABLE_HEADER_SCOPES,
    Block,
    BlockKind,
    TextBuilder,
    heading_scopes,
)

SKIPPED_TAGS = frozenset(
    {"script", "style", "pre", "code", "textarea", "noscript", "template", "svg", "math", "kbd"}
)
_CONTAINER_TAGS = frozenset(
    {
        "html",
        "body",
        "head",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "figure",
        "ul",
        "ol",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "form",
        "fieldset",
        "hr",
    }
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCK_TAGS = frozenset({*_HEADINGS, *_CONTAINER_TAGS, "p", "blockquote", "li", "td", "th"})
"""Elements that are no part of a sentence: one skipped leaves no placeholder."""
_DATE_META = ("article:published_time", "date", "pubdate", "publish-date", "dc.date")
_VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area"})
_ALT_VALUE = compiled(
    r"""\salt\s*=\s*(?:"(?P<value>[^"]*)"|'(?P<value>[^']*)'|(?P<value>[^\s>]+))""", regex.I
)


@dataclass(frozen=True, slots=True)
class HtmlParse:
    """What an HTML document holds: its blocks, its <title> and its publication date.

    ``date_problem`` says why a date meta tag could not be read, if one could not.
    """

    blocks: tuple[Block, ...]
    title: str | None
    date: datetime.date | None
    date_problem: str | None = None
    alt_texts: tuple[Block, ...] = ()


def parse_html(source: str, base_offset: int = 0, markup: Markup = PLAIN) -> HtmlParse:
    """Split the HTML in ``source`` into blocks, read as ``markup`` says; offsets are
    shifted by ``base_offset``."""
    parser = _BlockParser(source, base_offset, markup)
    parser.feed(source)
    parser.close()
    parser.flush()
    return HtmlParse(
        tuple(parser.blocks),
        parser.title,
        parser.date,
        parser.date_problem,
        tuple(parser.alt_texts),
    )


class _BlockParser(HTMLParser):
    def __init__(self, source: str, base_offset: int, markup: Markup) -> None:
        super().__init__(convert_charrefs=False)
        self.base_offset = base_offset
        self.markup = markup
        self.skipped_here: list[bool] = []
        self.line_starts = [0]
        self.line_starts.extend(i + 1 for i, char in enumerate(source) if char == "\n")
        self.blocks: list[Block] = []
        self.alt_texts: list[Block] = []
        self.title: str | None = None
        self.date: datetime.date | None = None
        self.date_problem: str | None = None
        self.builder = TextBuilder()
        self.block_tag = ""
        self.open_tags: list[str] = []
        self.skip_depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.base_offset + self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(dict(attrs))
        if tag == "img" and not self.skip_depth:
            self._read_alt(dict(attrs))
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skip_depth:
                self.builder.add_mapped("\n", self._offset())
            return
        classes = dict(attrs).get("class")
        ignored = self.markup.ignores(tag, classes)
        skipped = ignored or tag in SKIPPED_TAGS or self.markup.skips(tag, classes)
        if skipped:
            if tag in _BLOCK_TAGS:
                self.flush()
            elif not self.skip_depth and ignored:
                self.builder.add_mapped(CODE_PLACEHOLDER, self._offset())
            self.skip_depth += 1
        elif tag in _HEADINGS or tag in _BLOCK_SCOPES or tag in _CONTAINER_TAGS:
            self.flush()
            self.block_tag = tag
        self.open_tags.append(tag)
        self.skipped_here.append(skipped)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open_tags:
            return
        while self.open_tags:
            closed = self.open_tags.pop()
            self.skip_depth -= self.skipped_here.pop()
            if closed == tag:
                break
        if tag in _HEADINGS or tag in _BLOCK_SCOPES or tag in _CONTAINER_TAGS:
            self.flush()
            self.block_tag = next(
                (open_tag for open_tag in reversed(self.open_tags) if open_tag in _BLOCK_SCOPES),
                "",
            )

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.builder.add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._add_reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._add_reference(f"&#{name};")

    def _add_reference(self, reference: str) -> None:
        if not self.skip_depth:
            self.builder.add_mapped(html.unescape(reference), self._offset())

    def _read_alt(self, attrs: dict[str, str | None]) -> None:
        """An image's alt text, a block of scope ``alt`` at the attribute's value."""
        alt = attrs.get("alt")
        written = self.get_starttag_text() or ""
        found = _ALT_VALUE.search(written)
        if not alt or found is None:
            return
        builder = TextBuilder()
        start = self._offset() + found.start("value")
        if found.group("value") == alt:
            builder.add(alt, start)
        else:  # entities in the value: the text maps to where the value starts
            builder.add_mapped(alt, start)
        block = Block.build(BlockKind.ALT_TEXT, builder, ALT_SCOPES)
        if block is not None:
            self.alt_texts.append(block)

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        content = attrs.get("content") or ""
        if name in _DATE_META and self.date is None and self.date_problem is None:
            try:
                self.date = parse_day(content)
            except ValueError as error:
                self.date_problem = f"<meta {name}>: {error}"

    def flush(self) -> None:
        """Close the block being built, if it holds any text."""
        kind, scopes, level = self._current_kind()
        block = Block.build(kind, self.builder, scopes, level)
        self.builder = TextBuilder()
        if block is None or ("head" in self.open_tags and kind is not BlockKind.TITLE):
            return
        if kind is BlockKind.TITLE:
            self.title = self.title or " ".join(block.text.split())
        self.blocks.append(block)

    def _current_kind(self) -> tuple[BlockKind, frozenset[str], int]:
        tag = self.block_tag
        if tag in _HEADINGS:
            level = _HEADINGS[tag]
            return BlockKind.HEADING, heading_scopes(level), level
        if tag == "title" and self.markup.vale_metadata:
            return BlockKind.TITLE, frozenset({"title", "text"}), 0
        kind, scopes = _BLOCK_SCOPES.get(tag, _BLOCK_SCOPES["p"])
        for cell in ("td", "th"):
            if kind is BlockKind.PARAGRAPH and cell in self.open_tags:
                kind, scopes = _BLOCK_SCOPES[cell]
        if kind is BlockKind.PARAGRAPH and "li" in self.open_tags:
            kind, scopes = BlockKind.LIST_ITEM, scopes | {"list"}
        if kind is BlockKind.PARAGRAPH and "blockquote" in self.open_tags:
            kind, scopes = BlockKind.BLOCKQUOTE, scopes | {"blockquote"}
        return kind, scopes, 0


_BLOCK_SCOPES: dict[str, tuple[BlockKind, frozenset[str]]] = {
    "p": (BlockKind.PARAGRAPH, PROSE_SCOPES),
    "blockquote": (BlockKind.BLOCKQUOTE, PROSE_SCOPES | {"blockquote"}),
    "li": (BlockKind.LIST_ITEM, PROSE_SCOPES | {"list"}),
    "dt": (BlockKind.LIST_ITEM, PROSE_SCOPES | {"list"}),
    "dd": (BlockKind.LIST_ITEM, PROSE_SCOPES | {"list"}),
    "td": (BlockKind.TABLE_CELL, TABLE_CELL_SCOPES),
    "th": (BlockKind.TABLE_HEADER, TABLE_HEADER_SCOPES),
    "caption": (BlockKind.TABLE_HEADER, frozenset({"text", "table", "table.caption"})),
    "figcaption": (BlockKind.PARAGRAPH, PROSE_SCOPES | {"figure", "figure.caption"}),
    "title": (BlockKind.TITLE, frozenset({"title"})),
}
