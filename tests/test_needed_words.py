"""The words a rule needs in a text before it runs there, and case folding as ``(?i)``."""

from __future__ import annotations

from pathlib import Path

import regex

from copylint.api import lint_text
from copylint.checks.folding import fold_case
from copylint.checks.needed_words import NeededWords, words_in
from copylint.checks.patterns import WORD
from copylint.linter import RuleSet
from copylint.rules import Rule, load_rule


def test_a_literal_token_needs_its_longest_word_and_a_pattern_its_leading_word() -> None:
    tokens = ["in order to", "all talk, no action", "utilize", "e-mails? to", "cut back( on)?"]
    needed = NeededWords.of(tokens, ignore_case=False)
    assert needed == NeededWords(frozenset({"order", "action", "utilize", "e", "cut"}), False)


def test_a_token_that_starts_with_a_choice_needs_a_word_of_each_choice() -> None:
    tokens = ["(?:previous|prior) to", "(?:cell phone|cell-phone)", "miss\\."]
    needed = NeededWords.of(tokens, ignore_case=False)
    assert needed == NeededWords(frozenset({"previous", "prior", "phone", "miss"}), False)


def test_a_token_with_no_word_every_match_holds_needs_none() -> None:
    assert NeededWords.of(["colou?r"], ignore_case=False) is None  # "colo" matches too
    assert NeededWords.of(["in|at"], ignore_case=False) is None
    assert NeededWords.of(["(?:a|an)? hour"], ignore_case=False) is None
    assert NeededWords.of(["(?:pre|post)fix"], ignore_case=False) is None
    assert NeededWords.of(["(?:a|an) hour|minute"], ignore_case=False) is None
    assert NeededWords.of(["\\d+ pct"], ignore_case=False) is None
    assert NeededWords.of([], ignore_case=False) is None


def test_words_are_folded_for_a_rule_that_ignores_case() -> None:
    assert NeededWords.of(["ſo be it", "Kelvin"], ignore_case=True) == NeededWords(
        frozenset({"so", "kelvin"}), True
    )
    assert words_in("SO be it, \u212aelvin", folded=True) == {"so", "be", "it", "kelvin"}


def test_folding_finds_alike_every_two_characters_the_regex_module_finds_alike() -> None:
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        pattern = regex.compile("(?i)(?-f)" + regex.escape(char), regex.V1)
        for other in {char.upper(), char.lower(), char.title(), char.casefold()}:
            if len(other) == 1 and pattern.fullmatch(other):
                assert fold_case(other) == fold_case(char), (char, other)
    assert len(fold_case("Straße İstanbul")) == len("Straße İstanbul")


def test_folding_keeps_every_character_a_word_character_or_not() -> None:
    """So the words of a folded text are the folded words of the text (``words_in``)."""
    for code in range(0x30000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert bool(WORD.fullmatch(char)) == bool(WORD.fullmatch(fold_case(char))), char
    text = "Straße, ǅungla and \u212aelvin's İstanbul"
    assert words_in(text, folded=True) == {fold_case(word) for word in WORD.findall(text)}


def _rule(folder: Path, name: str, tokens: list[str], ignorecase: bool = True) -> Rule:
    listed = "".join(f"  - {token}\n" for token in tokens)
    (folder / f"{name}.yml").write_text(
        f"extends: existence\nmessage: \"'%s'\"\nignorecase: {str(ignorecase).lower()}\n"
        f"tokens:\n{listed}",
        encoding="utf-8",
    )
    return load_rule(folder / f"{name}.yml", "House")


def test_a_rule_runs_only_on_the_paragraphs_that_hold_a_word_it_needs(tmp_path: Path) -> None:
    rules = [
        _rule(tmp_path, "Cliches", ["all talk, no action", "ſo be it"]),
        _rule(tmp_path, "Hedges", ["somewhat", "rather"]),
        _rule(tmp_path, "Jargon", ["synergy"]),
    ]
    assert RuleSet.of(rules).prefiltered == {"House.Cliches", "House.Hedges", "House.Jargon"}
    text = "It was quiet.\n\nAll talk, no action, she said.\n\nSO BE IT.\n"
    found = [(d.line, d.column, d.match) for d in lint_text(text, rules=rules)]
    assert found == [(3, 1, "All talk, no action"), (5, 1, "SO BE IT")]


def test_words_are_found_for_rules_only_where_enough_rules_share_them(tmp_path: Path) -> None:
    """Finding a segment's words costs about two searches: fewer than three rules
    that compare them alike (case-folded or not) search every segment."""
    folded = [_rule(tmp_path, f"Folded{n}", ["word"]) for n in range(2)]
    as_written = [_rule(tmp_path, f"AsWritten{n}", ["Word"], ignorecase=False) for n in range(3)]
    everywhere = _rule(tmp_path, "Everywhere", ["colou?r"])
    assert RuleSet.of([*folded, everywhere]).prefiltered == frozenset()
    assert RuleSet.of([*folded, *as_written]).prefiltered == {rule.name for rule in as_written}
