"""The four Vale kinds behave as Vale's do: patterns, messages, spans."""

from __future__ import annotations

from pathlib import Path

from helpers import lint, make_rule, positions


def test_existence_is_word_bounded_and_case_sensitive(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Avoid '%s'"
        tokens: [very, a lot]
        """,
    )
    found = lint(rule, "Very few, every one, a lot, very much.\n")
    assert [(d.column, d.message) for d in found] == [(22, "Avoid 'a lot'"), (29, "Avoid 'very'")]


def test_existence_ignorecase_and_nonword(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Found '%s'"
        ignorecase: true
        nonword: true
        tokens: ['ization']
        """,
    )
    assert positions(rule, "Organization and REALIZATION.\n") == [(1, 6), (1, 22)]


def test_existence_raw_and_append(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Found '%s'"
        append: true
        tokens: [said]
        raw: ['\s+that']
        """,
    )
    assert [d.match for d in lint(rule, "He said that it said so.\n")] == ["said that"]


def test_existence_exceptions_match_the_whole_match_with_the_rule_case(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Found '%s'"
        tokens: ['\w+ly']
        exceptions: [only, Italy]
        """,
    )
    assert [d.match for d in lint(rule, "Only Italy really matters, only truly.\n")] == [
        "Only",
        "really",
        "truly",
    ]


def test_existence_supports_lookbehind_unicode_and_scoped_flags(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Found '%s'"
        ignorecase: true
        tokens: ['(?<=\$)\p{N}+', '(?-i:NATO)']
        """,
    )
    assert [d.match for d in lint(rule, "It cost $40 and 40 more. NATO and nato met.\n")] == [
        "40",
        "NATO",
    ]


def test_existence_message_placeholder_and_end_of_line_anchor(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Avoid ending a line with '%s'."
        nonword: true
        tokens: ['and$']
        """,
    )
    found = lint(rule, "Bread and milk and\ncheese.\n")
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 16, "Avoid ending a line with 'and'.")
    ]


def test_substitution_message_suggestions_and_longest_key_first(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        ignorecase: true
        action:
          name: replace
        swap:
          MPL: MPL
          'MPL[ -]?2(?:\\.0)?': MPL 2.0
          utilize: use
          'in order to': to|so as to
        """,
    )
    found = lint(rule, "mpl 2.0 and MPL 2.0 and MPL. Utilize it in order to win.\n")
    assert [(d.column, d.message, d.suggestions) for d in found] == [
        (1, "Use 'MPL 2.0' instead of 'mpl 2.0'", ("MPL 2.0",)),
        (30, "Use 'use' instead of 'Utilize'", ("use",)),
        (41, "Use 'to' or 'so as to' instead of 'in order to'", ("to", "so as to")),
    ]


def test_substitution_without_replace_action_keeps_the_raw_replacement(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Prefer %s over %s"
        swap:
          utilise: use|employ
        """,
    )
    assert [d.message for d in lint(rule, "We utilise it.\n")] == ["Prefer use|employ over utilise"]


def test_substitution_capitalize_follows_the_observed_case(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Consider using '%s' instead of '%s'."
        ignorecase: true
        capitalize: true
        action: {name: replace}
        swap:
          mankind: human kind
        """,
    )
    assert [d.message for d in lint(rule, "Mankind is old. For mankind.\n")] == [
        "Consider using 'Human kind' instead of 'Mankind'.",
        "Consider using 'human kind' instead of 'mankind'.",
    ]


def test_substitution_capture_groups_become_non_capturing(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        action: {name: replace}
        swap:
          '(cell|mobile) phone': cellphone
          'e-mail': email
        """,
    )
    assert [d.message for d in lint(rule, "My mobile phone and e-mail.\n")] == [
        "Use 'cellphone' instead of 'mobile phone'",
        "Use 'email' instead of 'e-mail'",
    ]


def test_substitution_replacement_takes_the_key_groups(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        ignorecase: true
        action: {name: replace}
        swap:
          'moved in(?: )?to (\\w+) street': moved to ${1} Street
        """,
    )
    assert [d.message for d in lint(rule, "They moved into Baker street.\n")] == [
        "Use 'moved to Baker Street' instead of 'moved into Baker street'"
    ]


def test_substitution_replace_choices_are_text_not_patterns(tmp_path: Path) -> None:
    """With a replace action, "..." is three points, not any three characters (Vale #1038)."""
    rule = make_rule(
        tmp_path,
        """
        extends: substitution
        message: "Use one comma or an ellipsis"
        nonword: true
        action: {name: replace}
        swap:
          ',{2,}': ',|...'
        """,
    )
    assert positions(rule, "Two,, commas and three,,, commas.\n") == [(1, 4), (1, 23)]


def test_occurrence_reports_the_first_match_with_the_count(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: occurrence
        message: "Sentence has %d commas"
        scope: sentence
        max: 2
        token: ','
        """,
    )
    found = lint(rule, "One, two. Three, four, five, six. Seven.\n")
    assert [(d.column, d.message) for d in found] == [(16, "Sentence has 3 commas")]


def test_occurrence_minimum_with_no_match_reports_the_start(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: occurrence
        message: "No intro"
        scope: raw
        min: 1
        token: '# Introduction'
        """,
    )
    assert positions(rule, "# Intro\n\nText.\n") == [(1, 1)]
    assert positions(rule, "# Introduction\n") == []


def test_repetition_spans_both_copies_within_one_sentence(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: repetition
        message: "'%s' is repeated!"
        alpha: true
        ignorecase: true
        tokens: ['[^\s]+']
        """,
    )
    found = lint(rule, "The the vote. It was 5 5. Done. Done again.\n")
    assert [(d.column, d.end_column, d.message) for d in found] == [(1, 8, "'the' is repeated!")]


def test_heading_scope_with_negation(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Found '%s'"
        scope: heading & ~heading.h1
        tokens: [Vote]
        """,
    )
    text = "# Vote\n\n## Vote\n\nVote.\n"
    assert positions(rule, text) == [(3, 4)]


def test_negated_scope_alone_means_all_other_prose(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Found '%s'"
        scope: ~blockquote
        tokens: [Vote]
        """,
    )
    assert positions(rule, "# Vote\n\n> Vote\n\nVote.\n") == [(1, 3), (5, 1)]


def test_raw_scope_sees_markup(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: existence
        message: "Bare URL"
        scope: raw
        nonword: true
        tokens: ['<https?://[^>]+>']
        """,
    )
    assert positions(rule, "See\n<https://example.com>\n") == [(2, 1)]


def test_limit_caps_findings_per_file(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "Found '%s'"
        limit: 2
        tokens: [vote]
        """,
    )
    assert positions(rule, "vote vote vote\n") == [(1, 1), (1, 6)]


def test_conditional_reports_a_use_no_earlier_or_same_block_definition_defines(
    tmp_path: Path,
) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: conditional
        message: "'%s' has no definition."
        first: '\b([A-Z]{3,5})\b'
        second: '(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)'
        exceptions: [NATO]
        """,
    )
    text = (
        "The WHO said so.\n\n"  # used before the file defines it
        "The World Health Organization (WHO) met, and WHO agreed.\n\n"
        "Later the WHO, NATO and the UNHCR spoke.\n"
    )
    found = lint(rule, text, "draft.md")
    assert [(d.line, d.column, d.message) for d in found] == [
        (1, 5, "'WHO' has no definition."),
        (5, 29, "'UNHCR' has no definition."),
    ]


def test_consistency_reports_each_block_once_both_spellings_are_in_the_file(
    tmp_path: Path,
) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        ignorecase: true
        either: {colour: color, centre: center}
        """,
    )
    text = "The colour of the centre.\n\nA new color, then Color again.\n\nNo pair here.\n"
    found = lint(rule, text, "draft.md")
    assert [(d.line, d.column, d.message) for d in found] == [
        (3, 19, "Inconsistent spelling of 'Color'."),
    ]


def test_metric_scores_the_prose_and_counts_blocks(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: metric
        message: "Score %s"
        formula: (words / sentences) + heading.h2 * 100 + math.sqrt(list)
        condition: "> 100"
        """,
    )
    text = (
        "# Title\n\n## Part\n\nThe council met today. It voted to delay the budget again.\n\n"
        "- The mayor was not there.\n"
    )
    # prose: 16 words in 3 sentences (the list item is prose too): 5.33 + 100 + sqrt(1)
    assert [(d.line, d.column, d.message) for d in lint(rule, text)] == [(1, 1, "Score 106.33")]
    assert lint(rule, "# Title\n\nNo second-level heading here.\n") == []


def test_conditional_with_no_group_in_second_checks_presence(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        r"""
        extends: conditional
        message: "A 'Section' requires a 'Summary:' line."
        scope: raw
        first: '\bSection\b'
        second: 'Summary:'
        """,
    )
    assert lint(rule, "# Section\n\nSummary: this is present.\n") == []
    assert [(d.line, d.column) for d in lint(rule, "# Section\n\nNo summary.\n")] == [(1, 3)]


def test_sentence_scope_leaves_headings_out_unless_named(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """
        extends: existence
        message: "'%s'"
        scope: sentence
        raw: ['^.*$']
        """,
    )
    text = "# Council meets\n\nThe council met. It voted.\n"
    assert [(d.line, d.column, d.message) for d in lint(rule, text)] == [
        (3, 1, "'The council met.'"),
        (3, 18, "'It voted.'"),
    ]
    heading_rule = make_rule(
        tmp_path,
        "extends: existence\nmessage: \"'%s'\"\nscope: sentence & heading\nraw: ['^.*$']\n",
        "Heading",
    )
    assert [(d.line, d.message) for d in lint(heading_rule, text)] == [(1, "'Council meets'")]


def test_occurrence_counts_inline_code_and_shows_the_first_prose_match(tmp_path: Path) -> None:
    """Inline code reads as one "*" a character, as Vale masks it: a heading's length
    counts its code, and the finding is shown at the first match that is not code."""
    rule = make_rule(
        tmp_path,
        """
        extends: occurrence
        message: "Headings should use fewer than 30 characters"
        scope: heading
        max: 30
        token: .
        """,
    )
    text = "## `copylint --fix`, then rerun the checks\n\n## Short `code` heading\n"
    assert positions(rule, text) == [(1, 20)]
