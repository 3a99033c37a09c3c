"""The hyphenator finds the points Pyphen finds, on every word, faster."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.hyphenation import Hyphenator
from copylint.syllables import LANGUAGE, count_syllables, patterns_path

STORY = """
The council's finance committee postponed Tuesday's vote on the 2026-27 budget after
Councillor Ngozi Adeyemi-Whitfield questioned the £4.2m overspend on the Brightwater
bridge; unreconciled invoices, subcontractors' claims and an extraordinary, largely
unexplained "contingency" line were, she said, irresponsible. Mr O'Donnell's reply:
internationalisation, counterintuitively, isn't reimbursable. Straße, naïve, café, ĳssel,
İstanbul, ŒUVRE, x-ray, e-mail, 3D, COVID-19, a.m., U.S.-led, rhythm, strengths.
"""


@cache
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANGUAGE)


@cache
def _hyphenator() -> Hyphenator:
    return Hyphenator.of(pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)])


def test_the_patterns_are_read_from_the_file_pyphen_reads() -> None:
    assert patterns_path() == Path(pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)])


def test_the_points_of_every_word_of_a_story_are_pyphens() -> None:
    words = {word.strip(".,;:\"'") for word in STORY.split()} | set(STORY.lower().split())
    differing = [
        word for word in words if _hyphenator().positions(word) != _pyphen().positions(word)
    ]
    assert differing == []
    # coun-ter-in-tu-itive-ly
    assert _hyphenator().positions("counterintuitively") == [4, 7, 9, 11, 16]


@settings(max_examples=3000, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
def test_the_points_of_any_text_are_pyphens(word: str) -> None:
    assert _hyphenator().positions(word) == _pyphen().positions(word)


@settings(max_examples=500, deadline=None)
@given(st.text("abcdefghijklmnopqrstuvwxyz'-.", min_size=1, max_size=25))
def test_a_word_has_one_syllable_more_than_pyphen_finds_points(word: str) -> None:
    assert count_syllables(word) == len(_pyphen().positions(word.lower())) + 1
