"""``--explain Rule.Name``: what a rule checks, why, where to read more, and an example."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from copylint.errors import CopylintError
from copylint.rules import Rule
from copylint.ruletests import case_output


def explain(name: str, rules: Sequence[Rule]) -> str:
    """Describe the rule called ``name``; raises CopylintError if there is none."""
    rule = next((rule for rule in rules if rule.name == name), None)
    if rule is None:
        raise CopylintError(f"--explain: no rule named '{name}'")
    parts = [f"{rule.name} ({rule.level.label}, extends {rule.extends})", ""]
    if rule.description.strip():
        parts += [textwrap.fill(" ".join(rule.description.split()), 88), ""]
    parts.append(f"Message: {rule.message}")
    if rule.link:
        parts.append(f"Link: {rule.link}")
    parts.append(f"Defined in: {rule.path}")
    for case in rule.cases:
        output = case_output(rule, case)
        if output:
            parts += ["", f"Example ({case.name}):"]
            for name_, text in case.inputs:
                parts.append(f"  {name_}:")
                parts += [f"    {line}" for line in text.rstrip("\n").splitlines()]
            parts.append("  reports:")
            parts += [f"    {line}" for line in output]
            break
    return "\n".join(parts) + "\n"
