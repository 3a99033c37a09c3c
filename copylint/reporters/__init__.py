"""Reporters write sorted diagnostics to a stream; they choose nothing and exit nothing.

Each format is a module with a ``report`` function, imported when a run asks for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters.context import ReportContext

Reporter = Callable[[Sequence[Diagnostic], ReportContext, TextIO], None]

FORMATS = ("github", "json", "junit", "line", "sarif", "text", "vale-json")
_MODULES = {"json": "json_format", "vale-json": "vale_json"}


def reporter(fmt: str) -> Reporter:
    """Return the reporter of the format named ``fmt`` (one of ``FORMATS``)."""
    module = importlib.import_module(f"copylint.reporters.{_MODULES.get(fmt, fmt)}")
    report: Reporter = module.report
    return report


__all__ = ["FORMATS", "ReportContext", "Reporter", "reporter"]
