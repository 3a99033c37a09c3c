"""What of a Markdown or HTML draft is read as prose: Vale's markup options.

Code is never prose. A Vale project can say more (``.vale.ini``): ``IgnoredScopes``
are inline elements read as one placeholder (``strong``: the bold words are no
words), ``SkippedScopes`` block elements skipped whole (``blockquote``),
``IgnoredClasses`` elements of those classes skipped, ``TokenIgnores`` patterns of
the source read as inline code, ``BlockIgnores`` patterns read as code blocks (both for
Markdown, as in Vale). Vale's tag names are used for Markdown too (``strong``, ``em``,
``a``, ``blockquote``, ``li``, ``table``, ``pre``).

A Vale project also reads every field of a Markdown draft's front matter as text, in
the scope ``text.frontmatter.KEY``; otherwise only the headline and summary fields are
read, each in copylint's own scope (``copylint.documents.frontmatter``).

The patterns are applied without moving a character: what they match is overwritten
in place (a code span, or blanks), so every position still points into the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

INLINE_CODE = frozenset({"code", "tt", "kbd"})
SKIPPED_BLOCKS = frozenset({"script", "style", "pre", "figure"})
"""Vale's defaults: what its ``IgnoredScopes`` and ``SkippedScopes`` hold when unset."""


@dataclass(frozen=True, slots=True)
class Markup:
    """How to read one draft's markup; the defaults are copylint's own reading (which
    skips code and other markup that is no prose by itself, and reads figure captions).
    ``vale_metadata`` reads a draft's metadata as Vale does: every front-matter field
    as ``text.frontmatter.KEY``, and an HTML ``<title>`` as text too."""

    ignored_tags: frozenset[str] = INLINE_CODE
    skipped_tags: frozenset[str] = frozenset()
    ignored_classes: frozenset[str] = frozenset()
    token_ignores: tuple[str, ...] = ()
    block_ignores: tuple[str, ...] = ()
    vale_metadata: bool = False

    def ignores(self, tag: str, classes: str | None = None) -> bool:
        """Tell whether an inline element is read as a placeholder."""
        return tag in self.ignored_tags or self._in_ignored_class(classes)

    def skips(self, tag: str, classes: str | None = None) -> bool:
        """Tell whether a block element is skipped whole."""
        return tag in self.skipped_tags or self._in_ignored_class(classes)

    def _in_ignored_class(self, classes: str | None) -> bool:
        return bool(classes) and not self.ignored_classes.isdisjoint((classes or "").split())

    def masked(self, source: str) -> str:
        """Return ``source`` with what ``BlockIgnores`` match blanked and what
        ``TokenIgnores`` match made inline code, character for character."""
        for pattern in self.block_ignores:
            source = _overwrite(source, pattern, _blank)
        for pattern in self.token_ignores:
            source = _overwrite(source, pattern, _code_span)
        return source


PLAIN = Markup()


def _overwrite(source: str, pattern: str, replace: Callable[[str], str]) -> str:
    return regex.sub(pattern, lambda found: replace(found.group()), source, flags=regex.VERSION1)


def _filled(text: str, fill: str) -> str:
    """Return ``text`` with every character but its line breaks made ``fill``."""
    return "".join(char if char in "\r\n" else fill for char in text)


def _blank(text: str) -> str:
    return _filled(text, " ")


def _code_span(text: str) -> str:
    if len(text) < 2:
        return _filled(text, "*")
    return f"`{_filled(text[1:-1], '*')}`"
