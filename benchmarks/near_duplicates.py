"""Recall of the duplicate checks on copies planted into real stories.

    python benchmarks/near_duplicates.py ../shared/corpus/bbc-2000 ../shared/corpus/reuters-dev

Each trial takes a story from the folders, picks one of its prose paragraphs of 12 words
or more, makes a copy of it, and plants the copy as a new paragraph later in the same
story (``newsroom.DuplicateParagraph``) or into another story (``newsroom.ReusedParagraph``).
A trial is found when the rule reports the planted copy. The copies are:

- ``exact``: the paragraph again, word for word;
- ``rewrapped``: the same words hard-wrapped at 60 characters;
- ``1 word``, ``2 words``: one or two edits, each replacing a word with a word from the
  story, dropping a word or adding one, never touching a figure or a name (copies that
  differ there say different things, and are not reported by design);
- ``any 1 word``, ``any 2 words``: the same edits on any word, figures and names included,
  to show what the facts rule costs.

It also copies a table row (a block copylint reads as a table) next to another row of
the same story: those must never be reported.

The stories are read and written only in memory; nothing is written to disk. Numbers
depend only on --seed and the folders.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from copylint.config import Config
from copylint.diagnostics import Diagnostic
from copylint.documents import BlockKind, Document, Format, parse_document
from copylint.files import Draft
from copylint.fingerprints import is_figure
from copylint.linter import RunContext
from copylint.packs import load_rules
from copylint.rules import Rule
from copylint.runner import lint_drafts
from copylint.words import count_words

MIN_WORDS = 12
TARGET = 0.98
LIGHT = ("exact", "rewrapped", "1 word", "2 words")
PUNCTUATION = ".,;:!?\"'()[]<>“”‘’"


@dataclass(frozen=True)
class Story:
    """A story as lines, with the prose paragraphs and table rows it has (by line)."""

    path: str
    lines: list[str]
    paragraphs: list[int]
    rows: list[int]


def load_stories(folders: list[str]) -> list[Story]:
    """Read every .txt story of ``folders`` and find its paragraphs and rows by line."""
    stories = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            document = parse_document(str(path), text, Format.TEXT)
            stories.append(
                Story(
                    str(path),
                    text.splitlines(),
                    _lines_of(document, prose=True),
                    _lines_of(document, prose=False),
                )
            )
    return stories


def _lines_of(document: Document, prose: bool) -> list[int]:
    """Return the 0-based lines of one-line prose paragraphs of 12+ words, or of table rows.

    A paragraph is used only when it has two words or more that an edit may change.
    """
    found = []
    for block in document.blocks:
        if "\n" in block.text:
            continue
        line = document.lines.position(block.source_start())[0] - 1
        if not prose:
            if block.is_table:
                found.append(line)
            continue
        plain = [word for word in block.text.split() if not _is_fact(word)]
        long_enough = count_words(block.text) >= MIN_WORDS and len(plain) >= 2
        if block.kind is BlockKind.PARAGRAPH and long_enough:
            found.append(line)
    return found


def edit(text: str, edits: int, rng: random.Random, pool: list[str], any_word: bool) -> str:
    """Make ``edits`` edits (replace, drop or add a word), on plain words unless ``any_word``.

    Punctuation around a word stays where it was: a replaced word keeps it, a dropped
    word leaves it to the word before.
    """
    words = text.split()
    for _ in range(edits):
        editable = [i for i, word in enumerate(words) if any_word or not _is_fact(word)]
        position = rng.choice(editable)
        lead, core, trail = _parts(words[position])
        action = rng.choice(("replace", "drop", "add"))
        if action == "replace":
            words[position] = lead + _other_word(core, pool, rng) + trail
        elif action == "drop" and position > 0:
            del words[position]
            words[position - 1] += trail
        else:
            words.insert(position, _parts(rng.choice([w for w in pool if not _is_fact(w)]))[1])
    return " ".join(words)


def _parts(token: str) -> tuple[str, str, str]:
    """Split a token into leading punctuation, the word, and trailing punctuation."""
    core = token.strip(PUNCTUATION)
    start = token.find(core)
    return token[:start], core, token[start + len(core) :]


def _is_fact(token: str) -> bool:
    """Tell whether a token is a figure or a capitalised word (maybe a name)."""
    bare = token.strip(PUNCTUATION)
    return not bare or bare[:1].isupper() or is_figure(bare)


def _other_word(word: str, pool: list[str], rng: random.Random) -> str:
    while True:
        choice = _parts(rng.choice(pool))[1]
        if choice and choice.lower() != word.lower() and not _is_fact(choice):
            return choice


COPIES: dict[str, Callable[[str, random.Random, list[str]], str]] = {
    "exact": lambda text, rng, pool: text,
    "rewrapped": lambda text, rng, pool: "\n".join(textwrap.wrap(text, 60)),
    "1 word": lambda text, rng, pool: edit(text, 1, rng, pool, any_word=False),
    "2 words": lambda text, rng, pool: edit(text, 2, rng, pool, any_word=False),
    "any 1 word": lambda text, rng, pool: edit(text, 1, rng, pool, any_word=True),
    "any 2 words": lambda text, rng, pool: edit(text, 2, rng, pool, any_word=True),
}


def plant(story: Story, copy: str, after: int) -> tuple[str, int]:
    """Return the story with ``copy`` as a new paragraph after line ``after``, and its line.

    The copy stands between blank lines, as the story's own paragraphs do.
    """
    lines = [*story.lines[: after + 1], "", copy, "", *story.lines[after + 1 :]]
    return "\n".join(lines), after + 3


def lint(rule: Rule, files: list[tuple[str, str]]) -> list[Diagnostic]:
    drafts = [Draft(name, Format.TEXT, data=text.encode("utf-8")) for name, text in files]
    return lint_drafts(drafts, [rule], RunContext(), jobs=1).diagnostics


def reported(found: list[Diagnostic], path: str, line: int) -> bool:
    return any(d.path == path and d.line == line for d in found)


def within_draft(rule: Rule, stories: list[Story], kind: str, trials: int, seed: int) -> int:
    rng = random.Random(seed)
    candidates = [s for s in stories if s.paragraphs]
    hits = 0
    for _ in range(trials):
        story = rng.choice(candidates)
        source = rng.choice(story.paragraphs)
        pool = " ".join(story.lines).split()
        copy = COPIES[kind](story.lines[source], rng, pool)
        after = rng.randrange(source, len(story.lines))
        text, line = plant(story, copy, after)
        hits += reported(lint(rule, [(story.path, text)]), story.path, line)
    return hits


def across_files(rule: Rule, stories: list[Story], kind: str, trials: int, seed: int) -> int:
    rng = random.Random(seed)
    candidates = [s for s in stories if s.paragraphs]
    hits = 0
    for _ in range(trials):
        first, second = rng.sample(candidates, 2)
        source = rng.choice(first.paragraphs)
        pool = " ".join(first.lines).split()
        copy = COPIES[kind](first.lines[source], rng, pool)
        text, line = plant(second, copy, rng.randrange(len(second.lines)))
        files = [("a/" + Path(first.path).name, "\n".join(first.lines)), ("b/later.txt", text)]
        hits += reported(lint(rule, files), "b/later.txt", line)
    return hits


def table_rows(rule: Rule, stories: list[Story], trials: int, seed: int) -> tuple[int, int]:
    """Copy a table row next to another row; return (trials, reports)."""
    rng = random.Random(seed)
    candidates = [s for s in stories if len(s.rows) >= 2]
    reports = 0
    for _ in range(min(trials, 10 * len(candidates))):
        story = rng.choice(candidates)
        row, after = rng.sample(story.rows, 2)
        text, _line = plant(story, story.lines[row], after)
        reports += len(lint(rule, [(story.path, text)]))
    return min(trials, 10 * len(candidates)), reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--trials", type=int, default=300, help="trials per kind of copy")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 unless light copies are found {TARGET:.0%} of the time and no row is",
    )
    args = parser.parse_args()
    stories = load_stories(args.folders)
    rules = {rule.name: rule for rule in load_rules(Config())}
    duplicate = rules["newsroom.DuplicateParagraph"]
    reuse = rules["newsroom.ReusedParagraph"]
    print(f"{len(stories)} stories; {args.trials} trials per kind; seed {args.seed}")
    print(f"{'copy':<12} {'DuplicateParagraph':>20} {'ReusedParagraph':>18}")
    missed = []
    for kind in COPIES:
        found = within_draft(duplicate, stories, kind, args.trials, args.seed) / args.trials
        carried = across_files(reuse, stories, kind, args.trials, args.seed) / args.trials
        print(f"{kind:<12} {found:>19.1%} {carried:>17.1%}")
        if kind in LIGHT and min(found, carried) < TARGET:
            missed.append(f"{kind}: {min(found, carried):.1%} is under {TARGET:.0%}")
    tried, reports = table_rows(duplicate, stories, args.trials, args.seed)
    print(f"table rows copied next to another row: {reports} reports in {tried} trials")
    counts = Counter(len(s.paragraphs) > 0 for s in stories)
    print(f"stories with a paragraph of {MIN_WORDS}+ words: {counts[True]}")
    if reports:
        missed.append(f"{reports} reports among table rows")
    if args.check:
        for problem in missed:
            print(f"FAIL {problem}")
        sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
