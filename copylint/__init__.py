"""copylint: a text-quality linter for newsroom copy, with Vale-compatible YAML rules."""

from __future__ import annotations

__version__ = "0.1.0"

from copylint.compiled import keep_dataclass_methods

keep_dataclass_methods()  # before any module of copylint makes its dataclasses

from copylint.api import lint_paths, lint_text  # noqa: E402
from copylint.diagnostics import Diagnostic, Level  # noqa: E402

__all__ = ["Diagnostic", "Level", "__version__", "lint_paths", "lint_text"]
