"""Run rules over documents and turn their matches into placed diagnostics."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from copylint.diagnostics import Diagnostic
from copylint.documents import Block, Document, SourceMap
from copylint.messages import format_message
from copylint.positions import LineIndex
from copylint.rules import Rule
from copylint.scopes import Scope
from copylint.sentences import split_sentences

_IDENTITY = SourceMap((0,), (0,))
_FORMAT_TAGS = {"text": "txt", "markdown": "md", "html": "html"}


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a document that a check looks at: a block, a sentence, the raw source."""

    text: str
    source_map: SourceMap
    offset: int = 0

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Return the source span of the text span ``start`` to ``end``."""
        return self.source_map.span_to_source(self.offset + start, self.offset + end)


class _Segments:
    """Chooses and caches the segments of one document for each rule's scope."""

    def __init__(self, document: Document) -> None:
        self.document = document
        format_tag = _FORMAT_TAGS[document.format.value]
        self.tags = [
            frozenset(part for scope in block.scopes for part in scope.split(".")) | {format_tag}
            for block in document.blocks
        ]
        self.sentences: dict[int, list[Segment]] = {}

    def for_scope(self, scope: Scope) -> Iterator[Segment]:
        if scope.raw:
            yield Segment(self.document.source, _IDENTITY)
        for index, block in enumerate(self.document.blocks):
            alternatives = scope.block_alternatives(self.tags[index])
            if any(not alternative.sentences for alternative in alternatives):
                yield Segment(block.text, block.source_map)
            elif alternatives:
                yield from self._sentences(index, block)

    def _sentences(self, index: int, block: Block) -> list[Segment]:
        if index not in self.sentences:
            self.sentences[index] = [
                Segment(block.text[start:end], block.source_map, start)
                for start, end in split_sentences(block.text)
            ]
        return self.sentences[index]


def lint_document(document: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    """Return the diagnostics of ``rules`` on ``document``, sorted by position."""
    segments = _Segments(document)
    lines = LineIndex(document.source)
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        found = list(_rule_diagnostics(rule, segments, lines))
        diagnostics.extend(found[: rule.limit] if rule.limit > 0 else found)
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def _rule_diagnostics(rule: Rule, segments: _Segments, lines: LineIndex) -> Iterator[Diagnostic]:
    document = segments.document
    for segment in segments.for_scope(rule.scope):
        for match in rule.check.find(segment.text):
            start, end = segment.to_source(match.start, match.end)
            line, column = lines.position(start)
            end_line, end_column = lines.position(end)
            yield Diagnostic(
                path=document.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                rule=rule.name,
                level=rule.level,
                message=format_message(rule.message, match.args),
                match=segment.text[match.start : match.end],
                suggestions=match.suggestions,
                link=rule.link,
            )
