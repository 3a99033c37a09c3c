"""The command line: output formats, exit codes, input handling and errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copylint import __version__
from copylint.cli import main

DRAFT = (
    "Council delays budget vote\n"
    "\n"
    "The council voted to delay the the budget.\n"
    "The mayor stated that the delay was needed.\n"
)


def _stdin(text: str | bytes) -> io.TextIOWrapper:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_and_exit_code(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft.txt"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "draft.txt:3:28: error[newsroom.DoubledWord] 'the' is repeated",
        "draft.txt:4:11: warning[newsroom.Attribution] "
        "Use 'said' instead of 'stated' to attribute a quote",
        "Found 2 problems (1 error, 1 warning) in 1 of 1 file.",
    ]


def test_no_colour_when_not_a_terminal(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["draft.txt"])
    assert "\033[" not in capsys.readouterr().out


def test_json_output(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json", "draft.txt"]) == 1
    entries = json.loads(capsys.readouterr().out)
    assert entries[1] == {
        "path": "draft.txt",
        "line": 4,
        "column": 11,
        "end_line": 4,
        "end_column": 17,
        "rule": "newsroom.Attribution",
        "severity": "warning",
        "message": "Use 'said' instead of 'stated' to attribute a quote",
        "match": "stated",
        "suggestions": ["said"],
        "link": "https://www.apstylebook.com/",
    }
    assert entries[0]["match"] == "the the"


def test_json_is_an_empty_array_when_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("# Vote delayed\n\nThe council voted on Tuesday.\n", encoding="utf-8")
    assert main(["--format", "json", str(clean)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_fail_on_and_min_level(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ignore", "newsroom.DoubledWord", "draft.txt"]) == 0
    assert main(["--ignore", "newsroom.DoubledWord", "--fail-on", "warning", "draft.txt"]) == 1
    capsys.readouterr()
    assert main(["--min-level", "error", "draft.txt"]) == 1
    assert "Attribution" not in capsys.readouterr().out


def test_select_and_ignore_take_rules_and_packs(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--select", "newsroom.Attribution", "draft.txt"])
    assert "DoubledWord" not in capsys.readouterr().out
    assert main(["--ignore", "newsroom", "draft.txt"]) == 0
    assert "No problems found in 1 file." in capsys.readouterr().out


def test_unknown_rule_name_is_a_usage_error(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--select", "newsroom.Nope", "draft.txt"]) == 2
    assert capsys.readouterr().err == "copylint: --select: no rule or pack named 'newsroom.Nope'\n"


def test_list_rules_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-rules"]) == 0
    listed = capsys.readouterr().out
    assert "newsroom.DoubledWord" in listed and "repetition" in listed
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"copylint {__version__}\n"


def test_stdin_with_dash_and_with_no_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-"], stdin=_stdin(DRAFT)) == 1
    assert capsys.readouterr().out.startswith("stdin.txt:3:28: error[newsroom.DoubledWord]")
    assert main([], stdin=_stdin(DRAFT)) == 1
    assert capsys.readouterr().out.startswith("stdin.txt:3:28:")


def test_stdin_filename_and_ext_set_name_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    markdown = "# Title\n\nThe *vote* vote passed.\n"
    main(["--stdin-filename", "story.md"], stdin=_stdin(markdown))
    assert capsys.readouterr().out.startswith("story.md:3:6: error[newsroom.DoubledWord]")
    main(["--ext", ".md"], stdin=_stdin(markdown))
    assert capsys.readouterr().out.startswith("stdin.md:3:6:")


def test_terminal_stdin_without_paths_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert main([], stdin=Terminal()) == 2
    assert "no input" in capsys.readouterr().err


def test_walks_folders_skipping_hidden_and_node_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in (
        "a/story.md",
        "a/b/story.html",
        ".git/x.md",
        "node_modules/p/readme.md",
        "a/notes.rst",
        "a/.hidden.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "<p>It was was late.</p>\n" if name.endswith("html") else "It was was late.\n",
            encoding="utf-8",
        )
    assert main(["."]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "a/b/story.html:1:7: error[newsroom.DoubledWord] 'was' is repeated",
        "a/story.md:1:4: error[newsroom.DoubledWord] 'was' is repeated",
        "Found 2 problems (2 errors) in 2 of 2 files.",
    ]


def test_named_file_with_other_extension_is_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.rst").write_text("It was was late.\n", encoding="utf-8")
    assert main(["notes.rst"]) == 1
    assert capsys.readouterr().out.startswith("notes.rst:1:4:")


def test_ext_reads_a_named_file_as_that_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.xyz").write_text("`was was` and was was\n", encoding="utf-8")
    assert main(["--ext", ".md", "story.xyz"]) == 1
    assert capsys.readouterr().out.startswith("story.xyz:1:15:")


def test_bad_files_are_reported_and_the_rest_still_linted(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society\nline two \xff\n".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    assert main(["latin1.txt", "image.txt", "empty.md", "missing.md", "draft.txt"]) == 2
    captured = capsys.readouterr()
    assert "draft.txt:3:28: error[newsroom.DoubledWord]" in captured.out
    assert captured.err.splitlines() == [
        "copylint: latin1.txt:1:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        "copylint: image.txt: binary file (contains NUL bytes), not linted",
        "copylint: missing.md: no such file or folder",
    ]


def test_unreadable_file_is_an_error(
    draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_open = os.open

    def refuse(path: object, *args: int) -> int:
        if Path(str(path)).name == "draft.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert main(["draft.txt"]) == 2
    assert capsys.readouterr().err == "copylint: draft.txt: cannot read: Permission denied\n"


def test_ext_with_a_folder_is_an_error(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ext", ".md", "."]) == 2
    assert "--ext applies to files and standard input" in capsys.readouterr().err


def test_unknown_ext_is_an_error(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--ext", ".docx", "draft.txt"]) == 2
    assert "--ext: unknown extension '.docx'" in capsys.readouterr().err


def test_front_matter_error_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    assert main(["story.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copylint: story.md:") and "invalid YAML in front matter" in err


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "copylint", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout == f"copylint {__version__}\n"


def test_the_process_exits_with_its_output_written_and_its_exit_functions_run(
    draft: Path, tmp_path: Path
) -> None:
    """The exit skips freeing objects, not flushing the output or writing the compiled
    code (an exit function, here writing to a bytecode folder of its own)."""
    bytecode = tmp_path / "bytecode"
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(bytecode)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "-m", "copylint", "--format", "json", "draft.txt"],
        capture_output=True,
        text=True,
        env=environment,
    )
    assert result.returncode == 1
    assert [finding["rule"] for finding in json.loads(result.stdout)] == [
        "newsroom.DoubledWord",
        "newsroom.Attribution",
    ]
    assert len(list(bytecode.rglob("compiled.*.pickle"))) == 1


def test_output_cut_short_by_a_closed_pipe_exits_1_without_a_traceback(tmp_path: Path) -> None:
    words = ["council", "mayor", "budget", "road", "storm", "river", "school", "police"]
    paragraphs = [f"{words[n % 8]} {words[n // 8 % 8]} {n} met the the board." for n in range(2000)]
    draft = tmp_path / "long.txt"
    draft.write_text("Storm closes road\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "copylint", "--select", "newsroom.DoubledWord", str(draft)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100).startswith(str(draft).encode())
    process.stdout.close()  # far more than a pipe holds (64 KB) is still to be written
    assert process.wait() == 1
    assert process.stderr.read() == b""


def test_glob_keeps_the_files_it_matches_and_negated_the_others(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (draft.parent / "notes").mkdir()
    (draft.parent / "notes" / "a.md").write_text("The the notes.\n", encoding="utf-8")

    def linted(*options: str) -> list[str]:
        main(["--format", "json", *options, "."])
        return sorted({d["path"] for d in json.loads(capsys.readouterr().out)})

    assert linted() == ["draft.txt", "notes/a.md"]
    assert linted("--glob", "*.md") == ["notes/a.md"]  # without **, * spans folders
    assert linted("--glob", "!**/*.md") == ["draft.txt"]
    assert linted("--glob", "*.{txt,html}") == ["draft.txt"]


def test_no_exit_and_exit_zero_exit_0_on_findings_but_not_on_errors(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--no-exit", "draft.txt"]) == 0
    assert main(["--exit-zero", "draft.txt"]) == 0
    assert main(["--no-exit", "missing.txt"]) == 2
    capsys.readouterr()


def test_ignore_syntax_reads_markdown_as_plain_text(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (draft.parent / "a.md").write_text("# Title\n\nSee **the** the draft.\n", encoding="utf-8")
    main(["--format", "json", "--select", "newsroom.DoubledWord", "a.md"])
    assert [(d["line"], d["column"]) for d in json.loads(capsys.readouterr().out)] == [(3, 7)]
    main(["--format", "json", "--select", "newsroom.DoubledWord", "--ignore-syntax", "a.md"])
    assert json.loads(capsys.readouterr().out) == []  # "**the**" is not "the" as text
