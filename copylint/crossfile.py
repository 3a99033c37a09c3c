"""Cross-file checks: collect each document's units during a run, compare them at the end."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from copylint.checks.base import CrossFileCheck
from copylint.diagnostics import Diagnostic
from copylint.documents import Document
from copylint.fingerprints import Fingerprint
from copylint.linter import RuleSet, within_budget
from copylint.messages import format_message
from copylint.rules import Rule

_NO_DATE = datetime.date.min


@dataclass(frozen=True, slots=True)
class PlacedUnit:
    """A document's unit for one rule, placed in its file; it outlives the document."""

    key: Fingerprint
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Units:
    """One document's units by rule name, the story's date when it has one, and a
    warning for each rule stopped by its time budget (``linter.within_budget``)."""

    by_rule: dict[str, list[PlacedUnit]]
    date: datetime.date | None = None
    reported: bool = True
    stopped: tuple[str, ...] = ()


def collect_units(document: Document, rules: RuleSet, reported: bool = True) -> Units:
    """Return ``document``'s units for each cross-file rule.

    Units of a document that is not ``reported`` (an archive story) are compared with
    the others, but findings are only ever placed in reported documents.
    """
    by_rule: dict[str, list[PlacedUnit]] = {}
    stopped: list[str] = []
    for rule, check in rules.cross_file:
        outcome = within_budget(rule, document, partial(_placed_units, document, check))
        if isinstance(outcome, str):
            stopped.append(outcome)
        else:
            by_rule[rule.name] = outcome
    return Units(by_rule, document.metadata.date, reported, tuple(stopped))


def _placed_units(document: Document, check: CrossFileCheck) -> list[PlacedUnit]:
    lines = document.lines
    return [
        PlacedUnit(unit.key, document.path, *lines.position(unit.start), *lines.position(unit.end))
        for unit in check.units(document)
    ]


class CrossFileIndex:
    """Holds the units of every cross-file rule for all documents of a run.

    Documents are compared in story order: dated stories by date, then undated ones,
    each in run order; so the copy reported is the one in the later story.
    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.cross_file
        self.documents: list[Units] = []

    def add(self, units: Units) -> None:
        """Add one document's units (from ``collect_units``), in run order; one with
        none (an archive story no draft is related to) has nothing to compare."""
        if any(units.by_rule.values()):
            self.documents.append(units)

    def diagnostics(self) -> list[Diagnostic]:
        """Compare the collected units; return a diagnostic for each reuse."""
        order = sorted(
            range(len(self.documents)),
            key=lambda i: (self.documents[i].date is None, self.documents[i].date or _NO_DATE, i),
        )
        found = []
        for rule, check in self.rules:
            units = [
                (owner, unit)
                for owner in order
                for unit in self.documents[owner].by_rule.get(rule.name, [])
            ]
            pairs = check.reuses([unit.key for _o, unit in units], [o for o, _unit in units])
            for repeat in pairs:
                later_owner, later_unit = units[repeat.later]
                earlier_owner, earlier_unit = units[repeat.earlier]
                similarity = repeat.similarity
                if self.documents[later_owner].reported:
                    found.append(_reuse(rule, later_unit, earlier_unit, similarity.describe()))
                elif self.documents[earlier_owner].reported:
                    reversed_ = similarity.reversed().describe()
                    found.append(_reuse(rule, earlier_unit, later_unit, reversed_))
        return found


def _reuse(rule: Rule, later: PlacedUnit, earlier: PlacedUnit, how: str) -> Diagnostic:
    """Report the later copy, naming the earlier copy's file and line, and how it repeats it."""
    other = f"{earlier.path}:{earlier.line}"
    return Diagnostic(
        path=later.path,
        line=later.line,
        column=later.column,
        end_line=later.end_line,
        end_column=later.end_column,
        rule=rule.name,
        level=rule.level,
        message=format_message(rule.message, (other, how)),
        link=rule.link,
    )
