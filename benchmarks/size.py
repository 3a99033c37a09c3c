"""How copylint's time and memory grow with the size of one file.

    python benchmarks/size.py ../shared/corpus/bbc-2000 [--sizes 1,2,4.5] [--peer proselint]

The stories of a corpus are joined, in name order, into Markdown files of about each
size (in MB), written to a temporary folder; a file of one paragraph repeated (the
worst case for duplicate detection) is added at the largest size. copylint lints each
file in one process (``--jobs 1``); for each, the script reports the wall time, the
throughput in MB a second, the peak resident memory and its ratio to the file's size,
and the peak less that of linting an empty file (what the file itself costs). A peer
named with ``--peer`` is run on the same files, side by side, and its time is given as
a ratio to copylint's. Numbers depend on the machine; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench import DRAFT_SUFFIXES, PEERS, run_once

MB = 1_000_000
REPEATED = "The council voted on Tuesday to delay the budget after a long debate about costs.\n\n"


def joined(corpus: Path, size: float, folder: Path) -> Path:
    """Write the corpus's stories, joined, into a Markdown file of about ``size`` MB."""
    stories = sorted(p for p in corpus.rglob("*") if p.suffix in DRAFT_SUFFIXES)
    path = folder / f"joined-{size:g}MB.md"
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size * MB:
            for story in stories:
                text = story.read_text(encoding="utf-8", errors="replace").strip() + "\n\n"
                out.write(text)
                written += len(text.encode("utf-8"))
                if written >= size * MB:
                    break
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="1,2,4.5", help="file sizes in MB (default 1,2,4.5)")
    parser.add_argument("--peer", action="append", default=[], help="NAME or NAME=EXECUTABLE")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="copylint-size-"))
    try:
        empty = folder / "empty.md"
        empty.write_text("", encoding="utf-8")
        base = run_once(_copylint(empty))[1]
        files = [joined(args.corpus, size, folder) for size in sizes]
        repeated = folder / f"repeated-{sizes[-1]:g}MB.md"
        repeated.write_text(REPEATED * int(sizes[-1] * MB / len(REPEATED)), encoding="utf-8")
        files.append(repeated)
        print(f"peak memory linting an empty file: {base:.0f} MB")
        print(f"{'file':<22} {'MB':>5} {'seconds':>8} {'MB/s':>6} {'peak MB':>8} "
              f"{'x size':>7} {'less empty':>11}")  # fmt: skip
        for path in files:
            megabytes = path.stat().st_size / MB
            seconds, peak, _output = run_once(_copylint(path))
            print(
                f"{path.name:<22} {megabytes:>5.1f} {seconds:>8.1f} {megabytes / seconds:>6.2f} "
                f"{peak:>8.0f} {peak / megabytes:>7.0f} {(peak - base) / megabytes:>11.0f}"
            )
            for spec in args.peer:
                name, _, executable = spec.partition("=")
                found = shutil.which(executable or name)
                if found is None:
                    print(f"  {name}: not found")
                    continue
                peer_seconds, peer_peak, _ = run_once(PEERS[name].command(found, [str(path)]))
                print(
                    f"  {name:<20} {peer_seconds:>14.1f} s ({peer_seconds / seconds:.2f}x "
                    f"copylint's time), peak {peer_peak:.0f} MB"
                )
    finally:
        shutil.rmtree(folder)
    return 0


def _copylint(path: Path) -> list[str]:
    return [sys.executable, "-m", "copylint", "--jobs", "1", "--format", "json", str(path)]


if __name__ == "__main__":
    sys.exit(main())
