"""Directives in a draft that turn rules off for a stretch, a line or the whole file.

Written as HTML comments, in Markdown, HTML and (on a line of their own) plain text:

    <!-- copylint-disable Rule.Name, Pack -->    off until copylint-enable
    <!-- copylint-enable Rule.Name -->            on again (no names: everything)
    <!-- copylint-disable-next-line Rule.Name --> off for the next line with text
    <!-- copylint-disable-file Rule.Name -->      off for the whole file

With no names a directive covers every rule. Vale's comments are honoured too:
``<!-- vale off -->``, ``<!-- vale on -->``, ``<!-- vale Style.Rule = NO -->`` and
``= YES`` (``off`` and ``on`` too, a style's name for all its rules), and
``<!-- vale Style.Rule["match", "other"] = NO -->`` for the findings of that rule on
those words only, and ``<!-- vale style = Style -->`` (``styles = One, Two``), which
from there on runs only the packs it names. A copylint directive naming an unknown rule is an error
(``copylint.InvalidDirective``); one that suppresses nothing is reported
(``copylint.UnusedDirective``). Vale's comments are not checked that way: drafts
written for Vale often name Vale rules that copylint does not load, and a Vale comment
copylint does not understand is left alone, as Vale leaves it. Comments inside
Markdown code (blocks and spans) are examples, not directives.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from copylint.compiled import compiled
from copylint.diagnostics import Diagnostic, Level
from copylint.documents import Document
from copylint.positions import LineIndex

INVALID = "copylint.InvalidDirective"
UNUSED = "copylint.UnusedDirective"
DIRECTIVE_RULES = (INVALID, UNUSED)

_COMMENT = compiled(r"<!--\s*(?P<body>(?:copylint-[\w-]*|vale)\b.*?)\s*-->", regex.S)
_VALE_SWITCH = compiled(
    r"(?P<name>[\w.-]+)(?:\[(?P<matches>[^\]]*)\])?\s*=\s*(?P<state>YES|NO|ON|OFF)\b", regex.I
)
_VALE_STYLES = compiled(r"styles?\s*=\s*(?P<names>.*)", regex.S)
_QUOTED = compiled(r"\"([^\"]*)\"|'([^']*)'")
_OFF = ("NO", "OFF")
_ACTIONS = ("disable", "enable", "disable-next-line", "disable-file")
ALL = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive: what it does, to which names (``*`` for all), and where it stands."""

    action: str
    names: tuple[str, ...]
    start: tuple[int, int]
    end: tuple[int, int]
    strict: bool
    target_line: int = 0


@dataclass(frozen=True, slots=True)
class FileDirectives:
    """A file's directives, and the diagnostics about malformed ones."""

    path: str
    directives: tuple[Directive, ...] = ()
    problems: tuple[Diagnostic, ...] = ()


def find_directives(document: Document, known: Iterable[str]) -> FileDirectives:
    """Read every directive comment in ``document``; unknown names become problems."""
    path, source, lines = document.path, document.source, document.lines
    known_names = set(known) | {ALL}
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    for comment in _COMMENT.finditer(source):
        if _in_code(document.code, comment.start()):
            continue
        start, end = lines.position(comment.start()), lines.position(comment.end())
        parsed = _parse(comment["body"])
        if parsed is None:
            word = comment["body"].split()[0]
            if word != "vale":
                problems.append(_invalid(path, start, end, f"Unknown directive '{word}'"))
            continue
        action, names, strict = parsed
        problems.extend(
            _invalid(path, start, end, f"Unknown rule or pack '{name}' in copylint-{action}")
            for name in names
            if strict and name not in known_names
        )
        if action == "styles":
            directives.extend(_only_styles(names, known_names, start, end))
            continue
        target = _next_text_line(lines, end[0]) if action == "disable-next-line" else 0
        directives.append(Directive(action, names, start, end, strict, target))
    return FileDirectives(path, tuple(directives), tuple(problems))


def _only_styles(
    styles: tuple[str, ...], known: set[str], start: tuple[int, int], end: tuple[int, int]
) -> list[Directive]:
    """Vale's ``style = One, Two``: every other pack off from here, those on."""
    others = tuple(sorted(name for name in known - {ALL, *styles} if "." not in name))
    return [
        Directive("disable", others, start, end, strict=False),
        Directive("enable", styles, start, end, strict=False),
    ]


def _in_code(code: Sequence[tuple[int, int]], offset: int) -> bool:
    """Tell whether ``offset`` falls in one of the sorted code spans."""
    index = bisect_right(code, (offset, sys.maxsize)) - 1
    return index >= 0 and code[index][0] <= offset < code[index][1]


def _invalid(path: str, start: tuple[int, int], end: tuple[int, int], message: str) -> Diagnostic:
    return Diagnostic(path, *start, *end, INVALID, Level.ERROR, message)


def _parse(body: str) -> tuple[str, tuple[str, ...], bool] | None:
    if body.startswith("vale"):
        rest = body[4:].strip()
        if rest.lower() in ("off", "on"):
            return ("disable" if rest.lower() == "off" else "enable"), (ALL,), False
        styles = _VALE_STYLES.fullmatch(rest)
        if styles is not None:
            names = tuple(name.strip() for name in styles["names"].split(",") if name.strip())
            return "styles", names, False
        switches = list(_VALE_SWITCH.finditer(rest))
        if not switches:
            return None
        states = {s["state"].upper() in _OFF for s in switches}
        if len(states) > 1:
            return None
        names = tuple(name for switch in switches for name in _vale_names(switch))
        return ("disable" if states == {True} else "enable"), names, False
    keyword, _, rest = body.partition(" ")
    action = keyword.removeprefix("copylint-")
    if action not in _ACTIONS:
        return None
    names = tuple(name.strip() for name in rest.split(",") if name.strip()) or (ALL,)
    return action, names, True


def _vale_names(switch: regex.Match[str]) -> list[str]:
    """The names a Vale switch covers: ``Style.Rule``, or ``Style.Rule[match]`` for
    each match it lists (as Vale keys its comments)."""
    if switch["matches"] is None:
        return [switch["name"]]
    quoted = _QUOTED.findall(switch["matches"])
    return [f"{switch['name']}[{double or single}]" for double, single in quoted]


def _next_text_line(lines: LineIndex, line: int) -> int:
    """Return the first line after ``line`` that has text (0 if there is none)."""
    return next((n for n in range(line + 1, lines.line_count + 1) if lines.line_text(n).strip()), 0)


def apply_directives(
    diagnostics: Sequence[Diagnostic], files: FileDirectives, running: frozenset[str]
) -> list[Diagnostic]:
    """Drop the diagnostics the file's directives suppress; add directive problems.

    A directive is reported as unused only for names of rules (or packs) in
    ``running``: one naming a rule that did not run this time may still be needed.
    """
    used: set[tuple[int, str]] = set()
    kept = [d for d in diagnostics if not _suppressed(d, files.directives, used)]
    unused = [
        Diagnostic(
            files.path,
            *directive.start,
            *directive.end,
            UNUSED,
            Level.WARNING,
            _unused_message(directive, name),
        )
        for index, directive in enumerate(files.directives)
        if directive.strict and directive.action != "enable"
        for name in directive.names
        if (index, name) not in used and (name == ALL or name in running)
    ]
    return kept + list(files.problems) + unused


def _unused_message(directive: Directive, name: str) -> str:
    what = "every rule" if name == ALL else f"'{name}'"
    return f"copylint-{directive.action} for {what} suppresses nothing"


def _suppressed(
    diagnostic: Diagnostic, directives: Sequence[Directive], used: set[tuple[int, str]]
) -> bool:
    """Tell whether a directive covers ``diagnostic``, adding (directive, name) to ``used``."""
    names = (
        diagnostic.rule,
        diagnostic.rule.split(".", 1)[0],
        f"{diagnostic.rule}[{diagnostic.match}]",
        ALL,
    )
    position = (diagnostic.line, diagnostic.column)
    disabled: dict[str, int] = {}
    for index, directive in enumerate(directives):
        if directive.action == "disable-file" or (
            directive.action == "disable-next-line" and directive.target_line == diagnostic.line
        ):
            for name in names:
                if name in directive.names:
                    used.add((index, name))
                    return True
        if directive.action not in ("disable", "enable") or directive.end > position:
            continue
        for name in directive.names:
            if directive.action == "disable":
                disabled[name] = index
            elif name == ALL:
                disabled.clear()
            else:
                disabled.pop(name, None)
    for name in names:
        if name in disabled:
            used.add((disabled[name], name))
            return True
    return False
