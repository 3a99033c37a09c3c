"""textstat, made to work offline.

textstat 0.7.9 and later count syllables with the CMU pronouncing dictionary, which
they fetch through NLTK on first use: that download fails on machines without network
access and costs seconds where it works. copylint never downloads anything: before
textstat's first use it is told there is no dictionary, so every word is counted by
textstat's own fallback, the Pyphen hyphenation patterns that ship inside the pyphen
package. textstat (and NLTK, which it imports) is loaded only when a readability rule
first scores a text, so runs without one never pay for the import.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from pyphen import Pyphen


@cache
def textstat() -> ModuleType:
    """Import textstat with its dictionary lookup disabled; pyphen counts syllables."""
    counting = importlib.import_module("textstat.backend.counts._count_syllables")
    counting.get_cmudict = _no_dictionary  # type: ignore[attr-defined]
    counting.get_pyphen = _remembering_pyphen  # type: ignore[attr-defined]
    return importlib.import_module("textstat")


def _no_dictionary(_lang: str) -> None:
    """Stand in for textstat's dictionary loader: there is no dictionary, never fetch one."""
    return None


class _RememberingPyphen:
    """Pyphen's hyphenation points, remembered per word: news copy repeats its words."""

    def __init__(self, lang: str) -> None:
        self._pyphen = Pyphen(lang=lang)
        self.positions = cache(self._pyphen.positions)


@cache
def _remembering_pyphen(lang: str) -> _RememberingPyphen:
    return _RememberingPyphen(lang)
