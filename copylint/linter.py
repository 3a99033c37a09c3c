"""Run rules over documents and turn their matches into placed diagnostics."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from copylint.budget import time_budget
from copylint.cache import NO_CACHE, Cache
from copylint.checks.base import (
    CheckContext,
    CrossFileCheck,
    DocumentCheck,
    LineOf,
    Match,
    ReadsInOrder,
    TextCheck,
)
from copylint.checks.needed_words import NeededWords, words_in
from copylint.diagnostics import Diagnostic
from copylint.documents import Block, Document, SourceMap
from copylint.documents.markup import PLAIN, Markup
from copylint.fixes import safe_edit
from copylint.messages import format_message
from copylint.rules import Rule
from copylint.scopes import Alternative, Scope
from copylint.sentences import split_sentences

if TYPE_CHECKING:
    from copylint.archive import Archive
    from copylint.selection import Selection

T = TypeVar("T")

_IDENTITY = SourceMap((0,), (0,))
_FORMAT_TAGS = {"text": "txt", "markdown": "md", "html": "html"}


@dataclass(frozen=True, slots=True)
class RunContext:
    """What holds for every document of a run.

    The fallback story date, extra knowledge bases, the names of every rule and pack
    configured (running or not), which directives in drafts may name, the cache,
    which rules run on which file (a Vale project's sections; None: all, everywhere),
    the house spellings of people's names, and the archive the drafts are compared
    with (None: none).
    """

    as_of: datetime.date = field(default_factory=datetime.date.today)
    knowledge_bases: tuple[Path, ...] = ()
    rule_names: frozenset[str] = frozenset()
    cache: Cache = NO_CACHE
    selection: Selection | None = None
    house_spellings: tuple[tuple[str, str], ...] = ()
    archive: Archive | None = None

    def rules_for(self, rules: RuleSet, path: str) -> RuleSet:
        """Return the rules of ``rules`` that run on the file at ``path``."""
        if self.selection is None:
            return rules
        runs = self.selection.runs_on(path)
        return rules.only(lambda rule: runs(rule.name, rule.style))

    def markup_for(self, path: str) -> Markup:
        """Return how the draft at ``path`` is read (a Vale project's markup options)."""
        return PLAIN if self.selection is None else self.selection.markup_for(path)

    def for_document(self, document: Document) -> CheckContext:
        """Return the context of one document: its own date wins over the run's."""
        return self.check_context(document.metadata.date or self.as_of)

    def check_context(self, day: datetime.date) -> CheckContext:
        """Return what a check may know of this run, on ``day``."""
        return CheckContext(day, self.knowledge_bases, self.cache, self.house_spellings)


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
        self.blocks = (*document.blocks, *document.alt_texts)
        self.tags = [
            frozenset(part for scope in block.scopes for part in scope.split(".")) | {format_tag}
            for block in self.blocks
        ]
        self.sentences: dict[int, list[Segment]] = {}
        self.by_scope: dict[Scope, list[Segment]] = {}
        self.words_of: dict[tuple[str, bool], frozenset[str]] = {}

    def for_scope(self, scope: Scope) -> list[Segment]:
        """Return the segments a rule of ``scope`` looks at (rules share scopes: each
        scope's segments are chosen once a document)."""
        if scope not in self.by_scope:
            self.by_scope[scope] = list(self._choose(scope))
        return self.by_scope[scope]

    def words(self, segment: Segment, needed: NeededWords) -> frozenset[str]:
        """Return the words of ``segment`` as ``needed`` compares them (found once a
        document for every rule that asks)."""
        key = (segment.text, needed.folded)
        if key not in self.words_of:
            self.words_of[key] = words_in(segment.text, needed.folded)
        return self.words_of[key]

    def _choose(self, scope: Scope) -> Iterator[Segment]:
        if scope.raw:
            yield Segment(self.document.source, _IDENTITY)
        chosen: dict[frozenset[str], list[Alternative]] = {}  # blocks share a few tag sets
        for index, block in enumerate(self.blocks):
            tags = self.tags[index]
            if tags not in chosen:
                chosen[tags] = scope.block_alternatives(tags)
            alternatives = chosen[tags]
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


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A run's rules, sorted once by what their checks look at."""

    text: tuple[tuple[Rule, TextCheck], ...]
    document: tuple[tuple[Rule, DocumentCheck], ...]
    cross_file: tuple[tuple[Rule, CrossFileCheck], ...]
    in_order: frozenset[str] = frozenset()
    """The text rules whose checks read a file in order, by name (``isinstance`` on a
    runtime protocol inspects its members each time: asked once, not per document)."""
    prefiltered: frozenset[str] = frozenset()
    """The text rules skipped on the segments that hold none of their needed words, by
    name (``_prefiltered``)."""

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RuleSet:
        """Sort ``rules`` into text, document and cross-file checks."""
        text, document, cross_file = [], [], []
        for rule in rules:
            check = rule.check
            if isinstance(check, TextCheck):
                text.append((rule, check))
            elif isinstance(check, DocumentCheck):
                document.append((rule, check))
            else:
                cross_file.append((rule, check))
        in_order = frozenset(rule.name for rule, check in text if isinstance(check, ReadsInOrder))
        prefiltered = _prefiltered([pair for pair in text if pair[0].name not in in_order])
        return cls(tuple(text), tuple(document), tuple(cross_file), in_order, prefiltered)

    def only(self, keep: Callable[[Rule], bool]) -> RuleSet:
        """Return the rules that ``keep`` keeps, sorted as here."""
        return RuleSet(
            tuple(pair for pair in self.text if keep(pair[0])),
            tuple(pair for pair in self.document if keep(pair[0])),
            tuple(pair for pair in self.cross_file if keep(pair[0])),
            self.in_order,
            self.prefiltered,
        )

    def rules(self) -> list[Rule]:
        """Return every rule, by name."""
        pairs = (*self.text, *self.document, *self.cross_file)
        return sorted((pair[0] for pair in pairs), key=lambda rule: rule.name)

    def needed_words(self, rule: Rule, check: TextCheck) -> NeededWords | None:
        """Return the words a segment must hold one of for ``rule`` to run there, when
        the rule is skipped on the others."""
        return getattr(check, "needed_words", None) if rule.name in self.prefiltered else None

    def prepare(self, context: CheckContext) -> None:
        """Let checks load what they need once, before work is shared among processes.

        A check may define ``prepare(context)`` for that: what it loads then (textstat,
        the stale-title judge, the name index, rapidfuzz) each worker inherits, instead
        of loading it again.
        """
        for rule in self.rules():
            prepare = getattr(rule.check, "prepare", None)
            if prepare is not None:
                prepare(context)


PREFILTER_MIN_RULES = 3
"""The fewest rules that must share a segment's words for finding them to pay: finding
a paragraph's words costs about two searches of a rule's pattern."""


def _prefiltered(text: Sequence[tuple[Rule, TextCheck]]) -> frozenset[str]:
    """Name the rules with needed words (``checks.needed_words``) that are skipped on
    the segments holding none of them: those of a kind (case-folded or not) that
    ``PREFILTER_MIN_RULES`` rules or more share, as finding a segment's words is shared."""
    by_folding: dict[bool, list[str]] = {}
    for rule, check in text:
        needed: NeededWords | None = getattr(check, "needed_words", None)
        if needed is not None:
            by_folding.setdefault(needed.folded, []).append(rule.name)
    return frozenset(
        name for names in by_folding.values() if len(names) >= PREFILTER_MIN_RULES for name in names
    )


RULE_SECONDS = 1.0
RULE_SECONDS_PER_CHARACTER = 20e-6
"""A rule's time budget on one file: a second, and 20 µs more per character (at least
50 kB a second: a hundred times what the shipped rules need)."""


@dataclass(frozen=True, slots=True)
class Linted:
    """A document's diagnostics, and a warning for each rule stopped by its time budget."""

    diagnostics: list[Diagnostic]
    stopped: list[str]


def within_budget(rule: Rule, document: Document, run: Callable[[], list[T]]) -> list[T] | str:
    """Return what ``run`` returns, or a warning if ``rule`` spends its time budget on
    ``document`` first (a pattern that runs away); what it found by then is left out."""
    seconds = RULE_SECONDS + RULE_SECONDS_PER_CHARACTER * len(document.source)
    try:
        with time_budget(seconds):
            return run()
    except TimeoutError:
        return (
            f"{document.path}: {rule.name} stopped after {seconds:.1f} s; its findings in this "
            "file are left out (it runs away on this text)"
        )


def lint_document(document: Document, rules: RuleSet, run: RunContext) -> Linted:
    """Return the diagnostics of the text and document rules on ``document``.

    A rule with a ``limit`` gives at most that many; the runner sorts the run's findings.
    """
    segments = _Segments(document)
    placer = Placer(document)
    context = run.for_document(document)
    diagnostics: list[Diagnostic] = []
    stopped: list[str] = []

    def add(rule: Rule, found: Callable[[], Iterator[Diagnostic]]) -> None:
        outcome = within_budget(rule, document, lambda: list(_limited(rule, found())))
        if isinstance(outcome, str):
            stopped.append(outcome)
        else:
            diagnostics.extend(outcome)

    for rule, text_check in rules.text:
        in_order = rule.name in rules.in_order
        needed = rules.needed_words(rule, text_check)
        add(rule, partial(_text_diagnostics, rule, text_check, in_order, needed, segments, placer))
    for rule, document_check in rules.document:
        add(rule, partial(_document_diagnostics, rule, document_check, context, placer))
    return Linted(diagnostics, stopped)


def _document_diagnostics(
    rule: Rule, check: DocumentCheck, context: CheckContext, placer: Placer
) -> Iterator[Diagnostic]:
    source = placer.document.source
    for match in check.check(placer.document, context):
        yield placer.diagnostic(
            rule, match.start, match.end, match, source[match.start : match.end]
        )


def _limited(rule: Rule, found: Iterator[Diagnostic]) -> Iterator[Diagnostic]:
    return islice(found, rule.limit) if rule.limit > 0 else found


def _text_diagnostics(
    rule: Rule,
    check: TextCheck,
    in_order: bool,
    needed: NeededWords | None,
    segments: _Segments,
    placer: Placer,
) -> Iterator[Diagnostic]:
    finder = cast(ReadsInOrder, check).for_document() if in_order else check
    for segment in segments.for_scope(rule.scope):
        if needed is not None and needed.words.isdisjoint(segments.words(segment, needed)):
            continue
        for match in finder.find(segment.text):
            start, end = segment.to_source(match.start, match.end)
            yield placer.diagnostic(rule, start, end, match, segment.text[match.start : match.end])


class Placer:
    """Turns source offsets of one document into diagnostics with lines and columns."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines = document.lines

    def diagnostic(self, rule: Rule, start: int, end: int, match: Match, seen: str) -> Diagnostic:
        """Place ``match`` (``start`` to ``end`` in the source, ``seen`` by the rule)."""
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        args = [
            self.lines.position(arg.offset)[0] if isinstance(arg, LineOf) else arg
            for arg in match.args
        ]
        return Diagnostic(
            path=self.document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule.name,
            level=rule.level,
            message=format_message(rule.message, args),
            match=seen,
            suggestions=match.suggestions,
            link=rule.link,
            fix=safe_edit(self.document.source, self.lines, start, end, match, seen),
        )
