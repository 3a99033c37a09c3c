"""Copies found word by word: a budget of changed words, facts that must agree, containment."""

from __future__ import annotations

import random
import textwrap

import pytest

from copylint.api import lint_text
from copylint.config import Config
from copylint.fingerprints import fingerprint
from copylint.packs import load_rules
from copylint.repeats import Overlap, Similarity, Tolerance, compare, find_repeats
from copylint.words import count_words, words

BASE = "The council voted on Tuesday to delay the final vote on the city budget by a week"
TOLERANCE = Tolerance(changed_words=1, changed_percent=10)


def _same(one: str, other: str) -> Similarity | None:
    return compare(fingerprint(one), fingerprint(other), TOLERANCE)


def _duplicates(text: str, path: str = "draft.txt") -> list[tuple[int, str]]:
    rules = [r for r in load_rules(Config()) if r.name == "newsroom.DuplicateParagraph"]
    return [(d.line, d.message) for d in lint_text(textwrap.dedent(text), path, rules=rules)]


@pytest.mark.parametrize(
    ("words_in", "budget"), [(1, 1), (8, 1), (10, 1), (11, 2), (12, 2), (20, 2), (21, 3)]
)
def test_budget_is_ten_percent_rounded_up(words_in: int, budget: int) -> None:
    assert TOLERANCE.budget(words_in) == budget


def test_figures_fractions_and_initialisms_are_one_word_each() -> None:
    text = "Shares rose 8-3/4 to 52-1/2 in U.S. trading, up 1,234.5 points at 0/92."
    assert words(text) == (
        "Shares", "rose", "8-3/4", "to", "52-1/2", "in", "U.S.", "trading", "up", "1,234.5",
        "points", "at", "0/92",
    )  # fmt: skip
    assert count_words(text) == 13


def test_one_and_two_changed_words_are_copies() -> None:
    assert _same(BASE.replace("week", "fortnight"), BASE) == Similarity(Overlap.SAME, 1)
    twelve = "Crews expect to reopen the coastal road before the weekend rush starts"
    edited = twelve.replace("expect", "hope").replace("coastal ", "")
    assert count_words(twelve) == 12
    assert _same(edited, twelve) == Similarity(Overlap.SAME, 2)
    assert (
        _same(BASE.replace("voted", "met").replace("final", "last").replace("city", ""), BASE)
        is None
    )


@pytest.mark.parametrize(
    "changed",
    [
        BASE.replace("a week", "two weeks"),  # a number
        BASE.replace("Tuesday", "Wednesday"),  # a date
        "Avg shrs 11.2 mln vs 11.0 mln in the quarter, the company said on Friday.",
    ],
)
def test_texts_with_other_figures_are_not_copies(changed: str) -> None:
    original = "Avg shrs 13.9 mln vs 13.8 mln in the quarter, the company said on Friday."
    assert _same(changed, BASE if "council" in changed else original) is None


def test_one_name_in_place_of_another_is_not_a_copy_but_a_dropped_name_is() -> None:
    said = "The plan was backed by Mayor Jane Holt and opposed by councillor Tom Reyes on Monday."
    assert _same(said.replace("Tom Reyes", "Ann Wu"), said) is None
    assert _same(said.replace(" Tom", ""), said) == Similarity(Overlap.SAME, 1)


def test_a_paragraph_inside_a_longer_one_and_two_merged_into_one() -> None:
    first = "Heavy rain closed the coastal highway north of the city on Sunday, officials said."
    second = "Crews expect to reopen the road by Tuesday if the weather clears overnight."
    found = _duplicates(
        f"""\
        Storm closes highway

        {first}

        {second}

        {first} {second}

        {second[:-1]}, and then traffic will be diverted through the harbour district.
        """
    )
    assert found == [
        (7, "Paragraph repeats line 3 (with more added)"),
        (9, "Paragraph repeats line 5 (with more added)"),
    ]


def test_a_short_stock_sentence_inside_a_paragraph_is_not_a_copy() -> None:
    stock = "Proceeds will be used for general corporate purposes."
    longer = f"The bank said the 200 mln dlr issue was oversubscribed. {stock}"
    assert _duplicates(f"Bond issue\n\n{stock}\n\n{longer}\n") == []


def test_a_plain_text_heading_with_another_year_does_not_repeat_the_headline() -> None:
    rules = [r for r in load_rules(Config()) if r.name == "newsroom.RepeatedHeadline"]
    headline = "Council approves 2025 budget"
    text = f"{headline}\n\n# Council approves 2026 budget\n\n# {headline}\n"
    assert [d.line for d in lint_text(text, "d.txt", rules=rules)] == [5]


def test_the_index_finds_every_copy_within_the_budget() -> None:
    """Prefix filtering never loses a pair: random texts, random edits up to the budget."""
    rng = random.Random(3)
    vocabulary = ["".join(rng.choices("abcdefghij", k=5)) for _ in range(400)]
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 40))) for _ in range(150)]
    copies = []
    for text in originals:
        tokens = text.split()
        for _ in range(TOLERANCE.budget(len(tokens))):
            tokens[rng.randrange(len(tokens))] = rng.choice(vocabulary)
        copies.append(" ".join(tokens))
    prints = [fingerprint(text) for text in originals + copies]
    owners = list(range(len(prints)))
    found = {(r.later, r.earlier) for r in find_repeats(prints, owners, TOLERANCE, True)}
    assert {(150 + i, i) for i in range(150)} <= found
