"""YAML front matter at the top of a Markdown draft: its fields and where they sit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex
import yaml

from copylint.compiled import compiled
from copylint.dates import parse_day
from copylint.documents.model import Block, BlockKind, Metadata, TextBuilder
from copylint.errors import CopylintError
from copylint.yamlfiles import compose_yaml, describe_yaml_error, load_yaml

_FENCE = compiled(
    r"\A---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", regex.S
)
_EMPTY = compiled(r"\A---[ \t]*(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")
_LINTED_FIELDS = ("title", "description", "summary", "subtitle")
_TEXT = "tag:yaml.org,2002:str"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The parsed front matter and the offset where the body starts."""

    metadata: Metadata
    blocks: tuple[Block, ...]
    end: int


def parse_front_matter(
    display_path: str, source: str, every_field: bool = False
) -> FrontMatter | None:
    """Parse the ``---`` YAML block that opens ``source``, if there is one.

    The headline and summary fields are read as text in copylint's scopes (``title``,
    ``metadata``); with ``every_field``, as Vale reads them, every field that holds
    text is, in the scope ``text.frontmatter.KEY``."""
    empty = _EMPTY.match(source)
    if empty:
        return FrontMatter(Metadata(), (), empty.end())
    match = _FENCE.match(source)
    if not match:
        return None
    body_start = match.start(1)
    try:
        node = compose_yaml(match.group(1))
        fields = load_yaml(match.group(1))
    except yaml.YAMLError as error:
        message = describe_yaml_error(display_path, error, match.group(1), line_offset=1)
        raise CopylintError(
            message.replace("invalid YAML", "invalid YAML in front matter")
        ) from None
    if not isinstance(fields, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(Metadata(), (), match.end())
    blocks = tuple(_field_blocks(source, body_start, node, every_field))
    metadata = Metadata(
        title=_string_or_none(fields.get("title")),
        date=_story_date(display_path, fields.get("date")),
        fields={str(key): value for key, value in fields.items()},
    )
    return FrontMatter(metadata, blocks, match.end())


def _field_blocks(
    source: str, body_start: int, node: yaml.MappingNode, every_field: bool
) -> list[Block]:
    """Make a block for each prose field (title, description) with exact positions."""
    blocks: list[Block] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        wanted = every_field or key in _LINTED_FIELDS
        if not wanted or not isinstance(value_node, yaml.ScalarNode) or value_node.tag != _TEXT:
            continue
        start = body_start + value_node.start_mark.index
        end = body_start + value_node.end_mark.index
        builder = TextBuilder()
        raw = source[start:end]
        value = str(value_node.value)
        if raw == value:
            builder.add(value, start)
        else:
            builder.add_aligned(value, raw, start)
        scopes = _field_scopes(key, every_field)
        kind = BlockKind.TITLE if key == "title" else BlockKind.FRONT_MATTER
        block = Block.build(kind, builder, scopes)
        if block is not None:
            blocks.append(block)
    return blocks


def _field_scopes(key: str, every_field: bool) -> frozenset[str]:
    """A field's scopes: ``title`` for the headline; Vale's ``text.frontmatter.KEY`` when
    every field is read, else ``metadata``."""
    own = {"title"} if key == "title" else set() if every_field else {"metadata"}
    vale = {f"text.frontmatter.{key}"} if every_field else set()
    return frozenset(own | vale)


def _string_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _story_date(display_path: str, value: object) -> datetime.date | None:
    """Read the front matter's date; one that is there but is no date is an error."""
    if value is None or value == "":
        return None
    try:
        return parse_day(value)
    except ValueError as error:
        raise CopylintError(f"{display_path}: front matter: date: {error}") from None
