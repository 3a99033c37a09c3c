"""Run a rule's own test cases (Vale 3.24's ``tests:`` key)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from copylint.documents import Format, format_for_extension
from copylint.files import Draft
from copylint.linter import RunContext
from copylint.rules import Rule, RuleCase
from copylint.runner import lint_drafts


def case_output(rule: Rule, case: RuleCase) -> list[str]:
    """Lint the case's documents with ``rule`` alone; return its output lines.

    A case with one ``input`` gives ``line:col:Rule:message`` lines; a case with
    several ``files`` (for cross-file rules) gives ``file:line:col:Rule:message``.
    """
    drafts = [
        Draft(
            name, format_for_extension(Path(name).suffix) or Format.TEXT, data=text.encode("utf-8")
        )
        for name, text in case.inputs
    ]
    run = RunContext(house_spellings=case.house_spellings)
    if case.as_of:
        run = dataclasses.replace(run, as_of=case.as_of)
    result = lint_drafts(drafts, [rule], run)
    if result.errors:
        return [f"error: {error}" for error in result.errors]
    prefix = len(drafts) > 1
    return [
        (f"{d.path}:" if prefix else "") + f"{d.line}:{d.column}:{d.rule}:{d.message}"
        for d in result.diagnostics
    ]


def case_problems(rule: Rule, case: RuleCase) -> list[str]:
    """Return what is wrong with the rule's output on ``case``; empty when it passes."""
    got = case_output(rule, case)
    problems = []
    if case.want is not None and got != list(case.want):
        problems.append(f"want {list(case.want)}, got {got}")
    problems.extend(f"missing {line!r}, got {got}" for line in case.contains if line not in got)
    rendered = "\n".join(got)
    problems.extend(f"unexpected {text!r}" for text in case.absent if text in rendered)
    return problems
