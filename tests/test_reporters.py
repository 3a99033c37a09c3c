"""Reporters write exact, stable strings."""

from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from copylint.cli import main
from copylint.diagnostics import Diagnostic, Level
from copylint.reporters import ReportContext, reporter, statistics

FOUND = [
    Diagnostic(
        "a.md",
        3,
        5,
        3,
        11,
        "newsroom.Attribution",
        Level.WARNING,
        "Use 'said' instead of 'stated', 100% sure: yes",
        "stated",
        ("said",),
        "https://example.com/said",
    ),
    Diagnostic(
        "a.md",
        7,
        1,
        8,
        2,
        "newsroom.DuplicateParagraph",
        Level.ERROR,
        "Paragraph repeats line 2\nsecond line",
    ),
    Diagnostic("b,c.txt", 1, 1, 1, 4, "newsroom.Exclamation", Level.SUGGESTION, "Hey"),
]


def _render(fmt: str, found: list[Diagnostic] = FOUND) -> str:
    stream = io.StringIO()
    reporter(fmt)(found, ReportContext(files=3), stream)
    return stream.getvalue()


def test_text() -> None:
    assert _render("text").splitlines() == [
        "a.md:3:5: warning[newsroom.Attribution] Use 'said' instead of 'stated', 100% sure: yes",
        "a.md:7:1: error[newsroom.DuplicateParagraph] Paragraph repeats line 2\\nsecond line",
        "b,c.txt:1:1: suggestion[newsroom.Exclamation] Hey",
        "Found 3 problems (1 error, 1 warning, 1 suggestion) in 2 of 3 files.",
    ]


def test_line() -> None:
    assert _render("line").splitlines()[:2] == [
        "a.md:3:5:newsroom.Attribution:Use 'said' instead of 'stated', 100% sure: yes",
        "a.md:7:1:newsroom.DuplicateParagraph:Paragraph repeats line 2\\nsecond line",
    ]


def test_github_escapes_data_and_properties() -> None:
    assert _render("github").splitlines() == [
        "::warning file=a.md,line=3,col=5,endLine=3,endColumn=11,title=newsroom.Attribution::"
        "Use 'said' instead of 'stated', 100%25 sure: yes",
        "::error file=a.md,line=7,col=1,endLine=8,endColumn=2,title=newsroom.DuplicateParagraph"
        "::Paragraph repeats line 2%0Asecond line",
        "::notice file=b%2Cc.txt,line=1,col=1,endLine=1,endColumn=4,title=newsroom.Exclamation"
        "::Hey",
    ]


def test_sarif_results_and_levels() -> None:
    log = json.loads(_render("sarif"))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "newsroom.Attribution",
        "newsroom.DuplicateParagraph",
        "newsroom.Exclamation",
    ]
    assert [(r["ruleId"], r["level"], r["ruleIndex"]) for r in run["results"]] == [
        ("newsroom.Attribution", "warning", 0),
        ("newsroom.DuplicateParagraph", "error", 1),
        ("newsroom.Exclamation", "note", 2),
    ]
    assert run["results"][1]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.md"},
        "region": {"startLine": 7, "startColumn": 1, "endLine": 8, "endColumn": 2},
    }


def test_sarif_carries_rule_metadata_and_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.txt").write_text("He stated that the the vote was close.\n", encoding="utf-8")
    main(["--format", "sarif", str(tmp_path / "d.txt")])
    log = json.loads(capsys.readouterr().out)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["newsroom.Attribution"]["helpUri"] == "https://www.apstylebook.com/"
    assert rules["newsroom.DoubledWord"]["defaultConfiguration"] == {"level": "error"}
    schema = Path(__file__).parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if schema.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(log, json.loads(schema.read_text(encoding="utf-8")))


def test_vale_json_is_vales_own_shape() -> None:
    alerts = json.loads(_render("vale-json"))
    assert list(alerts) == ["a.md", "b,c.txt"]
    assert alerts["a.md"][0] == {
        "Action": {"Name": "", "Params": None},
        "Span": [5, 10],
        "Check": "newsroom.Attribution",
        "Description": "",
        "Link": "https://example.com/said",
        "Message": "Use 'said' instead of 'stated', 100% sure: yes",
        "Severity": "warning",
        "Match": "stated",
        "Line": 3,
    }
    assert [alert["Span"] for alert in alerts["a.md"]] == [[5, 10], [1, 1]]


def test_vale_output_names_pick_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text("Headline\n\nIt was was late.\n", encoding="utf-8")
    main(["--output", "JSON", "--select", "newsroom.DoubledWord", "d.txt"])
    alert = json.loads(capsys.readouterr().out)["d.txt"][0]
    assert (alert["Check"], alert["Line"], alert["Span"], alert["Match"]) == (
        "newsroom.DoubledWord",
        3,
        [4, 10],
        "was was",
    )
    main(["--output", "line", "--select", "newsroom.DoubledWord", "d.txt"])
    assert capsys.readouterr().out.startswith("d.txt:3:4:newsroom.DoubledWord:")


def test_junit() -> None:
    root = ElementTree.fromstring(_render("junit"))
    assert (root.get("tests"), root.get("failures")) == ("3", "3")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "b,c.txt"]
    case = suites[0].find("testcase")
    assert case is not None and case.get("name") == "newsroom.Attribution at 3:5"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "warning"


def test_junit_without_findings_has_one_passing_case() -> None:
    root = ElementTree.fromstring(_render("junit", []))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")


def test_statistics() -> None:
    stream = io.StringIO()
    statistics.report([*FOUND, FOUND[0]], ReportContext(files=3), stream)
    assert stream.getvalue().splitlines() == [
        "2  newsroom.Attribution         warning",
        "1  newsroom.DuplicateParagraph  error",
        "1  newsroom.Exclamation         suggestion",
        "Found 4 problems (1 error, 2 warnings, 1 suggestion) in 2 of 3 files.",
    ]


def test_auto_format_picks_github_in_actions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "d.txt").write_text("It was was late.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["--format", "auto", str(tmp_path / "d.txt")])
    assert capsys.readouterr().out.startswith("::error file=")
    monkeypatch.delenv("GITHUB_ACTIONS")
    main(["--format", "auto", str(tmp_path / "d.txt")])
    assert capsys.readouterr().out.startswith(str(tmp_path / "d.txt") + ":1:4: error[")
