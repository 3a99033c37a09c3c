"""A long fuzz campaign: the properties of ``tests/test_fuzz.py``, for many more examples.

    python benchmarks/fuzz.py --examples 1000000 [--jobs 2] [--seed 1]

The examples are shared out among the three properties (plain text, Markdown with
front matter, HTML), each run by Hypothesis in its own process with its own seed. The
script prints, for each property, how many examples ran, how many failed, and how long
it took, then the totals; it exits 1 if any example failed (Hypothesis prints the
smallest failing input it found).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import regex

PROPERTIES = ("test_plain_text", "test_markdown_with_front_matter", "test_html")
TESTS = Path(__file__).resolve().parent.parent / "tests" / "test_fuzz.py"
_COUNTS = regex.compile(r"(\d+) passing, (\d+) failing")


@dataclass(frozen=True, slots=True)
class Campaign:
    """One property's run: examples passed and failed, seconds, and pytest's output."""

    name: str
    passed: int
    failed: int
    seconds: float
    output: str


def run_property(name: str, examples: int, seed: int) -> Campaign:
    """Run one property of the fuzz tests for ``examples`` examples."""
    environment = {**os.environ, "COPYLINT_FUZZ_EXAMPLES": str(examples)}
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        f"{TESTS}::{name}", f"--hypothesis-seed={seed}", "--hypothesis-show-statistics",
    ]  # fmt: skip
    started = time.monotonic()
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    counts = _COUNTS.search(done.stdout)
    passed, failed = (int(counts[1]), int(counts[2])) if counts else (0, 0)
    if done.returncode != 0 and failed == 0:
        failed = 1
    return Campaign(name, passed, failed, seconds, done.stdout + done.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=30_000, help="in all (default 30000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    share = -(-args.examples // len(PROPERTIES))
    with ThreadPoolExecutor(args.jobs) as pool:
        campaigns = list(
            pool.map(
                lambda pair: run_property(pair[1], share, args.seed + pair[0]),
                enumerate(PROPERTIES),
            )
        )
    for campaign in campaigns:
        print(
            f"{campaign.name:<34} {campaign.passed:>9} passed {campaign.failed:>3} failed "
            f"{campaign.seconds:>8.0f} s"
        )
        if campaign.failed:
            print(campaign.output)
    passed = sum(campaign.passed for campaign in campaigns)
    failed = sum(campaign.failed for campaign in campaigns)
    print(f"{'all':<34} {passed:>9} passed {failed:>3} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
