"""The Python API: lint a string or a set of paths with the configured rules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from copylint.config import Config
from copylint.diagnostics import Diagnostic
from copylint.documents import Format, format_for_extension
from copylint.errors import CopylintError
from copylint.files import Draft, find_drafts
from copylint.packs import load_rules, rule_names
from copylint.rules import Rule
from copylint.runner import RunResult, lint_drafts


def lint_text(
    text: str,
    path: str = "stdin.txt",
    rules: Sequence[Rule] | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    """Lint ``text`` as the file ``path`` would be (its extension sets the format).

    Raises CopylintError when the text cannot be parsed (bad front matter).
    """
    active_config = config or Config()
    active = rules if rules is not None else load_rules(active_config)
    fmt = format_for_extension(Path(path).suffix) or Format.TEXT
    draft = Draft(path, fmt, data=text.encode("utf-8"))
    result = lint_drafts(
        [draft], active, active_config.run_context(None, rule_names(active_config))
    )
    if result.errors:
        raise CopylintError(result.errors[0])
    return result.diagnostics


def lint_paths(paths: Sequence[str], config: Config | None = None) -> RunResult:
    """Lint files and folders with the rules ``config`` selects."""
    active = config or Config()
    run = active.run_context(None, rule_names(active))
    return lint_drafts(find_drafts(paths, active), load_rules(active), run)
