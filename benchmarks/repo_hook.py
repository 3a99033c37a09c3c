"""What the ``copylint-repo`` hook (``copylint .`` on every commit) costs in repositories
of growing size, with the outcomes copylint keeps between runs.

    python benchmarks/repo_hook.py ../shared/corpus/bbc-2000 ../shared/corpus/reuters-dev \
        [--sizes 1000,5000] [--repeat 3]

For each size, a scratch repository of that many drafts is made in a temporary folder
(the corpora's stories in name order, copied again under new names as often as needed;
no config: the built-in packs). The script times, as whole processes: the first run
(nothing kept), a run with no draft changed (best of ``--repeat``), a run after one
draft was edited, as a commit of it finds the repository (best of ``--repeat``, a
different draft each time), and the same run with ``--no-cache`` (every draft linted).
It checks that the last edited run and the ``--no-cache`` run report the same findings.
Numbers depend on the machine; compare the columns, run side by side.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scratch import copy_stories, timed_in

EDIT = "The council will meet again on Thursday to agree the final figures."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--sizes", default="1000,5000", help="repository sizes in drafts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    copylint = [sys.executable, "-m", "copylint", "--format", "json", "."]
    print(
        f"{'drafts':>8} {'first run s':>12} {'unchanged s':>12} {'one edited s':>13} "
        f"{'nothing kept s':>15} {'ratio':>6}"
    )
    for size in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="copylint-repo-") as name:
            folder = Path(name)
            drafts = copy_stories(args.corpora, size, folder / "drafts")
            first = timed_in(folder, copylint)
            unchanged = min(timed_in(folder, copylint) for _ in range(args.repeat))
            edited = []
            for draft in drafts[: args.repeat]:
                with draft.open("a", encoding="utf-8") as story:
                    story.write(f"\n{EDIT}\n")
                edited.append(timed_in(folder, copylint))
            nothing_kept = timed_in(folder, [*copylint, "--no-cache"])
            same = edited[-1][1] == nothing_kept[1]
            best = min(edited)
            print(
                f"{size:>8} {first[0]:>12.2f} {unchanged[0]:>12.2f} {best[0]:>13.2f} "
                f"{nothing_kept[0]:>15.2f} {nothing_kept[0] / best[0]:>5.1f}x"
                + ("" if same else "  FINDINGS DIFFER")
            )
            if not same:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
