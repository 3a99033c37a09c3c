"""Markdown drafts, parsed with markdown-it-py and mapped back to the source exactly.

markdown-it gives each block its source lines but gives inline tokens no columns, so
each inline piece is found in the source by searching forward from the end of the
previous one; link targets, code spans and inline HTML are stepped over so that no
search lands inside them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from copylint.compiled import compiled
from copylint.documents.html import parse_html
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
from copylint.positions import LineIndex

MAX_NESTING = 200
"""How deep markdown-it nests blocks (a list item counts two levels, a quote one); deeper
content it would drop, so such a draft is refused instead. Real copy nests a few levels."""


def _parser() -> MarkdownIt:
    """CommonMark with GitHub's tables, strikethrough and bare URLs made links (with a
    scheme: "https://example.com/page", not "Amazon.com"); a link whose text is its
    address is not prose, and rules never see it, as in Vale."""
    parser = (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING, "linkify": True})
        .enable(["table", "strikethrough", "linkify"])
        .disable("text_join")
    )
    assert parser.linkify is not None, "linkify-it-py is a dependency"
    parser.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    return parser


_PARSER = _parser()
_LINE_BREAK = compiled(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class MarkdownParse:
    """A Markdown draft's blocks, and the source spans that hold code."""

    blocks: tuple[Block, ...]
    code: tuple[tuple[int, int], ...]
    alt_texts: tuple[Block, ...] = ()


class TooDeep(ValueError):
    """Markdown nested too deep to parse whole, from ``line`` (when it is known)."""

    def __init__(self, line: int | None) -> None:
        super().__init__(
            f"Markdown nested more than {MAX_NESTING} levels deep (a list item counts two, "
            "a quote one); not linted"
        )
        self.line = line


_DISPLAY_MATH = compiled(r"\s*\$\$.*\$\$\s*", regex.S)
"""A paragraph that is display math (``$$ ... $$``): not prose, skipped as code is."""


def parse_markdown(source: str, body_start: int = 0, markup: Markup = PLAIN) -> MarkdownParse:
    """Split the Markdown in ``source`` (from ``body_start`` on) into blocks, its markup
    read as ``markup`` says; raises ``TooDeep`` rather than drop what is nested too deep."""
    front = regex.sub(r"[^\r\n]", " ", source[:body_start])
    masked = front + markup.masked(source[body_start:])
    try:
        tokens = _PARSER.parse(masked)
    except RecursionError:
        raise TooDeep(None) from None
    deepest = max(tokens, key=lambda token: token.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 1:
        raise TooDeep(deepest.map[0] + 1 if deepest.map else None)
    walker = _Walker(masked, LineIndex(masked), markup)
    blocks = tuple(walker.blocks(tokens))
    return MarkdownParse(blocks, tuple(sorted(walker.code)), tuple(walker.alt_texts))


class _Walker:
    """Walks markdown-it's token stream, keeping track of the enclosing containers."""

    def __init__(self, source: str, lines: LineIndex, markup: Markup) -> None:
        self.source = source
        self.lines = lines
        self.markup = markup
        self.containers: list[str] = []
        self.cell: str | None = None
        self.code: list[tuple[int, int]] = []
        self.skipped = 0
        self.heading_level = 0
        self.alt_texts: list[Block] = []

    def blocks(self, tokens: Sequence[Token]) -> Iterator[Block]:
        for token in tokens:
            if token.nesting and self.markup.skips(_tag(token)):
                self.skipped += token.nesting
            elif not self.skipped:
                yield from self._block(token)

    def _block(self, token: Token) -> Iterator[Block]:
        if token.type in ("blockquote_open", "list_item_open"):
            self.containers.append(token.type)
        elif token.type in ("blockquote_close", "list_item_close"):
            self.containers.pop()
        elif token.type == "heading_open":
            self.heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            self.heading_level = 0
        elif token.type in ("th_open", "td_open"):
            self.cell = token.type
        elif token.type in ("th_close", "td_close"):
            self.cell = None
        elif token.type in ("fence", "code_block") and token.map:
            self.code.append((self._line_offset(token.map[0]), self._line_offset(token.map[1])))
        elif token.type == "html_block" and token.map:
            yield from self._html_block(token.map)
        elif token.type == "inline" and token.map and _DISPLAY_MATH.fullmatch(token.content):
            self.code.append((self._line_offset(token.map[0]), self._line_offset(token.map[1])))
        elif token.type == "inline" and token.map:
            block = self._inline_block(token, self.heading_level)
            if block is not None:
                yield block

    def _html_block(self, line_map: list[int]) -> Iterator[Block]:
        start = self._line_offset(line_map[0])
        end = self._line_offset(line_map[1])
        yield from parse_html(self.source[start:end], start, self.markup).blocks

    def _line_offset(self, line: int) -> int:
        """Return where 0-based ``line`` starts: where 1-based line ``line`` ends."""
        return self.lines.line_end(line)

    def _inline_block(self, token: Token, heading_level: int) -> Block | None:
        assert token.map is not None
        builder = TextBuilder()
        mapper = _InlineMapper(self.source, self._line_offset(token.map[0]), self.code, self.markup)
        mapper.map(token.children or [], builder)
        self.alt_texts += mapper.alt_texts
        kind, scopes = self._kind_and_scopes(heading_level)
        return Block.build(kind, builder, scopes, heading_level)

    def _kind_and_scopes(self, heading_level: int) -> tuple[BlockKind, frozenset[str]]:
        if heading_level:
            return BlockKind.HEADING, heading_scopes(heading_level)
        if self.cell == "th_open":
            return BlockKind.TABLE_HEADER, TABLE_HEADER_SCOPES
        if self.cell == "td_open":
            return BlockKind.TABLE_CELL, TABLE_CELL_SCOPES
        scopes = set(PROSE_SCOPES)
        kind = BlockKind.PARAGRAPH
        if "list_item_open" in self.containers:
            scopes.add("list")
            kind = BlockKind.LIST_ITEM
        if "blockquote_open" in self.containers:
            scopes.add("blockquote")
            kind = BlockKind.BLOCKQUOTE
        return kind, frozenset(scopes)


class _InlineMapper:
    """Finds each inline token of one block in the source and adds its text."""

    def __init__(
        self, source: str, cursor: int, code: list[tuple[int, int]], markup: Markup
    ) -> None:
        self.source = source
        self.cursor = cursor
        self.code = code
        self.markup = markup
        self.skip_depth = 0
        self.space_before_markup = False
        self.ignored_html: list[str] = []
        self.alt_texts: list[Block] = []

    def map(self, children: Sequence[Token], builder: TextBuilder) -> None:
        for child in children:
            if child.nesting and self.markup.ignores(_tag(child)):
                self._ignore(child, builder)
            handler = getattr(self, f"_on_{child.type}", None)
            if handler is not None:
                handler(child, builder)

    def _ignore(self, token: Token, builder: TextBuilder) -> None:
        """Read an element the markup options ignore (``**bold**``) as one placeholder."""
        if token.nesting > 0:
            position = self._find(token.markup)
            self.cursor = position + len(token.markup)
            if not self.skip_depth:
                builder.add_mapped(CODE_PLACEHOLDER, position)
        self.skip_depth += token.nesting

    def _find(self, needle: str) -> int:
        found = self.source.find(needle, self.cursor)
        return self.cursor if found < 0 else found

    def _on_text(self, token: Token, builder: TextBuilder) -> None:
        if not token.content:
            return
        position = self._find(token.content)
        self.cursor = position + len(token.content)
        content = token.content
        if self.space_before_markup and content[:1].isspace():
            content, position = content[1:], position + 1
        self.space_before_markup = False
        if not self.skip_depth:
            builder.add(content, position)

    def _on_text_special(self, token: Token, builder: TextBuilder) -> None:
        position = self._find(token.markup or token.content)
        self.cursor = position + len(token.markup or token.content)
        if not self.skip_depth:
            builder.add_mapped(token.content, position)

    def _on_softbreak(self, token: Token, builder: TextBuilder) -> None:
        match = _LINE_BREAK.search(self.source, self.cursor)
        if match is None:
            return
        self.cursor = match.end()
        if not self.skip_depth:
            builder.add_mapped("\n", match.start())

    _on_hardbreak = _on_softbreak

    def _on_code_inline(self, token: Token, builder: TextBuilder) -> None:
        opening = self._find(token.markup)
        closing = self.source.find(token.markup, opening + len(token.markup) + len(token.content))
        self.cursor = opening + len(token.markup) if closing < 0 else closing + len(token.markup)
        self.code.append((opening, self.cursor))
        if not self.skip_depth:
            builder.add_mapped(CODE_PLACEHOLDER * max(1, len(token.content)), opening)

    def _on_html_inline(self, token: Token, builder: TextBuilder) -> None:
        """Step over an inline tag or comment; "a <!-- x --> b" reads "a b", not "a  b".
        An element the markup options ignore (``<span class="nop">``) is a placeholder."""
        position = self._find(token.content)
        self.cursor = position + len(token.content)
        self.space_before_markup = builder.ends_with_space()
        tag = _HTML_TAG.match(token.content)
        if tag is None:
            return
        name = tag.group("name").lower()
        if tag.group("closing"):
            if self.ignored_html and self.ignored_html[-1] == name:
                self.ignored_html.pop()
                self.skip_depth -= 1
        elif self.markup.ignores(name, _class_of(tag.group("attributes"))):
            if not self.skip_depth:
                builder.add_mapped(CODE_PLACEHOLDER, position)
            self.ignored_html.append(name)
            self.skip_depth += 1

    def _on_link_open(self, token: Token, builder: TextBuilder) -> None:
        if token.markup in ("autolink", "linkify"):
            self.skip_depth += 1

    def _on_link_close(self, token: Token, builder: TextBuilder) -> None:
        if token.markup == "linkify":
            self.skip_depth -= 1
        elif token.markup == "autolink":
            self.skip_depth -= 1
            closing = self.source.find(">", self.cursor)
            self.cursor = self.cursor if closing < 0 else closing + 1
        else:
            self._skip_link_target()

    def _on_image(self, token: Token, builder: TextBuilder) -> None:
        """An image's alt text is read where it stands, and on its own (scope ``alt``)."""
        opening = self._find("![")
        alt = opening + 2
        if token.content and not self.skip_depth:
            own = TextBuilder()
            as_written = self.source.startswith(token.content, alt)
            for text in (builder, own):
                (text.add if as_written else text.add_mapped)(token.content, alt)
            block = Block.build(BlockKind.ALT_TEXT, own, ALT_SCOPES)
            if block is not None:
                self.alt_texts.append(block)
        closing = self.source.find("]", alt + len(token.content))
        self.cursor = opening + 2 if closing < 0 else closing
        self._skip_link_target()

    def _skip_link_target(self) -> None:
        """Move past ``](destination "title")`` or ``][label]`` after a link's text."""
        bracket = self.source.find("]", self.cursor)
        if bracket < 0:
            return
        position = bracket + 1
        if position < len(self.source) and self.source[position] in "([":
            closer = ")" if self.source[position] == "(" else "]"
            position = _matching(self.source, position, closer)
        self.cursor = position


_HTML_TAG = compiled(r"<(?P<closing>/?)(?P<name>[A-Za-z][\w-]*)(?P<attributes>[^>]*)>")
_CLASS = compiled(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", regex.I)


def _class_of(attributes: str) -> str | None:
    found = _CLASS.search(attributes)
    return None if found is None else next(group for group in found.groups() if group is not None)


def _tag(token: Token) -> str:
    """The HTML element a Markdown token stands for, by Vale's names."""
    return "del" if token.tag == "s" else token.tag


def _matching(source: str, start: int, closer: str) -> int:
    """Return the offset after the bracket that closes the one at ``start``."""
    opener = source[start]
    depth = 0
    index = start
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return start + 1
