"""Tables and data lines in copy: recognised in every format, never read as prose."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copylint.cli import main
from copylint.documents import BlockKind, Format, parse_document

ROW = BlockKind.TABLE_CELL.value
HEADER = BlockKind.TABLE_HEADER.value
PARAGRAPH = BlockKind.PARAGRAPH.value

EARNINGS = """\
ACME WIDGETS <ACW> 2ND QTR NET

Shr 1.42 dlrs vs 88 cts

Net 12.6 mln vs 7.9 mln

Revs 310.4 mln vs 287.0 mln

Year

Shr 2.61 dlrs vs 1.75 dlrs

Net 23.2 mln vs 15.5 mln

NOTE: Second quarter net includes a gain of 1.2 mln dlrs from the sale of a plant.
"""


def _kinds(source: str, fmt: Format = Format.TEXT) -> list[tuple[str, str]]:
    document = parse_document("d", source, fmt)
    return [(block.kind.value, block.text) for block in document.blocks]


def test_wire_earnings_report_is_a_table_with_its_period_headers() -> None:
    assert _kinds(EARNINGS)[1:] == [
        (ROW, "Shr 1.42 dlrs vs 88 cts"),
        (ROW, "Net 12.6 mln vs 7.9 mln"),
        (ROW, "Revs 310.4 mln vs 287.0 mln"),
        (HEADER, "Year"),
        (ROW, "Shr 2.61 dlrs vs 1.75 dlrs"),
        (ROW, "Net 23.2 mln vs 15.5 mln"),
        (PARAGRAPH, EARNINGS.splitlines()[-1]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # a price list flattened onto one line
        "Choice 1-3 600/800 up 1.15 at 98.50, 800/900 up 0.75 at 97.25 and select 1-3 unch",
        # results, with written-out scores
        "Hearts 2 Hibernian nil",
        # columns aligned with spaces
        "Rotterdam    14,200    12,950    up",
        # a team sheet
        "K Moran, P Doyle, S Quigley, T Brennan, F Lyons, D Ward.",
        # a scorers' line that ends with a full stop
        "Moran 12, Lyons 77.",
    ],
)
def test_data_lines_are_table_rows(line: str) -> None:
    assert _kinds(f"Cup results\n\n{line}\n")[1] == (ROW, line)


@pytest.mark.parametrize(
    "line",
    [
        "The new model goes on sale on 9 March in France and 12 March in Spain",
        "Shares of the company rose 2-1/4 to 31-3/8 in heavy trading on Tuesday.",
        "The council will vote on the 2026 budget at its meeting on 14 January.",
        "Police said the two men, aged 24 and 31, were arrested in the city centre.",
    ],
)
def test_prose_with_figures_stays_prose(line: str) -> None:
    assert _kinds(f"Council news\n\n{line}\n")[1] == (PARAGRAPH, line)


def test_a_wrapped_paragraph_ending_in_figures_stays_one_paragraph() -> None:
    paragraph = (
        "Acme posted net income of 41.2 billion yen in the year, down from 55.9 billion "
        "yen (390 million dollars) in 2024 and 62.4 billion yen (433 million dollars) in 2023."
    )
    source = "Group results\n\n" + "\n".join(textwrap.wrap(paragraph, 60)) + "\n"
    assert [kind for kind, _text in _kinds(source)] == ["headline", PARAGRAPH]


def test_markdown_and_html_paragraphs_of_data_are_tables_too() -> None:
    markdown = "# Results\n\nShr 1.42 dlrs vs 88 cts\nNet 12.6 mln vs 7.9 mln\n\nA prose line.\n"
    assert [kind for kind, _text in _kinds(markdown, Format.MARKDOWN)] == [
        "heading",
        ROW,
        PARAGRAPH,
    ]
    html = "<h1>Results</h1><p>Shr 1.42 dlrs vs 88 cts</p><p>The board met on Friday.</p>"
    assert [kind for kind, _text in _kinds(html, Format.HTML)] == ["heading", ROW, PARAGRAPH]


def test_table_rows_get_vale_table_scopes() -> None:
    document = parse_document("d.txt", EARNINGS, Format.TEXT)
    row, header = document.blocks[1], document.blocks[4]
    assert row.scopes == frozenset({"text", "table", "table.cell"})
    assert header.scopes == frozenset({"text", "table", "table.header"})
    assert all("lede" not in block.scopes for block in document.blocks)


def test_prose_rules_and_duplicates_leave_tables_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "earnings.txt"
    rows = "\n\n".join(
        [
            "Avg shrs 13.9 mln vs 13.8 mln",
            "Port loads loads wk 14,200 12,950 17",
            "Nine mths",
            "Avg shrs 13.9 mln vs 13.8 mln",
        ]
    )
    price_list = " ".join(f"lot {n} up {n}.25 at {90 + n}.50" for n in range(1, 12))
    draft.write_text(f"ACME WIDGETS 3RD QTR NET\n\n{rows}\n\n{price_list}\n", encoding="utf-8")
    assert main(["--format", "line", str(draft)]) == 0
    assert capsys.readouterr().out == ""
