"""Vale's ``--filter``: an expression over each rule's fields that says which rules run.

The expressions are expr-lang's as Vale's suite writes them: ``.Name``, ``.Level``,
``.Scope`` (a list), ``.Extends``, ``.Message``, ``.Description``, ``.Link``; strings;
lists; ``in``, ``not in``, ``==``, ``!=``, ``and``, ``or``, ``not`` and parentheses
(``.Level in ["error"] and .Name != "demo.Cap"``, ``"heading" in .Scope``). They are
read with Python's parser, whose syntax they share, and evaluated node by node: no
``eval``, nothing else admitted.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copylint.compiled import compiled
from copylint.errors import CopylintError
from copylint.rules import Rule

FIELDS = ("Name", "Level", "Scope", "Extends", "Message", "Description", "Link")
_FIELD = compiled(r"""("[^"]*"|'[^']*')|\.(\w+)""")
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.In: lambda left, right: left in right,
    ast.NotIn: lambda left, right: left not in right,
    ast.Eq: lambda left, right: left == right,
    ast.NotEq: lambda left, right: left != right,
}


@dataclass(frozen=True, slots=True)
class RuleFilter:
    """A parsed ``--filter``."""

    tree: ast.expr

    @classmethod
    def parse(cls, expression: str) -> RuleFilter:
        """Parse ``expression``; raises CopylintError saying what is not understood."""
        python = _FIELD.sub(lambda found: found[1] or found[2], expression.strip())
        try:
            tree = ast.parse(python, mode="eval").body
        except SyntaxError:
            raise CopylintError(f"--filter: '{expression}' is not an expression") from None
        for node in ast.walk(tree):
            _allowed(node, expression)
        return cls(tree)

    def keeps(self, rule: Rule) -> bool:
        """Tell whether ``rule`` passes the filter."""
        values = {
            "Name": rule.name,
            "Level": rule.level.label,
            "Scope": list(rule.scope.names),
            "Extends": rule.extends,
            "Message": rule.message,
            "Description": rule.description,
            "Link": rule.link,
        }
        return bool(_value(self.tree, values))


def read_filter(value: str, styles_path: tuple[Path, ...]) -> RuleFilter:
    """Read ``--filter``: a file, a file under ``config/filters`` of the styles path
    (``min.expr``), or the expression itself."""
    candidates = [Path(value), *(base / "config" / "filters" / value for base in styles_path)]
    for candidate in candidates:
        if candidate.suffix == ".expr" and candidate.is_file():
            return RuleFilter.parse(candidate.read_text(encoding="utf-8"))
    return RuleFilter.parse(value)


def _allowed(node: ast.AST, expression: str) -> None:
    simple = (ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare, ast.List, ast.Load)
    if isinstance(node, ast.Name) and node.id not in FIELDS:
        raise CopylintError(f"--filter: unknown field '.{node.id}' (known: {', '.join(FIELDS)})")
    if isinstance(node, ast.Constant) and not isinstance(node.value, str):
        raise CopylintError(f"--filter: '{ast.unparse(node)}' is not a string")
    if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
        raise CopylintError(f"--filter: '{expression}' is not understood")
    if not isinstance(node, (*simple, ast.Name, ast.Constant, *_COMPARE)):
        raise CopylintError(f"--filter: '{ast.unparse(node)}' is not understood")


def _value(node: ast.expr, values: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.List):
        return [_value(item, values) for item in node.elts]
    if isinstance(node, ast.UnaryOp):
        return not _value(node.operand, values)
    if isinstance(node, ast.BoolOp):
        results = (_value(item, values) for item in node.values)
        return all(results) if isinstance(node.op, ast.And) else any(results)
    assert isinstance(node, ast.Compare), "parse() admits nothing else"
    left = _value(node.left, values)
    for op, comparator in zip(node.ops, node.comparators, strict=True):
        right = _value(comparator, values)
        if not _COMPARE[type(op)](left, right):
            return False
        left = right
    return True
