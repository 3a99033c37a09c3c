"""Keep a record on one line: a file name or a match may hold a line break, and a
command-line mistake is one line too."""

from __future__ import annotations

import argparse
from typing import NoReturn

import regex

from copylint.compiled import compiled

_BREAKING = compiled(r"[\p{Cc}\x85\u2028\u2029--\t]", regex.V1)
_NAMED = {"\n": "\\n", "\r": "\\r"}


def one_line(text: str) -> str:
    """Return ``text`` with its control characters and line separators escaped
    (``\\n``, ``\\r``, ``\\x1b``, ``\\u2028``); tabs stay."""
    return _BREAKING.sub(lambda found: _escape(found.group()), text)


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def jobs_option(value: str) -> int:
    """Read ``--jobs``: a whole number of processes, 1 or more."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes (1 or more)")
    return jobs
