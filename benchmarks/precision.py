"""Precision of copylint's error- and warning-level findings against labels you keep.

    python benchmarks/precision.py ../shared/corpus/reuters-dev \
        --labels benchmarks/labels/reuters-dev.tsv --as-of 1987-06-30

Runs the installed ``copylint`` on the folder, as a user would (``--format json``,
default rules and config), and scores each error- and warning-level finding against
the labels file: a tab-separated table with the columns ``file`` (relative to the
folder), ``line``, ``rule``, ``verdict`` (``real`` or ``wrong``) and ``reason`` (one
line, in your words). Lines starting with ``#`` are comments. It prints, per rule,
how many findings there are, how many are labelled and the precision (real over
labelled); then each unlabelled finding, and each label that no finding matches any
more (a real one lost is a recall regression; a wrong one gone is progress).

``--stub FILE`` writes the unlabelled findings as label rows with the verdict ``?``,
for you to read and fill in. Nothing else is written.

With ``--check``, the exit code is 1 when a rule's precision is under the target for
its level (``--error-target``, 98%; ``--warning-target``, 90%) or an error-level
finding is unlabelled: CI runs it so that every error stays read.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

LEVELS = ("error", "warning")
VERDICTS = ("real", "wrong")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    severity: str
    message: str

    @property
    def key(self) -> tuple[str, int, str]:
        return self.file, self.line, self.rule


@dataclass(frozen=True)
class Label:
    verdict: str
    reason: str


def run_copylint(folder: Path, as_of: str | None) -> list[Finding]:
    """Lint ``folder`` with the installed copylint; return its error and warning findings."""
    command = ["copylint", "--format", "json", "--min-level", "warning", str(folder)]
    if as_of:
        command += ["--as-of", as_of]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"copylint exited {done.returncode}: {done.stderr.strip()}")
    found = []
    for item in json.loads(done.stdout):
        if item["severity"] in LEVELS:
            relative = Path(item["path"]).resolve().relative_to(folder.resolve())
            found.append(
                Finding(
                    relative.as_posix(),
                    item["line"],
                    item["column"],
                    item["rule"],
                    item["severity"],
                    item["message"],
                )
            )
    return found


def read_labels(path: Path) -> dict[tuple[str, int, str], Label]:
    """Read the labels file; exit with a one-line error naming a bad row."""
    labels = {}
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.reader((line for line in stream if not line.startswith("#")), delimiter="\t")
        header = next(rows, None)
        if header != ["file", "line", "rule", "verdict", "reason"]:
            sys.exit(f"{path}: the first row must be: file line rule verdict reason")
        for number, row in enumerate(rows, start=2):
            if len(row) != 5 or row[3] not in VERDICTS or not row[1].isdigit():
                sys.exit(f"{path}: row {number}: want file, line, rule, real|wrong, reason")
            labels[(row[0], int(row[1]), row[2])] = Label(row[3], row[4])
    return labels


def report(findings: list[Finding], labels: dict[tuple[str, int, str], Label]) -> dict[str, float]:
    """Print precision per rule, the unlabelled findings and the unmatched labels.

    Return each rule's precision over its labelled findings.
    """
    totals: Counter[str] = Counter()
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in findings:
        totals[finding.rule] += 1
        label = labels.get(finding.key)
        if label is not None:
            verdicts[finding.rule][label.verdict] += 1
    print(f"{'rule':<30} {'level':<8} {'findings':>8} {'labelled':>8} {'real':>6} {'precision':>9}")
    levels = {finding.rule: finding.severity for finding in findings}
    precisions = {}
    for rule in sorted(totals, key=lambda r: (LEVELS.index(levels[r]), r)):
        real, wrong = verdicts[rule]["real"], verdicts[rule]["wrong"]
        labelled = real + wrong
        if labelled:
            precisions[rule] = real / labelled
        shown = f"{precisions[rule]:.1%}" if labelled else "-"
        print(f"{rule:<30} {levels[rule]:<8} {totals[rule]:>8} {labelled:>8} {real:>6} {shown:>9}")
    unlabelled = [finding for finding in findings if finding.key not in labels]
    print(f"\n{len(unlabelled)} unlabelled findings")
    for finding in unlabelled:
        print(f"  {finding.file}:{finding.line}:{finding.column}: {finding.rule} {finding.message}")
    found = {finding.key for finding in findings}
    gone = [(key, label) for key, label in labels.items() if key not in found]
    print(f"\n{len(gone)} labels match no finding")
    for (file, line, rule), label in gone:
        print(f"  {file}:{line}: {rule} ({label.verdict}: {label.reason})")
    return precisions


def problems(
    findings: list[Finding],
    labels: dict[tuple[str, int, str], Label],
    precisions: dict[str, float],
    targets: dict[str, float],
) -> list[str]:
    """Return what fails the targets: a rule under its level's target, an unlabelled error."""
    levels = {finding.rule: finding.severity for finding in findings}
    found = [
        f"{rule}: precision {value:.1%} is under {targets[levels[rule]]:.0%}"
        for rule, value in precisions.items()
        if value < targets[levels[rule]]
    ]
    found += [
        f"{finding.file}:{finding.line}: unlabelled error {finding.rule}"
        for finding in findings
        if finding.severity == "error" and finding.key not in labels
    ]
    return found


def write_stub(path: Path, findings: list[Finding], labels: dict) -> None:
    """Write the unlabelled findings as rows to fill in (verdict ``?``)."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "line", "rule", "verdict", "reason"])
        seen = set()
        for finding in findings:
            if finding.key not in labels and finding.key not in seen:
                seen.add(finding.key)
                writer.writerow([finding.file, finding.line, finding.rule, "?", finding.message])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--as-of", help="the story date for undated drafts (YYYY-MM-DD)")
    parser.add_argument("--stub", type=Path, help="write unlabelled findings here to label")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--error-target", type=float, default=0.98)
    parser.add_argument("--warning-target", type=float, default=0.90)
    args = parser.parse_args()
    labels = read_labels(args.labels) if args.labels.exists() else {}
    findings = run_copylint(args.folder, args.as_of)
    precisions = report(findings, labels)
    if args.stub:
        write_stub(args.stub, findings, labels)
    if args.check:
        targets = {"error": args.error_target, "warning": args.warning_target}
        failed = problems(findings, labels, precisions, targets)
        for problem in failed:
            print(f"FAIL {problem}")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
