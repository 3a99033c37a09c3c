"""Recall and false positives of newsroom.StaleTitle on stories built from real paragraphs.

    python benchmarks/stale_eval.py ../shared/corpus/bbc-2000 ../shared/corpus/reuters-dev

Each case is a sentence of mine with a date and a verdict: stale on that date (every form
the rule knows: a title left or not yet taken, "former" or "ex-" before a title still
held, "-elect" after the term began, past framing in apposition, qualifiers, spellings
and abbreviations) or correct (titles true on the date, "then-", "former" after the
term, quotations, sentences anchored in the past, other people with similar names,
people the knowledge base does not know, modifiers that change the office). Every case
is planted into several Markdown stories made of real paragraphs from the folders, with
the date in front matter, at a random place. A stale case is found when StaleTitle
reports the planted line; a correct case is a false positive when it does. Every fix
offered on a planted line is applied and the story linted again: a fix that leaves a
stale title or makes a new one is counted as a wrong fix.

Nothing is written to disk; numbers depend only on --seed and the folders.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

from copylint.api import lint_text
from copylint.config import Config
from copylint.diagnostics import Diagnostic
from copylint.packs import load_rules
from copylint.rules import Rule

# (date, sentence, stale on that date)
CASES: list[tuple[str, str, bool]] = [
    # a title left, or not yet taken
    ("2025-06-10", "President Joe Biden said the talks would resume next week.", True),
    ("2025-03-04", "The plant was visited by U.S. President Joe Biden on Tuesday.", True),
    ("2023-05-02", "Prime Minister Keir Starmer is expected to attend the summit.", True),
    ("2025-04-02", "Secretary of State Antony Blinken flew to Riyadh for the talks.", True),
    ("2025-05-05", "Defense Secretary Lloyd Austin spoke at the Pentagon on Monday.", True),
    ("2025-05-06", "Secretary of Defense Lloyd Austin toured the base.", True),
    ("2025-03-10", "Sen. Marco Rubio criticised the spending plan on Monday.", True),
    ("2025-07-01", "German Chancellor Olaf Scholz arrived in Paris for the meeting.", True),
    ("2023-02-01", "Chancellor Angela Merkel met the delegation in Berlin.", True),
    ("2019-04-01", "The report was welcomed by U.N. Secretary-General Ban Ki-moon.", True),
    ("2025-01-15", "NATO Secretary General Jens Stoltenberg called for more spending.", True),
    ("2025-06-01", "Canadian Prime Minister Justin Trudeau announced the tariffs.", True),
    ("2025-02-01", "Japanese Prime Minister Fumio Kishida visited the factory.", True),
    ("2023-04-01", "Prince Charles opened the new hospital wing on Friday.", True),
    ("2023-01-10", "Foreign Secretary David Lammy will travel to Washington.", True),
    ("2025-01-20", "Home Secretary James Cleverly announced new border rules.", True),
    ("2025-06-01", "Treasury Secretary Janet Yellen warned of a slowdown.", True),
    ("2025-05-01", "Vice President Kamala Harris addressed the convention.", True),
    ("2022-01-01", "Vice President Mike Pence said he would not run.", True),
    ("2023-06-01", "Italian Prime Minister Mario Draghi met union leaders.", True),
    ("2025-01-10", "French Prime Minister Gabriel Attal presented the budget.", True),
    ("2023-01-05", "Chancellor Rishi Sunak said taxes would not rise.", True),
    ("2025-04-01", "Attorney General Merrick Garland declined to comment.", True),
    ("2025-03-01", "Homeland Security Secretary Alejandro Mayorkas visited the border.", True),
    ("2024-06-01", "Speaker Nancy Pelosi led the delegation.", True),
    ("2025-06-01", "Senate Majority Leader Chuck Schumer scheduled the vote.", True),
    ("2025-06-01", "The order was one of President Joe Biden's last acts.", True),
    ("2023-02-01", "Britain's Prime Minister Boris Johnson flew to Kyiv.", True),
    ("2025-05-01", "Vice-President Kamala Harris spoke in Atlanta.", True),
    ("2025-03-01", "Sen. JD Vance said the plan would fail.", True),
    ("2025-06-01", "Outgoing Chancellor Olaf Scholz gave a farewell speech.", True),
    ("2025-06-10", "Incoming Chancellor Friedrich Merz named his cabinet.", True),
    ("2024-01-10", "Prime Minister Sir Keir Starmer chaired the meeting.", True),
    ("2025-02-01", "The decision was announced by President Donald J. Trump's rival, "
                   "President Joe Biden.", True),
    # "former", "ex-" before a title still held
    ("2025-07-01", "Former President Donald Trump addressed supporters in Ohio.", True),
    ("2025-08-01", "The meeting was chaired by ex-President Donald Trump.", True),
    ("2025-01-01", "Talks were led by former Prime Minister Keir Starmer.", True),
    ("2024-05-01", "The summit was hosted by ex-Prime Minister Justin Trudeau.", True),
    ("2023-03-01", "The fund was backed by former U.N. Secretary-General Antonio Guterres.", True),
    ("2023-03-01", "The speech was given by former president Joe Biden.", True),
    ("2025-09-01", "The tariffs were imposed by former President Donald J. Trump.", True),
    ("2025-06-01", "Ex-President Donald Trump spoke at the rally.", True),
    ("2025-06-01", "Donald Trump, the former president, spoke at the rally.", True),
    ("2023-06-01", "Rishi Sunak, the former prime minister, spoke in Leeds.", True),
    # "-elect" before the election or after the term began
    ("2020-10-15", "President-elect Joe Biden named his chief of staff.", True),
    ("2025-02-10", "Aides to President-elect Donald Trump declined to comment.", True),
    # past framing in apposition
    ("2025-03-13", "Steve Witkoff, a Middle East envoy during the Trump administration, "
                   "arrived in Moscow.", True),
    ("2023-05-01", "Antony Blinken, the former secretary of state, said the deal held.", True),
    # correct: titles true on the date
    ("2023-05-02", "President Joe Biden said the talks would resume next week.", False),
    ("2025-05-02", "Prime Minister Keir Starmer is expected to attend the summit.", False),
    ("2025-06-10", "Former President Joe Biden said he would campaign in Michigan.", False),
    ("2024-12-15", "Aides to President-elect Donald Trump declined to comment.", False),
    ("2012-04-15", "President-elect Vladimir Putin met the central bank governor.", False),
    ("2025-06-01", "Chancellor Friedrich Merz arrived in Paris for the meeting.", False),
    ("2025-06-01", "Pope Leo XIV met the president at the Vatican.", False),
    ("2024-03-01", "King Charles III returned to public duties on Friday.", False),
    ("2025-04-01", "Prime Minister Mark Carney called an early election.", False),
    ("2015-06-01", "Governor Mark Carney said rates would stay low.", False),
    ("2024-09-01", "Labour leader Keir Starmer spoke at the party conference.", False),
    ("2025-10-01", "Foreign Secretary Yvette Cooper flew to Kyiv.", False),
    ("2025-02-01", "Chancellor Rachel Reeves defended the budget.", False),
    ("2020-02-01", "President Frank-Walter Steinmeier laid a wreath in Warsaw.", False),
    ("2025-03-01", "Vice President JD Vance spoke in Munich.", False),
    ("2025-05-01", "Secretary of State Marco Rubio met his Chinese counterpart.", False),
    ("2025-06-01", "Senate Minority Leader Chuck Schumer opposed the bill.", False),
    ("2025-06-01", "Sen. Chuck Grassley questioned the nominee.", False),
    ("2025-06-01", "Speaker Mike Johnson scheduled the vote for Thursday.", False),
    ("2009-06-01", "Speaker Nancy Pelosi led the delegation.", False),
    ("2024-05-01", "Secretary General Antonio Guterres called for a ceasefire.", False),
    ("2024-05-01", "Secretary-General António Guterres called for a ceasefire.", False),
    ("2020-05-01", "Emperor Naruhito addressed the nation.", False),
    ("2025-04-01", "Outgoing Chancellor Olaf Scholz gave a farewell speech.", False),
    ("2025-04-01", "Incoming Chancellor Friedrich Merz named his cabinet.", False),
    ("2025-06-01", "Acting Attorney General Monty Wilkinson signed the order.", False),
    ("2025-06-01", "President Joe Biden's successor ended the programme.", True),
    ("2018-05-01", "President Donald Trump and President Emmanuel Macron met.", False),
    ("2024-08-01", "Prime Minister Sir Keir Starmer chaired the meeting.", False),
    # correct: "then-", "former" after the term, the late, qualifiers
    ("2025-01-30", "Then-President Barack Obama had signed the order in 2015.", False),
    ("2021-03-01", "The letter was signed by then-President Donald Trump.", False),
    ("2020-05-01", "He met former U.N. Secretary-General Ban Ki-moon on Monday.", False),
    ("2021-05-01", "The panel included former Bank of England Governor Mark Carney.", False),
    ("2023-05-01", "The prize went to German former Chancellor Angela Merkel.", False),
    ("2025-02-01", "The statue honours the late President Jimmy Carter.", False),
    ("2025-06-01", "The law passed under the then President Joe Biden.", False),
    ("2020-12-15", "President-elect Joe Biden named his chief of staff.", False),
    ("2025-06-01", "Joe Biden, the former president, spoke at the rally.", False),
    ("2021-06-01", "Prince Charles opened the new hospital wing on Friday.", False),
    ("2025-06-01", "Ukrainian President Volodymyr Zelenskyy met President Donald Trump.", False),
    # correct: quotations and sentences anchored in the past
    ("2025-03-01", "\u201cPrime Minister Justin Trudeau never understood the west,\u201d "
                   "the premier said.", False),
    ("2025-06-01", "\"President Joe Biden let us down,\" one delegate said.", False),
    ("2025-06-01", "In 2023, President Joe Biden signed the chips bill into law.", False),
    ("2025-03-20", "In January, President Joe Biden pardoned his son.", False),
    ("2025-06-01", "On March 3, 2022, Chancellor Olaf Scholz announced the fund.", False),
    ("2025-06-01", "At the time, Prime Minister Justin Trudeau backed the pipeline.", False),
    ("2025-06-01", "Ten years ago, President Barack Obama signed the deal.", False),
    ("2025-06-01", "She said the bill was signed in 2022 by President Joe Biden.", False),
    # correct: other people, similar names, people the knowledge base does not know
    ("2025-06-01", "Donald Trump Jr. spoke at the rally on Saturday.", False),
    ("2025-06-01", "Hunter Biden did not attend the hearing.", False),
    ("2025-06-01", "Lara Trump said she would not run for the seat.", False),
    ("2020-05-01", "She bought a King Charles spaniel at the fair.", False),
    ("2025-06-01", "President Ilham Aliyev hosted the talks in Baku.", False),
    ("2025-06-01", "Deputy Prime Minister Justin Trudeau was not there.", False),
    # correct: appositives that name another office, or present framing
    ("2023-05-01", "Joe Biden, who served as vice president under Barack Obama, spoke.", False),
    ("2025-05-01", "Scott Bessent, the treasury secretary in the Trump administration, "
                   "spoke.", False),
    ("2025-05-01", "Marco Rubio, who was elected senator in 2010, now runs the State "
                   "Department.", False),
]  # fmt: skip


def host_paragraphs(folders: list[str]) -> list[list[str]]:
    """Return the paragraphs of every story (headline dropped), for building stories."""
    stories = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            lines = path.read_text(encoding="utf-8").splitlines()
            paragraphs = [line for line in lines[1:] if len(line.split()) >= 8]
            if len(paragraphs) >= 3:
                stories.append(paragraphs)
    return stories


def story(date: str, sentence: str, host: list[str], rng: random.Random) -> tuple[str, int]:
    """Return a Markdown story with ``sentence`` planted among ``host``'s paragraphs."""
    paragraphs = host[: rng.randint(3, min(6, len(host)))]
    place = rng.randint(0, len(paragraphs))
    paragraphs = [*paragraphs[:place], sentence, *paragraphs[place:]]
    text = f"---\ndate: {date}\n---\n# Story\n\n" + "\n\n".join(paragraphs) + "\n"
    return text, 6 + 2 * place


def findings(rule: Rule, text: str) -> list[Diagnostic]:
    return lint_text(text, "story.md", rules=[rule])


def fixed(text: str, diagnostic: Diagnostic) -> str:
    assert diagnostic.fix is not None
    edit = diagnostic.fix
    return text[: edit.start] + edit.text + text[edit.end :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--copies", type=int, default=4, help="stories per case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="exit 1 under the targets")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    rule = next(r for r in load_rules(Config()) if r.name == "newsroom.StaleTitle")
    hosts = host_paragraphs(args.folders)
    rng = random.Random(args.seed)
    counts = {"stale": 0, "found": 0, "correct": 0, "false": 0, "fixes": 0, "wrong fixes": 0}
    for date, sentence, stale in CASES:
        datetime.date.fromisoformat(date)
        for _ in range(args.copies):
            text, line = story(date, sentence, rng.choice(hosts), rng)
            here = [d for d in findings(rule, text) if d.line == line]
            counts["stale" if stale else "correct"] += 1
            counts["found" if stale else "false"] += bool(here)
            if args.verbose and bool(here) != stale:
                print(f"{'missed' if stale else 'false'}: {date} {sentence}")
            for diagnostic in (d for d in here if d.fix is not None):
                counts["fixes"] += 1
                after = [d for d in findings(rule, fixed(text, diagnostic)) if d.line == line]
                counts["wrong fixes"] += bool(after)
    recall = counts["found"] / counts["stale"]
    false_rate = counts["false"] / counts["correct"]
    print(f"{len(CASES)} cases, {args.copies} stories each, {len(hosts)} host stories")
    print(f"stale: {counts['found']} of {counts['stale']} found (recall {recall:.1%})")
    print(f"correct: {counts['false']} of {counts['correct']} flagged ({false_rate:.1%})")
    print(f"fixes: {counts['fixes']} applied, {counts['wrong fixes']} left a stale title")
    if args.check:
        sys.exit(0 if recall >= 0.98 and false_rate <= 0.01 and not counts["wrong fixes"] else 1)


if __name__ == "__main__":
    main()
