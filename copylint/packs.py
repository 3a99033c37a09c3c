"""Rule packs (Vale styles): the built-in ones in ``rules/`` and any in ``styles_path``."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copylint.cache import NO_CACHE, Cache
from copylint.config import Config
from copylint.errors import CopylintError
from copylint.rules import Rule, SkippedRule, Style, build_rule, load_style, rule_files
from copylint.suppressions import DIRECTIVE_RULES


def builtin_styles_dir() -> Path:
    """Return the folder of the shipped packs: inside the wheel, or the checkout's ``rules/``."""
    packaged = Path(__file__).parent / "rules"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "rules"


def available_packs(styles_path: Sequence[Path]) -> dict[str, Path]:
    """Map each pack name to its folder; a user's styles shadow built-in packs."""
    packs: dict[str, Path] = {}
    for parent in (builtin_styles_dir(), *styles_path):
        if not parent.is_dir():
            raise CopylintError(f"{parent}: styles_path folder not found")
        packs.update(
            {folder.name: folder for folder in sorted(parent.iterdir()) if folder.is_dir()}
        )
    return packs


if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary

VALE_STYLE = "Vale"
"""Vale's built-in style (``rules/Vale``): it runs in a Vale project that names it, and
is left out of the built-in packs a run without a config uses."""


def load_rules(
    config: Config,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache: Cache = NO_CACHE,
) -> list[Rule]:
    """Load the configured packs, apply level overrides, then ``select`` and ``ignore``.

    With a ``cache``, each pack is read compiled from it when its rule files are as they
    were (see ``_load_pack``)."""
    rules = configured_rules(config, cache)
    known = {rule.name for rule in skipped_rules(config, cache)}
    where = f"{config.source}: rules" if config.source is not None else "rules"
    _check_names(rules, where, [name for name in config.rule_levels if name not in known])
    _check_names(rules, "--select", select)
    _check_names(rules, "--ignore", [name for name in ignore if name not in DIRECTIVE_RULES])
    if config.house_spellings:
        _check_house_spellings(rules, config, cache)
    configured = [_with_level(rule, config) for rule in rules]
    return [
        rule
        for rule in configured
        if rule is not None and (not select or _named(rule, select)) and not _named(rule, ignore)
    ]


def rule_names(config: Config, cache: Cache = NO_CACHE) -> frozenset[str]:
    """Return the names of every rule and pack the config loads, whether it runs or not."""
    rules = configured_rules(config, cache)
    skipped = {rule.name for rule in skipped_rules(config, cache)}
    return frozenset({rule.name for rule in rules} | {rule.style for rule in rules} | skipped)


def configured_rules(config: Config, cache: Cache = NO_CACHE) -> list[Rule]:
    """Load every rule of the configured packs, before any level or selection applies."""
    return [rule for style in _configured_styles(config, cache) for rule in style.rules]


def skipped_rules(config: Config, cache: Cache = NO_CACHE) -> list[SkippedRule]:
    """Return the rules of the configured packs that copylint cannot run, with why."""
    return [rule for style in _configured_styles(config, cache) for rule in style.skipped]


def _configured_styles(config: Config, cache: Cache) -> list[Style]:
    packs = available_packs(config.styles_path)
    wanted = (
        config.packs
        if config.packs is not None
        else tuple(
            sorted(
                folder.name
                for folder in builtin_styles_dir().iterdir()
                if folder.is_dir() and folder.name != VALE_STYLE
            )
        )
    )
    styles: list[Style] = []
    for pack in wanted:
        if pack == VALE_STYLE and config.vocabulary is not None:
            styles.append(_vocabulary_style(config.vocabulary))
        if pack not in packs:
            where = config.source or "packs"
            key = "BasedOnStyles" if config.selection is not None else "packs"
            raise CopylintError(f"{where}: {key}: no pack named '{pack}'{_looked_in(config)}")
        styles.append(_load_pack(packs[pack], config.vocabulary, cache))
    return styles


@functools.cache
def _vocabulary_style(vocabulary: Vocabulary) -> Style:
    """Vale's ``Vale.Terms`` (an accepted term written in another case) and
    ``Vale.Avoid`` (a rejected term), made from a project's Vocab as Vale makes them
    (once a run: the configured styles are asked for several times)."""
    source = vocabulary.files[0] if vocabulary.files else Path("Vocab")
    phrases = {term.lower(): term for term in vocabulary.accepted}
    rules = []
    if phrases:
        terms: dict[str, Any] = {"extends": "substitution", "level": "error"}
        terms |= {"message": "Use '%s' instead of '%s'.", "ignorecase": True}
        terms |= {"swap": phrases, "vocab": False}
        rules.append(build_rule(terms, source, f"{VALE_STYLE}.Terms"))
    if vocabulary.rejected:
        avoid: dict[str, Any] = {"extends": "existence", "level": "error"}
        avoid |= {"message": "Avoid using '%s'.", "tokens": list(vocabulary.rejected)}
        rules.append(build_rule(avoid, source, f"{VALE_STYLE}.Avoid"))
    return Style(tuple(rules))


def _looked_in(config: Config) -> str:
    if not config.styles_path:
        return ""
    return f" (looked in {', '.join(map(str, config.styles_path))} and the built-in packs)"


@functools.cache
def _load_pack(folder: Path, vocabulary: Vocabulary | None, kept: Cache) -> Style:
    """Load a pack once a run, with a Vale project's words applied to its rules; from
    ``kept`` when its rule files and the project's word files are as they were.

    The kept copy holds the rules built, their patterns compiled (a pickled pattern
    of the ``regex`` module is its compiled program, read back without parsing the
    pattern again) and their dictionaries read: the newsroom pack reads back in about
    1 ms, where parsing its YAML and compiling its patterns takes about 35 ms."""

    def build() -> Style:
        style = load_style(folder)
        return style if vocabulary is None else style.accepting(vocabulary)

    sources = (*rule_files(folder), *(vocabulary.sources if vocabulary else ()))
    return kept.get(f"rules.{folder.name}", sources, build)


def _check_house_spellings(rules: Sequence[Rule], config: Config, cache: Cache) -> None:
    """Refuse a ``house_spellings`` entry that names nobody, or no accepted spelling,
    among the people of the rules that report house spellings."""
    from copylint.checks.person_names import PersonNamesOptions

    for rule in rules:
        if isinstance(rule.options, PersonNamesOptions) and rule.options.report == "house":
            try:
                rule.options.house_spellings(config.knowledge_bases, config.house_spellings, cache)
            except CopylintError as error:
                raise CopylintError(f"{config.source or 'config'}: {error}") from None


def _with_level(rule: Rule, config: Config) -> Rule | None:
    for name in (rule.name, rule.style):
        if name in config.rule_levels:
            level = config.rule_levels[name]
            return None if level is None else dataclasses.replace(rule, level=level)
    return rule


def _named(rule: Rule, names: Sequence[str]) -> bool:
    return rule.name in names or rule.style in names


def _check_names(rules: Sequence[Rule], where: str, names: Sequence[str]) -> None:
    known = {rule.name for rule in rules} | {rule.style for rule in rules}
    for name in names:
        if name not in known:
            raise CopylintError(f"{where}: no rule or pack named '{name}'")
