"""Glob patterns for include and exclude lists: ``*``, ``?``, ``**``, ``{a,b}`` and ``!``."""

from __future__ import annotations

from functools import cache

import regex


@cache
def glob_regex(pattern: str) -> regex.Pattern[str]:
    """Compile a glob; ``**/`` spans folders, ``*`` stays within one."""
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
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            close = pattern.find("}", index)
            if close > index:
                choices = pattern[index + 1 : close].split(",")
                out.append("(?:" + "|".join(regex.escape(choice) for choice in choices) + ")")
                index = close + 1
                continue
            out.append(regex.escape(char))
        else:
            out.append(regex.escape(char))
        index += 1
    return regex.compile("".join(out))


def glob_matches(pattern: str, relative_path: str) -> bool:
    """Tell whether a slash-separated path matches, whole or by its final parts."""
    compiled = glob_regex(pattern)
    if compiled.fullmatch(relative_path):
        return True
    return "/" not in pattern and compiled.fullmatch(relative_path.rsplit("/", 1)[-1]) is not None
