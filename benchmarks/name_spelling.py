"""Recall of newsroom.NameSpelling on misspellings planted into real paragraphs, its
findings on the unchanged corpora, and what it costs.

    python benchmarks/name_spelling.py ../shared/corpus/bbc-2000 ../shared/corpus/reuters-dev \
        [--trials 1000] [--seed 7] [--check] [--speed]

Each trial takes a random person of the knowledge base (a full name of two words or
more), misspells one of its words of four letters or more in one of five ways (two
neighbouring letters swapped, a letter dropped, added or changed, the first letter
kept; or two letters changed, in words of eight letters or more), and plants
"<misspelled name> said the talks would go on." after a random sentence of a random
paragraph of the folders (or before its first). A trial is found when NameSpelling
reports exactly the planted name with the person's right spelling. A misspelling that
is itself a common first name or surname, or a word of someone else's name, is another
person's name: it is drawn again, and counted. Any other NameSpelling finding in a
trial's paragraph is a false positive. Then every story of the folders is linted
unchanged, and each finding is printed, to be read. With --speed, the folders are
linted side by side with and without the rule (CPU time, best of three whole runs
each, alternated).
--check exits 1 below 95% recall or on a false positive in a planted paragraph.
"""

from __future__ import annotations

import argparse
import os
import random
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench import DRAFT_SUFFIXES

from copylint.api import lint_text
from copylint.checks.person_names import name_index
from copylint.config import Config
from copylint.names import fold
from copylint.packs import load_rules

RULE = "newsroom.NameSpelling"
SENTENCE = "{} said the talks would go on."
EDITS = ("swap", "drop", "add", "change", "two changes")


def misspell(word: str, edit: str, rng: random.Random) -> str:
    """``word`` with one slip of kind ``edit``, its first letter kept."""
    letters = string.ascii_lowercase
    at = rng.randrange(1, len(word) - 1) if edit == "swap" else rng.randrange(1, len(word))
    if edit == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "add":
        return word[:at] + rng.choice(letters) + word[at:]
    if edit == "change":
        return word[:at] + rng.choice(letters.replace(word[at].lower(), "")) + word[at + 1 :]
    second = rng.choice([i for i in range(1, len(word)) if abs(i - at) > 1])
    changed = list(word)
    for i in (at, second):
        changed[i] = rng.choice(letters.replace(word[i].lower(), ""))
    return "".join(changed)


def paragraphs(folders: list[Path]) -> list[str]:
    found = []
    for path in sorted(p for folder in folders for p in folder.rglob("*")):
        if path.suffix in DRAFT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 25]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print each missed trial")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rules = [rule for rule in load_rules(Config()) if rule.name == RULE]
    index = name_index(rules[0].options.knowledge_base, Config().run_context().cache)  # type: ignore[union-attr]
    people = sorted({form.written for form in index.forms if len(form.written) == 2})
    texts = paragraphs(args.folders)
    found, tried, redrawn, false_positives = Counter(), Counter(), 0, []
    while sum(tried.values()) < args.trials:
        name = list(rng.choice(people))
        edit = rng.choice(EDITS)
        words = [
            k
            for k, word in enumerate(name)
            if len(word) >= (8 if edit == "two changes" else 4) and word.isalpha()
        ]
        if not words:
            continue
        k = rng.choice(words)
        wrong = misspell(name[k], edit, rng)
        if index.names_someone_else(fold(wrong), k, len(name)) or fold(wrong) == fold(name[k]):
            redrawn += 1
            continue
        right, planted = " ".join(name), " ".join([*name[:k], wrong, *name[k + 1 :]])
        paragraph = rng.choice(texts)
        starts = [0] + [
            i + 2
            for i, char in enumerate(paragraph[:-2])
            if char in ".!?" and paragraph[i + 1] == " "
        ]
        at = rng.choice(starts)
        text = f"{paragraph[:at]}{SENTENCE.format(planted)} {paragraph[at:]}\n"
        start = text.index(SENTENCE.format(planted))
        tried[edit] += 1
        reported = lint_text(text, "trial.txt", rules)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        hits = [d for d in reported if (d.line, d.column, d.match) == (line, column, planted)]
        if not hits and args.verbose:
            print(f"missed {edit}: {planted!r} for {right!r}: {[d.message for d in reported]}")
        if any(right in d.suggestions for d in hits):
            found[edit] += 1
        false_positives += [d.message for d in reported if d not in hits]
    total = sum(found.values())
    print(f"{RULE}: {total}/{args.trials} planted misspellings found ({total / args.trials:.1%})")
    for edit in EDITS:
        print(f"  {edit:12} {found[edit]}/{tried[edit]}")
    print(f"  {redrawn} drawn again: the misspelling was another person's name")
    print(f"  false positives in planted paragraphs: {len(false_positives)}")
    for message in false_positives:
        print(f"    {message}")
    unchanged = subprocess.run(
        [
            sys.executable,
            "-m",
            "copylint",
            "--format",
            "line",
            "--select",
            RULE,
            *map(str, args.folders),
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    print(f"findings on the unchanged stories: {len(unchanged)}")
    for line in unchanged:
        print(f"  {line}")
    if args.speed:
        print(_speed(args.folders))
    return 1 if args.check and (total < 0.95 * args.trials or false_positives) else 0


def _speed(folders: list[Path]) -> str:
    """CPU seconds of whole runs, with and without the rule, alternated, best of three."""
    command = [sys.executable, "-m", "copylint", "--jobs", "1", *map(str, folders)]
    runs: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(3):
        for label, extra in (("without", ["--ignore", RULE]), ("with", [])):
            process = subprocess.Popen([*command, *extra], stdout=subprocess.DEVNULL)
            _pid, _status, usage = os.wait4(process.pid, 0)
            runs[label].append(usage.ru_utime + usage.ru_stime)
    with_rule, without = min(runs["with"]), min(runs["without"])
    ratio = with_rule / without
    return f"CPU: {with_rule:.2f} s with the rule, {without:.2f} s without ({ratio:.3f}x)"


if __name__ == "__main__":
    sys.exit(main())
