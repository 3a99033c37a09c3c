"""Every shipped rule's own test cases pass, and each rule both fires and stays quiet."""

from __future__ import annotations

import pytest

from copylint.packs import builtin_styles_dir
from copylint.rules import Rule, load_style
from copylint.ruletests import case_output, case_problems

SHIPPED = [
    rule
    for folder in sorted(builtin_styles_dir().iterdir())
    if folder.is_dir()
    for rule in load_style(folder).rules
]


def _cases() -> list[tuple[Rule, int]]:
    return [(rule, index) for rule in SHIPPED for index in range(len(rule.cases))]


@pytest.mark.parametrize(
    ("rule", "index"), _cases(), ids=[f"{r.name}[{r.cases[i].name}]" for r, i in _cases()]
)
def test_rule_case_passes(rule: Rule, index: int) -> None:
    assert case_problems(rule, rule.cases[index]) == []


@pytest.mark.parametrize("rule", SHIPPED, ids=[rule.name for rule in SHIPPED])
def test_rule_has_a_firing_and_a_quiet_case(rule: Rule) -> None:
    outputs = [case_output(rule, case) for case in rule.cases]
    assert any(outputs), f"{rule.name} has no case that fires"
    assert not all(outputs), f"{rule.name} has no case that stays quiet"


def test_shipped_packs_are_not_empty() -> None:
    assert len(SHIPPED) >= 5
