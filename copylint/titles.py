"""How copy writes a title before a name: the title grammar of ``newsroom.StaleTitle``.

A title phrase is read leftwards from a name: the title itself in any of its written
forms ("Secretary-General", "Secretary General"; "Defense Secretary", "Secretary of
Defense"; "Sen.") with maybe a suffix ("-elect"), then qualifiers of any length
("U.N.", "Bank of England", "British"), and modifiers ("former", "ex-", "then-",
"late", "acting", "incoming"), which may stand between qualifiers ("German former
Chancellor"). The forms, modifiers and the words that make another office of a role
("vice", "deputy") are data, in ``rules/newsroom/data/titles.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from copylint.compiled import compiled
from copylint.errors import CopylintError

FORMER = "former"
THEN = "then"
DEAD = "dead"
ACTING = "acting"
OUTGOING = "outgoing"
INCOMING = "incoming"
MEANINGS = frozenset({FORMER, THEN, DEAD, ACTING, OUTGOING, INCOMING})

_QUALIFIER = compiled(r"(?:\p{Lu}[\p{L}\p{N}'’.&-]*|(?:\p{Lu}\.)+)")
_CONNECTOR = frozenset({"of", "the", "and", "for", "de", "du", "&"})
_SENTENCE_END = compiled(r"(?:^|[.!?:;\"“”‘(\[]|\n)\s*$")
_WINDOW = 100


@dataclass(frozen=True, slots=True)
class TitlePhrase:
    """A title before a name, with what stands before it.

    ``start`` is where the phrase starts (its first qualifier or modifier), ``meaning``
    what the modifier says (``FORMER``, ``INCOMING``, ...; empty for a bare title),
    ``modifier`` the modifier's span with the space after it, ``opens_sentence``
    whether the phrase starts a sentence.
    """

    start: int
    title: str
    written: str
    meaning: str
    qualifier: str
    opens_sentence: bool
    modifier: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class TitleGrammar:
    """The written forms of each title, and the modifiers and office changers."""

    forms: dict[str, str]
    modifiers: dict[str, str]
    office_changers: frozenset[str]
    written: frozenset[str] = field(init=False, repr=False, compare=False)
    attached: tuple[str, ...] = field(init=False, repr=False, compare=False)
    suffixes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Derive what ``before`` looks up: each form as written and with a lowercase
        first letter ("former president"), the modifiers written onto a title ("ex-")
        and after it ("-elect")."""
        written = {*self.forms, *(form[0].lower() + form[1:] for form in self.forms)}
        object.__setattr__(self, "written", frozenset(written))
        object.__setattr__(self, "attached", tuple(m for m in self.modifiers if m.endswith("-")))
        object.__setattr__(self, "suffixes", tuple(m for m in self.modifiers if m[0] == "-"))

    def including(self, titles: set[str]) -> TitleGrammar:
        """Return the grammar with ``titles`` (a knowledge base's own) written as themselves."""
        forms = {title: title for title in titles if title not in self.forms} | self.forms
        return TitleGrammar(forms, self.modifiers, self.office_changers)

    def canonical(self, written: str) -> str | None:
        """Return the title a written form stands for, or None."""
        return self.forms.get(written) or self.forms.get(written[0].upper() + written[1:])

    def before(self, text: str, name_start: int) -> TitlePhrase | None:
        """Return the title phrase that ends right before ``name_start``, if any."""
        found = self._written_before(text, name_start)
        if found is None:
            return None
        title_start, written, affix = found
        start, qualifier, meaning, modifier = _leftwards(text, title_start, self.modifiers)
        if affix is not None:
            meaning, modifier = self.modifiers[text[affix[0] : affix[1]].lower()], affix
        if written[0].islower() and not meaning:
            return None
        if qualifier and qualifier.split()[-1].lower() in self.office_changers:
            return None
        title = self.canonical(written)
        assert title is not None, "every written form has a title"
        opens = bool(_SENTENCE_END.search(text, 0, start))
        return TitlePhrase(start, title, written, meaning, qualifier, opens, modifier)

    def _written_before(
        self, text: str, name_start: int
    ) -> tuple[int, str, tuple[int, int] | None] | None:
        """Find the written title that spaces separate from ``name_start``: the longest,
        starting a word, maybe with a modifier written onto it ("ex-", "-elect").

        Return where it starts (its modifier included), the title as written, and the
        modifier's span. Looking each possible start up in ``written`` costs a few
        microseconds; one pattern of every form took 50 ms to compile.
        """
        low = max(0, name_start - _WINDOW)
        end = low + len(text[low:name_start].rstrip())
        if end == name_start:
            return None
        for start in range(low, end):
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue
            found = self._written_at(text, start, end)
            if found is not None:
                return start, *found
        return None

    def _written_at(
        self, text: str, start: int, end: int
    ) -> tuple[str, tuple[int, int] | None] | None:
        """Read ``text[start:end]`` as a written title, maybe with a modifier on it."""
        candidate = text[start:end]
        if candidate in self.written:
            return candidate, None
        lowered = candidate.lower()
        for attached in self.attached:
            if lowered.startswith(attached) and candidate[len(attached) :] in self.written:
                return candidate[len(attached) :], (start, start + len(attached))
        for suffix in self.suffixes:
            if lowered.endswith(suffix) and candidate[: -len(suffix)] in self.written:
                return candidate[: -len(suffix)], (end - len(suffix), end)
        return None


def _leftwards(
    text: str, end: int, modifiers: dict[str, str]
) -> tuple[int, str, str, tuple[int, int] | None]:
    """Read qualifiers and a modifier leftwards from ``end``.

    Return where the phrase starts, the qualifier, what the modifier says and its span.
    Words are taken while only spaces stand between them; a connector ("of", "the")
    counts only inside a qualifier ("Bank of England").
    """
    tokens = list(regex.finditer(r"\S+", text, pos=max(0, end - _WINDOW), endpos=end))
    start = cursor = end
    meaning = ""
    span: tuple[int, int] | None = None
    first: int | None = None
    last: int | None = None
    for token in reversed(tokens):
        word = token.group()
        if text[token.end() : cursor].strip():
            break
        if not meaning and word.lower() in modifiers:
            meaning, span = modifiers[word.lower()], (token.start(), cursor)
            start = cursor = token.start()
        elif _QUALIFIER.fullmatch(word):
            last = token.end() if last is None else last
            first = start = cursor = token.start()
        elif word in _CONNECTOR and first is not None:
            cursor = token.start()
        else:
            break
    qualifier = text[first:last] if first is not None and last is not None else ""
    return start, qualifier, meaning, span


@cache
def load_grammar(path: Path) -> TitleGrammar:
    """Load a title grammar file; raises CopylintError naming the file and the key."""
    from copylint.yamlfiles import read_yaml_file  # not read when the judge is cached

    data = read_yaml_file(path, "title grammar")
    if not isinstance(data, dict):
        raise CopylintError(f"{path}: a title grammar must be a mapping with 'titles'")
    forms: dict[str, str] = {}
    for title, variants in _mapping(path, "titles", data.get("titles")).items():
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise CopylintError(f"{path}: titles.{title}: must be a list of written forms")
        for form in (title, *variants):
            forms[form] = str(title)
    modifiers = {
        str(word): _meaning(path, f"modifiers.{word}", meaning)
        for word, meaning in _mapping(path, "modifiers", data.get("modifiers")).items()
    }
    changers = data.get("office_changers", [])
    if not isinstance(changers, list) or not all(isinstance(c, str) for c in changers):
        raise CopylintError(f"{path}: office_changers: must be a list of words")
    return TitleGrammar(forms, modifiers, frozenset(changers))


def _mapping(path: Path, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CopylintError(f"{path}: {key}: must be a mapping")
    return value


def _meaning(path: Path, where: str, value: Any) -> str:
    if value not in MEANINGS:
        raise CopylintError(f"{path}: {where}: must be one of {', '.join(sorted(MEANINGS))}")
    return str(value)
