"""Load rule files: one YAML file per rule, named ``Style.FileStem`` (Vale's convention).

Rules are data: they are loaded with safe YAML loading only and never run code.
Every problem is reported in one line naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin, get_type_hints

import regex

from copylint.checks import REGISTRY, VALE_KINDS_NOT_YET_SUPPORTED, kind_named
from copylint.checks.base import (
    Check,
    CheckKind,
    KindOptions,
    OptionError,
    ReadsVocabulary,
    Validator,
    action,
    boolean,
    choice,
    integer,
    number,
    string,
    string_list,
    string_map,
)
from copylint.checks.patterns import compile_pattern
from copylint.dates import parse_day
from copylint.diagnostics import Level
from copylint.errors import CopylintError
from copylint.scopes import DEFAULT_SCOPE, Scope, parse_scope

if TYPE_CHECKING:
    from copylint.vale_ini import Vocabulary

RULE_SUFFIXES = (".yml", ".yaml")
COMMON_KEYS = frozenset(
    {
        "extends",
        "message",
        "level",
        "scope",
        "link",
        "description",
        "limit",
        "action",
        "tests",
        "code",
        "name",
    }
)
_CASE_KEYS = frozenset(
    {"name", "input", "files", "format", "as_of", "house_spellings", "want", "contains", "absent"}
)


@dataclass(frozen=True, slots=True)
class RuleCase:
    """One of a rule's own test cases (Vale 3.24's ``tests:`` key).

    ``inputs`` holds (file name, text) pairs: one for ``input``, several for ``files``.
    """

    name: str
    inputs: tuple[tuple[str, str], ...]
    as_of: datetime.date | None = None
    house_spellings: tuple[tuple[str, str], ...] = ()
    want: tuple[str, ...] | None = None
    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A loaded rule: what it checks, where, how serious it is and what it says."""

    name: str
    path: Path
    extends: str
    check: Check
    message: str
    level: Level = Level.WARNING
    scope: Scope = DEFAULT_SCOPE
    link: str = ""
    description: str = ""
    limit: int = 0
    action: Mapping[str, Any] = field(default_factory=dict)
    cases: tuple[RuleCase, ...] = ()
    options: KindOptions | None = field(default=None, compare=False, repr=False)

    def accepting(self, vocabulary: Vocabulary) -> Rule:
        """Return the rule with a Vale project's words applied, as its kind reads them
        (``ReadsVocabulary``); a kind that reads none leaves the rule as it is."""
        options = self.options
        if not isinstance(options, ReadsVocabulary):
            return self
        accepting = options.accepting(vocabulary)
        if accepting == options:
            return self
        return dataclasses.replace(self, options=accepting, check=accepting.build())

    @property
    def summary(self) -> str:
        """Return the description's first line, or the message when there is none."""
        description = self.description.strip()
        return description.splitlines()[0] if description else self.message

    @property
    def style(self) -> str:
        """Return the style (pack) the rule belongs to."""
        return self.name.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class SkippedRule:
    """A rule of a kind copylint cannot run (yet): the style's other rules still run."""

    name: str
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Style:
    """A style folder's rules, and the rules of it that are skipped, with why."""

    rules: tuple[Rule, ...]
    skipped: tuple[SkippedRule, ...] = ()

    def accepting(self, vocabulary: Vocabulary) -> Style:
        """Return the style with a Vale project's words applied to each rule."""
        return Style(tuple(rule.accepting(vocabulary) for rule in self.rules), self.skipped)


def rule_files(folder: Path) -> list[Path]:
    """Return the rule files of a style folder, sorted by name."""
    return [
        path for path in sorted(folder.iterdir()) if path.suffix in RULE_SUFFIXES and path.is_file()
    ]


def load_style(folder: Path) -> Style:
    """Load every rule file in a style folder, sorted by name."""
    rules: list[Rule] = []
    skipped: list[SkippedRule] = []
    for path in rule_files(folder):
        try:
            rules.append(load_rule(path, folder.name))
        except UnsupportedRule as unsupported:
            name = f"{folder.name}.{path.stem}"
            skipped.append(SkippedRule(name, path, unsupported.reason))
    return Style(tuple(rules), tuple(skipped))


def build_rule(definition: dict[str, Any], path: Path, name: str) -> Rule:
    """Build a rule from a definition made in code (Vale's built-in ``Vale.Terms``)."""
    try:
        return _build_rule(definition, path, name)
    except _KeyError as error:
        raise CopylintError(f"{path}: {name}: {error.key}: {error.problem}") from None


def load_rule(path: Path, style: str) -> Rule:
    """Load and validate one rule file; raises CopylintError naming the file and key."""
    definition = _read_definition(path)
    try:
        return _build_rule(definition, path, f"{style}.{path.stem}")
    except _KeyError as error:
        raise CopylintError(f"{path}: {error.key}: {error.problem}") from None
    except _Unsupported as unsupported:
        raise UnsupportedRule(path, str(unsupported)) from None


class UnsupportedRule(CopylintError):
    """A rule of a Vale kind copylint does not run yet (its style's others still run)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


class _Unsupported(Exception):
    pass


class _KeyError(Exception):
    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key = key
        self.problem = problem


def _read_definition(path: Path) -> dict[str, Any]:
    from copylint.yamlfiles import read_yaml_file  # a run whose packs are cached reads none

    definition = read_yaml_file(path, "rule file", _parse_yaml)
    if not isinstance(definition, dict):
        raise CopylintError(f"{path}: a rule file must be a YAML mapping of keys to values")
    return definition


def _parse_yaml(text: str) -> Any:
    """Parse a rule file, accepting the ``\\'`` escape that Go's YAML parser allows.

    Public Vale packages write ``"you\\'re"`` in double-quoted strings; YAML forbids
    that escape but Vale's parser accepts it, so a file that fails on it is read again
    with the escape undone.
    """
    import yaml

    from copylint.yamlfiles import load_yaml

    try:
        return load_yaml(text)
    except yaml.scanner.ScannerError as error:
        if "unknown escape character" not in str(error) or "\\'" not in text:
            raise
        return load_yaml(text.replace("\\'", "'"))


def _build_rule(definition: dict[str, Any], path: Path, name: str) -> Rule:
    extends, kind = _kind(definition)
    options = _options(kind, definition, path.parent)
    try:
        check = options.build()
    except regex.error as error:
        raise _pattern_error(options, error) from None
    except OptionError as error:
        raise _KeyError(error.key, str(error)) from None
    return Rule(
        name=name,
        path=path,
        extends=extends,
        check=check,
        message=kind.adapt_message(_validated("message", string, definition["message"]), options),
        level=_validated("level", Level.parse, definition.get("level", "warning")),
        scope=_validated("scope", parse_scope, definition.get("scope", "text")),
        link=_validated("link", string, definition.get("link", "")),
        description=_validated("description", string, definition.get("description", "")),
        limit=_validated("limit", integer, definition.get("limit", 0)),
        action=_validated("action", action, definition.get("action", {})),
        cases=_validated("tests", _cases, definition.get("tests", [])),
        options=options,
    )


def _options(kind: CheckKind, definition: dict[str, Any], folder: Path) -> KindOptions:
    """Read the kind's options from the rule: each key checked by its field's type (or
    its own ``validate``), paths (given or default) from the rule's folder. A field
    that is not a key (``metadata={"key": False}``) keeps its default, a path resolved
    from the rule's folder like the others."""
    given = {}
    types = get_type_hints(kind.options)
    for option in fields(kind.options):
        kind_of = types[option.name]
        if option.name in definition and _is_key(option):
            validate = option.metadata.get("validate") or _validator(kind_of)
            given[option.name] = _validated(option.name, validate, definition[option.name])
        if "Path" in str(kind_of):
            given[option.name] = _in_folder(given.get(option.name, option.default), folder)
    options: KindOptions = kind.options(**given)
    return options


def _is_key(option: dataclasses.Field[Any]) -> bool:
    return bool(option.metadata.get("key", True))


def _validator(kind_of: Any) -> Validator:
    if get_origin(kind_of) is Literal:
        return choice(*get_args(kind_of))
    return _VALIDATORS[kind_of]


def _in_folder(value: Any, folder: Path) -> Any:
    if isinstance(value, tuple):
        return tuple(_in_folder(item, folder) for item in value)
    return Path(os.path.normpath(folder / value))  # "styles/House/.." is "styles"


_VALIDATORS: dict[Any, Validator] = {
    bool: boolean,
    int: integer,
    float: number,
    float | None: number,
    str: string,
    Path: string,
    tuple[str, ...]: string_list,
    tuple[Path, ...]: string_list,
    dict[str, str]: string_map,
}


def _kind(definition: dict[str, Any]) -> tuple[str, CheckKind]:
    """Return the kind the rule extends, after checking its keys against that kind's."""
    extends = definition.get("extends")
    if extends is None:
        raise _KeyError("extends", "missing; every rule needs 'extends'")
    if extends in VALE_KINDS_NOT_YET_SUPPORTED:
        raise _Unsupported(f"extends: '{extends}' is a Vale check copylint does not run yet")
    if extends not in REGISTRY:
        raise _KeyError("extends", f"must be one of {', '.join(sorted(REGISTRY))}")
    kind = kind_named(extends)
    own = {option.name for option in fields(kind.options) if _is_key(option)}
    unknown = sorted(set(definition) - COMMON_KEYS - own)
    if unknown:
        raise _KeyError(unknown[0], f"unknown key for a rule that extends {extends}")
    if "scope" in definition and not kind.scoped:
        raise _KeyError(
            "scope", f"a rule that extends {extends} looks at whole documents, not at a scope"
        )
    if "message" not in definition:
        raise _KeyError("message", "missing; every rule needs a 'message'")
    if definition.get("code") is True:
        raise _KeyError("code", "is no longer supported; use 'scope: raw'")
    return str(extends), kind


def _validated(key: str, validator: Any, value: Any) -> Any:
    try:
        return validator(value)
    except (ValueError, TypeError, AttributeError) as error:
        raise _KeyError(key, str(error)) from None


def _pattern_error(options: KindOptions, error: regex.error) -> _KeyError:
    """Name the key and the pattern that does not compile on its own, where one does not."""
    for key in ("tokens", "raw", "swap", "token", "exceptions", "filters"):
        value = getattr(options, key, None)
        patterns = [value] if isinstance(value, str) else list(value or [])
        for pattern in patterns:
            try:
                compile_pattern(pattern)
            except regex.error as own:
                return _KeyError(key, f"'{pattern}' is not a valid regular expression: {own}")
    return _KeyError("extends", f"the combined pattern is not valid: {error}")


def _cases(value: Any) -> tuple[RuleCase, ...]:
    if not isinstance(value, list):
        raise ValueError("must be a list of test cases")
    return tuple(_case(index, entry) for index, entry in enumerate(value, start=1))


def _case_date(index: int, value: Any) -> datetime.date | None:
    try:
        return None if value is None else parse_day(value)
    except ValueError as error:
        raise ValueError(f"case {index}: as_of: {error}") from None


def _case(index: int, entry: Any) -> RuleCase:
    if not isinstance(entry, dict):
        raise ValueError(f"case {index} must be a mapping")
    unknown = sorted(set(entry) - _CASE_KEYS)
    if unknown:
        raise ValueError(f"case {index}: unknown key '{unknown[0]}'")
    want = entry.get("want")
    as_of = _case_date(index, entry.get("as_of"))
    return RuleCase(
        name=str(entry.get("name", f"case {index}")),
        inputs=_case_inputs(index, entry),
        as_of=as_of,
        house_spellings=_case_house_spellings(index, entry.get("house_spellings", {})),
        want=None if want is None else _lines(want),
        contains=_lines(entry.get("contains", [])),
        absent=_lines(entry.get("absent", [])),
    )


def _case_house_spellings(index: int, value: Any) -> tuple[tuple[str, str], ...]:
    try:
        return house_spellings_of(value)
    except ValueError as error:
        raise ValueError(f"case {index}: house_spellings: {error}") from None


def house_spellings_of(value: Any) -> tuple[tuple[str, str], ...]:
    """Read ``house_spellings`` (a config's, or a rule test case's): each person's name
    and the house spelling chosen."""
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise ValueError("must map a person's name to the house spelling")
    return tuple(value.items())


def _case_inputs(index: int, entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    files = entry.get("files")
    if isinstance(files, dict) and all(isinstance(text, str) for text in files.values()):
        return tuple((str(name), text) for name, text in files.items())
    if not isinstance(entry.get("input"), str):
        raise ValueError(f"case {index} must have a string 'input' or a mapping 'files'")
    fmt = str(entry.get("format", "md")).lstrip(".")
    return ((f"test.{fmt}", entry["input"]),)


def _lines(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(line.strip() for line in value.splitlines() if line.strip())
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return tuple(line.strip() for line in value)
    raise ValueError("expected lines as a block string or a list of strings")
