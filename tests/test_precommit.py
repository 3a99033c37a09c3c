"""The README's pre-commit and GitHub Actions snippets, run for real.

The pre-commit hook is installed by the pre-commit package from this project's current
commit (pre-commit clones it), so the test exercises what is committed; CI runs it on a
clean clone. The workflow's lint step is run as GitHub Actions would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
import yaml

PROJECT = Path(__file__).resolve().parent.parent
PARAGRAPH = "Heavy rain closed the coastal highway north of the city on Sunday, officials said."


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def project_commit() -> str:
    try:
        return _git(PROJECT, "rev-parse", "HEAD").strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("the project is not a git checkout")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def readme_block(marker: str) -> str:
    """Return the README's fenced YAML block that contains ``marker``."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = regex.findall(r"```yaml\n(.*?)```", readme, flags=regex.S)
    return next(block for block in blocks if marker in block)


def _repository(tmp_path: Path, commit: str, hook: str = "copylint") -> Path:
    """A scratch repository whose config is the README's snippet, pointed at this commit."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    config = yaml.safe_load(readme_block("id: copylint"))
    config["repos"][0].update(repo=str(PROJECT), rev=commit)
    config["repos"][0]["hooks"][0]["id"] = hook
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return repo


def _run_hook(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_hook_fails_on_a_duplicated_paragraph_and_passes_a_clean_draft(
    tmp_path: Path, project_commit: str, pre_commit_home: Path
) -> None:
    repo = _repository(tmp_path, project_commit)
    draft = repo / "draft.txt"
    draft.write_text(
        f"Highway closes in storm\n{PARAGRAPH}\nCrews are at work.\n{PARAGRAPH}\n", encoding="utf-8"
    )
    _git(repo, "add", ".")
    failed = _run_hook(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert (
        "draft.txt:4:1: error[newsroom.DuplicateParagraph] Paragraph repeats line 2 (word for word)"
    ) in failed.stdout

    draft.write_text(
        f"Highway closes in storm\n{PARAGRAPH}\nCrews are at work.\n", encoding="utf-8"
    )
    _git(repo, "add", ".")
    passed = _run_hook(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "copylint" in passed.stdout and "Passed" in passed.stdout


def test_hook_compares_staged_drafts_with_the_archive(
    tmp_path: Path, project_commit: str, pre_commit_home: Path
) -> None:
    repo = _repository(tmp_path, project_commit)
    (repo / ".copylint.yaml").write_text(
        'archive: ["stories/**"]\nfail_on: warning\n', encoding="utf-8"
    )
    (repo / "stories").mkdir()
    (repo / "stories" / "monday.md").write_text(
        f"# Highway closes\n\n{PARAGRAPH}\n", encoding="utf-8"
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "--no-verify", "-m", "archive")
    (repo / "stories" / "tuesday.md").write_text(
        f"# Highway reopens\n\nCrews reopened the road.\n\n{PARAGRAPH}\n", encoding="utf-8"
    )
    _git(repo, "add", ".")
    result = _run_hook(repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "stories/tuesday.md:5:1: warning[newsroom.ReusedParagraph] Paragraph also "
        "appears in stories/monday.md:3 (word for word)"
    ) in result.stdout


def test_repo_hook_lints_every_draft_not_only_the_staged_ones(
    tmp_path: Path, project_commit: str, pre_commit_home: Path
) -> None:
    repo = _repository(tmp_path, project_commit, hook="copylint-repo")
    (repo / "stories").mkdir()
    (repo / "stories" / "old.txt").write_text("Storm hits coast\nIt was was late.\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "--no-verify", "-m", "archive")
    (repo / "stories" / "new.txt").write_text(f"Highway closes in storm\n{PARAGRAPH}\n")
    _git(repo, "add", ".")
    result = _run_hook(repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stories/old.txt:2:4: error[newsroom.DoubledWord] 'was' is repeated" in result.stdout
    assert "new.txt:" not in result.stdout


def test_readme_rev_is_a_commit_of_this_repository_with_both_hooks() -> None:
    rev = yaml.safe_load(readme_block("id: copylint"))["repos"][0]["rev"]
    if _git(PROJECT, "rev-parse", "--is-shallow-repository").strip() == "true":
        pytest.skip("a shallow clone may not hold the README's rev")
    manifest = yaml.safe_load(_git(PROJECT, "show", f"{rev}:.pre-commit-hooks.yaml"))
    assert [hook["id"] for hook in manifest] == ["copylint", "copylint-repo"]
    _git(PROJECT, "merge-base", "--is-ancestor", rev, "HEAD")


def test_readme_workflow_step_annotates_only_changed_lines(tmp_path: Path) -> None:
    steps = yaml.safe_load(readme_block(".github/workflows"))["jobs"]["copylint"]["steps"]
    command = steps[-1]["run"]
    repo = tmp_path / "site"
    (repo / "stories").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "stories" / "old.txt").write_text("It was was late.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "archive")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    _git(repo, "checkout", "-q", "-b", "story")
    (repo / "stories" / "new.txt").write_text(
        "Storm hits coast\nThe the storm hit.\n", encoding="utf-8"
    )
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_BASE_REF": "main",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    done = subprocess.run(
        ["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "::error file=stories/new.txt,line=2,col=1,endLine=2,endColumn=8,"
        "title=newsroom.DoubledWord::'the' is repeated"
    ]
