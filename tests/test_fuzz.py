"""Fuzzing: any text, Markdown (with front matter) or HTML is linted without an exception,
and every diagnostic points inside the file, ends after it starts, and quotes the
source it points at.

``benchmarks/fuzz.py`` runs the same properties for longer (``COPYLINT_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copylint.api import lint_text
from copylint.checks.needed_words import NeededWords, words_in
from copylint.checks.patterns import (
    LITERAL_TOKENS_FROM,
    LiteralTokens,
    compile_pattern,
    word_pattern,
)
from copylint.config import Config
from copylint.diagnostics import Diagnostic
from copylint.errors import CopylintError
from copylint.packs import load_rules
from copylint.positions import LineIndex

RULES = load_rules(Config())
CAMPAIGN = "COPYLINT_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=int(os.environ.get("COPYLINT_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not CAMPAIGN,
    database=None,
)

WORDS = [
    "the", "The", "council", "stated", "said", "envoy", "12.5", "mln", "vs", "pct", "Avg",
    "shrs", "2025", "March", "Tuesday", "very", "unique", "!", "?", ",", ";", "'", '"',
    "“", "”", "—", "é", "Ünïcödé", "日本", "emoji\U0001f600", "A.B.", "U.S.", "the the",
    "President Donald Trump", "former President Joe Biden", "Prime Minister Rishi Sunak",
    "Steve Witkoff, a Middle East envoy during the Trump administration,", "in order to",
]  # fmt: skip
BREAKS = ["\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x85", "\t", " ", "  "]
MARKDOWN = [
    "# ", "## ", "**", "*", "_", "`", "```\n", "> ", ">> ", "- ", "* ", "1. ", "| ", " |",
    "|---|", "---", "[", "](http://x)", "![", "<!--", "-->", "<br>", "&amp;", "\\", "~~",
    "    ", "=====", "<p>",
]  # fmt: skip
HTML = [
    "<p>", "</p>", "<h1>", "</h1>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>", "<table>",
    "<tr>", "<td>", "</td>", "<th>", "<br>", "<br/>", "<!--", "-->", "&amp;", "&#x2028;",
    "&nbsp;", "&bogus;", "<script>", "</script>", "<style>", "</style>", "<b>", "</b>",
    "<title>", "</title>", '<meta name="date" content="2025-03-01">', "<", ">", "&",
]  # fmt: skip
FIELDS = ["Budget", "The the vote", "'quoted: yes'", '"a\\u00e9 b"', ">\n  folded\n  text"]
SEPARATORS = ["\n\n", "\n", "\r\n\r\n", "\n\n\n", "\r\r", "\u2029"]


def _draft(markup: list[str]) -> st.SearchStrategy[str]:
    """Drafts of paragraphs (some repeated) of sentences, with markup and odd breaks."""
    word = st.one_of(st.sampled_from(WORDS), st.text(max_size=3))
    sentence = st.builds(
        lambda words, end: " ".join(words) + end,
        st.lists(word, min_size=1, max_size=14),
        st.sampled_from([".", ". ", "!", "?", "", ".\n"]),
    )
    piece = st.one_of(sentence, sentence, st.sampled_from(BREAKS), st.sampled_from(markup))
    paragraph = st.lists(piece, min_size=1, max_size=6).map("".join)
    chosen = st.lists(paragraph, min_size=1, max_size=5).flatmap(
        lambda paragraphs: st.lists(st.sampled_from(paragraphs), min_size=1, max_size=8)
    )
    return st.builds(lambda parts, gap: gap.join(parts), chosen, st.sampled_from(SEPARATORS))


TEXT = st.one_of(_draft(["**", "# ", "- "]), st.text(max_size=200))
FRONT_MATTER = st.builds(
    lambda title, date, body: f"---\ntitle: {title}\ndate: {date}\n---\n{body}",
    st.one_of(st.sampled_from(FIELDS), st.sampled_from(WORDS)),
    st.sampled_from(["2025-03-13", "2019-06-01T10:00:00Z", "2025-02-30", "soon", "''"]),
    _draft(MARKDOWN),
)
MARKDOWN_DRAFT = st.one_of(_draft(MARKDOWN), FRONT_MATTER, st.text(max_size=200))
HTML_DRAFT = st.one_of(_draft(HTML), st.text(max_size=200))

_MARKUP = regex.compile(r"[*_`#>|\[\]()!<&\\~=\-+\d]|^\s*[.)]")
_SPACE = regex.compile(r"\s+")


def _check(text: str, path: str) -> None:
    """Lint ``text`` as ``path``; check every diagnostic against the source."""
    source = text.removeprefix("\ufeff")
    try:
        diagnostics = lint_text(text, path, rules=RULES)
    except CopylintError as error:
        assert "\n" not in str(error).strip(), str(error)
        return
    lines = LineIndex(source)
    for diagnostic in diagnostics:
        start, end = _offsets(lines, diagnostic)
        assert 0 <= start <= end <= len(source), diagnostic
        if not _MARKUP.search(source[start:end]):
            seen = _SPACE.sub(" ", source[start:end]).strip()
            assert _SPACE.sub(" ", diagnostic.match).strip() == seen, (diagnostic, seen)


def _offsets(lines: LineIndex, diagnostic: Diagnostic) -> tuple[int, int]:
    """Return the source offsets of a diagnostic, checking its columns fit its lines."""
    result = []
    for line, column in (
        (diagnostic.line, diagnostic.column),
        (diagnostic.end_line, diagnostic.end_column),
    ):
        assert 1 <= line <= lines.line_count, diagnostic
        content = lines.line_text(line).rstrip("\r\n")
        assert 1 <= column <= len(content) + 1, (diagnostic, content)
        result.append(lines.line_start(line) + column - 1)
    assert (diagnostic.line, diagnostic.column) <= (diagnostic.end_line, diagnostic.end_column)
    return result[0], result[1]


@FUZZ
@given(TEXT)
def test_plain_text(text: str) -> None:
    _check(text, "draft.txt")


@FUZZ
@given(MARKDOWN_DRAFT)
def test_markdown_with_front_matter(text: str) -> None:
    _check(text, "draft.md")


@FUZZ
@given(HTML_DRAFT)
def test_html(text: str) -> None:
    _check(text, "draft.html")


def test_found_by_fuzzing() -> None:
    """Inputs that failed once, kept so that they never fail again."""
    for text, path in [
        ("# ", "x.txt"),
        ("**  **\n", "x.txt"),
        ("<p>The the council\r<!-- note -->\r\nmet the the budget.</p>\n", "x.html"),
    ]:
        _check(text, path)


VOCABULARY = [
    "in",
    "order",
    "to",
    "In",
    "ORDER",
    "don't",
    "well-known",
    "x1",
    "é",
    "Über",
    "ſo",
    "SO",
    "ı",
    "I",
]
SEPARATORS = [" ", " ", ", ", "; ", " - ", "/"]
TOKENS = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)), min_size=1, max_size=3
).map(lambda parts: "".join(word + gap for word, gap in parts)[: -len(parts[-1][1])])
TEXTS = st.lists(
    st.sampled_from([*VOCABULARY, " ", "  ", ", ", ".", "\n", "-", "'", "a", "; ", "/"])
).map("".join)


@FUZZ
@given(st.lists(TOKENS, min_size=1, max_size=8), TEXTS, st.booleans())
def test_many_literal_tokens_match_as_their_pattern_would(
    tokens: list[str], text: str, ignore_case: bool
) -> None:
    padded = tokens + [f"zq{number}" for number in range(LITERAL_TOKENS_FROM)]
    literal = LiteralTokens.of(padded, ignore_case)
    assert literal is not None
    pattern = compile_pattern(word_pattern(padded, ignore_case, nonword=False))
    expected = [(found.span(), found.group()) for found in pattern.finditer(text)]
    assert [(found.span(), found.group()) for found in literal.finditer(text)] == expected


PATTERN_TOKENS = st.one_of(
    TOKENS,
    st.tuples(TOKENS, st.sampled_from(["s?", "(?:s|es)", "[a-z]*", "\\.", r" \w+", "|to"])).map(
        "".join
    ),
    st.tuples(st.sampled_from(["(?:a|b) ", "\\w+ ", "x|", "(?:in|to)"]), TOKENS).map("".join),
    st.tuples(st.lists(TOKENS, min_size=1, max_size=3), st.sampled_from(["", " to", "?", "s"])).map(
        lambda choice: "(?:" + "|".join(choice[0]) + ")" + choice[1]
    ),
)


@FUZZ
@given(st.lists(PATTERN_TOKENS, min_size=1, max_size=5), TEXTS, st.booleans())
def test_a_text_a_rule_skips_holds_no_match_of_it(
    tokens: list[str], text: str, ignore_case: bool
) -> None:
    needed = NeededWords.of(tokens, ignore_case)
    pattern = compile_pattern(word_pattern(tokens, ignore_case, nonword=False))
    if needed is not None and needed.words.isdisjoint(words_in(text, ignore_case)):
        assert pattern.search(text) is None
