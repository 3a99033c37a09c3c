"""``copylint index``: build or refresh the archive index, without linting anything.

Part of the command line (``copylint.cli`` hands ``index ...`` here). Every lint run
that reads the archive refreshes the index too; this command does it ahead of time
(after a checkout, in a CI cache step) and says what it did.

    copylint index [--config FILE] [--jobs N]
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from copylint.archive import Archive
from copylint.archive_index import ArchiveIndex
from copylint.cache import cache_at
from copylint.config import Config, find_config, load_config
from copylint.errors import CopylintError
from copylint.linter import RuleSet
from copylint.oneline import OneLineParser, jobs_option
from copylint.packs import load_rules, rule_names
from copylint.runner import lint_drafts

EXIT_CLEAN = 0
EXIT_ERROR = 2


def build_parser() -> OneLineParser:
    """Describe ``copylint index``."""
    parser = OneLineParser(prog="copylint index", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", metavar="FILE", help="use this config file")
    parser.add_argument("--jobs", type=jobs_option, metavar="N", help="read in N processes")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``copylint index`` with ``argv``; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        config = load_config(Path(args.config) if args.config else find_config(Path.cwd()))
        return _index(config, args.jobs)
    except CopylintError as error:
        print(f"copylint: {error}", file=sys.stderr)
        return EXIT_ERROR


def _index(config: Config, jobs: int | None) -> int:
    where = config.source or Path.cwd()
    if not config.archive:
        raise CopylintError(f"{where}: archive: no archive to index (set archive: globs)")
    cache = cache_at(config.root)
    rules = load_rules(config, cache=cache)
    index = ArchiveIndex.open(cache, RuleSet.of(rules))
    if index is None:
        raise CopylintError(f"{cache.folder}: cannot keep the archive index here")
    index.close()
    run = config.run_context(None, rule_names(config, cache), cache)
    archive = Archive.of(config, [], walk_all=True)
    refreshed = lint_drafts([], rules, dataclasses.replace(run, archive=archive), jobs=jobs).archive
    stories = refreshed.unchanged + refreshed.read
    print(
        f"{index.path}: {stories} stories "
        f"({refreshed.read} read, {refreshed.unchanged} unchanged, {refreshed.dropped} dropped)"
    )
    return EXIT_CLEAN
