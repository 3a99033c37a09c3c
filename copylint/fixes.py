"""Safe fixes: edits that cannot lose meaning, and how they are applied and shown.

A check marks a match fixable (``FixKind``); this module turns that into an edit of the
source, but only where the edit touches nothing else: a replacement only when the
matched source has no markup inside it, a deletion only of whole lines that hold
nothing but the copy and its markup. Edits are applied until none is left (fixing one
thing can make another exact, such as two paragraphs that differed by one word);
``copylint.writing`` writes the files back.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from copylint.checks.base import FixKind, Match
from copylint.compiled import compiled
from copylint.diagnostics import Edit
from copylint.documents import decode
from copylint.positions import LineIndex

_MARKUP_ONLY = compiled(r"(?:\s|<[^<>]*>|\d+[.)]|[#*_>+\-`~|])*")
_ONLY_SPACE_TO_END = compiled(r"\s*\Z")


def safe_edit(
    source: str, lines: LineIndex, start: int, end: int, match: Match, seen: str
) -> Edit | None:
    """Return the edit that fixes ``match`` (at ``start``..``end``), if one is safe."""
    if match.fix is FixKind.REPLACE and len(match.suggestions) == 1:
        return Edit(start, end, match.suggestions[0]) if source[start:end] == seen else None
    if match.fix is FixKind.DELETE_LINES and end > start:
        return _line_deletion(source, lines, start, end)
    return None


def _line_deletion(source: str, lines: LineIndex, start: int, end: int) -> Edit | None:
    """Delete the whole lines of ``start``..``end``, if nothing else stands on them.

    When the lines follow a blank line and end the file, or sit between two blank
    lines, one blank line goes too, so that a Markdown or wrapped-text draft keeps a
    single blank line between paragraphs and none dangling at its end.
    """
    first = lines.position(start)[0]
    last = lines.position(end - 1)[0]
    line_from = lines.line_start(first)
    line_to = lines.line_end(last)
    if not _MARKUP_ONLY.fullmatch(source[line_from:start] + source[end:line_to]):
        return None
    blank_before = first == 1 or not lines.line_text(first - 1).strip()
    if blank_before and first > 1 and _ONLY_SPACE_TO_END.match(source, line_to):
        line_from = lines.line_start(first - 1)
    elif blank_before and last < lines.line_count and not lines.line_text(last + 1).strip():
        line_to = lines.line_end(last + 1)
    return Edit(line_from, line_to, "")


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply the edits that do not overlap an earlier one; return the text and how many."""
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, -e.end, e.text)):
        if chosen and edit.start < chosen[-1].end:
            continue
        chosen.append(edit)
    for edit in reversed(chosen):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text, len(chosen)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """Return a unified diff of one file's fix."""
    old = decode(path, before)[0].splitlines(keepends=True)
    new = decode(path, after)[0].splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
