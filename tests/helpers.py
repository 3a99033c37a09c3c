"""Shared helpers: build a rule from YAML text and lint text with it; a knowledge base."""

from __future__ import annotations

import textwrap
from pathlib import Path

from copylint.api import lint_text
from copylint.diagnostics import Diagnostic
from copylint.rules import Rule, load_rule


def make_rule(folder: Path, yaml_text: str, name: str = "Test") -> Rule:
    """Write ``yaml_text`` as ``<folder>/Style/<name>.yml`` and load it."""
    style = folder / "Style"
    style.mkdir(exist_ok=True)
    path = style / f"{name}.yml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return load_rule(path, "Style")


def lint(rule: Rule, text: str, path: str = "draft.md") -> list[Diagnostic]:
    """Lint ``text`` as the file ``path`` with ``rule`` alone."""
    return lint_text(text, path, rules=[rule])


def positions(rule: Rule, text: str, path: str = "draft.md") -> list[tuple[int, int]]:
    """Return the (line, column) of each finding."""
    return [(d.line, d.column) for d in lint(rule, text, path)]


def council_president_until(end: str) -> str:
    """A knowledge base of one person, Council President Maria Alvarez until ``end``."""
    return f"""\
verified_as_of: 2026-10-01
people:
  - name: Maria Alvarez
    offices:
      - {{title: Council President, role: council president, start: 2021-01-01, end: {end}}}
"""
