"""``copylint ls-config``: print the configuration a run here would use, as JSON.

Part of the command line (``copylint.cli`` hands ``ls-config ...`` here), as Vale's
``vale ls-config``: which file was read, the packs and where they come from, the levels
set, the sections of a Vale project and the rest, every value as the run sees it.

    copylint ls-config [--config FILE]
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from copylint.config import find_config, load_config
from copylint.diagnostics import Level
from copylint.errors import CopylintError
from copylint.oneline import OneLineParser

EXIT_CLEAN = 0
EXIT_ERROR = 2


def build_parser() -> OneLineParser:
    """Describe ``copylint ls-config``."""
    parser = OneLineParser(prog="copylint ls-config", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", metavar="FILE", help="use this config file")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``copylint ls-config`` with ``argv``; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        config = load_config(Path(args.config) if args.config else find_config(Path.cwd()))
    except CopylintError as error:
        print(f"copylint: {error}", file=sys.stderr)
        return EXIT_ERROR
    json.dump(plain(config), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_CLEAN


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: records as objects, paths as strings, levels by
    name, sets sorted."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: plain(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, Level):
        return value.label
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(plain(item) for item in value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
