"""Parse drafts into documents: plain text, Markdown (with front matter) and HTML.

The Markdown and HTML parsers are imported when a draft of theirs is parsed (markdown-it
alone takes 30 ms to import, which a run of plain-text drafts need not pay).
"""

from __future__ import annotations

from dataclasses import replace

from copylint.documents.markup import PLAIN, Markup
from copylint.documents.model import (
    Block,
    BlockKind,
    Document,
    Format,
    Metadata,
    SourceMap,
    TextBuilder,
)
from copylint.documents.reading import Encoding, decode, format_for_extension
from copylint.documents.story import Headline, find_headline, mark_lede
from copylint.documents.tables import mark_tables
from copylint.documents.text import parse_text
from copylint.errors import CopylintError

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "Encoding",
    "Format",
    "Headline",
    "Metadata",
    "SourceMap",
    "TextBuilder",
    "decode",
    "find_headline",
    "format_for_extension",
    "parse_document",
]


def parse_document(path: str, source: str, fmt: Format, markup: Markup = PLAIN) -> Document:
    """Parse ``source`` as ``fmt``, its markup read as ``markup`` says; ``path`` is how
    diagnostics will name it."""
    document = _parse(path, source, fmt, markup)
    return replace(document, blocks=mark_lede(mark_tables(document.blocks)))


def _parse(path: str, source: str, fmt: Format, markup: Markup) -> Document:
    if fmt is Format.MARKDOWN:
        from copylint.documents.frontmatter import parse_front_matter
        from copylint.documents.markdown import TooDeep, parse_markdown

        front = parse_front_matter(path, source, markup.vale_metadata)
        try:
            body = parse_markdown(source, front.end if front else 0, markup)
        except TooDeep as error:
            where = path if error.line is None else f"{path}:{error.line}"
            raise CopylintError(f"{where}: {error}") from None
        blocks = (front.blocks if front else ()) + body.blocks
        metadata = front.metadata if front else Metadata()
        return Document(path, source, fmt, blocks, metadata, body.code, body.alt_texts)
    if fmt is Format.HTML:
        from copylint.documents.html import parse_html

        parsed = parse_html(source, markup=markup)
        if parsed.date_problem is not None:
            raise CopylintError(f"{path}: {parsed.date_problem}")
        metadata = Metadata(title=parsed.title, date=parsed.date)
        return Document(path, source, fmt, parsed.blocks, metadata, alt_texts=parsed.alt_texts)
    return Document(path, source, fmt, parse_text(source))
