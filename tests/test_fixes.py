"""Safe fixes: what is fixed, what is left alone, and files written without risk."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from copylint.cli import main

HEADLINE = "**Truce Talks Resume in Geneva**"
LEDE = "Negotiators met again on Thursday as a fragile truce held along the border."
QUOTE = "The envoy stated, “We are close to a deal, but not there yet,” before leaving."
AID = "Aid convoys reached three towns near the border for the first time in weeks."
SEED = "\n".join(
    [
        "A standfirst that runs well past any wrap width, as the CMS export does, ending here.",
        HEADLINE,
        "",
        HEADLINE,
        LEDE,
        QUOTE,
        AID,
        QUOTE,
        AID,
    ]
)


def _draft(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def test_seed_draft_keeps_one_copy_and_every_other_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _draft(tmp_path, "draft.txt", SEED)
    main(["--fix", str(path)])
    lines = SEED.split("\n")
    expected = "\n".join(lines[:3] + lines[4:7]) + "\n"
    assert path.read_text(encoding="utf-8") == expected
    assert "fixed 3 problems in 1 file" in capsys.readouterr().err
    main(["--fix", str(path)])
    assert path.read_text(encoding="utf-8") == expected
    assert "fixed 0 problems in 0 files" in capsys.readouterr().err


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _draft(tmp_path, "draft.txt", SEED)
    assert main(["--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert f"-{HEADLINE}\n" in out and f"-{AID}\n\\ No newline at end of file\n" in out
    assert path.read_text(encoding="utf-8") == SEED
    assert main(["--diff", str(_draft(tmp_path, "clean.txt", LEDE + "\n"))]) == 0


def test_bom_crlf_and_permissions_survive(tmp_path: Path) -> None:
    text = "\r\n".join(["# Talks", "", LEDE, "", AID, "", AID, ""])
    path = _draft(tmp_path, "draft.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    path.chmod(0o640)
    main(["--fix", str(path)])
    assert path.read_bytes() == b"\xef\xbb\xbf" + "\r\n".join(
        ["# Talks", "", LEDE, "", AID, ""]
    ).encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_symlink_target_is_fixed_and_link_kept(tmp_path: Path) -> None:
    target = _draft(tmp_path, "real.md", f"{LEDE}\n\n{LEDE}\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    main(["--fix", str(link)])
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == f"{LEDE}\n"


def test_what_is_fixed_and_what_is_only_suggested(tmp_path: Path) -> None:
    text = (
        "# Talks\n\n"
        "Past history shows each and every truce failed. President Joe Biden agreed.\n\n"
        "Steve Witkoff, a former Middle East envoy, and the envoy stated that it held.\n\n"
        f"{AID}\n\n{AID.replace('weeks', 'months')}\n"
    )
    path = _draft(tmp_path, "draft.md", text)
    main(["--fix", "--as-of", "2025-06-01", str(path)])
    assert path.read_text(encoding="utf-8") == text.replace("Past history", "History").replace(
        "President Joe Biden", "Former President Joe Biden"
    )


def test_html_copy_sharing_a_line_is_not_deleted(tmp_path: Path) -> None:
    text = f"<p>{LEDE}</p>\n<p>{LEDE}</p><p>{AID}</p>\n<p>{LEDE}</p>\n"
    path = _draft(tmp_path, "d.html", text)
    main(["--fix", str(path)])
    assert path.read_text(encoding="utf-8") == f"<p>{LEDE}</p>\n<p>{LEDE}</p><p>{AID}</p>\n"


def test_fix_needs_files(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"x"), encoding="utf-8")
    assert main(["--fix"], stdin=stdin) == 2
    assert "--fix and --diff work on files" in capsys.readouterr().err


def test_fix_deletes_an_exact_prose_repeat_but_never_a_table_row_or_a_near_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repeated = "Crews reopened the coastal highway on Tuesday after two days of heavy rain."
    near = "Crews expect the harbour bridge to reopen on Friday if the wind drops by then."
    text = "\n\n".join(
        [
            "Highway reopens",
            "Avg shrs 13.9 mln vs 13.8 mln",
            repeated,
            near,
            "Year",
            "Avg shrs 13.9 mln vs 13.8 mln",
            repeated,
            near.replace("drops", "falls"),
        ]
    )
    path = _draft(tmp_path, "draft.txt", text + "\n")
    main(["--fix", str(path)])
    kept = path.read_text(encoding="utf-8").split("\n\n")
    assert kept.count("Avg shrs 13.9 mln vs 13.8 mln") == 2
    assert kept.count(repeated) == 1
    assert near.replace("drops", "falls") + "\n" in kept
    assert "Paragraph repeats line 7 (1 word changed)" in capsys.readouterr().out
