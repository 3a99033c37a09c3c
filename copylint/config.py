"""Configuration: ``.copylint.yaml``, ``[tool.copylint]`` in ``pyproject.toml``, or a
Vale project's ``.vale.ini``.

The first of these found walking up from the working directory is used; ``--config``
names one directly. Paths in it are relative to the folder that holds it. A
``.copylint.yaml`` with a Vale config beside it reads both: the Vale config says which
styles and rules run on which files, as Vale would; the copylint file adds its own
keys, its ``packs`` join every file's styles and its ``rules`` levels win.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from copylint.cache import NO_CACHE, Cache
from copylint.compiled import compiled
from copylint.dates import parse_day
from copylint.diagnostics import Level
from copylint.documents import Format
from copylint.documents.reading import FORMATS_BY_EXTENSION, format_of_name
from copylint.errors import CopylintError
from copylint.linter import RunContext
from copylint.rules import house_spellings_of

if TYPE_CHECKING:  # read only for a Vale project (copylint.vale_ini)
    from copylint.selection import Selection
    from copylint.vale_ini import ValeProject, Vocabulary

CONFIG_NAMES = (".copylint.yaml", ".copylint.yml")
VALE_CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
"""The names Vale looks for, in its order."""
OFF = "off"
DEFAULT_MAX_FILE_SIZE = 20_000_000
_SIZE = compiled(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>B|kB|KB|MB|GB)?", regex.I)
_SIZE_UNITS = {"B": 1, "KB": 1000, "MB": 1000**2, "GB": 1000**3}
KEYS = frozenset(
    {
        "packs",
        "styles_path",
        "rules",
        "include",
        "exclude",
        "fail_on",
        "min_level",
        "as_of",
        "knowledge_bases",
        "house_spellings",
        "archive",
        "max_file_size",
    }
)


@dataclass(frozen=True, slots=True)
class Config:
    """What to lint and how; the defaults need no file at all."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    packs: tuple[str, ...] | None = None
    styles_path: tuple[Path, ...] = ()
    rule_levels: dict[str, Level | None] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Level = Level.ERROR
    min_level: Level = Level.SUGGESTION
    as_of: datetime.date | None = None
    knowledge_bases: tuple[Path, ...] = ()
    house_spellings: tuple[tuple[str, str], ...] = ()
    archive: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    selection: Selection | None = None
    vocabulary: Vocabulary | None = None
    formats: dict[str, Format] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def format_of(self, name: str) -> Format | None:
        """The format a file of this name is read as: a Vale project's ``[formats]``
        first (``mdx = md``), then the extensions copylint knows; None for another."""
        return format_of_name(name, self.extension_formats())

    def extension_formats(self) -> dict[str, Format]:
        """Each extension (``.md``) copylint reads, and its format."""
        own = {f".{extension}": fmt for extension, fmt in self.formats.items()}
        return {**FORMATS_BY_EXTENSION, **own} if own else FORMATS_BY_EXTENSION

    def run_context(
        self,
        as_of: datetime.date | None = None,
        rule_names: frozenset[str] = frozenset(),
        cache: Cache = NO_CACHE,
    ) -> RunContext:
        """Return the run's context: ``as_of`` (from the command line) wins over the config."""
        day = as_of or self.as_of or datetime.date.today()
        return RunContext(
            day, self.knowledge_bases, rule_names, cache, self.selection, self.house_spellings
        )


def find_config(start: Path) -> Path | None:
    """Return the nearest config file at or above ``start`` (copylint's before Vale's)."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "copylint" in _read_pyproject(pyproject).get("tool", {}):
            return pyproject
        vale = _vale_config_in(folder)
        if vale is not None:
            return vale
    return None


def load_config(path: Path | None) -> Config:
    """Load the config at ``path``, or the defaults when there is none."""
    if path is None:
        return Config()
    if not path.is_file():
        raise CopylintError(f"{path}: config file not found")
    if path.name in VALE_CONFIG_NAMES or path.suffix == ".ini":
        return _parse(path, {}, _read_vale(path))
    if path.name == "pyproject.toml":
        data = _read_pyproject(path).get("tool", {}).get("copylint", {})
    else:
        data = _read_yaml(path)
    vale = _vale_config_in(path.parent)
    return _parse(path, data, None if vale is None else _read_vale(vale))


def _read_vale(path: Path) -> ValeProject:
    from copylint.vale_ini import read_vale_project

    return read_vale_project(path)


def _vale_config_in(folder: Path) -> Path | None:
    return next((folder / name for name in VALE_CONFIG_NAMES if (folder / name).is_file()), None)


def _read_pyproject(path: Path) -> dict[str, Any]:
    import tomllib  # 10 ms at start-up, for the projects configured in pyproject.toml

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CopylintError(f"{path}: cannot read: {error}") from None


def _read_yaml(path: Path) -> dict[str, Any]:
    from copylint.yamlfiles import read_yaml_file  # PyYAML: only where a YAML config is

    data = read_yaml_file(path, "config")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CopylintError(f"{path}: the config must be a mapping of keys to values")
    return data


def _parse(path: Path, data: dict[str, Any], vale: ValeProject | None = None) -> Config:
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise CopylintError(f"{path}: {unknown[0]}: unknown key (known: {', '.join(sorted(KEYS))})")
    root = path.resolve().parent
    try:
        packs = data.get("packs")
        config = Config(
            root=root,
            source=path,
            packs=None if packs is None else tuple(_strings("packs", packs)),
            styles_path=tuple(
                root / entry for entry in _strings("styles_path", data.get("styles_path", []))
            ),
            rule_levels=_rule_levels(data.get("rules", {})),
            include=tuple(_strings("include", data.get("include", []))),
            exclude=tuple(_strings("exclude", data.get("exclude", []))),
            fail_on=_level("fail_on", data.get("fail_on", "error")),
            min_level=_level("min_level", data.get("min_level", "suggestion")),
            as_of=_date("as_of", data.get("as_of")),
            archive=tuple(_strings("archive", data.get("archive", []))),
            max_file_size=_size("max_file_size", data.get("max_file_size")),
            knowledge_bases=tuple(
                root / entry
                for entry in _strings("knowledge_bases", data.get("knowledge_bases", []))
            ),
            house_spellings=_house_spellings(data.get("house_spellings", {})),
        )
    except ValueError as error:
        raise CopylintError(f"{path}: {error}") from None
    return config if vale is None else _with_vale(config, vale, "min_level" in data)


def _with_vale(config: Config, vale: ValeProject, own_min_level: bool) -> Config:
    """Join a Vale project to ``config``: its styles, sections and levels, with the
    copylint file's ``packs`` added to every file's styles and its levels winning."""
    added = config.packs or ()
    selection = vale.selection
    if added:
        selection = replace(selection, styles=(*selection.styles, *added))
    return replace(
        config,
        packs=tuple(dict.fromkeys([*vale.styles, *added])),
        styles_path=(*vale.styles_path, *config.styles_path),
        rule_levels={**vale.rule_levels, **config.rule_levels},
        min_level=config.min_level if own_min_level else vale.min_level,
        selection=selection,
        vocabulary=vale.vocabulary,
        formats=vale.formats,
        warnings=vale.warnings,
    )


def _strings(key: str, value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"{key}: must be a list of strings")
    return items


def _date(key: str, value: Any) -> datetime.date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from None


def _size(key: str, value: Any) -> int:
    if value is None:
        return DEFAULT_MAX_FILE_SIZE
    try:
        return parse_size(value)
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from None


def parse_size(value: Any) -> int:
    """Read a size in bytes: a number, or text such as "20 MB" or "512 kB"."""
    found = _SIZE.fullmatch(str(value).strip())
    if found is None or isinstance(value, bool):
        raise ValueError(f"'{value}' is not a size (write it as 20 MB, 512 kB or bytes)")
    return int(float(found["number"]) * _SIZE_UNITS[(found["unit"] or "B").upper()])


def _house_spellings(value: Any) -> tuple[tuple[str, str], ...]:
    try:
        return house_spellings_of(value)
    except ValueError as error:
        raise ValueError(f"house_spellings: {error}") from None


def _level(key: str, value: Any) -> Level:
    try:
        return Level.parse(str(value))
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from None


def _rule_levels(value: Any) -> dict[str, Level | None]:
    if not isinstance(value, dict):
        raise ValueError("rules: must map rule or pack names to a level or 'off'")
    levels: dict[str, Level | None] = {}
    for name, setting in value.items():
        text = "off" if setting is False else str(setting).lower()
        levels[str(name)] = None if text == OFF else _level(f"rules: {name}", text)
    return levels
