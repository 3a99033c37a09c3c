"""``--statistics``: how many findings of each rule, most frequent first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters.context import ReportContext
from copylint.reporters.text import summary


def report(diagnostics: Sequence[Diagnostic], context: ReportContext, stream: TextIO) -> None:
    """Write ``count  Rule.Name  level`` lines, then the summary."""
    counts = Counter((d.rule, d.level.label) for d in diagnostics)
    width = max((len(str(count)) for count in counts.values()), default=1)
    name_width = max((len(rule) for rule, _level in counts), default=0)
    for (rule, level), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>{width}}  {rule:<{name_width}}  {level}\n")
    stream.write(summary(diagnostics, context.files) + "\n")
