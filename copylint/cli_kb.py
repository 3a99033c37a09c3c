"""``copylint kb``: import open officeholder data into knowledge-base files, and check them.

Part of the command line (``copylint.cli`` hands ``kb ...`` here): the only other place
that prints or picks an exit code.

    copylint kb import executive executive.yaml --source-date 2026-06-15 -o us-executive.yaml
    copylint kb import congress legislators-current.yaml --source-date 2026-06-15
    copylint kb import wikidata uk-cabinet.csv --source-date 2022-07-23 [--positions FILE]
    copylint kb check people.yaml [more.yaml ...] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from copylint import kb_import
from copylint.dates import date_option
from copylint.errors import CopylintError
from copylint.kb_check import ERROR, check_file, check_merged
from copylint.knowledge import load_knowledge_base, read_knowledge_file
from copylint.oneline import OneLineParser
from copylint.yamlfiles import read_yaml_file

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2
SOURCES = {
    "executive": "unitedstates/congress-legislators executive.yaml",
    "congress": "unitedstates/congress-legislators legislators-current.yaml",
    "wikidata": "Wikidata position held (P39)",
}


def build_parser() -> OneLineParser:
    """Describe ``copylint kb``."""
    parser = OneLineParser(prog="copylint kb", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    imports = commands.add_parser("import", help="turn open officeholder data into a file")
    imports.add_argument("format", choices=sorted(SOURCES))
    imports.add_argument("file", type=Path)
    imports.add_argument(
        "--source-date",
        required=True,
        metavar="YYYY-MM-DD",
        help="the date of the data (its download or snapshot)",
    )
    imports.add_argument("--source-name", help="how entries name their source")
    imports.add_argument(
        "--since",
        type=int,
        default=2017,
        help="only people who held an office in this year or later (default 2017; "
        "congress: everyone in the file)",
    )
    imports.add_argument(
        "--positions", type=Path, help="wikidata: a file naming positions (see data/positions.yaml)"
    )
    imports.add_argument("-o", "--output", type=Path, help="write here, not to standard output")
    check = commands.add_parser("check", help="check knowledge-base files")
    check.add_argument("files", nargs="+", type=Path)
    check.add_argument("--as-of", metavar="YYYY-MM-DD", help="judge source ages on this day")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``copylint kb`` with ``argv``; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "import":
            return _import(args)
        return _check(args.files, date_option("--as-of", args.as_of) or datetime.date.today())
    except CopylintError as error:
        print(f"copylint: {error}", file=sys.stderr)
        return EXIT_ERROR


def _import(args: argparse.Namespace) -> int:
    date = date_option("--source-date", args.source_date)
    assert date is not None, "argparse requires --source-date"
    source: dict[str, Any] = {"name": args.source_name or SOURCES[args.format], "date": date}
    text = _read(args.file)
    if args.format == "executive":
        imported = kb_import.import_executive(text, source, args.since)
    elif args.format == "congress":
        imported = kb_import.import_congress(text, source)
    else:
        positions = kb_import.builtin_positions()
        if args.positions:
            positions |= _positions(args.positions)
        imported = kb_import.import_wikidata(text, source, positions, args.since)
    output = kb_import.dump(imported, date)
    if args.output:
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    for skipped in imported.skipped:
        print(f"copylint: {args.file}: skipped {skipped}", file=sys.stderr)
    print(f"copylint: {args.file}: {len(imported.people)} people", file=sys.stderr)
    return EXIT_CLEAN


def _check(files: Sequence[Path], today: datetime.date) -> int:
    errors = 0
    for path in files:
        for problem in check_file(read_knowledge_file(path), today):
            print(f"{path}: {problem.level}: {problem.where}: {problem.message}")
            errors += problem.level == ERROR
    if len(files) > 1:
        for problem in check_merged(load_knowledge_base(tuple(files)).people):
            print(f"merged: {problem.level}: {problem.where}: {problem.message}")
            errors += 1
    return EXIT_PROBLEMS if errors else EXIT_CLEAN


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CopylintError(f"{path}: cannot read: {error}") from None


def _positions(path: Path) -> dict[str, Any]:
    data = read_yaml_file(path, "positions file")
    if not isinstance(data, dict) or not isinstance(data.get("positions"), dict):
        raise CopylintError(f"{path}: positions: must be a mapping of positions")
    return dict(data["positions"])
