"""Fill a rule's message: Go-style verbs (``%s``, ``%d``, ``%.2f``), as Vale writes them."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from copylint.compiled import compiled

_VERB = compiled(r"%(?:%|[-+ #0]*\d*(?:\.(?P<precision>\d+))?(?P<verb>[sdvqf]))")


def format_message(template: str, args: Sequence[object]) -> str:
    """Replace each verb in ``template`` with the next of ``args``; missing ones are empty."""
    remaining = iter(args)

    def substitute(verb: regex.Match[str]) -> str:
        if verb.group() == "%%":
            return "%"
        value = next(remaining, "")
        kind = verb.group("verb")
        if kind == "q":
            return f'"{value}"'
        if kind == "f" and isinstance(value, int | float):
            precision = int(verb.group("precision") or 6)
            return f"{value:.{precision}f}"
        if kind == "d" and isinstance(value, float):
            return str(int(value))
        return str(value)

    return _VERB.sub(substitute, template)
