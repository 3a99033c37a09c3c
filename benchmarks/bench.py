"""Time copylint on a folder of drafts or one draft, side by side with peer prose linters.

    python benchmarks/bench.py ../shared/corpus/bbc-2000 --as-of 2005-06-30 \
        --peer proselint --peer write-good=node_modules/.bin/write-good --peer alex=...
    python benchmarks/bench.py ../shared/samples/ceasefire-talks.txt --repeat 21 --peer proselint

For each tool it reports wall time (the median of --repeat runs, after one run that is
not counted, which leaves Python's compiled modules and copylint's cache folder as a
second commit finds them), the peak resident memory of its largest process, findings
per article, and its time as a ratio to copylint's. With --instructions it also counts
the instructions each tool executes, all its processes together, under valgrind's
callgrind (about fifty times slower): unlike wall time on a shared machine, the count
does not change with the machine's load. Runs never inherit
PYTHONDONTWRITEBYTECODE: an installed package has its modules compiled.

copylint runs in a temporary folder of its own (so no config: the built-in packs, and a
cache folder of its own), measured three ways: as a second run finds the drafts
(unchanged: it uses the outcomes it kept, ``copylint.results``); with every draft
changed (the kept outcomes dropped before each run, the rest of its cache kept); and
that with --jobs 1. Its findings are also broken down by rule. Peers are found on PATH
unless a path is given. Nothing here is a test: numbers depend on the machine; compare
ratios, run side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Peer:
    """How to run a linter on a list of files and count what it reports."""

    command: Callable[[str, list[str]], list[str]]
    count: Callable[[str], int]


PEERS = {
    "proselint": Peer(
        command=lambda exe, files: [exe, "check", *files],
        count=lambda out: len(re.findall(r"^\S+:\d+:\d+: ", out, re.M)),
    ),
    "write-good": Peer(
        command=lambda exe, files: [exe, *files],
        count=lambda out: len(re.findall(r" on line \d+ at column \d+", out)),
    ),
    "alex": Peer(
        command=lambda exe, files: [exe, *files],
        count=lambda out: len(re.findall(r"^\s+\d+:\d+(?:-\d+:\d+)?\s+warning", out, re.M)),
    ),
}


@dataclass(frozen=True)
class Measurement:
    name: str
    seconds: float
    peak_mb: float
    findings: int
    instructions: int | None = None


def _environment() -> dict[str, str]:
    """This environment without PYTHONDONTWRITEBYTECODE: an installed package has its
    modules compiled."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Run ``argv``; return wall seconds, peak RSS in MB of its largest process, output."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=output, stderr=subprocess.STDOUT, env=_environment(), cwd=cwd
        )
        _pid, _status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = 0
        output.seek(0)
        return elapsed, usage.ru_maxrss / 1024, output.read()


def count_instructions(argv: list[str], cwd: Path | None = None) -> int:
    """Run ``argv`` under callgrind; return the instructions of all its processes.

    A forked process starts with its parent's counts, and callgrind's total for it
    ("Collected") includes them: summed over a parent and two workers, the parent's
    work before the fork was counted three times. So each process's counts are written
    out (and zeroed) before every fork, and the parts are summed.
    """
    valgrind = ["valgrind", "--tool=callgrind", "--dump-before=*fork*"]
    with tempfile.TemporaryDirectory(prefix="copylint-callgrind-") as folder:
        subprocess.run(
            [*valgrind, f"--callgrind-out-file={folder}/part.%p", "--trace-children=yes", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_environment(),
            cwd=cwd,
        )
        parts = [part.read_text(errors="replace") for part in Path(folder).iterdir()]
    return sum(int(n) for part in parts for n in re.findall(r"^summary: (\d+)", part, re.M))


@dataclass(frozen=True)
class Tool:
    """A command to time, the folder it runs in, and what to do before each timed run."""

    name: str
    argv: list[str]
    count: Callable[[str], int]
    cwd: Path | None = None
    before_each: Callable[[], None] = lambda: None


def measure(tool: Tool, repeat: int, instructions: bool) -> Measurement:
    """Median wall time of ``repeat`` runs after one uncounted run, the largest peak
    memory, the findings of the last, and the instructions of one more run if asked."""
    run_once(tool.argv, tool.cwd)
    runs = []
    for _ in range(repeat):
        tool.before_each()
        runs.append(run_once(tool.argv, tool.cwd))
    seconds = statistics.median(run[0] for run in runs)
    executed = None
    if instructions:
        tool.before_each()
        executed = count_instructions(tool.argv, tool.cwd)
    found = tool.count(runs[-1][2])
    return Measurement(tool.name, seconds, max(run[1] for run in runs), found, executed)


def _forget_outcomes(project: Path) -> None:
    """Make copylint lint every draft again, as if each had changed since the last run:
    drop the outcomes it keeps (``copylint.results``), and nothing else of its cache."""
    for kept in (project / ".copylint_cache").glob("results.sqlite*"):
        kept.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--as-of", help="story date for copylint (YYYY-MM-DD)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    parser.add_argument(
        "--peer",
        action="append",
        default=[],
        help="NAME or NAME=EXECUTABLE; known: " + ", ".join(PEERS),
    )
    args = parser.parse_args()

    if args.corpus.is_file():
        files = [str(args.corpus)]
    else:
        files = sorted(str(p) for p in args.corpus.rglob("*") if p.suffix in DRAFT_SUFFIXES)
    articles = len(files)
    copylint = [sys.executable, "-m", "copylint", "--format", "json", str(args.corpus.resolve())]
    if args.as_of:
        copylint += ["--as-of", args.as_of]

    by_rule: Counter[str] = Counter()

    def count_copylint(output: str) -> int:
        found = json.loads(output[output.index("[") :])
        by_rule.clear()
        by_rule.update(f"{d['severity']} {d['rule']}" for d in found)
        return len(found)

    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt install valgrind)")
    timed = partial(measure, repeat=args.repeat, instructions=args.instructions)
    with tempfile.TemporaryDirectory(prefix="copylint-bench-") as folder:
        project = Path(folder)  # no config: the built-in packs; a cache folder of its own
        forget = partial(_forget_outcomes, project)
        results = [
            timed(Tool("copylint", copylint, count_copylint, project)),
            timed(Tool("copylint, all changed", copylint, count_copylint, project, forget)),
            timed(
                Tool("  with --jobs 1", [*copylint, "--jobs", "1"], count_copylint, project, forget)
            ),
        ]
    for spec in args.peer:
        name, _, exe = spec.partition("=")
        executable = exe or shutil.which(name)
        if name not in PEERS or not executable or not os.path.exists(executable):
            print(f"skipping {spec}: not a known peer or not installed", file=sys.stderr)
            continue
        peer = PEERS[name]
        results.append(timed(Tool(name, peer.command(executable, files), peer.count)))

    base = results[0]
    print(f"{articles} articles in {args.corpus}\n")
    header = f"{'tool':<22} {'wall s':>8} {'x copylint':>11} {'peak MB':>8} {'per article':>12}"
    print(header + (f" {'G instructions':>15} {'x copylint':>11}" if args.instructions else ""))
    for result in results:
        line = (
            f"{result.name:<22} {result.seconds:>8.3f} {result.seconds / base.seconds:>11.2f} "
            f"{result.peak_mb:>8.0f} {result.findings / articles:>12.3f}"
        )
        if result.instructions is not None and base.instructions:
            ratio = result.instructions / base.instructions
            line += f" {result.instructions / 1e9:>15.3f} {ratio:>11.2f}"
        print(line)
    print("\ncopylint findings per article, by rule:")
    for rule, count in sorted(by_rule.items(), key=lambda item: -item[1]):
        print(f"  {rule:<40} {count:>6}  {count / articles:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
