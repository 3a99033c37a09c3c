"""``extends: capitalization`` judges a heading's case as Vale's converters do."""

from __future__ import annotations

from pathlib import Path

from helpers import lint, make_rule


def _messages(rule_yaml: str, text: str, folder: Path) -> list[tuple[int, int, str]]:
    rule = make_rule(folder, rule_yaml)
    return [(d.line, d.column, d.message) for d in lint(rule, text)]


TITLE = """
extends: capitalization
message: "'%s' should be '%s'"
scope: heading
match: $title
style: STYLE
"""


def test_title_case_chicago_lowers_small_words_and_prepositions(tmp_path: Path) -> None:
    text = "# Storm Damage Along the Coast\n\n## storm damage along the coast\n"
    assert _messages(TITLE.replace("STYLE", "Chicago"), text, tmp_path) == [
        (3, 4, "'storm damage along the coast' should be 'Storm Damage along the Coast'")
    ]


def test_title_case_ap_capitalises_longer_prepositions(tmp_path: Path) -> None:
    text = "# Storm Damage along the Coast After the Flood\n"
    assert _messages(TITLE.replace("STYLE", "AP"), text, tmp_path) == []
    text = "# Storm damage along the coast after the flood\n"
    assert _messages(TITLE.replace("STYLE", "AP"), text, tmp_path) == [
        (
            1,
            3,
            "'Storm damage along the coast after the flood' should be "
            "'Storm Damage Along the Coast After the Flood'",
        )
    ]


def test_title_case_passes_at_the_threshold_and_counts_capitals(tmp_path: Path) -> None:
    rule = TITLE.replace("STYLE", "Chicago")
    assert _messages(rule, "# Five Words in NATO Headline case\n", tmp_path) == []
    assert _messages(rule, "# Five words in NATO headline case\n", tmp_path) != []


SENTENCE = """
extends: capitalization
message: "'%s' should be sentence-cased"
scope: heading
match: $sentence
exceptions: [Reuters, Keir Starmer]
indicators: [":"]
prefix: '^[a-z]\\.\\s'
"""


def test_sentence_case_needs_a_capital_first_word_and_lower_case_after(tmp_path: Path) -> None:
    """A name not among the exceptions counts against the heading, as in Vale."""
    text = (
        "## Talks resume in the capital\n\n## talks resume\n\n"
        "## Talks Resume In The Capital\n\n## Talks resume in Moscow\n"
    )
    assert _messages(SENTENCE, text, tmp_path) == [
        (3, 4, "'talks resume' should be sentence-cased"),
        (5, 4, "'Talks Resume In The Capital' should be sentence-cased"),
        (7, 4, "'Talks resume in Moscow' should be sentence-cased"),
    ]


def test_sentence_case_exceptions_indicators_prefix_and_code(tmp_path: Path) -> None:
    text = (
        "## Keir Starmer speaks to Reuters\n\n"
        "## Update: Talks resume\n\n"
        "## 1. Talks resume\n\n"
        "## b. Talks resume\n\n"
        "## `copylint` runs in the newsroom\n"
    )
    assert _messages(SENTENCE, text, tmp_path) == []


def test_lower_upper_and_a_pattern(tmp_path: Path) -> None:
    lower = "extends: capitalization\nmessage: \"'%s' should be '%s'\"\nmatch: $lower\n"
    assert _messages(lower, "quiet words\n\nLoud Words\n", tmp_path) == [
        (3, 1, "'Loud Words' should be 'loud words'")
    ]
    pattern = "extends: capitalization\nmessage: \"'%s' lacks %s\"\nmatch: '^[A-Z]'\n"
    assert _messages(pattern, "Fine\n\nlower start\n", tmp_path) == [
        (3, 1, "'lower start' lacks ^[A-Z]")
    ]
