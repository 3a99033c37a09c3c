"""Load on ``copylint serve``: requests a second and latency, with concurrent clients.

    python benchmarks/serve_load.py DRAFT [--clients 8] [--seconds 20] [--workers N]

Starts ``copylint serve`` on a free local port in an empty folder (the built-in rules,
no archive), then ``--clients`` clients each post the draft to ``/check`` again and again
for ``--seconds``, each waiting for its answer before sending the next (as a CMS's
editors would). Reports requests a second and the median and 99th-percentile latency,
and checks that every answer is a 200 with the same findings. Numbers depend on the
machine and on what else it is doing: run it on a quiet one.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp


async def _client(url: str, body: dict[str, str], until: float, times: list[float]) -> set[str]:
    answers: set[str] = set()
    async with aiohttp.ClientSession() as session:
        while time.perf_counter() < until:
            started = time.perf_counter()
            async with session.post(url, json=body) as response:
                assert response.status == 200, await response.text()
                answers.add(await response.text())
            times.append(time.perf_counter() - started)
    return answers


async def _load(url: str, body: dict[str, str], clients: int, seconds: float) -> list[float]:
    times: list[float] = []
    async with aiohttp.ClientSession() as warm:  # the first check in each worker is slower
        for _ in range(4):
            async with warm.post(url, json=body) as response:
                assert response.status == 200
    until = time.perf_counter() + seconds
    answers = await asyncio.gather(*(_client(url, body, until, times) for _ in range(clients)))
    assert len(set().union(*answers)) == 1, "answers to the same draft differ"
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int)
    args = parser.parse_args()
    extension = {".md": "md", ".html": "html"}.get(args.draft.suffix, "txt")
    body = {"text": args.draft.read_text(encoding="utf-8"), "format": extension}
    command = [sys.executable, "-m", "copylint", "serve", "--port", "0"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    with tempfile.TemporaryDirectory() as folder:
        service = subprocess.Popen(command, cwd=folder, stderr=subprocess.PIPE, text=True)
        try:
            assert service.stderr is not None
            url = service.stderr.readline().split(" on ")[1].strip() + "check"
            times = asyncio.run(_load(url, body, args.clients, args.seconds))
        finally:
            service.terminate()
            service.wait()
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{args.draft.name}: {len(times)} checks by {args.clients} clients in {args.seconds:g} s")
    print(f"  {len(times) / args.seconds:.1f} requests/s")
    print(f"  latency: median {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
