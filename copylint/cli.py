"""The ``copylint`` command: the only place that prints or picks an exit code.

What only some runs need (the ``kb`` and ``index`` commands, fixing, ``--diff-base``'s
git, ``--explain``, the archive) is imported by those runs, so that linting one draft
starts fast.
"""

from __future__ import annotations

import argparse
import atexit
import dataclasses
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from copylint import __version__
from copylint.cache import CACHE_NAME, Cache, cache_at
from copylint.config import Config, find_config, load_config
from copylint.dates import date_option
from copylint.diagnostics import LEVEL_NAMES, Diagnostic, Level
from copylint.documents import Format
from copylint.errors import CopylintError
from copylint.files import Draft, find_drafts
from copylint.globs import vale_glob_matches
from copylint.linter import RunContext
from copylint.oneline import OneLineParser, jobs_option, one_line
from copylint.packs import configured_rules, load_rules, rule_names, skipped_rules
from copylint.reporters import FORMATS, ReportContext, reporter, statistics
from copylint.rules import Rule, SkippedRule
from copylint.runner import RunResult, lint_drafts

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
STDIN = "-"
AUTO = "auto"


def build_parser() -> OneLineParser:
    """Describe the command line."""
    parser = OneLineParser(
        prog="copylint",
        description="Lint newsroom copy: plain text, Markdown and HTML drafts.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to lint; '-' or nothing reads standard input",
    )
    parser.add_argument(
        "--format",
        choices=[*FORMATS, AUTO],
        default="text",
        help="output format (default: text; auto: github inside GitHub Actions, else text)",
    )
    parser.add_argument(
        "--output",
        choices=sorted(VALE_OUTPUTS),
        help="Vale's name for --format: CLI (text), line, or JSON (Vale's own JSON shape)",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule has instead of listing them",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="use this config file instead of searching for one"
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="NAMES",
        help="only these rules or packs (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="NAMES",
        help="skip these rules or packs (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--min-level", "--minAlertLevel", choices=LEVEL_NAMES, help="hide findings below this level"
    )
    parser.add_argument(
        "--fail-on",
        choices=LEVEL_NAMES,
        help="exit 1 when a finding is at this level or above (default: error)",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report standard input under; its extension sets the format",
    )
    parser.add_argument(
        "--ext",
        metavar=".EXT",
        help="parse named files and standard input as this extension (.txt, .md, .html)",
    )
    parser.add_argument(
        "--filter",
        metavar="EXPR",
        help="run only the rules this Vale filter keeps (an expression or an .expr file)",
    )
    parser.add_argument(
        "--ignore-syntax",
        action="store_true",
        help="read every file as plain text, its markup included (Vale's flag)",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="lint only the files whose path matches this Vale glob ('!' negates it)",
    )
    parser.add_argument(
        "--no-exit",
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are at the failing level (errors still exit 2)",
    )
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the story date for drafts without a front-matter date (default: today)",
    )
    parser.add_argument(
        "--jobs",
        type=jobs_option,
        metavar="N",
        help="lint in N processes (default: one per core, up to 4; 1 for none)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"build everything afresh and keep nothing in {CACHE_NAME}/",
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="apply the fixes that cannot lose meaning, then report what is left",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing"
    )
    parser.add_argument(
        "--diff-base",
        metavar="REV",
        help="report only on lines added or changed since this git revision",
    )
    parser.add_argument(
        "--explain", metavar="RULE", help="print what a rule checks, why, and an example"
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list the rules that would run, then exit"
    )
    parser.add_argument("--version", action="version", version=f"copylint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run copylint with ``argv``; return the exit code.

    ``copylint kb ...`` manages knowledge bases (``copylint.cli_kb``), ``copylint index``
    the archive index (``copylint.cli_index``), ``copylint ls-config`` prints the
    configuration (``copylint.cli_config``), ``copylint serve`` and ``copylint lsp``
    start the check service and the language server (``copylint.serve``,
    ``copylint.lsp``); to lint a file of one of those names, write ``./serve`` and so on.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["kb"]:
        from copylint import cli_kb

        return cli_kb.main(arguments[1:])
    if arguments[:1] == ["index"]:
        from copylint import cli_index

        return cli_index.main(arguments[1:])
    if arguments[:1] == ["ls-config"]:
        from copylint import cli_config

        return cli_config.main(arguments[1:])
    if arguments[:1] in (["serve"], ["lsp"]):
        return _service(arguments[0], arguments[1:])
    args = build_parser().parse_args(arguments)
    try:
        config = _config(args.config)
        cache = cache_at(config.root, enabled=not args.no_cache)
        rules = load_rules(config, _names(args.select), _names(args.ignore), cache)
        if args.filter is not None:
            from copylint.filters import read_filter

            kept = read_filter(args.filter, config.styles_path)
            rules = [rule for rule in rules if kept.keeps(rule)]
        if args.list_rules:
            _list_rules(rules, skipped_rules(config, cache), sys.stdout)
            return EXIT_CLEAN
        if args.explain:
            from copylint.explain import explain

            sys.stdout.write(explain(args.explain, configured_rules(config, cache)))
            return EXIT_CLEAN
        drafts, run = _inputs(args, config, cache, stdin or sys.stdin)
        if args.fix or args.diff:
            if args.diff_base:
                raise CopylintError("--diff-base cannot be combined with --fix or --diff")
            return _fix(args, config, drafts, rules, run)
        result = lint_drafts(drafts, rules, run, jobs=args.jobs)
        if args.diff_base:
            result = _only_changes(result, drafts, args.diff_base)
    except CopylintError as error:
        _print_errors([str(error)])
        return EXIT_ERROR
    return _report(args, config, result, rules, cache)


def _report(
    args: argparse.Namespace, config: Config, result: RunResult, rules: list[Rule], cache: Cache
) -> int:
    """Print the findings and errors; return the exit code."""
    min_level = Level.parse(args.min_level) if args.min_level else config.min_level
    fail_on = Level.parse(args.fail_on) if args.fail_on else config.fail_on
    ignored = set(_names(args.ignore))
    shown = [
        diagnostic
        for diagnostic in result.diagnostics
        if diagnostic.level >= min_level and diagnostic.rule not in ignored
    ]
    fmt = _format(args.format, args.output)
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = statistics.report if args.statistics else reporter(fmt)
    report(shown, ReportContext(result.files, color, tuple(rules)), sys.stdout)
    warnings = [*config.warnings, *_skipped_warning(config, cache), *result.warnings]
    _print_errors([f"warning: {warning}" for warning in warnings])
    _print_errors(result.errors)
    code = _exit_code(shown, result.errors, fail_on)
    return EXIT_CLEAN if args.no_exit and code == EXIT_FINDINGS else code


def _service(command: str, arguments: list[str]) -> int:
    """Run ``copylint serve`` or ``copylint lsp``, whose packages are an extra."""
    import importlib

    try:
        service = importlib.import_module(f"copylint.{command}")
    except ImportError as missing:
        _print_errors([f"{command}: needs {missing.name}: pip install 'copylint[{command}]'"])
        return EXIT_ERROR
    code: int = service.main(arguments)
    return code


GC_THRESHOLD = 100_000
"""Objects made between collections of the youngest generation (Python's default: 700).
A run makes many short-lived objects and almost no reference cycles; collecting less
often saved 3% of a folder's run, and memory did not grow (as mypy does)."""


def entry_point() -> NoReturn:
    """Console-script entry: exit with ``main``'s code."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        status = EXIT_FINDINGS
    _exit(status)


def _exit(status: int) -> NoReturn:
    """Exit as mypy does, without freeing each object: Python's own exit frees every
    module's objects one by one and collects garbage (11% of the instructions of linting
    one draft), where the system takes the whole memory back at once. The exit functions
    still run (one writes copylint's compiled code, ``copylint.compiled``), and the
    output is flushed; output that cannot be written (a closed pipe) is dropped, as it
    would be at exit, and the run does not exit 0."""
    atexit._run_exitfuncs()  # private, but what Python's own exit calls
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a full disk, a closed stream
            status = status or EXIT_FINDINGS
    os._exit(status)


def _config(explicit: str | None) -> Config:
    if explicit is not None:
        return load_config(Path(explicit))
    return load_config(find_config(Path.cwd()))


VALE_OUTPUTS = {"CLI": "text", "line": "line", "JSON": "vale-json"}
"""Vale's ``--output`` values and the formats they are."""


def _format(name: str, vale_output: str | None = None) -> str:
    if vale_output is not None:
        return VALE_OUTPUTS[vale_output]
    if name != AUTO:
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _names(values: Sequence[str]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _forced_format(extension: str | None, config: Config) -> Format | None:
    if extension is None:
        return None
    fmt = config.format_of(f"stdin.{extension.lstrip('.')}")
    if fmt is None:
        raise CopylintError(f"--ext: unknown extension '{extension}' (use .txt, .md or .html)")
    return fmt


def _inputs(
    args: argparse.Namespace, config: Config, cache: Cache, stdin: TextIO
) -> tuple[list[Draft | CopylintError], RunContext]:
    """Return the drafts the command line names (or standard input) and the run context."""
    forced = _forced_format(args.ext, config)
    paths = list(args.paths)
    names = rule_names(config, cache)
    run = config.run_context(date_option("--as-of", args.as_of), names, cache)
    if not paths or paths == [STDIN]:
        if args.fix or args.diff:
            raise CopylintError("--fix and --diff work on files, not standard input")
        draft = _stdin_draft(args.stdin_filename, args.ext, forced, config, stdin)
        return [dataclasses.replace(draft, max_bytes=config.max_file_size)], run
    if STDIN in paths:
        raise CopylintError("'-' (standard input) cannot be mixed with paths")
    if _text_argument(paths, config) and not (args.fix or args.diff):
        display = f"stdin.{(args.ext or '.txt').lstrip('.')}"
        fmt = forced or config.format_of(display) or Format.TEXT
        return [Draft(display, fmt, data=paths[0].encode("utf-8"))], run
    drafts = [draft for draft in find_drafts(paths, config, forced) if _globbed(draft, args.glob)]
    if args.ignore_syntax:
        drafts = [_as_plain_text(draft) for draft in drafts]
    if not config.archive:
        return drafts, run
    from copylint.archive import Archive

    return drafts, dataclasses.replace(run, archive=Archive.of(config, drafts))


def _as_plain_text(draft: Draft | CopylintError) -> Draft | CopylintError:
    if isinstance(draft, CopylintError):
        return draft
    return dataclasses.replace(draft, format=Format.TEXT)


def _text_argument(paths: Sequence[str], config: Config) -> bool:
    """Tell whether the command line's one argument is text to lint, as Vale reads it:
    only in a Vale project, and only when no file or folder has that name (elsewhere a
    name that is not there is an error: a typo must not pass as clean text)."""
    return config.selection is not None and len(paths) == 1 and not os.path.lexists(paths[0])


def _globbed(draft: Draft | CopylintError, pattern: str | None) -> bool:
    """Tell whether ``--glob`` keeps a draft (an error is always reported)."""
    return (
        pattern is None
        or isinstance(draft, CopylintError)
        or vale_glob_matches(pattern, draft.display_path.replace(os.sep, "/"))
    )


def _fix(
    args: argparse.Namespace,
    config: Config,
    drafts: list[Draft | CopylintError],
    rules: list[Rule],
    run: RunContext,
) -> int:
    """Apply the safe fixes: print them as a diff, or write them and report what is left.

    When a file cannot be written, what is left is linted again from the files as they
    are, so that the report is true of them.
    """
    from copylint.autofix import fix_drafts, write_fixes
    from copylint.fixes import unified_diff

    outcome = fix_drafts(drafts, rules, run, jobs=args.jobs)
    if args.diff:
        for change in outcome.changed:
            name = change.draft.display_path
            sys.stdout.write(unified_diff(name, change.before, change.after))
        _print_errors(outcome.result.errors)
        if outcome.result.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if outcome.changed else EXIT_CLEAN
    written, failures = write_fixes(outcome.changed)
    fixed = sum(change.fixed for change in written)
    print(
        f"copylint: fixed {fixed} problem{'s' if fixed != 1 else ''} "
        f"in {len(written)} file{'s' if len(written) != 1 else ''}",
        file=sys.stderr,
    )
    result = outcome.result
    if failures:
        result = lint_drafts(drafts, rules, run, jobs=args.jobs)
        result = dataclasses.replace(result, errors=[*result.errors, *failures])
    return _report(args, config, result, rules, run.cache)


def _only_changes(
    result: RunResult, drafts: list[Draft | CopylintError], revision: str
) -> RunResult:
    """Keep the findings on lines added or changed since ``revision``."""
    from copylint.gitdiff import changed_lines, keep_changed

    paths = [d.display_path for d in drafts if isinstance(d, Draft) and d.reported]
    kept = keep_changed(result.diagnostics, changed_lines(paths, revision))
    return dataclasses.replace(result, diagnostics=kept)


def _stdin_draft(
    name: str | None, extension: str | None, forced: Format | None, config: Config, stdin: TextIO
) -> Draft:
    if stdin.isatty():
        raise CopylintError("no input: give files or folders to lint, or pipe text in")
    display = name or f"stdin.{(extension or '.txt').lstrip('.')}"
    fmt = forced or config.format_of(display) or Format.TEXT
    data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    return Draft(display, fmt, data=data)


def _exit_code(shown: Sequence[Diagnostic], errors: Sequence[str], fail_on: Level) -> int:
    if errors:
        return EXIT_ERROR
    if any(diagnostic.level >= fail_on for diagnostic in shown):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _list_rules(rules: Sequence[Rule], skipped: Sequence[SkippedRule], stream: TextIO) -> None:
    names = [rule.name for rule in rules] + [skip.name for skip in skipped]
    width = max(map(len, names), default=0)
    for rule in rules:
        stream.write(
            f"{rule.name:<{width}}  {rule.level.label:<10}  {rule.extends:<12}  {rule.summary}\n"
        )
    for skip in skipped:
        stream.write(f"{skip.name:<{width}}  {'skipped':<10}  {'':<12}  {skip.reason}\n")


def _skipped_warning(config: Config, cache: Cache) -> list[str]:
    """One line naming the rules copylint cannot run; ``--list-rules`` says why."""
    names = [rule.name for rule in skipped_rules(config, cache)]
    if not names:
        return []
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return [
        f"{len(names)} rule(s) skipped, of kinds copylint does not run yet: {shown} "
        "(--list-rules says why)"
    ]


def _print_errors(errors: Sequence[str]) -> None:
    for problem in errors:
        print(f"copylint: {one_line(problem)}", file=sys.stderr)
