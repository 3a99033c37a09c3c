"""``--format vale-json`` (Vale's ``--output JSON``): Vale's own JSON, for tools
written against Vale.

One object mapping each file to its alerts, in order. Each alert has Vale's keys:
``Action`` (``Name`` and ``Params``: the rule's action, with the suggestions when it
names none), ``Span`` (the first and the last column of the match on its line),
``Check``, ``Description``, ``Link``, ``Message``, ``Severity``, ``Match`` and ``Line``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters.context import ReportContext
from copylint.rules import Rule


def report(diagnostics: Sequence[Diagnostic], context: ReportContext, stream: TextIO) -> None:
    """Write the diagnostics as Vale writes its alerts."""
    rules = {rule.name: rule for rule in context.rules}
    alerts: dict[str, list[dict[str, Any]]] = {}
    for diagnostic in diagnostics:
        alerts.setdefault(diagnostic.path, []).append(
            _alert(diagnostic, rules.get(diagnostic.rule))
        )
    json.dump(alerts, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _alert(diagnostic: Diagnostic, rule: Rule | None) -> dict[str, Any]:
    action = rule.action if rule is not None else {}
    name = str(action.get("name", ""))
    params = list(action.get("params") or diagnostic.suggestions) if name else []
    if diagnostic.end_line == diagnostic.line:
        last = diagnostic.end_column - 1
    else:
        last = diagnostic.column + len(diagnostic.match.split("\n", 1)[0]) - 1
    return {
        "Action": {"Name": name, "Params": params or None},
        "Span": [diagnostic.column, max(diagnostic.column, last)],
        "Check": diagnostic.rule,
        "Description": rule.description if rule is not None else "",
        "Link": diagnostic.link,
        "Message": diagnostic.message,
        "Severity": diagnostic.level.label,
        "Match": diagnostic.match,
        "Line": diagnostic.line,
    }
