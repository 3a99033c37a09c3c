"""The newsroom checks end to end: duplicates, headlines, reuse, stale titles, readability."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from copylint import repeats, syllables
from copylint.api import lint_text
from copylint.checks import readability
from copylint.cli import main
from copylint.config import Config
from copylint.fingerprints import fingerprint
from copylint.packs import load_rules
from copylint.repeats import Overlap, Repeat, Similarity, Tolerance, find_repeats

EXAMPLES = Path(__file__).parent.parent / "examples"
FAMILIES = (
    "newsroom.DuplicateParagraph,newsroom.RepeatedHeadline,newsroom.StaleTitle,"
    "newsroom.ReusedParagraph,newsroom.ReusedHeadline"
)


def _lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()[:-1]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_seed_like_draft_reports_each_defect_once(capsys: pytest.CaptureFixture[str]) -> None:
    draft = str(EXAMPLES / "envoy-visit.txt")
    assert main(["--select", FAMILIES, "--as-of", "2025-03-13", draft]) == 1
    found = [
        line.split(": ", 1)[1].split("]")[0] + "@" + line.split(":")[1] + ":" + line.split(":")[2]
        for line in _lines(capsys)
    ]
    assert found == [
        "error[newsroom.RepeatedHeadline@4:3",
        "error[newsroom.StaleTitle@7:57",
        "error[newsroom.StaleTitle@8:1",
        "error[newsroom.DuplicateParagraph@10:1",
        "error[newsroom.StaleTitle@10:57",
    ]


@pytest.mark.parametrize(
    ("as_of", "flagged"), [("2024-07-04", True), ("2024-07-05", False), ("2030-01-01", False)]
)
def test_stale_title_on_either_side_of_a_change_of_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str, flagged: bool
) -> None:
    _write(tmp_path, "d.txt", "Prime Minister Keir Starmer spoke in Leeds on Friday.\n")
    main(["--select", "newsroom.StaleTitle", "--as-of", as_of, str(tmp_path / "d.txt")])
    assert bool(_lines(capsys)) is flagged


def test_front_matter_date_wins_over_as_of_and_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, ".copylint.yaml", "as_of: 2019-01-01\n")
    _write(tmp_path, "dated.md", "---\ndate: 2022-01-01\n---\nPresident Joe Biden spoke.\n")
    _write(tmp_path, "undated.md", "President Joe Biden spoke.\n")
    main(["--select", "newsroom.StaleTitle", "dated.md", "undated.md"])
    assert [line.split(":")[0] for line in _lines(capsys)] == ["undated.md"]
    main(["--select", "newsroom.StaleTitle", "--as-of", "2022-06-01", "undated.md"])
    assert _lines(capsys) == []


def test_html_duplicate_and_repeated_headline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraph = "Crews reopened the coastal highway on Tuesday after two days of heavy rain."
    _write(
        tmp_path,
        "s.html",
        f"""\
        <html><head><title>Coastal highway reopens</title></head><body>
        <h1>Coastal highway reopens</h1>
        <p>{paragraph}</p>
        <h2>Coastal Highway Reopens</h2>
        <p>{paragraph.replace("Tuesday", "Tuesday,")}</p>
        </body></html>
        """,
    )
    main(["--select", FAMILIES, str(tmp_path / "s.html")])
    assert [line.split(" ", 1)[1] for line in _lines(capsys)] == [
        "error[newsroom.RepeatedHeadline] Repeats the headline on line 1",
        "error[newsroom.DuplicateParagraph] Paragraph repeats line 3 (word for word)",
    ]


def test_reuse_reports_the_later_story_by_date_then_undated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    rain = "Heavy rain closed the coastal highway north of the city on Sunday, officials said."
    crews = "Crews expect to reopen the road by Tuesday if the weather clears overnight."
    _write(tmp_path, "a-draft.md", f"# Draft on the storm damage\n\n{rain}\n")
    _write(tmp_path, "b-later.md", f"---\ndate: 2025-03-19\n---\n# Highway reopens\n\n{crews}\n")
    _write(
        tmp_path,
        "c-first.md",
        f"---\ndate: 2025-03-12\n---\n# Highway closes\n\n{rain}\n\n{crews}\n",
    )
    main(["--select", "newsroom.ReusedParagraph", "."])
    assert [
        line.split(": ", 1)[0] + " " + line.rsplit(" in ", 1)[1] for line in _lines(capsys)
    ] == [
        "a-draft.md:3:1 c-first.md:6 (word for word)",
        "b-later.md:6:1 c-first.md:8 (word for word)",
    ]


def test_standing_copy_in_three_stories_is_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    intro = "The state rail company announced the following timetable changes for next week:"
    for name in ("one", "two", "three"):
        _write(tmp_path, f"{name}.txt", f"Timetable changes for {name}\n{intro}\n")
    main(["--select", "newsroom.ReusedParagraph", str(tmp_path)])
    assert _lines(capsys) == []
    (tmp_path / "three.txt").unlink()
    main(["--select", "newsroom.ReusedParagraph", str(tmp_path)])
    assert len(_lines(capsys)) == 1


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the comparisons of two texts that the duplicate index asks for."""
    counted: list[int] = []
    original = repeats.similarity_of

    def counting(*args: Any) -> Any:
        counted.append(1)
        return original(*args)

    monkeypatch.setattr(repeats, "similarity_of", counting)
    return counted


def test_cross_file_index_is_not_all_pairs(calls: list[int]) -> None:
    rng = random.Random(7)
    # Word frequencies fall off as in prose: a few common words, a long tail of rare ones.
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=7)) for _ in range(20000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    texts = [" ".join(rng.choices(vocabulary, weights, k=30)) for _ in range(3000)]
    # Short copies are not lost: ten eight-word texts, each copied later with one word changed.
    short = [" ".join(rng.choices(vocabulary, weights, k=8)) for _ in range(10)]
    edited = [text.rsplit(" ", 1)[0] + " changed" for text in short]
    prints = [fingerprint(text) for text in short + texts + edited]
    owners = list(range(len(prints)))
    found = list(find_repeats(prints, owners, Tolerance(), across_owners=True))
    assert [(r.later, r.earlier) for r in found] == [(3010 + i, i) for i in range(10)]
    assert len(calls) < 20 * len(prints)  # all pairs would be 4.5 million


def test_identical_texts_are_compared_as_one(calls: list[int]) -> None:
    """A draft of many copies of one paragraph: each copy pairs with the first, and the
    comparing is done once per kind of text, not once per pair."""
    one = fingerprint("the council voted on tuesday to delay the final vote on the budget")
    other = fingerprint("crews reopened the coastal highway after two days of heavy rain there")
    prints = [one, other] * 2000
    within = list(find_repeats(prints, [0] * len(prints), Tolerance(), across_owners=False))
    assert [(r.later, r.earlier) for r in within] == [
        (later, later % 2) for later in range(2, len(prints))
    ]
    owners = [0] * 1000 + [1] * (len(prints) - 1000)
    across = list(find_repeats(prints, owners, Tolerance(), across_owners=True))
    assert [(r.later, r.earlier) for r in across] == [
        (later, later % 2) for later in range(1000, len(prints))
    ]
    assert len(calls) <= 4


def test_near_copy_found_through_the_index() -> None:
    base = "the council voted on tuesday to delay the final vote on the budget by a week"
    prints = [fingerprint(base), fingerprint(base.replace("week", "fortnight"))]
    found = list(find_repeats(prints, [0, 1], Tolerance(), across_owners=True))
    assert found == [Repeat(1, 0, Similarity(Overlap.SAME, 1))]


def test_house_knowledge_base_adds_and_replaces_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        "people.yaml",
        """\
        verified_as_of: 2026-10-01
        people:
          - name: Maria Alvarez
            offices:
              - {title: Council President, role: council president, start: 2021-01-01,
                 end: 2025-01-01}
        """,
    )
    _write(tmp_path, ".copylint.yaml", "knowledge_bases: [people.yaml]\n")
    _write(tmp_path, "d.txt", "Council President Maria Alvarez opened the session.\n")
    main(["--select", "newsroom.StaleTitle", "--as-of", "2025-06-01", "d.txt"])
    assert _lines(capsys) == [
        "d.txt:1:1: error[newsroom.StaleTitle] Stale title: Maria Alvarez was Council "
        "President until 2025-01-01; on 2025-06-01 write 'Former Council President Maria "
        "Alvarez' (knowledge base verified 2026-10-01)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("people: []\n", "people.yaml: verified_as_of: must be a date"),
        (
            "verified_as_of: 2026-01-01\npeople:\n  - name: X\n    offices: []\n",
            "people.yaml: people[0].offices: must be a non-empty list",
        ),
        (
            "verified_as_of: 2026-01-01\npeople:\n  - name: X\n    offices:\n"
            "      - {title: T, role: r, start: 2020-01-01, ends: 2021-01-01}\n",
            "people.yaml: people[0].offices[0].ends: unknown key",
        ),
    ],
)
def test_bad_knowledge_base_is_a_one_line_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "people.yaml", text)
    _write(tmp_path, ".copylint.yaml", "knowledge_bases: [people.yaml]\n")
    _write(tmp_path, "d.txt", "President Joe Biden spoke.\n")
    assert main(["d.txt"]) == 2
    assert expected in capsys.readouterr().err


def test_readability_never_imports_nltk_and_textstat_only_when_needed(tmp_path: Path) -> None:
    draft = _write(tmp_path, "d.txt", "Storm closes road\n" + "The road was closed. " * 80)
    script = textwrap.dedent(f"""\
        import sys
        from copylint.cli import main
        main(["--ignore", "newsroom.ReadingEase,newsroom.ReadingGrade", {str(draft)!r}])
        print("textstat without readability:", "textstat" in sys.modules)
        main(["--select", "newsroom.ReadingEase", "--min-level", "suggestion", {str(draft)!r}])
        print("textstat with readability:", "textstat" in sys.modules)
        print("nltk:", "nltk" in sys.modules)
        print("pyphen:", "pyphen" in sys.modules)
        """)

    def run() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path
        )
        return [
            line
            for line in result.stdout.splitlines()
            if line.startswith(("textstat", "nltk", "pyphen"))
        ]

    imported = ["textstat without readability: False", "textstat with readability: True"]
    assert run() == [*imported, "nltk: False", "pyphen: True"]  # to build the hyphenator
    assert run() == [*imported, "nltk: False", "pyphen: False"]  # kept in the cache


DENSE = (
    "Institutional consolidation of municipal infrastructure administration necessitated "
    "comprehensive reorganisation of interdepartmental accountability mechanisms. "
)
PLAIN = "The road was closed on Sunday after the storm. Crews worked through the night. "


def test_readability_counts_an_article_once_and_never_mixes_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dense, plain = "Headline\n" + DENSE * 12, "Headline\n" + PLAIN * 20
    config = Config()
    both = load_rules(config, select=["newsroom.ReadingEase", "newsroom.ReadingGrade"])
    ease = load_rules(config, select=["newsroom.ReadingEase"])
    lookups: list[str] = []
    original = syllables._HyphenationDictionary.__getitem__

    def counting(self: Any, word: str) -> Any:
        lookups.append(word)
        return original(self, word)

    monkeypatch.setattr(syllables._HyphenationDictionary, "__getitem__", counting)
    messages = [[d.message for d in lint_text(text, rules=both)] for text in (dense, plain, dense)]
    assert (
        messages[0]
        == messages[2]
        == [
            "Article reading ease is -157.8 (aim for 50 or higher)",
            "Article reads at grade 38.5 (aim for 12 or lower)",
        ]
    )
    assert messages[1] == []
    lookups.clear()
    lint_text(plain + "More.", rules=both)
    with_grade = len(lookups)
    lookups.clear()
    lint_text(plain + "Less.", rules=ease)
    assert with_grade == len(lookups) == 281


def test_readability_counts_an_articles_words_paragraph_by_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """min_words (150) counts the article's words paragraph by paragraph: a hyphen that
    ends a paragraph joins no word of the next."""
    ease = load_rules(Config(), select=["newsroom.ReadingEase"])
    dense = DENSE.split() * 12
    paragraphs = [" ".join(dense[:100]), " ".join(dense[100:145])]  # 145 words
    counted: list[str] = []
    count_words = readability.count_words

    def counting(text: str) -> int:
        counted.append(text)
        return count_words(text)

    monkeypatch.setattr(readability, "count_words", counting)
    article = "Headline\n\n" + "\n\n".join(paragraphs)
    assert lint_text(article + "\n\nFour more words, then.", rules=ease) == []  # 149
    counted.clear()
    # 150 words; the article's text, joined by line breaks, would read "co-operate": 149
    [found] = lint_text(article + "\n\nFour more words co-\n\noperate.", rules=ease)
    assert (found.rule, found.line, found.column) == ("newsroom.ReadingEase", 3, 1)
    assert counted == [*paragraphs, "Four more words co-", "operate."]


def test_parallel_run_matches_sequential(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(11)
    sample = rng.sample
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=6)) for _ in range(500)]
    for i in range(80):
        own = " ".join(sample(words, 12))
        shared = " ".join(words[12 * (i // 2) : 12 * (i // 2) + 12]) + "."  # one per pair
        body = f"Filed {i}: the the {own}.\n{shared}\n"
        _write(tmp_path, f"s{i:03}.txt", f"Headline number {i} for the tests\n{body}")
    main(["--jobs", "1", str(tmp_path)])
    sequential = capsys.readouterr().out
    main(["--jobs", "2", str(tmp_path)])
    assert capsys.readouterr().out == sequential
    assert sequential.count("ReusedParagraph") == 40
    assert sequential.count("DoubledWord") == 80


def test_stale_title_in_html_uses_the_meta_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        tmp_path,
        "s.html",
        """\
        <html><head><meta property="article:published_time" content="2021-02-01T08:00:00Z">
        </head><body><p>Vice President Joe Biden and President Donald Trump met.</p></body></html>
        """,
    )
    main(["--select", "newsroom.StaleTitle", str(tmp_path / "s.html")])
    assert [line.split("Stale title: ")[1].split(" (knowledge")[0] for line in _lines(capsys)] == [
        "Joe Biden was Vice President until 2017-01-20; on 2021-02-01 write 'President Joe Biden'",
        "Donald Trump was President until 2021-01-20; on 2021-02-01 write "
        "'former President Donald Trump'",
    ]


def test_the_seed_draft_layout_with_markdown_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraph = (
        "The talks were joined by Steve Witkoff, a former Middle East envoy, who flew in "
        "from Doha after meetings there."
    )
    _write(
        tmp_path,
        "s.md",
        f"""\
        ---
        title: Envoy joins truce talks
        date: 2025-04-01
        ---

        # Envoy joins truce talks

        {paragraph}

        **Envoy joins truce talks**

        {paragraph}
        """,
    )
    main(["--select", FAMILIES, str(tmp_path / "s.md")])
    assert [
        line.split(": ", 1)[0].split(":", 1)[1] + " " + line.split("[")[1].split("]")[0]
        for line in _lines(capsys)
    ] == [
        "8:41 newsroom.StaleTitle",
        "10:3 newsroom.RepeatedHeadline",
        "12:1 newsroom.DuplicateParagraph",
        "12:41 newsroom.StaleTitle",
    ]


def test_archive_is_compared_but_never_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shared = "Heavy rain closed the coastal highway north of the city on Sunday, officials said."
    (tmp_path / "archive").mkdir()
    _write(
        tmp_path, "archive/old.md", f"---\ndate: 2030-01-01\n---\n# Old\n\n{shared} It was was.\n"
    )
    _write(tmp_path, "new.md", f"# New\n\n{shared}\n")
    _write(tmp_path, ".copylint.yaml", "archive: [archive/**]\n")
    main(["--select", "newsroom.ReusedParagraph,newsroom.DoubledWord", "new.md"])
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "new.md:3:1: warning[newsroom.ReusedParagraph] Paragraph also appears in "
        "archive/old.md:6 (part of it)",
        "Found 1 problem (1 warning) in 1 of 1 file.",
    ]
