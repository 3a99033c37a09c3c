"""The news-copy sentence splitter, on a table of sentences written for it."""

from __future__ import annotations

import pytest

from copylint.sentences import split_sentences

# Each case is a list of sentences; the text is them joined with one space.
CASES: list[list[str]] = [
    ["Dmitri S. Peskov, the Kremlin’s spokesman, confirmed the trip.", "He gave no date."],
    ["President Vladimir V. Putin met the envoy.", "The meeting lasted three hours."],
    ["The U.S. and Britain signed the accord on Tuesday."],
    ["Talks with the U.S. resumed.", "Diplomats were cautious."],
    ["Officials in the U.S.", "The decision surprised them."],
    ["Gen. Mark Milley testified before the committee.", "Lawmakers pressed him."],
    ["Sen. Elizabeth Warren and Rep. Jim Jordan disagreed sharply."],
    ["Gov. Kathy Hochul signed the bill.", "It takes effect in May."],
    ["The vote is set for Jan. 5, officials said."],
    ["The deadline passed on Sept. 30.", "No extension was granted."],
    ["The summit ended at 4 p.m. on Friday."],
    ["The session began at 9 a.m.", "The delegates arrived late."],
    ["It ranked No. 2 in the poll.", "The leader held steady."],
    ["Inflation rose 3.2 percent in March.", "Economists had expected 3.1 percent."],
    ["Shares fell $1.50 to $42.75.", "Trading was heavy."],
    ["He paused...", "Then he answered.", "The room was silent."],
    ["The talks… collapsed again.", "Both sides blamed each other."],
    ["“Will you resign?” Mr. Johnson asked.", "The minister did not reply."],
    ["“We will not back down.” Ms. Lee said it twice."],
    ["“We are ready,” she said.", "“Are you?”"],
    ["“This is over!” the chairman shouted.", "Members filed out."],
    ["“I don’t know.”", "The answer stunned the panel."],
    ["Why did it fail?", "Nobody could say."],
    ["What happens next is unclear!", "Officials declined to comment."],
    ["Dr. Anthony Fauci spoke first.", "Prof. Jane Roe followed."],
    ["Acme Inc. reported a loss.", "Its shares fell."],
    ["The merger created Acme Corp.", "The new company has 5,000 workers."],
    ["Smith & Co. announced layoffs on Monday."],
    ["Martin Luther King Jr. gave the speech in 1963.", "It is still quoted."],
    ["The case, Roe v. Wade, was overturned.", "Protests followed."],
    ["The team beat Madrid 2-1, vs. 0-3 last year."],
    ["He lives on Main St. near the river."],
    ["The bill passed 52 to 48.", "It now goes to the House."],
    ["The U.N. Security Council met on Friday.", "Russia vetoed the resolution."],
    ["E.U. leaders gathered in Brussels."],
    ["The F.B.I. opened an inquiry.", "The White House declined to comment."],
    ["Lt. Col. Alexander Vindman testified.", "He was later reassigned."],
    ["It happened in Washington, D.C.", "The police arrived quickly."],
    ["It was 2019.", "The pandemic had not begun."],
    ["The figure was 40 percent (up from 35).", "Analysts cheered."],
    ["Critics called it “a disaster.”", "Supporters disagreed."],
    ["She wrote: “The war is over.”", "The letter was dated May 8."],
    ["The plan (announced Tuesday) drew fire.", "Unions objected."],
    ["Ukraine’s president, Volodymyr Zelensky, spoke by video."],
    ["The vote was 5–4.", "Justice Elena Kagan wrote the dissent."],
    ["J.K. Rowling released a statement.", "Fans reacted online."],
    ["A spokesman for Mr. Trump said the meeting was productive."],
    ["Mrs. Clinton and Mr. Obama were not present.", "Their aides were."],
    ["The ship sank at 3 a.m.", "The crew was rescued."],
    ["Prices rose sharply in Oct. and Nov. before easing."],
    ["Revenue reached $3.4 billion.", "Profit doubled."],
    ["The report cited Fig. 3 and Vol. 2 of the inquiry."],
    ["He asked, “Is this legal?” and left.", "Nobody followed him."],
    ["The storm hit on Aug. 29, 2005.", "New Orleans flooded."],
    ["“Never,” he said.", "“Not now, not ever.”"],
    ["Capt. Sully Sullenberger landed the plane.", "All 155 people survived."],
    ["The minister (a former banker) resigned.", "Her deputy took over."],
    ["Peskov said talks were planned.", "He gave no details!", "Reporters pressed him."],
    ["A 30-day cease-fire is on the table.", "Kyiv has agreed.", "Moscow has not."],
    ["The St. Louis Cardinals won.", "Fans celebrated."],
    ["It cost about $2.5 million, etc.", "The rest was debt."],
    ["It is the No. 1 priority, he said."],
    ["Supt. Maria Lopez briefed reporters.", "She took no questions."],
    ["“Is it over?” asked one resident.", "Officials said it was."],
    ["Voters rejected the plan.", "30 towns voted no."],
    ["The index closed at 4,512.3 points.", "It was a record."],
]


@pytest.mark.parametrize("sentences", CASES, ids=[case[0][:40] for case in CASES])
def test_splits_news_sentences(sentences: list[str]) -> None:
    text = " ".join(sentences)
    assert [text[start:end] for start, end in split_sentences(text)] == sentences


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


def test_offsets_are_trimmed_and_ordered() -> None:
    text = "  One thing.   Another thing.  "
    assert split_sentences(text) == ((2, 12), (15, 29))


def test_newlines_inside_a_sentence_do_not_split_it() -> None:
    text = "The talks began as\nthe envoy landed. He met Putin."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The talks began as\nthe envoy landed.",
        "He met Putin.",
    ]


def test_scores_at_least_as_well_as_pysbd() -> None:
    pysbd = pytest.importorskip("pysbd")
    segmenter = pysbd.Segmenter(language="en", clean=False)
    ours = sum([" ".join(c)[s:e] for s, e in split_sentences(" ".join(c))] == c for c in CASES)
    theirs = sum([part.strip() for part in segmenter.segment(" ".join(c))] == c for c in CASES)
    print(f"sentence table: copylint {ours}/{len(CASES)}, pysbd {theirs}/{len(CASES)}")
    assert ours >= theirs
