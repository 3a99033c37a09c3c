"""Glob patterns: copylint's for include and exclude lists, and Vale's for ``.vale.ini``
sections and ``--glob``.

Both know ``*``, ``?``, ``**`` and ``{a,b}``. In copylint's, ``*`` stays within one
folder, ``**/`` spans folders, and a pattern with no ``/`` also matches a file name
alone. In Vale's (gobwas/glob, or doublestar once the pattern holds ``**``), ``*``
spans folders unless the pattern holds ``**``, and ``[abc]`` is a class.
"""

from __future__ import annotations

from functools import cache

import regex


@cache
def glob_regex(pattern: str, vale: bool = False) -> regex.Pattern[str]:
    """Compile a glob: copylint's, or with ``vale`` Vale's."""
    spans_folders = vale and "**" not in pattern
    star, one = (".*", ".") if spans_folders else ("[^/]*", "[^/]")
    out = []
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
        close = pattern.find("}" if char == "{" else "]", index + 1)
        if char == "{" and close > index:
            choices = pattern[index + 1 : close].split(",")
            literals = ("".join(_wildcard(c, star, one) for c in choice) for choice in choices)
            out.append("(?:" + "|".join(literals) + ")")
            index = close + 1
            continue
        if char == "[" and vale and close > index:
            body = pattern[index + 1 : close]
            negate = "^" if body.startswith(("!", "^")) else ""
            out.append("[" + negate + regex.escape(body.lstrip("!^")) + "]")
            index = close + 1
            continue
        out.append(_wildcard(char, star, one))
        index += 1
    return regex.compile("".join(out), regex.S)


def _wildcard(char: str, star: str, one: str) -> str:
    return star if char == "*" else one if char == "?" else regex.escape(char)


def glob_matches(pattern: str, relative_path: str) -> bool:
    """Tell whether a slash-separated path matches, whole or by its final parts."""
    compiled = glob_regex(pattern)
    if compiled.fullmatch(relative_path):
        return True
    return "/" not in pattern and compiled.fullmatch(relative_path.rsplit("/", 1)[-1]) is not None


def vale_glob_matches(pattern: str, path: str) -> bool:
    """Tell whether a slash-separated path matches a Vale glob (``!`` negates it)."""
    negated = pattern.startswith("!")
    return bool(glob_regex(pattern.lstrip("!"), vale=True).fullmatch(path)) != negated
