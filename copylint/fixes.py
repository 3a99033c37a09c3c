"""Safe fixes: edits that cannot lose meaning, applied and written without risk.

A check marks a match fixable (``FixKind``); this module turns that into an edit of the
source, but only where the edit touches nothing else: a replacement only when the
matched source has no markup inside it, a deletion only of whole lines that hold
nothing but the copy and its markup. Edits are applied until none is left (fixing one
thing can make another exact, such as two paragraphs that differed by one word), and
files are written atomically, keeping their permissions, byte order mark and line
endings.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import regex

from copylint.checks.base import FixKind, Match
from copylint.diagnostics import Edit
from copylint.positions import LineIndex

_MARKUP_ONLY = regex.compile(r"(?:\s|<[^<>]*>|\d+[.)]|[#*_>+\-`~|])*")
_BOM = "\ufeff"


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
    if blank_before and first > 1 and not source[line_to:].strip():
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


def encode(text: str, bom: bool) -> bytes:
    """Encode ``text`` as UTF-8, with a byte order mark if the original had one."""
    return ((_BOM if bom else "") + text).encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` (a link's target) with ``data`` in one rename.

    The new content is written to a temporary file in the same folder, flushed to
    disk and given the original's permissions before it replaces the original, so a
    crash leaves either the old file or the new one, never a mix.
    """
    target = path.resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """Return a unified diff of one file's fix."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
