"""What a pre-commit run of one draft costs against archives of growing size.

    python benchmarks/commit.py ../shared/corpus/bbc-2000 ../shared/corpus/reuters-dev \
        [--sizes 1000,5000,15000] [--repeat 3]

For each size, a scratch newsroom repository is made in a temporary folder: an archive
of that many stories (the corpora's stories in name order, copied again under new
names as often as needed: a copy repeats its original, which the cross-file checks
must then compare), a ``.copylint.yaml`` naming it as ``archive:``, and one draft
(the first story of the first corpus, with a new paragraph), in a git repository with
the archive committed and the draft staged, as a commit finds it. The script times, as
whole processes: ``copylint index`` on an empty cache (the cold build), the draft's
run with the index warm (best of ``--repeat``), the draft alone with no archive (the
floor a commit cannot go below; its runs alternate with the warm ones), and the same
run with ``--no-cache`` (the archive read and parsed every time). It checks that the
indexed and unindexed runs report the same findings. Numbers depend on the machine;
compare the columns, run side by side.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from scratch import copy_stories, timed_in

DRAFT_PARAGRAPH = "The council will meet again on Thursday to agree the final figures."


def make_newsroom(corpora: list[Path], size: int, folder: Path) -> Path:
    """Write an archive of ``size`` stories, its config and one draft under ``folder``."""
    stories = copy_stories(corpora, size, folder / "stories")
    (folder / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    _git(folder, "init", "--quiet")
    _git(folder, "add", ".")
    _git(folder, "commit", "--quiet", "--message", "The archive")
    draft = folder / "draft.txt"
    text = stories[0].read_text(encoding="utf-8", errors="replace").rstrip("\n")
    draft.write_text(f"{text}\n\n{DRAFT_PARAGRAPH}\n", encoding="utf-8")
    _git(folder, "add", draft.name)
    return draft


def _git(folder: Path, *arguments: str) -> None:
    identity = ["-c", "user.name=copylint benchmark", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", "-C", str(folder), *identity, *arguments], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--sizes", default="1000,5000,15000", help="archive sizes in stories")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    copylint = [sys.executable, "-m", "copylint"]
    print(
        f"{'stories':>8} {'cold index s':>13} {'commit s':>9} {'draft alone s':>14} "
        f"{'no index s':>11} {'ratio':>6}"
    )
    for size in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="copylint-commit-") as name:
            folder = Path(name)
            draft = make_newsroom(args.corpora, size, folder)
            cold = timed_in(folder, [*copylint, "index"])
            (folder / "alone.yaml").write_text("archive: []\n", encoding="utf-8")
            alone_argv = [*copylint, "--config", "alone.yaml", "--format", "json", draft.name]
            warm, alone = [], []
            for _ in range(args.repeat):  # side by side: the machine's load falls on both
                warm.append(timed_in(folder, [*copylint, "--format", "json", draft.name]))
                alone.append(timed_in(folder, alone_argv))
            uncached = timed_in(folder, [*copylint, "--no-cache", "--format", "json", draft.name])
            best = min(warm)
            same = warm[0][1] == uncached[1]
            print(
                f"{size:>8} {cold[0]:>13.2f} {best[0]:>9.2f} {min(alone)[0]:>14.2f} "
                f"{uncached[0]:>11.2f} "
                f"{uncached[0] / best[0]:>5.1f}x" + ("" if same else "  FINDINGS DIFFER")
            )
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
