"""A long-lived linting session: the language server's and the check service's.

The configuration, the rules and the cache are loaded once, when the session starts;
each check then lints one text as the command line lints a file of that name (its
extension sets the format, a Vale project's sections apply to it by that name), with
the archive of the configuration compared as in a commit, and the story date from the
text's front matter, else ``as_of``, else the configuration's, else today.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from copylint.archive import Archive
from copylint.cache import Cache, cache_at
from copylint.config import Config, find_config, load_config
from copylint.diagnostics import Diagnostic
from copylint.documents import Format
from copylint.errors import CopylintError
from copylint.files import Draft
from copylint.packs import load_rules, rule_names
from copylint.rules import Rule
from copylint.runner import lint_drafts


@dataclass(frozen=True, slots=True)
class Session:
    """What every check of a session shares."""

    config: Config
    rules: tuple[Rule, ...]
    names: frozenset[str]
    cache: Cache

    @classmethod
    def start(cls, folder: Path, config_file: Path | None = None) -> Session:
        """Load the configuration found from ``folder`` (or ``config_file``) and its
        rules; raises CopylintError as the command line would report it."""
        found = config_file or find_config(folder)
        config = load_config(found) if found else Config(root=folder)
        cache = cache_at(config.root)
        rules = tuple(load_rules(config, cache=cache))
        return cls(config, rules, rule_names(config, cache), cache)

    def check(
        self,
        text: str,
        name: str,
        fmt: Format | None = None,
        as_of: datetime.date | None = None,
        saved_as: Path | None = None,
    ) -> list[Diagnostic]:
        """Lint ``text`` as a file called ``name`` (relative to the configuration's
        folder, or absolute); ``saved_as`` is the file it is an edited copy of, which
        the archive then leaves out. Raises CopylintError for text that cannot be
        linted."""
        display = _relative(name, self.config.root)
        fmt = fmt or self.config.format_of(display) or Format.TEXT
        draft = Draft(display, fmt, data=text.encode("utf-8"), max_bytes=self.config.max_file_size)
        saved = [Draft(display, fmt, str(saved_as))] if saved_as and saved_as.is_file() else []
        run = self.config.run_context(as_of, self.names, self.cache)
        archive = Archive.of(self.config, saved)
        result = lint_drafts([draft], self.rules, dataclasses.replace(run, archive=archive), jobs=1)
        if result.errors and result.errors[0].startswith(f"{display}:"):
            raise CopylintError(result.errors[0])
        return [diagnostic for diagnostic in result.diagnostics if diagnostic.path == display]


def _relative(name: str, root: Path) -> str:
    """``name`` relative to ``root`` when it is under it, with forward slashes."""
    path = Path(name)
    if path.is_absolute():
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()
    return Path(os.path.normpath(name)).as_posix()
