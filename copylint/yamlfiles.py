"""YAML files read safely, their errors described in one line naming the file and line.

Imported by the runs that read YAML (a config file, rule files not yet in the cache,
front matter, knowledge bases): PyYAML and its patterns cost about 15 ms at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from copylint.errors import CopylintError
from copylint.positions import LineIndex


def describe_yaml_error(where: str, error: Exception, text: str, line_offset: int = 0) -> str:
    """Describe a PyYAML error in ``text`` in one line: ``where:LINE: invalid YAML: problem``.

    Lines are counted as copylint counts them (YAML also breaks lines at U+0085, U+2028
    and U+2029); ``line_offset`` is how many lines come before ``text`` in its file.
    """
    lines = LineIndex(text)
    mark = getattr(error, "problem_mark", None)

    def line_of(found: Any) -> int:
        return lines.position(min(found.index, len(text)))[0] + line_offset

    line = f":{line_of(mark)}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if mark is not None:
        if context and context_mark is not None and line_of(context_mark) != line_of(mark):
            problem += f", {context} that starts on line {line_of(context_mark)}"
        problem += _unusual_break(lines.line_text(line_of(mark) - line_offset))
    return f"{where}{line}: invalid YAML: {problem}"


_UNUSUAL_BREAKS = {
    "\x85": "U+0085 NEXT LINE",
    "\u2028": "U+2028 LINE SEPARATOR",
    "\u2029": "U+2029 PARAGRAPH SEPARATOR",
}


def _unusual_break(line: str) -> str:
    """Explain an invisible character on ``line`` that YAML takes for a line break."""
    for char, name in _UNUSUAL_BREAKS.items():
        if char in line:
            return f" (the line holds {name}, which YAML reads as a line break)"
    return ""


class YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading only, with libyaml's C parser where PyYAML has it.

    A value shaped like a date that is no day of the calendar ("2025-02-30") stays the
    text it is, so that the reader reports it with its file and key instead of failing.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely (``YamlLoader``)."""
    return yaml.load(text, Loader=YamlLoader)


def read_data_file(name: str) -> Any:
    """Parse one of copylint's own YAML data files (``copylint/data/NAME``)."""
    return load_yaml(resources.files("copylint").joinpath("data", name).read_text("utf-8"))


def compose_yaml(text: str) -> yaml.Node | None:
    """Parse YAML text into its node tree, with the same loader."""
    return yaml.compose(text, Loader=YamlLoader)


def read_yaml_file(path: Path, what: str, parse: Callable[[str], Any] = load_yaml) -> Any:
    """Read and parse the YAML file at ``path``; any problem is a CopylintError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CopylintError(f"{path}: cannot read {what}: {error}") from None
    try:
        return parse(text)
    except yaml.YAMLError as error:
        raise CopylintError(describe_yaml_error(str(path), error, text)) from None
