"""Errors a user sees as one line: bad input, bad configuration, bad rule files."""


class CopylintError(Exception):
    """A problem to report in one line without a traceback; the run exits with 2."""
