"""The session the language server and the check service share."""

from __future__ import annotations

import datetime
from pathlib import Path

from copylint.session import Session

COPIED = (
    "The council agreed a budget of 4.2 million pounds on Tuesday after a debate that "
    "ran past midnight, with two members voting against the plan."
)


def _newsroom(folder: Path) -> Path:
    (folder / ".copylint.yaml").write_text('archive: ["stories/**"]\n', encoding="utf-8")
    (folder / "stories").mkdir()
    (folder / "stories" / "old.txt").write_text(
        f"Council budget passes\n\n{COPIED}\n", encoding="utf-8"
    )
    return folder / "stories" / "old.txt"


def test_a_checked_text_is_compared_with_the_archive(tmp_path: Path) -> None:
    _newsroom(tmp_path)
    session = Session.start(tmp_path)
    found = session.check(f"New budget row\n\n{COPIED}\n", "draft.txt")
    assert [(d.rule, d.line, d.column) for d in found] == [("newsroom.ReusedParagraph", 3, 1)]


def test_an_edited_archive_story_is_not_compared_with_its_own_saved_copy(tmp_path: Path) -> None:
    old = _newsroom(tmp_path)
    session = Session.start(tmp_path)
    edited = old.read_text(encoding="utf-8") + "\nA new last paragraph.\n"
    assert session.check(edited, str(old), saved_as=old) == []


def test_the_story_date_comes_from_front_matter_then_the_request(tmp_path: Path) -> None:
    session = Session.start(tmp_path)
    text = (
        "The talks were joined by Steve Witkoff, a Middle East envoy during the Trump "
        "administration.\n"
    )
    before = session.check(text, "a.txt", as_of=datetime.date(2020, 6, 1))
    after = session.check(text, "a.txt", as_of=datetime.date(2025, 6, 1))
    dated = session.check(
        f"---\ndate: 2020-06-01\n---\n{text}", "a.md", as_of=datetime.date(2025, 6, 1)
    )
    assert [d.rule for d in before] == []
    assert [d.rule for d in after] == ["newsroom.StaleTitle"]
    assert [d.rule for d in dated] == []
