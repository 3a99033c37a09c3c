"""Directives in drafts switch rules off, Vale's comments included; bad ones are reported."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from copylint.cli import main


def _lint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, *flags: str
) -> list[str]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    main([*flags, str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()[:-1]
    return [
        line.split(":", 1)[1].split(" ", 1)[0] + " " + line.split("[")[1].split("]")[0]
        for line in lines
    ]


def test_disable_enable_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """\
        It was was late.

        <!-- copylint-disable newsroom.DoubledWord -->
        It was was late again.

        <!-- copylint-enable newsroom.DoubledWord -->
        It was was later still.
        """,
    ) == ["1:4: newsroom.DoubledWord", "7:4: newsroom.DoubledWord"]


def test_disable_next_line_and_pack_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """\
        <!-- copylint-disable-next-line newsroom -->
        It was was late.
        It was was late again.
        """,
    ) == ["3:4: newsroom.DoubledWord"]


def test_disable_file_covers_cross_file_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = "Heavy rain closed the coastal highway north of the city on Sunday, officials said."
    (tmp_path / "a.md").write_text(f"# One\n\n{shared}\n", encoding="utf-8")
    assert _lint(
        tmp_path,
        capsys,
        "b.md",
        f"""\
        <!-- copylint-disable-file newsroom.ReusedParagraph -->
        # Two

        {shared} It was was late.
        """,
        "--select",
        "newsroom",
    ) == ["4:87: newsroom.DoubledWord"]


def test_vale_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """\
        <!-- vale off -->
        It was was late.
        <!-- vale on -->

        <!-- vale newsroom.DoubledWord = NO -->
        It was was late. He stated that it was.
        <!-- vale newsroom.DoubledWord = YES -->

        It was was late.<!-- vale Microsoft.Passive = NO --> Fine.
        """,
    ) == ["6:21: newsroom.Attribution", "9:4: newsroom.DoubledWord"]


def test_vale_comments_for_one_match_a_style_and_unknown_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``Rule["match"] = NO`` silences that rule on those words only; ``Style = off``
    the whole style; ``style = One`` runs only the styles named; a Vale comment copylint
    does not read is left alone, never an error."""
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """        <!-- vale newsroom.DoubledWord["was was", "is is"] = NO -->
        It was was late. It is the the end.
        <!-- vale newsroom.DoubledWord["was was", "is is"] = YES -->

        <!-- vale newsroom = off -->
        It was was late.
        <!-- vale newsroom = on -->

        <!-- vale style = Microsoft -->
        It was was late.

        <!-- vale styles = Microsoft, newsroom -->
        It was was late.

        <!-- vale this is no switch -->
        It was was late.
        """,
    ) == ["2:24: newsroom.DoubledWord", "13:4: newsroom.DoubledWord", "16:4: newsroom.DoubledWord"]


def test_html_directives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.html",
        """\
        <p>It was was late.</p>
        <!-- copylint-disable -->
        <p>It was was late.</p>
        <!-- copylint-enable -->
        <p>It was <!-- copylint-disable-next-line --> was late.</p>
        <p>It was was late.</p>
        """,
    ) == ["1:7: newsroom.DoubledWord", "5:7: newsroom.DoubledWord"]


def test_plain_text_directive_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.txt",
        """\
        Storm closes road
        <!-- copylint-disable-next-line newsroom.DoubledWord -->
        It was was late.
        It was was late.
        """,
    ) == ["4:4: newsroom.DoubledWord"]


def test_unknown_and_unused_directives_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """\
        <!-- copylint-disable newsroom.Nope -->
        <!-- copylint-disable-next-line newsroom.Attribution -->
        It was late.
        <!-- copylint-frobnicate -->
        """,
    ) == [
        "1:1: copylint.InvalidDirective",
        "2:1: copylint.UnusedDirective",
        "4:1: copylint.InvalidDirective",
    ]


def test_unused_is_not_reported_for_rules_that_did_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _lint(
            tmp_path,
            capsys,
            "d.md",
            """\
        <!-- copylint-disable-next-line newsroom.Attribution -->
        He stated that it was.
        """,
            "--select",
            "newsroom.DoubledWord",
        )
        == []
    )


def test_directive_findings_can_be_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _lint(
            tmp_path,
            capsys,
            "d.md",
            """\
        <!-- copylint-disable newsroom.DoubledWord -->
        Fine.
        """,
            "--ignore",
            "copylint.UnusedDirective",
        )
        == []
    )


def test_invalid_directive_fails_the_run(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("<!-- copylint-disable newsroom.Nope -->\nFine.\n", encoding="utf-8")
    assert main([str(path)]) == 1


def test_directives_in_markdown_code_are_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _lint(
        tmp_path,
        capsys,
        "d.md",
        """\
        Write `<!-- copylint-disable-next-line newsroom.Nope -->` before a line.

        ```markdown
        <!-- copylint-disable newsroom.DoubledWord -->
        ```

        It was was late.
        """,
    ) == ["7:4: newsroom.DoubledWord"]
