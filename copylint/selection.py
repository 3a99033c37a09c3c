"""Which rules run on which file: a Vale project's sections (``[*.md]``, ``[docs/**]``).

A file is linted with the styles of the last section with ``BasedOnStyles`` whose glob
matches its path (as the command line names it), else the global ones (``[*]``); a
rule switched on or off (``Style.Rule = YES``, ``NO`` or a level) in a matching
section, else globally, runs or not whatever its style. This is Vale's own order
(``internal/core/file.go``, ``internal/lint/lint.go``).

Globs are Vale's (``copylint.globs``); one starting with ``!`` matches what the rest
does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from copylint.documents.markup import SKIPPED_BLOCKS, Markup
from copylint.globs import vale_glob_matches

VALE_MARKUP = Markup(skipped_tags=SKIPPED_BLOCKS, vale_metadata=True)
"""How a Vale project reads its drafts unless its config says otherwise."""


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a Vale config: a glob, its styles (None when it names none),
    and the rules it switches on (True) or off (False)."""

    glob: str
    styles: tuple[str, ...] | None = None
    switches: Mapping[str, bool] = field(default_factory=dict)
    token_ignores: tuple[str, ...] = ()
    block_ignores: tuple[str, ...] = ()

    def matches(self, path: str) -> bool:
        """Tell whether the section applies to ``path`` (slash-separated)."""
        return vale_glob_matches(self.glob, path)


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules of each file: global styles and switches, then the sections'."""

    styles: tuple[str, ...] = ()
    switches: Mapping[str, bool] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    markup: Markup = VALE_MARKUP

    def markup_for(self, path: str) -> Markup:
        """Return how ``path`` is read: the project's markup options, with the
        ``TokenIgnores`` and ``BlockIgnores`` of every section that matches it."""
        path = path.replace("\\", "/")
        matching = [section for section in self.sections if section.matches(path)]
        tokens = [*self.markup.token_ignores]
        blocks = [*self.markup.block_ignores]
        for section in matching:
            tokens.extend(section.token_ignores)
            blocks.extend(section.block_ignores)
        return replace(self.markup, token_ignores=tuple(tokens), block_ignores=tuple(blocks))

    def runs_on(self, path: str) -> RuleFilter:
        """Return what decides, rule by rule, whether a rule runs on ``path``."""
        path = path.replace("\\", "/")
        styles = self.styles
        switches = dict(self.switches)
        for section in self.sections:
            if section.matches(path):
                styles = section.styles if section.styles is not None else styles
                switches.update(section.switches)
        return RuleFilter(frozenset(styles), switches)


@dataclass(frozen=True, slots=True)
class RuleFilter:
    """Whether a rule runs on one file: switched on or off there, else by its style."""

    styles: frozenset[str]
    switches: Mapping[str, bool]

    def __call__(self, name: str, style: str) -> bool:
        switched = self.switches.get(name)
        return style in self.styles if switched is None else switched
