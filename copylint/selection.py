"""Which rules run on which file: a Vale project's sections (``[*.md]``, ``[docs/**]``).

A file is linted with the styles of the last section with ``BasedOnStyles`` whose glob
matches its path (as the command line names it), else the global ones (``[*]``); a
rule switched on or off (``Style.Rule = YES``, ``NO`` or a level) in a matching
section, else globally, runs or not whatever its style. This is Vale's own order
(``internal/core/file.go``, ``internal/lint/lint.go``).

Globs are Vale's: without ``**``, ``*`` matches any characters, slashes included, and
``{a,b}`` either; with ``**``, ``*`` stays within one folder and ``**`` spans folders.
A glob starting with ``!`` matches what the rest does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import regex


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a Vale config: a glob, its styles (None when it names none),
    and the rules it switches on (True) or off (False)."""

    glob: str
    styles: tuple[str, ...] | None = None
    switches: Mapping[str, bool] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        """Tell whether the section applies to ``path`` (slash-separated)."""
        negated = self.glob.startswith("!")
        return bool(_vale_glob(self.glob.lstrip("!")).fullmatch(path)) != negated


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules of each file: global styles and switches, then the sections'."""

    styles: tuple[str, ...] = ()
    switches: Mapping[str, bool] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()

    def runs_on(self, path: str) -> RuleFilter:
        """Return what decides, rule by rule, whether a rule runs on ``path``."""
        path = path.replace("\\", "/")
        styles = self.styles
        switches = dict(self.switches)
        for section in self.sections:
            if section.matches(path):
                styles = section.styles if section.styles is not None else styles
                switches.update(section.switches)
        return RuleFilter(frozenset(styles), switches)


@dataclass(frozen=True, slots=True)
class RuleFilter:
    """Whether a rule runs on one file: switched on or off there, else by its style."""

    styles: frozenset[str]
    switches: Mapping[str, bool]

    def __call__(self, name: str, style: str) -> bool:
        switched = self.switches.get(name)
        return style in self.styles if switched is None else switched


@cache
def _vale_glob(pattern: str) -> regex.Pattern[str]:
    """Compile a Vale glob (gobwas/glob, or doublestar when it holds ``**``)."""
    spans_folders = "**" not in pattern
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append(".*" if spans_folders else "[^/]*")
        elif char == "?":
            out.append("." if spans_folders else "[^/]")
        elif char == "{" and (close := pattern.find("}", index)) > index:
            choices = pattern[index + 1 : close].split(",")
            out.append(
                "(?:" + "|".join(_literal(choice, spans_folders) for choice in choices) + ")"
            )
            index = close + 1
            continue
        elif char == "[" and (close := pattern.find("]", index + 1)) > index:
            body = pattern[index + 1 : close]
            negate = body.startswith(("!", "^"))
            out.append("[" + ("^" if negate else "") + regex.escape(body.lstrip("!^")) + "]")
            index = close + 1
            continue
        else:
            out.append(regex.escape(char))
        index += 1
    return regex.compile("".join(out), regex.S)


def _literal(choice: str, spans_folders: bool) -> str:
    """A choice of ``{a,b}``, its own ``*`` and ``?`` still wildcards."""
    star, one = (".*", ".") if spans_folders else ("[^/]*", "[^/]")
    return "".join(
        star if char == "*" else one if char == "?" else regex.escape(char) for char in choice
    )
