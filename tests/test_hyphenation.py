"""The hyphenator finds the points Pyphen finds, on every word, faster."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from copylint import syllables
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


@cache
def _textstats_own(module_name: str) -> ModuleType:
    """textstat's own module ``module_name`` of ``counts`` (stood in for when copylint
    imports textstat), loaded from its file under another name: its syllable count walks
    the phones of each word's entry in copylint's dictionary."""
    count_syllables("loaded")
    syllables.textstat()
    spec = importlib.util.find_spec("textstat")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).parent / "backend" / "counts" / f"{module_name}.py"
    module = ModuleType(f"textstat.backend.counts._textstats_own{module_name}")
    module.__package__ = "textstat.backend.counts"
    exec(compile(source.read_text(encoding="utf-8"), str(source), "exec"), module.__dict__)
    return module


def _textstats_own_count() -> Callable[[str, str], int]:
    count: Callable[[str, str], int] = _textstats_own("_count_syllables").count_syllables
    return count


def _textstats_own_sentences() -> Callable[[str], int]:
    count: Callable[[str], int] = _textstats_own("_count_sentences").count_sentences
    return count


def test_textstat_counts_a_storys_syllables_as_its_own_count_does() -> None:
    own = _textstats_own_count()(STORY, LANGUAGE)
    assert own > 100
    assert syllables.textstat().syllable_count(STORY) == own


@settings(max_examples=1000, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_textstat_counts_any_texts_syllables_as_its_own_count_does(text: str) -> None:
    assert syllables.textstat().syllable_count(text) == _textstats_own_count()(text, LANGUAGE)


def test_textstat_counts_a_storys_sentences_as_its_own_count_does() -> None:
    text = STORY + " Yes. No! Why? 'Quite so,' he said... OK. — . 'Tis done.\nAnd then: it's over."
    own = _textstats_own_sentences()(text)
    # 15 found, 8 of two words or fewer not counted: "Yes.", "OK.", "'Tis done.", and
    # "a.m." and "U.S." cut at their points into "m.", "U." and "S."
    assert own == 7
    assert syllables.textstat().sentence_count(text) == own


PIECES = ["The", "vote", "it's", "'Tis", "a.m.", "U.S.", "x-ray", "—", "'", "’", "...", "3.5"]


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
        st.lists(st.sampled_from([*PIECES, " ", " ", "\n", ".", "!", "?", ", "])).map("".join),
    )
)
def test_textstat_counts_any_texts_sentences_as_its_own_count_does(text: str) -> None:
    assert syllables.textstat().sentence_count(text) == _textstats_own_sentences()(text)
