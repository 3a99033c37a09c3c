"""Hunspell dictionaries read as Vale reads them (its ``internal/spell``, after gospell).

A ``.dic`` file lists words with affix flags; the ``.aff`` file says what each flag
adds (a prefix or suffix, under a condition). Like Vale, copylint expands every entry
into all its forms once, when the dictionary is read, and then a word is spelled right
when it, or its lower-case form, is one of them; numbers, hex and binary numbers, git
hashes, ``COMPOUNDRULE`` compounds (``21st``) and numbers with known units (``100GB``)
are spelled right too. ``ICONV`` pairs (curly to straight apostrophes in
``en_US-web``) convert the text first (only pairs of one length, so that offsets
hold). Only what Vale reads of the ``.aff`` is read:
``FLAG``, ``PFX``/``SFX`` (conditions included, continuation classes ignored),
``ICONV``, ``COMPOUNDRULE``, ``COMPOUNDMIN``, ``ONLYINCOMPOUND``, ``WORDCHARS`` and
the ``COMPOUNDFLAG`` family (any split into dictionary words of three letters or more).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from copylint.compiled import compiled
from copylint.errors import CopylintError

_NUMBER = compiled(r"(?:[0-9]+[.,-]?)+")
_NUMBER_WITH_UNITS = compiled(r"[0-9]+([a-zA-Z]+)")
_HEX = compiled(r"0?x[0-9A-Fa-f]+")
_BINARY = compiled(r"0b[01]+")
_HASH = compiled(r"[0-9a-z]{40}")
_SHORTEST_COMPOUND_PART = 3
_MOST_COMPOUND_PARTS = 5


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Every form a dictionary's entries take, and what else it accepts."""

    words: frozenset[str]
    conversions: tuple[tuple[str, str], ...] = ()
    compounds: tuple[regex.Pattern[str], ...] = ()
    compounding: bool = False
    compound_min: int = _SHORTEST_COMPOUND_PART

    def spells(self, word: str) -> bool:
        """Whether ``word`` is spelled right by this dictionary (Vale's ``spell``)."""
        if word in self.words or word.lower() in self.words:
            return True
        if any(
            pattern.fullmatch(word) for pattern in (_NUMBER, _HEX, _BINARY, _HASH, *self.compounds)
        ):
            return True
        if self.compounding and len(word) <= 100 and self._splits(word, 0):
            return True
        units = _NUMBER_WITH_UNITS.fullmatch(word)
        return units is not None and units.group(1) in self.words

    def convert(self, text: str) -> str:
        """Apply the dictionary's ``ICONV`` pairs (each keeps the text's length here)."""
        for before, after in self.conversions:
            text = text.replace(before, after)
        return text

    def _splits(self, word: str, depth: int) -> bool:
        """Whether ``word`` is dictionary words run together (Vale's approximation of
        Hunspell's flag compounding)."""
        if depth >= _MOST_COMPOUND_PARTS:
            return False
        shortest = max(self.compound_min, _SHORTEST_COMPOUND_PART)
        for cut in range(shortest, len(word) - shortest + 1):
            if self._has_part(word[:cut]) and (
                self._has_part(word[cut:]) or self._splits(word[cut:], depth + 1)
            ):
                return True
        return False

    def _has_part(self, part: str) -> bool:
        return any(form in self.words for form in (part, part.lower(), part[:1].upper() + part[1:]))


@dataclass(frozen=True, slots=True)
class Speller:
    """Several dictionaries and word lists: a word is right when any of them has it."""

    dictionaries: tuple[Dictionary, ...]

    def spells(self, word: str) -> bool:
        """Whether any dictionary spells ``word`` right."""
        return any(dictionary.spells(word) for dictionary in self.dictionaries)

    def convert(self, text: str) -> str:
        """Apply every dictionary's input conversions."""
        for dictionary in self.dictionaries:
            text = dictionary.convert(text)
        return text


@dataclass(slots=True)
class _Affix:
    prefix: bool
    cross_product: bool
    rules: list[tuple[str, str, regex.Pattern[str] | None]] = field(default_factory=list)

    def expand(self, word: str) -> list[str]:
        forms = []
        for strip, text, condition in self.rules:
            if condition is not None and not condition.search(word):
                continue
            if self.prefix:
                forms.append(text + word)
            else:
                stem = word[: len(word) - len(strip)] if strip and word.endswith(strip) else word
                forms.append(stem + text)
        return forms


@dataclass(slots=True)
class _AffixFile:
    flag_type: str = "ASCII"
    affixes: dict[str, _Affix] = field(default_factory=dict)
    conversions: list[tuple[str, str]] = field(default_factory=list)
    compound_rules: list[str] = field(default_factory=list)
    compound_parts: dict[str, list[str]] = field(default_factory=dict)
    only_in_compound: str = ""
    compound_flags: list[str] = field(default_factory=list)
    compound_min: int = _SHORTEST_COMPOUND_PART

    def flags(self, text: str) -> list[str]:
        if self.flag_type == "num":
            return text.split(",")
        if self.flag_type == "long":
            return [text[index : index + 2] for index in range(0, len(text) - 1, 2)]
        return list(text)

    def forms(self, entry: str) -> list[str]:
        """Every form of one ``.dic`` entry (``word/FLAGS``), as Vale's ``expand``."""
        word, slash, flag_text = entry.partition("/")
        if not slash:
            return [entry]
        if not word or not flag_text:
            return []
        flags = self.flags(flag_text)
        for flag in flags:
            if flag != self.only_in_compound and flag in self.compound_parts:
                self.compound_parts[flag].append(word)
        if self.only_in_compound and self.only_in_compound in flags:
            return []
        forms = [word]
        prefixes: list[_Affix] = []
        suffixes: list[_Affix] = []
        for affix in (self.affixes[flag] for flag in flags if flag in self.affixes):
            if not affix.cross_product:
                forms += affix.expand(word)
            else:
                (prefixes if affix.prefix else suffixes).append(affix)
        for suffix in suffixes:
            forms += suffix.expand(word)
        for prefix in prefixes:
            prefixed = prefix.expand(word)
            forms += prefixed
            for suffix in suffixes:
                for form in prefixed:
                    forms += suffix.expand(form)
        return forms

    def compound_patterns(self) -> tuple[regex.Pattern[str], ...]:
        patterns = []
        for rule in self.compound_rules:
            pattern = "".join(
                flag
                if flag in "()+?*"
                else "(" + "|".join(map(regex.escape, self.compound_parts.get(flag, []))) + ")"
                for flag in self.flags(rule)
            )
            patterns.append(regex.compile(pattern))
        return tuple(patterns)


def read_dictionary(dic: Path, aff: Path) -> Dictionary:
    """Read a Hunspell dictionary; raises CopylintError naming the file that is wrong."""
    affix_file = _read_affix_file(aff)
    words: set[str] = set()
    lines = _lines(dic)
    for line in lines[1:]:
        fields = line.split()
        if fields:
            words.update(affix_file.forms(fields[0]))
    return Dictionary(
        words=frozenset(words),
        conversions=tuple(affix_file.conversions),
        compounds=affix_file.compound_patterns(),
        compounding=bool(affix_file.compound_flags),
        compound_min=affix_file.compound_min,
    )


def word_list(paths: Iterable[Path]) -> Dictionary:
    """A dictionary of plain word lists: one word a line, as Vale's ignore files."""
    words = {word.strip() for path in paths for word in _lines(path)}
    return Dictionary(frozenset(words - {"", "#"}))


def _read_affix_file(path: Path) -> _AffixFile:
    affix_file = _AffixFile()
    for number, line in enumerate(_lines(path), start=1):
        parts = line.split()
        try:
            _read_affix_line(affix_file, parts)
        except (ValueError, KeyError, regex.error) as error:
            raise CopylintError(f"{path}:{number}: cannot read this affix line: {error}") from None
    return affix_file


def _read_affix_line(affix_file: _AffixFile, parts: list[str]) -> None:
    if len(parts) < 2:
        return
    key, value = parts[0], parts[1]
    if key == "FLAG":
        affix_file.flag_type = value
    elif key == "ICONV" and len(parts) >= 3 and len(value) == len(parts[2]):
        affix_file.conversions.append((value, parts[2]))
    elif key == "COMPOUNDMIN":
        affix_file.compound_min = int(value)
    elif key == "ONLYINCOMPOUND":
        affix_file.only_in_compound = value
    elif key == "COMPOUNDRULE" and not value.isdigit():
        affix_file.compound_rules.append(value)
        for flag in affix_file.flags(value):
            affix_file.compound_parts.setdefault(flag, [])
    elif key in {"COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND"}:
        affix_file.compound_flags.append(value)
    elif key in {"PFX", "SFX"} and len(parts) >= 4:
        _read_affix_rule(affix_file, key == "PFX", parts)


def _read_affix_rule(affix_file: _AffixFile, prefix: bool, parts: list[str]) -> None:
    flag = parts[1]
    if len(parts) == 4 and parts[2] in {"Y", "N"} and parts[3].isdigit():
        affix_file.affixes[flag] = _Affix(prefix, cross_product=parts[2] == "Y")
        return
    if flag not in affix_file.affixes:
        raise KeyError(f"rules for flag {flag!r} come before its header")
    strip = "" if parts[2] == "0" else parts[2]
    text = "" if parts[3] == "0" else parts[3].partition("/")[0]
    condition = parts[4] if len(parts) > 4 else "."
    matcher = None
    if condition != ".":
        matcher = regex.compile("^" + condition if prefix else condition + "$")
    affix_file.affixes[flag].rules.append((strip, text, matcher))


def _lines(path: Path) -> list[str]:
    """A dictionary file's lines: UTF-8, or Latin-1 for the older dictionaries."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CopylintError(f"{path}: cannot read the dictionary: {error}") from None
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return data.decode("latin-1").splitlines()
