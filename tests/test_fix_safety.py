"""``--fix`` is as safe as an editor's save: faults and concurrent runs never lose copy."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import copylint.autofix
import copylint.writing
from copylint.cache import CACHE_NAME
from copylint.cli import main

LEDE = "Negotiators met again on Thursday as a fragile truce held along the border."
AID = "Aid convoys reached three towns near the border for the first time in weeks."
DRAFT = f"# Talks\n\n{LEDE}\n\n{AID}\n\n{AID}\n"
FIXED = f"# Talks\n\n{LEDE}\n\n{AID}\n"
LEFT = "d.md:7:1: error[newsroom.DuplicateParagraph] Paragraph repeats line 5 (word for word)"


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _files(folder: Path) -> list[str]:
    """The files beside the draft, the cache folder aside."""
    return sorted(path.name for path in folder.iterdir() if path.name != CACHE_NAME)


def _refused(draft: Path, capsys: pytest.CaptureFixture[str], message: str) -> None:
    """--fix leaves the draft as it was, says why in one line, and reports what is there."""
    assert main(["--fix", "d.md"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "copylint: fixed 0 problems in 0 files",
        f"copylint: d.md: {message}",
    ]
    assert captured.out.splitlines() == [LEFT, "Found 1 problem (1 error) in 1 of 1 file."]
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert not [name for name in _files(draft.parent) if name.endswith(".copylint-tmp")]


def test_a_read_only_file_is_refused(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft.chmod(0o444)
    _refused(draft, capsys, "the file is read-only; not fixed")
    assert _files(draft.parent) == ["d.md"]


def test_a_read_only_folder_is_refused(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft.parent.chmod(0o555)
    try:
        _refused(draft, capsys, "its folder is read-only; not fixed")
    finally:
        draft.parent.chmod(0o755)
    assert _files(draft.parent) == ["d.md"]


def test_a_hard_link_is_kept_by_refusing(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.link(draft, draft.parent / "copy.txt.bak")
    _refused(
        draft, capsys, "the file has 2 hard links, which writing the fix would break; not fixed"
    )
    assert (draft.parent / "copy.txt.bak").read_text(encoding="utf-8") == DRAFT
    assert os.stat(draft).st_nlink == 2


def test_a_full_disk_leaves_the_file_and_no_temporary(
    draft: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_handle: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(copylint.writing.os, "write", full)
    _refused(
        draft, capsys, "cannot write the fix: no space left on the disk; the file is unchanged"
    )
    assert _files(draft.parent) == ["d.md"]


def test_a_file_changed_while_fixing_is_left_to_its_writer(
    draft: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = f"# Talks\n\n{AID}\n\n{AID}\n\nA paragraph the editor just added.\n"
    fix_drafts = copylint.autofix.fix_drafts

    def edited_meanwhile(*args: object, **kwargs: object) -> object:
        outcome = fix_drafts(*args, **kwargs)  # type: ignore[arg-type]
        draft.write_text(theirs, encoding="utf-8")
        return outcome

    monkeypatch.setattr(copylint.autofix, "fix_drafts", edited_meanwhile)
    assert main(["--fix", "d.md"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "copylint: fixed 0 problems in 0 files",
        "copylint: d.md: changed since copylint read it; not fixed",
    ]
    assert draft.read_text(encoding="utf-8") == theirs
    assert _files(draft.parent) == ["d.md"]


def test_a_utf16_draft_is_fixed_in_utf16(draft: Path) -> None:
    draft.write_bytes(DRAFT.encode("utf-16"))
    assert main(["--fix", "d.md"]) == 0
    assert draft.read_bytes() == FIXED.encode("utf-16")


def _copylint_fix(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "copylint", "--fix", "d.md"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_concurrent_fixes_never_lose_a_byte(draft: Path) -> None:
    for _ in range(5):
        draft.write_text(DRAFT, encoding="utf-8")
        runs = [_copylint_fix(draft.parent) for _ in range(3)]
        codes = sorted(run.wait(timeout=120) for run in runs)
        assert draft.read_text(encoding="utf-8") == FIXED
        assert codes[0] == 0 and set(codes) <= {0, 2}
        assert _files(draft.parent) == ["d.md"]


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_an_interrupted_fix_leaves_the_old_file_or_the_new_one(
    draft: Path, signum: signal.Signals
) -> None:
    """Killed at any moment, the file is whole; SIGTERM leaves no temporary file, and
    the next --fix removes one that SIGKILL left."""
    started = time.monotonic()
    _copylint_fix(draft.parent).wait(timeout=120)
    span = time.monotonic() - started
    chance = random.Random(signum)
    for _ in range(12):
        draft.write_text(DRAFT, encoding="utf-8")
        run = _copylint_fix(draft.parent)
        time.sleep(chance.uniform(0.5, 1.0) * span)
        run.send_signal(signum)
        run.wait(timeout=120)
        assert draft.read_text(encoding="utf-8") in (DRAFT, FIXED)
        if signum == signal.SIGTERM:
            assert _files(draft.parent) == ["d.md"]
    _copylint_fix(draft.parent).wait(timeout=120)
    assert draft.read_text(encoding="utf-8") == FIXED
    assert _files(draft.parent) == ["d.md"]
