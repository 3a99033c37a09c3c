"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards.

One run, with the rules that ran as ``tool.driver.rules`` (description, help link,
default level) and one result per diagnostic, located by a region in its file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from copylint import __version__
from copylint.diagnostics import Diagnostic, Level
from copylint.reporters.context import ReportContext
from copylint.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}


def report(diagnostics: Sequence[Diagnostic], context: ReportContext, stream: TextIO) -> None:
    """Write one SARIF log."""
    rules = sorted({rule.name: rule for rule in context.rules}.values(), key=lambda r: r.name)
    known = {rule.name for rule in rules}
    extra = sorted({d.rule for d in diagnostics} - known)
    descriptors = [_descriptor(rule) for rule in rules] + [{"id": name} for name in extra]
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "copylint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/copylint/",
                        "rules": descriptors,
                    }
                },
                "results": [_result(d, index[d.rule]) for d in diagnostics],
            }
        ],
    }
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"kind": rule.extends},
    }
    if rule.description.strip():
        descriptor["fullDescription"] = {"text": " ".join(rule.description.split())}
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[d.level],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(d.path).as_posix()},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                }
            }
        ],
    }
