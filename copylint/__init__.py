"""copylint: a text-quality linter for newsroom copy, with Vale-compatible YAML rules."""

from __future__ import annotations

__version__ = "0.1.0"

from copylint.api import lint_paths, lint_text
from copylint.diagnostics import Diagnostic, Level

__all__ = ["Diagnostic", "Level", "__version__", "lint_paths", "lint_text"]
