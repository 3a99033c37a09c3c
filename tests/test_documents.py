"""Parsing drafts into blocks: kinds, scopes, layouts and story metadata."""

from __future__ import annotations

import datetime

import pytest

from copylint.documents import BlockKind, Document, Format, parse_document


def _kinds(document: Document) -> list[tuple[str, int, str]]:
    return [(block.kind.value, block.level, block.text) for block in document.blocks]


def test_plain_text_one_paragraph_per_line_with_bold_subheads() -> None:
    source = (
        "A long standfirst that runs on past any wrap width a hand-written draft would use, "
        "ending with a full stop.\n"
        "**Mayor Wins Second Term**\n"
        "\n"
        "**Mayor Wins Second Term**\n"
        "The mayor won a second term on Tuesday, taking 58 percent of the vote in a race that "
        "turned on housing.\n"
        "Her opponent conceded before midnight.\n"
    )
    assert _kinds(parse_document("d.txt", source, Format.TEXT)) == [
        ("paragraph", 0, source.splitlines()[0]),
        ("heading", 2, "Mayor Wins Second Term"),
        ("heading", 2, "Mayor Wins Second Term"),
        ("paragraph", 0, source.splitlines()[4]),
        ("paragraph", 0, "Her opponent conceded before midnight."),
    ]


def test_plain_text_hard_wrapped_paragraphs_with_headline() -> None:
    source = (
        "Mayor wins second term\n"
        "\n"
        "The mayor won a second term on Tuesday, taking 58 percent of\n"
        "the vote in a race that turned on housing and transit.\n"
        "\n"
        "# Results\n"
        "Her opponent conceded before midnight, and thanked supporters\n"
        "in a brief speech.\n"
    )
    assert _kinds(parse_document("d.txt", source, Format.TEXT)) == [
        ("headline", 1, "Mayor wins second term"),
        (
            "paragraph",
            0,
            "The mayor won a second term on Tuesday, taking 58 percent of\n"
            "the vote in a race that turned on housing and transit.",
        ),
        ("heading", 1, "Results"),
        (
            "paragraph",
            0,
            "Her opponent conceded before midnight, and thanked supporters\nin a brief speech.",
        ),
    ]


def test_plain_text_short_lines_each_a_sentence_are_separate_paragraphs() -> None:
    source = "The mayor resigned on Monday.\nShe had served since 2019.\nNo successor was named.\n"
    assert len(parse_document("d.txt", source, Format.TEXT).blocks) == 3


def test_plain_text_deliberate_break_in_wrapped_text() -> None:
    source = (
        "The council met on Tuesday evening and voted to delay the budget\n"
        "by a week.\n"
        "Officials said the delay would not affect payroll or pensions this\n"
        "year.\n"
    )
    texts = [block.text for block in parse_document("d.txt", source, Format.TEXT).blocks]
    assert len(texts) == 2 and texts[1].startswith("Officials")


def test_markdown_blocks_and_scopes() -> None:
    source = (
        "---\ntitle: Mayor wins\ndate: 2025-11-05\n---\n\n# Mayor wins\n\nLede.\n\n"
        "> A quote.\n\n- An item\n\n| H |\n|---|\n| C |\n\n```\ncode\n```\n"
    )
    document = parse_document("d.md", source, Format.MARKDOWN)
    assert document.metadata.title == "Mayor wins"
    assert document.metadata.date == datetime.date(2025, 11, 5)
    assert [(b.kind, sorted(b.scopes)) for b in document.blocks] == [
        (BlockKind.TITLE, ["title"]),
        (BlockKind.HEADING, ["heading", "heading.h1", "text"]),
        (BlockKind.PARAGRAPH, ["lede", "paragraph", "summary", "text"]),
        (BlockKind.BLOCKQUOTE, ["blockquote", "paragraph", "summary", "text"]),
        (BlockKind.LIST_ITEM, ["list", "paragraph", "summary", "text"]),
        (BlockKind.TABLE_HEADER, ["table", "table.header", "text"]),
        (BlockKind.TABLE_CELL, ["table", "table.cell", "text"]),
    ]


def test_markdown_front_matter_with_datetime_and_no_title() -> None:
    source = "---\ndate: 2024-03-01T10:00:00Z\ntags: [a]\n---\nBody.\n"
    document = parse_document("d.md", source, Format.MARKDOWN)
    assert document.metadata.title is None
    assert document.metadata.date == datetime.date(2024, 3, 1)
    assert _kinds(document) == [("paragraph", 0, "Body.")]


def test_html_title_date_and_blocks() -> None:
    source = (
        "<html><head><title>Mayor &amp; council</title>"
        "<meta name='date' content='2025-01-02'><style>p{}</style></head>"
        "<body><h1>Mayor wins</h1><p>Lede <em>here</em>.</p>"
        "<ul><li>One</li></ul><blockquote><p>Quote</p></blockquote>"
        "<table><tr><th>H</th><td>C</td></tr></table><script>x()</script></body></html>"
    )
    document = parse_document("d.html", source, Format.HTML)
    assert document.metadata.title == "Mayor & council"
    assert document.metadata.date == datetime.date(2025, 1, 2)
    assert _kinds(document) == [
        ("title", 0, "Mayor & council"),
        ("heading", 1, "Mayor wins"),
        ("paragraph", 0, "Lede here."),
        ("list_item", 0, "One"),
        ("blockquote", 0, "Quote"),
        ("table_header", 0, "H"),
        ("table_cell", 0, "C"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        '"Council\x85delays; the mayor stated"',
        "'Council\u2028delays; the mayor stated'",
        "'Council\u2028\u2028delays; the mayor stated'",
        ">\n  Council delays\n  the mayor stated",
        '"Council\r\n  delays the mayor stated"',
        '"Caf\\u00e9 \\"council\\" stated"',
    ],
)
def test_a_decoded_front_matter_title_points_at_its_source(title: str) -> None:
    """YAML folds lines and resolves escapes; each word still maps to where it is written."""
    source = f"---\ntitle: {title}\n---\n\nBody.\n"
    block = parse_document("d.md", source, Format.MARKDOWN).blocks[0]
    start = block.text.index("stated")
    source_start, source_end = block.source_map.span_to_source(start, start + len("stated"))
    assert source[source_start:source_end] == "stated"
    assert block.source_map.to_source(0) == source.index(block.text[:3])


def test_markdown_display_math_is_not_prose() -> None:
    source = "Real FOOBAR here.\n\n$$\ny = FOOBAR + x\n$$\n\nA price of $5 and $6 is prose.\n"
    document = parse_document("d.md", source, Format.MARKDOWN)
    assert [block.text for block in document.blocks] == [
        "Real FOOBAR here.",
        "A price of $5 and $6 is prose.",
    ]


def test_html_cells_captions_and_list_rows_keep_their_scopes() -> None:
    """A paragraph inside a cell is the cell; a caption is the table's; a list item
    that reads as a row of figures is no prose but still an item of its list."""
    source = (
        "<table><caption>Results</caption>"
        "<tr><td><p>Cell text</p></td></tr></table>"
        "<ul><li><p>Shr 1.88 dlrs vs 71 cts</p></li><li><p>An ordinary item.</p></li></ul>"
    )
    document = parse_document("d.html", source, Format.HTML)
    assert [(b.kind, sorted(b.scopes)) for b in document.blocks] == [
        (BlockKind.TABLE_HEADER, ["table", "table.caption", "text"]),
        (BlockKind.TABLE_CELL, ["table", "table.cell", "text"]),
        (BlockKind.TABLE_CELL, ["list", "table", "table.cell", "text"]),
        (BlockKind.LIST_ITEM, ["list", "paragraph", "summary", "text"]),
    ]


def test_html_figure_captions_are_read_outside_a_vale_project() -> None:
    """Vale skips ``figure`` by default; copylint's own reading keeps its caption."""
    source = "<figure><img src='x.jpg'><figcaption>The mayor at the count.</figcaption></figure>"
    document = parse_document("d.html", source, Format.HTML)
    assert [block.text for block in document.blocks] == ["The mayor at the count."]
    # in Vale's scope names, text.figure.caption
    assert {"text", "figure", "figure.caption"} <= document.blocks[0].scopes
