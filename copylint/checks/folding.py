"""Case folding as the ``regex`` module folds case for a rule that ignores case."""

from __future__ import annotations


class _SimpleFolding(dict[int, str]):
    """Unicode simple case folding, as the ``regex`` module folds case for ``(?i)``
    under ``(?-f)``: a character's full folding when that is one character, else its
    lower case when that is, else itself; Turkish dotless and dotted i fold to i. It
    is the regex module's own likeness for every character but those two (tested),
    where the module's likeness is not transitive (ı is like I, I like i, i unlike ı):
    there, folding finds them alike. Filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        forms = ("i",) if char in "ıİ" else (char.casefold(), char.lower())
        folded = next((form for form in forms if len(form) == 1), char)
        self[code] = folded
        return folded


_SIMPLE_FOLDING = _SimpleFolding()


def fold_case(text: str) -> str:
    """Fold the case of ``text`` as ``(?i)`` does; the result is as long as ``text``."""
    return text.translate(_SIMPLE_FOLDING)
