"""Tables and data lines written as paragraphs: wire earnings, prices, results.

Markdown and HTML tables are tables by their markup. Copy often carries tables with
no markup at all: a wire earnings report ("Shr 1.88 dlrs vs 71 cts", "Avg shrs 13.9
mln vs 13.8 mln"), a price list flattened onto one line, sports results ("Celtic 2
Rangers nil"), columns aligned with spaces. A paragraph (or list item) is a table row
when each of its lines is a data line:

- it does not end like a sentence and its words stand in columns (two gaps of two
  spaces or a tab, not after a full stop); or
- it has at least twice as many figures (``copylint.fingerprints``: digits, numbers
  and dates written out) as function words in lower case ("the", "of", "is":
  ``copylint.wordlists``), and either figures make up half its words, or it does not
  end like a sentence and has two figures or more, a fifth of its words or more ("Net
  loss 9,883,000 vs loss 2,744,000", but not "Halo 2 is out on 9 November in the US");
  or
- it does not end like a sentence, has no punctuation between words at all, and
  figures make up three in ten of its words ("May/Jul 1 under 1 under Jul/Aug even
  even", where "under" is a quote, not a preposition); or
- it lists names: no function words, commas or semicolons between at least four
  words, four in five of them capitalised (a team sheet: "R Russell, B Douglas, N
  Hines, J Dunbar").

A label next to a table row is the table's header: a line that does not end like a
sentence and is short or set in capitals ("Year", "Average CD rates of city, trust and
long-term banks", "LORD ABBETT TAX FREE INCOME TEXAS SERIES", "CORN (cont.)"), or a
line that introduces what follows ("New rates were as follows -", "Results for the
quarter:"). Rows get the ``table`` and ``table.cell`` scopes and headers ``table``
and ``table.header``, as Markdown tables do; they are no longer paragraphs, so prose
rules, duplicate checks and readability do not read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from copylint.compiled import compiled
from copylint.documents.model import (
    TABLE_CELL_SCOPES,
    TABLE_HEADER_SCOPES,
    Block,
    BlockKind,
)
from copylint.fingerprints import is_figure
from copylint.wordlists import FUNCTION_WORDS
from copylint.words import words

HEADER_MAX_WORDS = 12
INTRODUCTION_MAX_WORDS = 30
LABEL_IN_ROW_WORDS = 4
_PROSE_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
_LIST_SCOPE = frozenset({"list"})
"""A list item read as a table row is still an item of its list (Vale's ``list`` scope
reaches it); it is no prose."""
_ENDS_SENTENCE = compiled(r"[.!?…][\"'”’)\]]*$")
_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(".,;:!?\"'()[]“”‘’—–-/", " "))
_BRACKETED_ABBREVIATION = compiled(r"\(\p{L}+\.\)\s*$")
_INTRODUCES = compiled(r"(?::|\s-+|--|—)\s*$")
_CLAUSE_BREAK = compiled(r"[.,;:!?][\"'”’)\]]*\s")
_COLUMN_GAP = compiled(r"(?<=[^\s.!?])(?: {2,}|\t)(?=\S)")


def mark_tables(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return ``blocks`` with data paragraphs made table rows and their labels headers."""
    rows = [block.kind in _PROSE_KINDS and _is_row(block.text) for block in blocks]
    marked = list(blocks)
    for index, block in enumerate(blocks):
        kept = _LIST_SCOPE if block.kind is BlockKind.LIST_ITEM else frozenset()
        if rows[index]:
            cell = TABLE_CELL_SCOPES | kept
            marked[index] = replace(block, kind=BlockKind.TABLE_CELL, scopes=cell)
        elif block.kind in _PROSE_KINDS and _beside_row(rows, index) and _is_label(block.text):
            header = TABLE_HEADER_SCOPES | kept
            marked[index] = replace(block, kind=BlockKind.TABLE_HEADER, scopes=header)
    return tuple(marked)


def _beside_row(rows: list[bool], index: int) -> bool:
    return (index > 0 and rows[index - 1]) or (index + 1 < len(rows) and rows[index + 1])


def _is_row(text: str) -> bool:
    """Tell whether a block is a table row: data lines, with maybe a short label among them.

    A label inside the block has at most ``LABEL_IN_ROW_WORDS`` words ("Year"), and when
    the block's last line ends like a sentence every line is judged as one that does, so
    that a hard-wrapped paragraph full of figures stays a paragraph.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    block_ends_sentence = _ends_sentence(lines[-1])
    data = [_is_data_line(line, block_ends_sentence or _ends_sentence(line)) for line in lines]
    labels = (
        is_data or _is_label(line, LABEL_IN_ROW_WORDS)
        for is_data, line in zip(data, lines, strict=True)
    )
    return any(data) and all(labels)


def _ends_sentence(line: str) -> bool:
    return bool(_ENDS_SENTENCE.search(line.rstrip()))


def _is_data_line(line: str, ends_sentence: bool) -> bool:
    if not ends_sentence and len(_COLUMN_GAP.findall(line)) >= 2:
        return True
    tokens = line.translate(_PUNCTUATION_TO_SPACE).split()
    function_words = sum(map(FUNCTION_WORDS.__contains__, tokens))
    unpunctuated = not ends_sentence and not _CLAUSE_BREAK.search(line)
    if 3 * function_words > len(tokens) and not unpunctuated:
        return False
    found = words(line)
    if function_words == 0 and _is_name_list(line, found):
        return True
    figures = sum(map(is_figure, found))
    if unpunctuated and figures >= 2 and figures * 10 >= len(found) * 3:
        return True
    if figures < 2 * function_words:
        return False
    if len(found) >= 2 and figures * 2 >= len(found):
        return True
    return not ends_sentence and figures >= 2 and figures * 5 >= len(found)


def _is_name_list(line: str, found: Sequence[str]) -> bool:
    """Tell whether a line lists names: a team sheet, a cast, a list of nominees."""
    capitalised = sum(1 for word in found if word[0].isupper())
    separators = line.count(",") + line.count(";")
    return len(found) >= 4 and separators >= 2 and capitalised * 5 >= len(found) * 4


def _is_label(line: str, max_words: int = HEADER_MAX_WORDS) -> bool:
    """Tell whether a line reads as a label, not a sentence.

    A label is short or set in capitals and does not end like a sentence ("Year"; a
    bracketed abbreviation is not an ending: "CORN (cont.)"), or it introduces what
    follows ("Rates for the week were as follows -").
    """
    count = len(words(line))
    if not count:
        return False
    if _INTRODUCES.search(line):
        return count <= INTRODUCTION_MAX_WORDS
    if _BRACKETED_ABBREVIATION.search(line):
        return count <= max_words
    return not _ends_sentence(line) and (count <= max_words or line.upper() == line)
