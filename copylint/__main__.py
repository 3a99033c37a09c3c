"""``python -m copylint``."""

from copylint.cli import entry_point

entry_point()
