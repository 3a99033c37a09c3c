"""Plain-text drafts: a headline, heading lines and paragraphs in either layout.

Two layouts are common. CMS exports put one paragraph on each line with no blank
lines between them; hand-written drafts wrap paragraphs at a fixed width and separate
them with blank lines. A run of consecutive lines is read as one paragraph per line
when any of its lines is longer than a wrapped line could be, or when every line ends
a sentence; otherwise its lines are joined, except where the next line's first word
would have fitted on the line before (a deliberate break); that test needs lines of
at least MIN_WRAP_WIDTH characters to tell a wrap width from short lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from copylint.compiled import compiled
from copylint.documents.model import PROSE_SCOPES, Block, BlockKind, TextBuilder, heading_scopes

WRAP_LIMIT = 100
MIN_WRAP_WIDTH = 60
HEADLINE_MAX_CHARS = 120

_LINE = compiled(r"[^\r\n]*(?:\r\n|\r|\n)?")
_BOLD_HEADING = compiled(r"^(?:\*\*|__)(?P<text>\S(?:.*\S)?)(?:\*\*|__)\s*$")
_HASH_HEADING = compiled(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_ENDS_SENTENCE = compiled(r"[.!?…:][\"'”’)\]]*$")
_HEADLINE_END = compiled(r"[.!?,;:…][\"'”’)\]]*$")

_COMMENT_LINE = compiled(r"\s*<!--.*-->\s*$")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    text: str

    @property
    def blank(self) -> bool:
        """A line with no text, or holding only a comment (a suppression directive)."""
        return not self.text.strip() or bool(_COMMENT_LINE.match(self.text))


def parse_text(source: str) -> tuple[Block, ...]:
    """Split a plain-text draft into its headline, headings and paragraphs."""
    lines = list(_lines(source))
    blocks: list[Block] = []
    run: list[_Line] = []
    headline = _headline_line(lines)
    for line in lines:
        heading = _heading_block(line, is_headline=line is headline)
        if line.blank or heading is not None:
            blocks.extend(_paragraph_blocks(run))
            run = []
            if heading is not None:
                blocks.append(heading)
        else:
            run.append(line)
    blocks.extend(_paragraph_blocks(run))
    return tuple(blocks)


def _lines(source: str) -> Iterator[_Line]:
    for match in _LINE.finditer(source):
        if match.start() == match.end():
            return
        yield _Line(match.start(), match.group().rstrip("\r\n"))


def _headline_line(lines: list[_Line]) -> _Line | None:
    """Return the first line if it reads as a headline: short, unpunctuated, standing alone.

    A line that the next one continues (starting in lower case) is not a headline.
    """
    content = [index for index, line in enumerate(lines) if not line.blank]
    if not content:
        return None
    first = lines[content[0]]
    stripped = first.text.strip()
    if len(stripped) > HEADLINE_MAX_CHARS or _HEADLINE_END.search(stripped):
        return None
    following = lines[content[0] + 1].text.strip() if content[0] + 1 < len(lines) else ""
    if following[:1].islower() or (not stripped[:1].isupper() and not stripped[:1].isdigit()):
        return None
    return first


def _heading_block(line: _Line, is_headline: bool) -> Block | None:
    """Return the heading or headline block that ``line`` is, if it is one."""
    for pattern, level in ((_BOLD_HEADING, 2), (_HASH_HEADING, 0)):
        match = pattern.match(line.text)
        if match:
            level = level or len(match.group("hashes"))
            return _heading(line.start + match.start("text"), match.group("text"), level)
    if is_headline:
        stripped = line.text.strip()
        offset = line.start + len(line.text) - len(line.text.lstrip())
        return _heading(offset, stripped, 1, BlockKind.HEADLINE)
    return None


def _heading(
    offset: int, text: str, level: int, kind: BlockKind = BlockKind.HEADING
) -> Block | None:
    """Make a heading block; a marker with no text ("# ", "**  **") is none."""
    builder = TextBuilder()
    builder.add(text, offset)
    return Block.build(kind, builder, heading_scopes(level), level)


def _paragraph_blocks(run: list[_Line]) -> Iterator[Block]:
    for paragraph in _split_run(run):
        builder = TextBuilder()
        for index, line in enumerate(paragraph):
            if index:
                previous = paragraph[index - 1]
                builder.add("\n", previous.start + len(previous.text.rstrip()))
            content = line.text.strip()
            builder.add(content, line.start + len(line.text) - len(line.text.lstrip()))
        block = Block.build(BlockKind.PARAGRAPH, builder, PROSE_SCOPES)
        if block is not None:
            yield block


def _split_run(run: list[_Line]) -> Iterator[list[_Line]]:
    """Group a run of consecutive non-blank lines into paragraphs."""
    if not run:
        return
    lengths = [len(line.text.strip()) for line in run]
    one_per_line = any(length > WRAP_LIMIT for length in lengths[:-1]) or all(
        _ENDS_SENTENCE.search(line.text.strip()) for line in run[:-1]
    )
    if len(run) > 1 and one_per_line:
        yield from ([line] for line in run)
        return
    width = max(lengths)
    paragraph = [run[0]]
    for previous, line in pairwise(run):
        first_word = line.text.split()[0]
        if width >= MIN_WRAP_WIDTH and len(previous.text.strip()) + 1 + len(first_word) <= width:
            yield paragraph
            paragraph = []
        paragraph.append(line)
    yield paragraph
