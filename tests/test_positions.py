"""A rule's match lands on the exact source line and column through every markup construct."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lint, make_rule, positions

from copylint.rules import Rule


@pytest.fixture
def witkoff(tmp_path: Path) -> Rule:
    return make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Found '%s'"
        tokens: [Witkoff, 'special\s+envoy']
        """,
    )


MARKDOWN_CASES = {
    "plain paragraph": ("Steve Witkoff arrived.\n", [(1, 7)]),
    "emphasis before": ("**Big** *news*: Steve Witkoff arrived.\n", [(1, 23)]),
    "inside emphasis": ("The _special envoy_ and **Witkoff**.\n", [(1, 6), (1, 27)]),
    "link text": ("See [Steve Witkoff](https://example.com/Witkoff) now.\n", [(1, 12)]),
    "after link target": ("[Envoy](https://example.com/Witkoff) Witkoff\n", [(1, 38)]),
    "reference link": ("[Witkoff][w] spoke.\n\n[w]: https://example.com/Witkoff\n", [(1, 2)]),
    "entity before": ("Tom &amp; Jerry &mdash; Witkoff\n", [(1, 25)]),
    "escape before": ("A \\*starred\\* Witkoff\n", [(1, 15)]),
    "code span skipped": ("Run `Witkoff` then Witkoff\n", [(1, 20)]),
    "fenced code skipped": ("```\nWitkoff\n```\n\nWitkoff\n", [(5, 1)]),
    "indented code skipped": ("Intro.\n\n    Witkoff\n\nWitkoff\n", [(5, 1)]),
    "inline html": ('<span class="Witkoff">x</span> Witkoff\n', [(1, 32)]),
    "html comment skipped": ("<!-- Witkoff -->\n\nWitkoff\n", [(3, 1)]),
    "html block": ("<div>\n<p>Mr. Witkoff &amp; aides</p>\n</div>\n", [(2, 8)]),
    "hard-wrapped second line": ("The talks began as\nSteve Witkoff landed.\n", [(2, 7)]),
    "atx heading": ("## Witkoff lands\n", [(1, 4)]),
    "setext heading": ("Witkoff lands\n=============\n", [(1, 1)]),
    "list item": ("- one\n- the special envoy\n", [(2, 7)]),
    "nested list": ("- one\n  - two Witkoff\n", [(2, 9)]),
    "blockquote": ("> He said\n> Witkoff was there.\n", [(2, 3)]),
    "table cell": ("| Name | Role |\n|---|---|\n| Witkoff | special envoy |\n", [(3, 3), (3, 13)]),
    "front matter title": ("---\ntitle: Witkoff lands\n---\n\nBody Witkoff.\n", [(5, 6)]),
    "crlf": ("Intro.\r\n\r\nSteve Witkoff\r\narrived Witkoff.\r\n", [(3, 7), (4, 9)]),
    "cr only": ("Intro.\r\rSteve Witkoff\r", [(3, 7)]),
    "unicode before": ("Zoë’s café — Witkoff\n", [(1, 14)]),
    "autolink skipped": ("<https://example.com/Witkoff> and Witkoff\n", [(1, 35)]),
    "bare address skipped": ("See https://example.com/Witkoff and Witkoff\n", [(1, 37)]),
    "link text read, its address not": (
        "[Witkoff](https://x.org/Witkoff) Witkoff\n",
        [(1, 2), (1, 34)],
    ),
    "image alt text read, its target not": ("![Witkoff](Witkoff.png) Witkoff\n", [(1, 3), (1, 25)]),
}


@pytest.mark.parametrize("name", sorted(MARKDOWN_CASES))
def test_markdown_positions(witkoff: Rule, name: str) -> None:
    text, expected = MARKDOWN_CASES[name]
    assert positions(witkoff, text, "draft.md") == expected


def test_front_matter_title_is_its_own_scope(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Found '%s'"
        scope: title
        tokens: [Witkoff]
        """,
    )
    text = '---\ntitle: "Witkoff lands"\ndate: 2025-03-12\n---\n\n# Witkoff lands\n'
    assert positions(rule, text) == [(2, 9)]


def test_bom_does_not_shift_columns(witkoff: Rule) -> None:
    assert positions(witkoff, "\ufeffSteve Witkoff\n", "draft.txt") == [(1, 7)]


HTML_CASES = {
    "paragraph": ("<p>Steve Witkoff</p>", [(1, 10)]),
    "nested tags": ("<p><b>Big</b> <a href='/Witkoff'>Mr. Witkoff</a></p>", [(1, 38)]),
    "entity before": ("<p>Tom &amp; Jerry&#8212;Witkoff</p>", [(1, 26)]),
    "script and style skipped": (
        "<script>Witkoff()</script><style>.Witkoff{}</style>\n<p>Witkoff</p>",
        [(2, 4)],
    ),
    "pre skipped": ("<pre>Witkoff</pre><p>x Witkoff</p>", [(1, 24)]),
    "comment skipped": ("<!-- Witkoff --><p>Witkoff</p>", [(1, 20)]),
    "title and body": (
        "<html><head><title>Witkoff</title></head>\n<body><h1>Witkoff</h1>",
        [(2, 11)],
    ),
    "multiline": ("<body>\n  <p>\n    The special envoy\n  </p>\n</body>", [(3, 9)]),
    "crlf": ("<p>One</p>\r\n<p>Steve Witkoff</p>\r\n", [(2, 10)]),
}


@pytest.mark.parametrize("name", sorted(HTML_CASES))
def test_html_positions(witkoff: Rule, name: str) -> None:
    text, expected = HTML_CASES[name]
    assert positions(witkoff, text, "draft.html") == expected


PLAIN_CASES = {
    "one paragraph per line": (
        "Talks resume in Moscow\n"
        "Officials from both countries met on Thursday as the special envoy prepared to "
        "fly in, according to people familiar with the plans.\n"
        "Steve Witkoff arrived later that day.\n",
        [(2, 54), (3, 7)],
    ),
    "hard-wrapped paragraphs": (
        "Talks resume in Moscow\n\n"
        "Officials from both countries met on Thursday\n"
        "as Steve Witkoff prepared to fly in, people\n"
        "familiar with the plans said.\n",
        [(4, 10)],
    ),
    "bold heading line": ("Intro line.\n**Witkoff lands**\nBody.\n", [(2, 3)]),
    "hash heading line": ("Intro line.\n## Witkoff lands\n", [(2, 4)]),
    "headline": ("Witkoff lands in Moscow\n\nBody text.\n", [(1, 1)]),
    "indented line": ("Intro.\n\n   Steve Witkoff spoke.\n", [(3, 10)]),
}


@pytest.mark.parametrize("name", sorted(PLAIN_CASES))
def test_plain_text_positions(witkoff: Rule, name: str) -> None:
    text, expected = PLAIN_CASES[name]
    assert positions(witkoff, text, "draft.txt") == expected


def test_end_position_spans_the_match(witkoff: Rule) -> None:
    [diagnostic] = lint(witkoff, "The *special\nenvoy* left.\n")
    assert (diagnostic.line, diagnostic.column) == (1, 6)
    assert (diagnostic.end_line, diagnostic.end_column) == (2, 6)
    assert diagnostic.match == "special\nenvoy"


def test_inline_html_between_spaces_leaves_one_space(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Double space"
        nonword: true
        tokens: ['  ']
        """,
    )
    assert positions(rule, "One. <!-- note --> Two <b>and</b> three. <br/> Four.\n") == []
    assert positions(witkoff_rule(tmp_path), "Mr. <i>x</i> <!-- c --> Witkoff\n") == [(1, 25)]


def witkoff_rule(tmp_path: Path) -> Rule:
    return make_rule(tmp_path, "extends: existence\nmessage: m\ntokens: [Witkoff]\n", name="W")
