"""What a draft's outcome is made of, digested: the key ``copylint.results`` keeps it under.

- the draft: its name, its format, how its markup is read, its bytes;
- each rule that runs on it as configured (name, level, scope, message, options), and
  every file in the folders its packs are loaded from (their word lists, knowledge
  bases and dictionaries among them), in their styles folder and its ``config/``, and
  every file its options name;
- the run: its date, its extra knowledge bases (their content), the house spellings,
  the rule names that directives may name;
- copylint's code (``cache.code_stamp``), Python's version and its libraries' versions.

Everything is written the same way in every process (``_stable``), so that the next
run's key of an unchanged draft is the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import regex

from copylint.cache import code_stamp, content_digest
from copylint.documents.markup import Markup
from copylint.files import Draft
from copylint.linter import RuleSet, RunContext
from copylint.rules import Rule

LIBRARIES = (
    "pyyaml",
    "regex",
    "markdown-it-py",
    "linkify-it-py",
    "rapidfuzz",
    "textstat",
    "pyphen",
    "pyahocorasick",
)
"""The libraries whose version may change an outcome: copylint's dependencies."""


@dataclass(frozen=True, slots=True)
class Keyed:
    """A draft's name, the digest its outcome is kept under, and the draft with the
    bytes digested (linted as they are, should its file change meanwhile)."""

    path: str
    key: str
    draft: Draft


class OutcomeKeys:
    """Keys the drafts of one run: what holds for all of them is digested once."""

    def __init__(self, rules: RuleSet, run: RunContext) -> None:
        self.rules = rules
        self.run = run
        self.run_digest = _run_digest(rules, run)
        self._by_rules: dict[tuple[str, ...], str] = {}
        self._by_markup: dict[Markup, str] = {}

    def of(self, draft: Draft) -> Keyed | None:
        """Read the draft and digest everything its outcome is made of; None for a draft
        whose outcome is not kept (not a reported file, or one that cannot be read)."""
        if not draft.reported or draft.data is not None:
            return None
        try:
            data = draft.read()
        except Exception:  # linting it reports why it cannot be read
            return None
        path = draft.display_path
        digest = hashlib.sha256(self.run_digest.encode())
        digest.update(self._rules_digest(self.run.rules_for(self.rules, path)).encode())
        digest.update(self._markup_digest(self.run.markup_for(path)).encode())
        digest.update(f"\0{path}\0{draft.format.value}\0".encode())
        digest.update(data)
        return Keyed(path, digest.hexdigest(), dataclasses.replace(draft, data=data))

    def _rules_digest(self, rules: RuleSet) -> str:
        """Digest the rules that run on a draft (a Vale project's sections vary them)."""
        running = rules.rules()
        names = tuple(rule.name for rule in running)
        if names not in self._by_rules:
            text = "\0".join(_stable(_as_configured(rule)) for rule in running)
            self._by_rules[names] = hashlib.sha256(text.encode()).hexdigest()
        return self._by_rules[names]

    def _markup_digest(self, markup: Markup) -> str:
        if markup not in self._by_markup:
            self._by_markup[markup] = _stable(markup)
        return self._by_markup[markup]


def _run_digest(rules: RuleSet, run: RunContext) -> str:
    """Digest what holds for every draft of the run."""
    digest = hashlib.sha256(code_stamp().encode())
    digest.update(f"\0{sys.version}\0".encode())
    for library in LIBRARIES:
        digest.update(f"{library} {_version(library)}\0".encode())
    settings = (run.as_of, run.house_spellings, run.rule_names, run.knowledge_bases)
    digest.update(_stable(settings).encode())
    for source in (*_rule_sources(rules.rules()), *run.knowledge_bases):
        with contextlib.suppress(OSError):
            digest.update(f"\0{source}\0".encode() + content_digest(source))
    return digest.hexdigest()


def _rule_sources(rules: Sequence[Rule]) -> list[Path]:
    """The files the rules may be built from: every file in the folders they are loaded
    from and in their styles folders' ``config/`` (where Vale keeps dictionaries,
    vocabularies, word lists), their styles folders' own files, and the files their
    options name (a knowledge base, a title grammar)."""
    packs = {rule.path.parent for rule in rules if rule.path.is_file()}
    found = {path for pack in packs for path in pack.rglob("*")}
    found |= {path for pack in packs for path in (pack.parent / "config").rglob("*")}
    found |= {path for pack in packs for path in pack.parent.iterdir()}
    found |= {path for rule in rules for path in _named_files(rule.options)}
    return sorted(path for path in found if path.is_file())


def _named_files(options: object) -> list[Path]:
    """The paths among the options' values (the rule loader takes them from the rule's
    folder)."""
    if not dataclasses.is_dataclass(options):
        return []
    values = [getattr(options, field.name) for field in dataclasses.fields(options)]
    flat = [item for value in values for item in (value if isinstance(value, tuple) else [value])]
    return [item for item in flat if isinstance(item, Path)]


def _as_configured(rule: Rule) -> object:
    """A rule as its files and the config make it (its check is built from that)."""
    built = rule.options if rule.options is not None else rule.check
    return (rule.name, rule.level, rule.scope, rule.message, rule.limit, rule.action, built)


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "none"


def _stable(value: object) -> str:
    """Write ``value`` the same way in every process: sets in order (``repr`` orders a
    set by its strings' hashes, which differ from run to run)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (f"{f.name}={_stable(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__qualname__}({', '.join(fields)})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(_stable, value))) + "}"
    if isinstance(value, Mapping):
        items = sorted(f"{_stable(key)}: {_stable(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(_stable, value)) + "]"
    if isinstance(value, regex.Pattern):
        return f"regex({value.pattern!r}, {value.flags})"
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    return repr(value)
