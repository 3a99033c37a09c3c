"""Cross-file checks: collect each document's units during a run, compare them at the end."""

from __future__ import annotations

from dataclasses import dataclass

from copylint.diagnostics import Diagnostic
from copylint.documents import Document
from copylint.fingerprints import Fingerprint
from copylint.linter import RuleSet
from copylint.messages import format_message
from copylint.positions import LineIndex
from copylint.rules import Rule


@dataclass(frozen=True, slots=True)
class Unit:
    """A document's unit for one rule, placed in its file; it outlives the document."""

    key: Fingerprint
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


Units = dict[str, list[Unit]]


def collect_units(document: Document, rules: RuleSet) -> Units:
    """Return ``document``'s units for each cross-file rule, by rule name."""
    if not rules.cross_file:
        return {}
    lines = LineIndex(document.source)
    return {
        rule.name: [
            Unit(unit.key, document.path, *lines.position(unit.start), *lines.position(unit.end))
            for unit in check.units(document)
        ]
        for rule, check in rules.cross_file
    }


class CrossFileIndex:
    """Holds the units of every cross-file rule for all documents of a run."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.cross_file
        self.units: dict[str, list[Unit]] = {rule.name: [] for rule, _check in self.rules}
        self.owners: dict[str, list[int]] = {rule.name: [] for rule, _check in self.rules}
        self.documents = 0

    def add(self, units: Units) -> None:
        """Add one document's units (from ``collect_units``), in run order."""
        for name, found in units.items():
            self.units[name].extend(found)
            self.owners[name].extend([self.documents] * len(found))
        self.documents += 1

    def diagnostics(self) -> list[Diagnostic]:
        """Compare the collected units; return a diagnostic for each reuse."""
        found = []
        for rule, check in self.rules:
            units = self.units[rule.name]
            pairs = check.reuses([unit.key for unit in units], self.owners[rule.name])
            for later, earlier, similarity in pairs:
                found.append(_reuse(rule, units[later], units[earlier], similarity))
        return found


def _reuse(rule: Rule, later: Unit, earlier: Unit, similarity: int) -> Diagnostic:
    """Report the later copy, naming the earlier copy's file and line, and the similarity."""
    other = f"{earlier.path}:{earlier.line}"
    return Diagnostic(
        path=later.path,
        line=later.line,
        column=later.column,
        end_line=later.end_line,
        end_column=later.end_column,
        rule=rule.name,
        level=rule.level,
        message=format_message(rule.message, (other, similarity)),
        link=rule.link,
    )
