"""Arithmetic formulas of Vale's ``metric`` rules, read safely: never ``eval``.

A formula is numbers, variable names, ``+ - * / %`` and ``**``, parentheses, and the
functions of Tengo's ``math`` module that formulas use (``math.sqrt``, ``math.log``,
...). A condition is one comparison with a number (``> 8``). Anything else is refused
when the rule is loaded, with what was not understood.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from copylint.compiled import compiled

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[float], float]] = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}
_FUNCTIONS: dict[str, Callable[..., float]] = {
    name: getattr(math, name)
    for name in ("sqrt", "log", "log10", "log2", "exp", "pow", "floor", "ceil")
    if hasattr(math, name)
} | {"abs": abs}
_COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}
_CONDITION = compiled(r"\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*")


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed formula over named values."""

    tree: ast.expr

    @classmethod
    def parse(cls, text: str, variables: Collection[str]) -> Formula:
        """Parse ``text``; raises ValueError saying what is not understood."""
        try:
            tree = ast.parse(text.strip(), mode="eval").body
        except SyntaxError:
            raise ValueError(f"'{text.strip()}' is not a formula") from None
        for node in ast.walk(tree):
            _allowed(node, variables)
        return cls(tree)

    def value(self, values: Mapping[str, float]) -> float:
        """Evaluate with ``values``; raises ZeroDivisionError or ValueError (math)."""
        return float(_value(self.tree, values))


@dataclass(frozen=True, slots=True)
class Condition:
    """``> 8``: when a formula's value is a finding."""

    compare: str
    limit: float

    @classmethod
    def parse(cls, text: str) -> Condition:
        """Parse ``text``; raises ValueError when it is not one comparison."""
        found = _CONDITION.fullmatch(text)
        if found is None:
            raise ValueError(f"'{text}' is not a comparison with a number, such as '> 8'")
        return cls(found[1], float(found[2]))

    def holds(self, value: float) -> bool:
        """Tell whether ``value`` meets the condition."""
        return _COMPARISONS[self.compare](value, self.limit)


def _allowed(node: ast.AST, variables: Collection[str]) -> None:
    if isinstance(node, ast.Name) and node.id not in variables and node.id != "math":
        raise ValueError(f"unknown variable '{node.id}' (known: {', '.join(sorted(variables))})")
    if isinstance(node, ast.Call) and _function_name(node) not in _FUNCTIONS:
        raise ValueError(f"unknown function in '{ast.unparse(node)}'")
    allowed = (ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Call, ast.Attribute)
    known_operator = (*_BINARY, *_UNARY, ast.Load)
    if not isinstance(node, allowed) and not isinstance(node, known_operator):
        raise ValueError(f"'{ast.unparse(node)}' is not arithmetic")
    if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
        raise ValueError(f"'{ast.unparse(node)}' is not a number")


def _function_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        return function.attr if function.value.id == "math" else ""
    return ""


def _value(node: ast.expr, values: Mapping[str, float]) -> Any:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float), "parse() admits numbers only"
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_value(node.left, values), _value(node.right, values))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_value(node.operand, values))
    assert isinstance(node, ast.Call), "parse() admits nothing else"
    return _FUNCTIONS[_function_name(node)](*(_value(arg, values) for arg in node.args))
