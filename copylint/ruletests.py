"""Run a rule's own test cases (Vale 3.24's ``tests:`` key)."""

from __future__ import annotations

from copylint.documents import Format, format_for_extension
from copylint.rules import Rule, RuleCase
from copylint.runner import lint_bytes


def case_output(rule: Rule, case: RuleCase) -> list[str]:
    """Lint the case's input with ``rule`` alone; return ``line:col:Rule:message`` lines."""
    fmt = format_for_extension(case.extension) or Format.TEXT
    diagnostics = lint_bytes(f"test{case.extension}", case.input.encode("utf-8"), fmt, [rule])
    return [f"{d.line}:{d.column}:{d.rule}:{d.message}" for d in diagnostics]


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
