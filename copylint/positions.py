"""Turn source offsets into 1-based lines and columns."""

from __future__ import annotations

from bisect import bisect_right

from copylint.compiled import compiled

_LINE_BREAK = compiled(r"\r\n|\r|\n")


class LineIndex:
    """Knows where every line of a source text starts; CRLF, CR and LF all end a line."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(source))]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the (line, column) of ``offset``, both counted from 1 in code points."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Return the offset just after 1-based ``line``'s line break (or the source's end).

        It is also where the next line starts: ``line_end(0)`` is 0.
        """
        return self._starts[line] if line < len(self._starts) else len(self._source)

    def line_text(self, line: int) -> str:
        """Return 1-based ``line`` with its line break."""
        return self._source[self.line_start(line) : self.line_end(line)]

    @property
    def line_count(self) -> int:
        """Return how many lines the source has."""
        return len(self._starts)
