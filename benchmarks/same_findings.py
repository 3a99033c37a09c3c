"""Check that a change to copylint changes no finding: lint corpora with an earlier
revision and with the checkout, and compare the JSON output.

    python benchmarks/same_findings.py --base fd88c69 \
        ../shared/corpus/bbc-2000:2005-06-30 ../shared/corpus/reuters-dev:1987-06-30

Each corpus is ``PATH`` or ``PATH:YYYY-MM-DD`` (the story date, ``--as-of``). The base
revision is checked out into a temporary git worktree and run from there with the same
Python (so it needs the same dependencies); both runs use ``--no-cache``, so neither
reads what the other kept. Prints the findings of each side and the first findings that
differ (a finding's ``fix``, which the JSON output holds from this session's revisions
on, is not compared); exits 1 when any corpus differs. A speed-up should leave this silent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SHOWN = 10


def findings(source: Path, corpus: str, as_of: str | None) -> list[str]:
    """Lint ``corpus`` with the copylint in ``source``; one JSON line per finding."""
    command = [sys.executable, "-m", "copylint", "--no-cache", "--format", "json", corpus]
    if as_of:
        command += ["--as-of", as_of]
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{source}: copylint exited {done.returncode}: {done.stderr.strip()}")
    return [json.dumps(_located(found), sort_keys=True) for found in json.loads(done.stdout)]


def _located(found: dict[str, object]) -> dict[str, object]:
    """A finding as both revisions report it: ``fix``, a key later revisions added to
    the JSON output, is left out (``--fix`` itself is tested apart)."""
    return {key: value for key, value in found.items() if key != "fix"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", help="PATH or PATH:YYYY-MM-DD")
    parser.add_argument("--base", required=True, help="the git revision to compare with")
    args = parser.parse_args()
    differing = 0
    with tempfile.TemporaryDirectory(prefix="copylint-base-") as folder:
        base = Path(folder) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(base), args.base],
            cwd=REPOSITORY,
            check=True,
        )
        try:
            for spec in args.corpora:
                path, _, as_of = spec.partition(":")
                corpus = str(Path(path).resolve())
                before = findings(base, corpus, as_of or None)
                after = findings(REPOSITORY, corpus, as_of or None)
                changed = sorted(set(before) ^ set(after))
                verdict = "same findings" if before == after else f"{len(changed)} differ"
                print(f"{path}: {len(before)} findings at {args.base}, {len(after)} now: {verdict}")
                for line in changed[:SHOWN]:
                    print(f"  {'-' if line in before else '+'} {line}")
                differing += before != after
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPOSITORY)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
