"""``--format junit``: a JUnit XML report, for CI systems that show test results.

Each file with findings is a test suite and each finding a failed test case, named by
its rule; a run with no findings is one passing case, so the report is never empty.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TextIO

from copylint.diagnostics import Diagnostic
from copylint.reporters.context import ReportContext


def report(diagnostics: Sequence[Diagnostic], context: ReportContext, stream: TextIO) -> None:
    """Write one ``<testsuites>`` document."""
    from xml.etree import ElementTree  # imported by the runs that write XML

    root = ElementTree.Element(
        "testsuites",
        name="copylint",
        tests=str(max(len(diagnostics), 1)),
        failures=str(len(diagnostics)),
    )
    for path, group in itertools.groupby(diagnostics, key=lambda d: d.path):
        found = list(group)
        suite = ElementTree.SubElement(
            root, "testsuite", name=path, tests=str(len(found)), failures=str(len(found))
        )
        for d in found:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{d.rule} at {d.line}:{d.column}",
                classname=path,
                file=path,
                line=str(d.line),
            )
            failure = ElementTree.SubElement(case, "failure", message=d.message, type=d.level.label)
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.level.label}[{d.rule}] {d.message}"
    if not diagnostics:
        suite = ElementTree.SubElement(root, "testsuite", name="copylint", tests="1", failures="0")
        ElementTree.SubElement(
            suite, "testcase", name=f"{context.files} files checked", classname="copylint"
        )
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode"))
    stream.write("\n")
