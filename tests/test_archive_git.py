"""The archive in a git work tree: a run looks only at the stories git says may have
changed since the index last held them all, and finds what walking the archive finds."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

import copylint.archive
from copylint.archive import Archive
from copylint.archive_index import INDEX_NAME
from copylint.cache import CACHE_NAME
from copylint.cli import main
from copylint.worktree import WorkTree

BACKGROUND = "The coastal highway has been closed four times this winter, the agency said."
FLOODS = "Floodwater reached the ground floor of the town hall before dawn, the mayor said."
DRAFT = f"# Highway reopens\n\nCrews reopened the road.\n\n{BACKGROUND}\n\n{FLOODS}\n"


def _git(folder: Path, *arguments: str) -> None:
    identity = ["-c", "user.name=Desk", "-c", "user.email=desk@example.invalid"]
    subprocess.run(
        ["git", "-C", str(folder), *identity, *arguments], check=True, capture_output=True
    )


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose newsroom (config, archive, draft) is in ``desk/``."""
    desk = tmp_path / "desk"
    stories = desk / "stories" / "2025"
    stories.mkdir(parents=True)
    (desk / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    for day in range(1, 4):
        (stories / f"day {day}.md").write_text(
            f"# Storm day {day}\n\nRain fell for a {day}th day on the coast.\n", encoding="utf-8"
        )
    (stories / "monday.md").write_text(f"# Highway closes\n\n{BACKGROUND}\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.tmp.md\n.copylint_cache/\n", encoding="utf-8")
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "--quiet", "--message", "Archive")
    (desk / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(desk)
    return desk


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the walks of the whole archive."""
    walked: list[str] = []
    walk = Archive.walk

    def counted(archive: Archive) -> object:
        walked.append(archive.root)
        return walk(archive)

    monkeypatch.setattr(copylint.archive.Archive, "walk", counted)
    return walked


def _findings(capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    main(["--select", "newsroom.ReusedParagraph", *options, "draft.md"])
    return capsys.readouterr().out.splitlines()[:-1]


def _checked(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The findings through the index, which must be those of walking the archive."""
    found = _findings(capsys)
    assert found == _findings(capsys, "--no-cache")
    return found


def _reused(story: str, line: int = 3, draft_line: int = 5) -> str:
    return (
        f"draft.md:{draft_line}:1: warning[newsroom.ReusedParagraph] Paragraph also appears "
        f"in stories/2025/{story}:{line} (word for word)"
    )


def test_after_one_walk_runs_look_only_at_what_git_says_changed(
    newsroom: Path, capsys: pytest.CaptureFixture[str], walks: list[str]
) -> None:
    assert _findings(capsys) == [_reused("monday.md")]
    assert len(walks) == 1
    assert _findings(capsys) == [_reused("monday.md")]
    assert len(walks) == 1

    stories = newsroom / "stories" / "2025"
    (stories / "day 2.md").write_text(f"# Floods\n\n{FLOODS}\n", encoding="utf-8")
    (stories / "monday.md").unlink()
    assert _findings(capsys) == [_reused("day 2.md", draft_line=7)]
    assert len(walks) == 1


def test_changes_found_through_git_match_a_walk(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = newsroom / "stories" / "2025"
    top = newsroom.parent
    assert _checked(capsys) == [_reused("monday.md")]

    (stories / "day 1.md").write_text(f"# Floods\n\n{FLOODS}\n", encoding="utf-8")
    assert _checked(capsys) == [_reused("monday.md"), _reused("day 1.md", draft_line=7)]

    _git(top, "checkout", "--", "desk/stories/2025/day 1.md")  # as committed again
    assert _checked(capsys) == [_reused("monday.md")]

    (stories / "day 1.md").write_text(f"# Floods\n\n{FLOODS}\n", encoding="utf-8")
    assert _checked(capsys) == [_reused("monday.md"), _reused("day 1.md", draft_line=7)]

    _git(top, "commit", "--quiet", "--all", "--message", "Floods")
    assert _checked(capsys) == [_reused("monday.md"), _reused("day 1.md", draft_line=7)]

    _git(top, "revert", "--no-edit", "HEAD")  # back as in the commit first indexed
    assert _checked(capsys) == [_reused("monday.md")]

    (stories / "new.md").write_text(f"# Floods again\n\n{FLOODS}\n", encoding="utf-8")
    assert _checked(capsys) == [_reused("monday.md"), _reused("new.md", draft_line=7)]

    _git(top, "rm", "--quiet", "desk/stories/2025/monday.md")
    assert _checked(capsys) == [_reused("new.md", draft_line=7)]


def test_a_story_git_ignores_is_looked_at_every_time(
    newsroom: Path, capsys: pytest.CaptureFixture[str], walks: list[str]
) -> None:
    ignored = newsroom / "stories" / "2025" / "wire.tmp.md"
    ignored.write_text("# Wire\n\nNothing yet.\n", encoding="utf-8")
    assert _checked(capsys) == [_reused("monday.md")]
    ignored.write_text(f"# Wire\n\n{FLOODS}\n", encoding="utf-8")
    walked = len(walks)
    assert _findings(capsys) == [_reused("monday.md"), _reused("wire.tmp.md", draft_line=7)]
    ignored.write_text("# Wire\n\nNothing yet.\n", encoding="utf-8")
    assert _findings(capsys) == [_reused("monday.md")]
    assert len(walks) == walked


def test_a_story_read_through_a_link_is_named_as_a_walk_names_it(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = newsroom / "stories" / "2025"
    (stories / "wire.md").write_text("# Wire\n\nNothing yet.\n", encoding="utf-8")
    (stories / "a-wire.md").symlink_to("wire.md")  # met first: the walk reads it there
    _git(newsroom.parent, "add", ".")
    _git(newsroom.parent, "commit", "--quiet", "--message", "Wire")
    assert _checked(capsys) == [_reused("monday.md")]
    (stories / "wire.md").write_text(f"# Wire\n\n{FLOODS}\n", encoding="utf-8")
    _git(newsroom.parent, "commit", "--quiet", "--all", "--message", "Wire copy")
    assert _checked(capsys) == [_reused("monday.md"), _reused("a-wire.md", draft_line=7)]


def test_a_new_repository_inside_the_archive_is_looked_into(
    newsroom: Path, capsys: pytest.CaptureFixture[str], walks: list[str]
) -> None:
    assert _checked(capsys) == [_reused("monday.md")]
    nested = newsroom / "stories" / "2025" / "syndicated"
    nested.mkdir()
    (nested / "floods.md").write_text(f"# Floods\n\n{FLOODS}\n", encoding="utf-8")
    _git(nested, "init", "--quiet")
    _git(nested, "add", ".")
    _git(nested, "commit", "--quiet", "--message", "Syndicated")
    walked = len(walks)
    assert _findings(capsys) == [
        _reused("monday.md"),
        _reused("syndicated/floods.md", draft_line=7),
    ]
    assert _findings(capsys) == [
        _reused("monday.md"),
        _reused("syndicated/floods.md", draft_line=7),
    ]
    shutil.rmtree(nested)
    assert _findings(capsys) == [_reused("monday.md")]
    assert len(walks) == walked
    with contextlib.closing(sqlite3.connect(newsroom / CACHE_NAME / INDEX_NAME)) as index:
        kept = [path for (path,) in index.execute("SELECT path FROM stories")]
    assert len(kept) == 4  # the nested repository's story is dropped from the index


def test_new_archive_globs_walk_the_archive_again(
    newsroom: Path, capsys: pytest.CaptureFixture[str], walks: list[str]
) -> None:
    assert _findings(capsys) == [_reused("monday.md")]
    (newsroom / ".copylint.yaml").write_text(
        'archive: ["stories/**"]\nexclude: ["stories/2025/monday.md"]\n', encoding="utf-8"
    )
    assert _findings(capsys) == []
    assert len(walks) == 2


def test_a_work_tree_tells_its_commit_and_what_differs(newsroom: Path) -> None:
    (newsroom / "stories" / "2025" / "day 1.md").write_text("# Changed\n", encoding="utf-8")
    (newsroom / "stories" / "2025" / "café.md").write_text("# New\n", encoding="utf-8")
    (newsroom / "stories" / "2025" / "x.tmp.md").write_text("# Ignored\n", encoding="utf-8")
    tree = WorkTree.of(newsroom / "stories")
    assert tree is not None
    assert (tree.top, tree.scope) == (newsroom.parent, "desk/stories")
    assert len(tree.head) == 40
    assert tree.changed == {  # not desk/draft.md: outside the folder asked about
        "desk/stories/2025/day 1.md",
        "desk/stories/2025/café.md",
    }
    assert tree.changed_since("0" * 40) is None


def test_a_hook_s_git_variables_do_not_lead_git_elsewhere(
    newsroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    _git(other, "init", "--quiet")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    tree = WorkTree.of(newsroom)
    assert tree is not None
    assert tree.changed == {"desk/draft.md"}


def test_outside_a_work_tree_git_tells_nothing(tmp_path: Path) -> None:
    assert WorkTree.of(tmp_path) is None
