"""Cross-file checks: collect each document's units during a run, compare them at the end."""

from __future__ import annotations

from dataclasses import dataclass, replace

from copylint.checks.base import Match
from copylint.diagnostics import Diagnostic
from copylint.documents import Document
from copylint.linter import Placer, RuleSet
from copylint.messages import format_message
from copylint.positions import LineIndex
from copylint.rules import Rule


@dataclass(frozen=True, slots=True)
class _Entry:
    """A unit placed in its file, kept after the document itself is gone."""

    key: str
    owner: int
    diagnostic: Diagnostic


class CrossFileIndex:
    """Holds the units of every cross-file rule for all documents of a run."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules.cross_file
        self.entries: dict[str, list[_Entry]] = {rule.name: [] for rule, _check in self.rules}
        self.owners = 0

    def add(self, document: Document) -> None:
        """Collect ``document``'s units for every cross-file rule."""
        if not self.rules:
            return
        placer = Placer(document, LineIndex(document.source))
        for rule, check in self.rules:
            for unit in check.units(document):
                seen = document.source[unit.start : unit.end]
                placed = placer.diagnostic(rule, unit.start, unit.end, Match(0, 0), seen)
                self.entries[rule.name].append(_Entry(unit.key, self.owners, placed))
        self.owners += 1

    def diagnostics(self) -> list[Diagnostic]:
        """Compare the collected units; return a diagnostic for each reuse."""
        found = []
        for rule, check in self.rules:
            entries = self.entries[rule.name]
            pairs = check.reuses([e.key for e in entries], [e.owner for e in entries])
            for later, earlier, similarity in pairs:
                found.append(_reuse(rule, entries[later], entries[earlier], similarity))
        return found


def _reuse(rule: Rule, later: _Entry, earlier: _Entry, similarity: int) -> Diagnostic:
    """Name the earlier copy's file and line, and the similarity, in the later copy's message."""
    other = f"{earlier.diagnostic.path}:{earlier.diagnostic.line}"
    return replace(later.diagnostic, message=format_message(rule.message, (other, similarity)))
