"""Read a Vale project's config, ``.vale.ini``, as Vale reads it, into a ``Config``.

The file is INI as Vale's parser takes it: ``#`` and ``;`` comments (also after a value,
behind a space), keys repeated to add values ("shadows"), comma-separated lists. The
top holds the core options (``StylesPath``, ``MinAlertLevel``, ``Vocab``, ...), ``[*]``
and glob sections (``[*.md]``, ``[*.{md,txt}]``) the styles and rules of the files they
match (``copylint.selection``), ``[formats]`` extensions read as other formats. What a
core option does in a section, or a syntax option at the top, is an error, as in Vale.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from copylint.diagnostics import Level
from copylint.documents import Format, format_for_extension
from copylint.documents.markup import INLINE_CODE
from copylint.errors import CopylintError
from copylint.selection import VALE_MARKUP, Section, Selection

CORE_KEYS = frozenset(
    {
        "StylesPath",
        "MinAlertLevel",
        "IgnoredScopes",
        "WordTemplate",
        "SkippedScopes",
        "IgnoredClasses",
        "Vocab",
        "NLPEndpoint",
        "Packages",
    }
)
SYNTAX_KEYS = frozenset(
    {
        "BasedOnStyles",
        "IgnorePatterns",
        "BlockIgnores",
        "CommentDelimiters",
        "TokenIgnores",
        "Transform",
        "Lang",
    }
)
SUPPORTED_KEYS = frozenset(
    {
        "StylesPath",
        "MinAlertLevel",
        "BasedOnStyles",
        "Vocab",
        "IgnoredScopes",
        "SkippedScopes",
        "IgnoredClasses",
        "TokenIgnores",
        "BlockIgnores",
        "IgnorePatterns",
    }
)
"""The options copylint applies; the others are read, checked and reported as ignored."""
NOT_APPLIED = {
    "Packages": "copylint never downloads packages (vale sync): install them under StylesPath",
}
"""Why an option is not applied, where there is more to say than "not yet"."""
VOCABULARIES = "config/vocabularies"
_SPECIAL_SECTIONS = frozenset({"DEFAULT", "formats", "asciidoctor"})
_SWITCH_VALUES = ("YES", "suggestion", "warning", "error")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A project's words: its Vocab's terms accepted as written (each a pattern,
    case-sensitive unless it starts with ``(?i)``) and terms rejected, with the files
    they came from; and what ``Vale.Spelling`` reads under the styles path: the word
    lists of ``config/ignore`` and the dictionaries (``.dic`` files, each with its
    ``.aff``) of ``config/dictionaries``."""

    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    word_lists: tuple[Path, ...] = ()
    dictionaries: tuple[Path, ...] = ()

    @property
    def sources(self) -> tuple[Path, ...]:
        """Every file these words come from."""
        affixes = tuple(dictionary.with_suffix(".aff") for dictionary in self.dictionaries)
        return (*self.files, *self.word_lists, *self.dictionaries, *affixes)


@dataclass(frozen=True, slots=True)
class ValeProject:
    """What a ``.vale.ini`` says: where styles are, which rules run on which files, the
    levels it sets, the lowest level shown, and the options copylint does not apply."""

    path: Path
    styles_path: tuple[Path, ...] = ()
    styles: tuple[str, ...] = ()
    selection: Selection = field(default_factory=Selection)
    rule_levels: dict[str, Level] = field(default_factory=dict)
    min_level: Level = Level.SUGGESTION
    formats: dict[str, Format] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    @property
    def warnings(self) -> tuple[str, ...]:
        """One line for each option copylint reads and does not apply."""
        return tuple(
            f"{self.path}: {key}: {NOT_APPLIED.get(key, 'not applied by copylint yet')}"
            for key in self.ignored
        )


def read_vale_project(path: Path) -> ValeProject:
    """Read the Vale config at ``path``; raises CopylintError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CopylintError(f"{path}: cannot read the Vale config: {error}") from None
    sections = _parse_ini(path, text)
    return _project(path, sections)


def _parse_ini(path: Path, text: str) -> dict[str, list[tuple[int, str, str]]]:
    """Return each section's (line, key, value) entries in order; the top is ``""``."""
    sections: dict[str, list[tuple[int, str, str]]] = {"": []}
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise CopylintError(f"{path}:{number}: a section header must end with ']'")
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        key, equals, value = line.partition("=")
        if not equals or not key.strip():
            raise CopylintError(f"{path}:{number}: expected 'key = value', found '{line}'")
        sections[current].append((number, key.strip(), _value(value)))
    return sections


def _value(raw: str) -> str:
    """Strip a value of an inline comment (behind a space) and of enclosing quotes."""
    value = raw.strip()
    for mark in (" #", " ;", "\t#", "\t;"):
        if mark in value:
            value = value[: value.index(mark)].rstrip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def _project(path: Path, sections: dict[str, list[tuple[int, str, str]]]) -> ValeProject:
    folder = path.resolve().parent
    core = _entries(sections[""])
    for number, key, _value in sections[""]:
        if key in SYNTAX_KEYS:
            raise CopylintError(f"{path}:{number}: '{key}' is a syntax-specific option")
    levels: dict[str, Level] = {}
    glob_sections: list[Section] = []
    global_styles: tuple[str, ...] = ()
    global_switches: dict[str, bool] = {}
    global_tokens: tuple[str, ...] = ()
    global_blocks: tuple[str, ...] = ()
    ignored = {key for key in core if key not in SUPPORTED_KEYS}
    formats, unread = _formats(sections.get("formats", []))
    ignored |= {f"[formats] {extension}" for extension in unread}
    for name, entries in sections.items():
        if name in ("", *_SPECIAL_SECTIONS):
            continue
        for number, key, _value in entries:
            if key in CORE_KEYS:
                raise CopylintError(
                    f"{path}:{number}: '{key}' is a core option; it should be defined above "
                    "any syntax-specific options ('[...]')"
                )
        values = _entries(entries)
        styles = _list(values["BasedOnStyles"]) if "BasedOnStyles" in values else None
        switches = _switches(entries, levels)
        ignored |= {key for key in values if key in SYNTAX_KEYS and key not in SUPPORTED_KEYS}
        tokens = _patterns(path, "TokenIgnores", values.get("TokenIgnores", []))
        blocks = _patterns(
            path,
            "BlockIgnores",
            [*values.get("BlockIgnores", []), *values.get("IgnorePatterns", [])],
        )
        if name == "*":
            global_styles, global_switches = styles or (), switches
            global_tokens, global_blocks = tokens, blocks
        else:
            glob_sections.append(Section(name, styles, switches, tokens, blocks))
    markup = replace(
        VALE_MARKUP,
        ignored_tags=_tags(core, "IgnoredScopes", VALE_MARKUP.ignored_tags),
        skipped_tags=_tags(core, "SkippedScopes", VALE_MARKUP.skipped_tags),
        ignored_classes=frozenset(_list(core.get("IgnoredClasses", []))),
        token_ignores=global_tokens,
        block_ignores=global_blocks,
    )
    selection = Selection(global_styles, global_switches, tuple(glob_sections), markup)
    named = [*global_styles, *(s for section in glob_sections for s in section.styles or ())]
    switched = [
        rule.split(".", 1)[0]
        for switches in (global_switches, *(section.switches for section in glob_sections))
        for rule in switches
    ]
    styles_path = tuple(folder / entry for entry in core.get("StylesPath", [])[-1:])
    return ValeProject(
        path=path,
        styles_path=styles_path,
        styles=tuple(dict.fromkeys([*named, *switched])),
        selection=selection,
        rule_levels=levels,
        min_level=_min_level(path, core.get("MinAlertLevel", ["suggestion"])[-1]),
        formats=formats,
        ignored=tuple(sorted(ignored)),
        vocabulary=_vocabulary(path, _list(core.get("Vocab", [])), styles_path),
    )


def _formats(entries: list[tuple[int, str, str]]) -> tuple[dict[str, Format], list[str]]:
    """``[formats]``: each extension read as another's format (``mdx = md``); those
    mapped onto a format copylint does not read (``rst``) are returned apart."""
    formats: dict[str, Format] = {}
    unread = []
    for _number, extension, target in entries:
        fmt = format_for_extension(target)
        if fmt is None:
            unread.append(extension)
        else:
            formats[extension.lower().lstrip(".")] = fmt
    return formats, unread


def _vocabulary(path: Path, names: tuple[str, ...], styles_path: tuple[Path, ...]) -> Vocabulary:
    """Read each named vocabulary's ``accept.txt`` and ``reject.txt`` (one term a line;
    ``# `` starts a comment) from ``config/vocabularies/NAME`` under the styles path."""
    accepted: list[str] = []
    rejected: list[str] = []
    files: list[Path] = []
    for name in names:
        folder = next(
            (
                base / VOCABULARIES / name
                for base in styles_path
                if (base / VOCABULARIES / name).is_dir()
            ),
            None,
        )
        if folder is None:
            raise CopylintError(f"{path}: Vocab: '{VOCABULARIES}/{name}' folder does not exist")
        for kept, file_name in ((accepted, "accept.txt"), (rejected, "reject.txt")):
            words = folder / file_name
            if words.is_file():
                kept.extend(_terms(words))
                files.append(words)
    config = styles_path[0] / "config" if styles_path else None
    return Vocabulary(
        tuple(accepted),
        tuple(rejected),
        tuple(files),
        word_lists=tuple(sorted(config.glob("ignore/**/*.txt"))) if config else (),
        dictionaries=tuple(sorted(config.glob("dictionaries/*.dic"))) if config else (),
    )


def _terms(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CopylintError(f"{path}: cannot read the vocabulary: {error}") from None
    terms = (line.strip() for line in lines)
    return [term for term in terms if term and not term.startswith("# ")]


def _tags(core: dict[str, list[str]], key: str, default: frozenset[str]) -> frozenset[str]:
    """A list of tag names; code is always ignored, whatever the list."""
    if key not in core:
        return default
    return frozenset(_list(core[key])) | (INLINE_CODE if key == "IgnoredScopes" else frozenset())


def _patterns(path: Path, key: str, values: list[str]) -> tuple[str, ...]:
    """``TokenIgnores`` and ``BlockIgnores``: patterns separated by commas (a comma inside
    a pattern's parentheses or brackets is the pattern's own), each checked."""
    found = tuple(pattern for value in values for pattern in _split_patterns(value))
    for pattern in found:
        try:
            regex.compile(pattern, regex.VERSION1)
        except regex.error as error:
            raise CopylintError(
                f"{path}: {key}: '{pattern}' is not a valid regular expression: {error}"
            ) from None
    return found


def _split_patterns(value: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    escaped = False
    for char in value:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    parts.append(current.strip())
    return [part for part in parts if part]


def _entries(entries: list[tuple[int, str, str]]) -> dict[str, list[str]]:
    """Gather each key's values, shadows included, in order."""
    values: dict[str, list[str]] = {}
    for _number, key, value in entries:
        values.setdefault(key, []).append(value)
    return values


def _list(values: list[str]) -> tuple[str, ...]:
    """A comma-separated option, over all its shadows, each name once."""
    names = (name.strip() for value in values for name in value.split(","))
    return tuple(dict.fromkeys(name for name in names if name))


def _switches(entries: list[tuple[int, str, str]], levels: dict[str, Level]) -> dict[str, bool]:
    """Read ``Style.Rule = YES|NO|level``: on or off here; a level applies everywhere."""
    switches: dict[str, bool] = {}
    for _number, key, value in entries:
        if key in SYNTAX_KEYS:
            continue
        switches[key] = value in _SWITCH_VALUES
        if value in _SWITCH_VALUES[1:]:
            levels[key] = Level.parse(value)
    return switches


def _min_level(path: Path, value: str) -> Level:
    try:
        return Level.parse(value)
    except ValueError:
        raise CopylintError(
            f"{path}: MinAlertLevel must be 'suggestion', 'warning', or 'error'"
        ) from None
