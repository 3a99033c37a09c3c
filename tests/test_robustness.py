"""Bad input and faults: each case is a one-line message naming the file, exit 2, the
rest of the run going on, and no file changed."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from copylint import linter
from copylint.budget import budgets, regex_timeout, time_budget, unbudgeted
from copylint.cache import CACHE_NAME
from copylint.checks.person_names import name_index
from copylint.cli import main
from copylint.names import NameIndex

GOOD = "The council voted to delay the the budget.\n"
GOOD_FINDING = "good.txt:1:28: error[newsroom.DoubledWord] 'the' is repeated"


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder``, the cache folder aside, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and CACHE_NAME not in path.parts
    }


def _run(
    folder: Path, files: dict[str, str | bytes], args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str], list[str]]:
    """Write ``files`` (with good.txt beside them), run copylint; return the exit code,
    stdout lines and stderr lines, after checking that no file changed."""
    for name, content in {"good.txt": GOOD, **files}.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    before = _snapshot(folder)
    code = main(args)
    captured = capsys.readouterr()
    assert _snapshot(folder) == before
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "story.md",
            "---\ntitle: Budget\ndate: 2025-02-30\n---\n\nThe council met.\n",
            "story.md: front matter: date: '2025-02-30' is not a day of the calendar",
        ),
        (
            "story.md",
            "---\ndate: 2024-13-45\n---\n\nThe council met.\n",
            "story.md: front matter: date: '2024-13-45' is not a day of the calendar",
        ),
        (
            "story.md",
            "---\ndate: next tuesday\n---\n\nThe council met.\n",
            "story.md: front matter: date: 'next tuesday' is not a date (use YYYY-MM-DD)",
        ),
        (
            "story.md",
            "---\ndate: 20250101\n---\n\nThe council met.\n",
            "story.md: front matter: date: '20250101' is not a date (use YYYY-MM-DD)",
        ),
        (
            "story.html",
            '<html><head><meta name="date" content="2025-02-30"></head>'
            "<body><p>The council met.</p></body></html>",
            "story.html: <meta date>: '2025-02-30' is not a day of the calendar",
        ),
    ],
)
def test_an_impossible_date_is_reported_and_the_run_goes_on(
    folder: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    code, out, err = _run(folder, {name: content}, [name, "good.txt"], capsys)
    assert code == 2
    assert err == [f"copylint: {message}"]
    assert out == [GOOD_FINDING, "Found 1 problem (1 error) in 1 of 1 file."]


def test_an_archive_story_with_an_impossible_date_does_not_block_a_commit(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The archive is only compared with; its story is reported when it is linted."""
    (folder / "archive").mkdir()
    files = {
        ".copylint.yaml": "archive: ['archive/**']\n",
        "archive/old.md": "---\ndate: 2025-02-30\n---\n\nThe council met.\n",
    }
    code, out, err = _run(folder, files, ["good.txt"], capsys)
    assert (code, out, err) == (1, [GOOD_FINDING, "Found 1 problem (1 error) in 1 of 1 file."], [])
    code, out, err = _run(folder, {}, ["archive"], capsys)
    assert (code, out) == (2, ["No problems found in 0 files."])
    assert err == [
        "copylint: archive/old.md: front matter: date: '2025-02-30' is not a day of the calendar"
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("as_of: 2025-02-30\n", ".copylint.yaml: as_of: '2025-02-30' is not a day of the calendar"),
        (
            "knowledge_bases: [people.yaml]\n",
            "people.yaml: people[0].offices[0].start: '2024-13-45' is not a day of the calendar",
        ),
    ],
)
def test_an_impossible_date_in_a_config_or_knowledge_base_is_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:
    people = (
        "verified_as_of: 2025-01-01\npeople:\n  - name: Jane Roe\n    offices:\n"
        "      - {title: Mayor, role: mayor of Springfield, start: 2024-13-45}\n"
    )
    files = {".copylint.yaml": config, "people.yaml": people}
    code, out, err = _run(folder, files, ["good.txt"], capsys)
    assert (code, out) == (2, [])
    assert len(err) == 1
    assert err[0].startswith("copylint: ")
    assert err[0].endswith(message)


@pytest.mark.parametrize("line", ["# ", "#", "**  **", "****", "# \t"])
def test_an_empty_heading_marker_in_plain_text_is_linted_as_text(
    folder: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    code, out, err = _run(folder, {"odd.txt": f"{line}\n\n{GOOD}"}, ["odd.txt"], capsys)
    assert (code, err) == (1, [])
    assert out == [
        "odd.txt:3:28: error[newsroom.DoubledWord] 'the' is repeated",
        "Found 1 problem (1 error) in 1 of 1 file.",
    ]


def test_the_summary_counts_only_the_files_linted(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(folder, {"bad.md": "---\ndate: 2025-02-30\n---\n"}, ["bad.md"], capsys)
    assert code == 2
    assert out == ["No problems found in 0 files."]
    assert err == [
        "copylint: bad.md: front matter: date: '2025-02-30' is not a day of the calendar"
    ]


def test_a_runaway_pattern_is_stopped_reported_once_and_the_run_goes_on(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "styles" / "Style").mkdir(parents=True)
    files = {
        ".copylint.yaml": "packs: [newsroom, Style]\nstyles_path: [styles]\n",
        "styles/Style/Runaway.yml": (
            "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\n"
            "tokens: ['(a|aa)+$']\n"
        ),
        "run.txt": "a" * 40 + "!\n\n" + "a" * 40 + "!\n",
    }
    code, out, err = _run(folder, files, ["run.txt", "good.txt"], capsys)
    assert code == 1
    assert out == [
        GOOD_FINDING,
        "run.txt:1:41: suggestion[newsroom.Exclamation] Exclamation point outside a quotation",
        "run.txt:3:41: suggestion[newsroom.Exclamation] Exclamation point outside a quotation",
        "Found 3 problems (1 error, 2 suggestions) in 2 of 2 files.",
    ]
    assert err == [
        "copylint: warning: run.txt: Style.Runaway stopped after 1.0 s; its findings in this "
        "file are left out (it runs away on this text)"
    ]


def test_a_fifo_named_or_walked_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for args in (["pipe.md", "good.txt"], ["."]):
        done = subprocess.run(
            [sys.executable, "-m", "copylint", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2
        assert done.stderr.splitlines() == ["copylint: pipe.md: a named pipe (FIFO), not linted"]
        assert done.stdout.splitlines() == [
            GOOD_FINDING,
            "Found 1 problem (1 error) in 1 of 1 file.",
        ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda f: (f / "loop.md").symlink_to("loop.md"), "loop.md: a loop of symbolic links"),
        (
            lambda f: (f / "gone.md").symlink_to("nowhere.md"),
            "gone.md: a broken symbolic link (to 'nowhere.md')",
        ),
        (lambda f: None, "missing.md: no such file or folder"),
    ],
)
def test_a_path_that_leads_nowhere_says_why(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], object],
    message: str,
) -> None:
    make(folder)
    name = message.split(":")[0]
    code, out, err = _run(folder, {}, [name, "good.txt"], capsys)
    assert (code, err) == (2, [f"copylint: {message}"])
    assert out == [GOOD_FINDING, "Found 1 problem (1 error) in 1 of 1 file."]


def test_a_file_named_twice_or_through_a_link_is_linted_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "alias.txt").symlink_to("good.txt")
    code, out, err = _run(folder, {}, ["good.txt", "./good.txt", "alias.txt", "."], capsys)
    assert (code, err) == (1, [])
    assert out == [GOOD_FINDING, "Found 1 problem (1 error) in 1 of 1 file."]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_linted(
    folder: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(codec, b"")
    data = bom + f"Caf\u00e9 news\n\n{GOOD}".encode(codec)
    code, out, err = _run(folder, {"wide.txt": data}, ["wide.txt"], capsys)
    assert (code, err) == (1, [])
    assert out == [
        "wide.txt:3:28: error[newsroom.DoubledWord] 'the' is repeated",
        "Found 1 problem (1 error) in 1 of 1 file.",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            GOOD.encode("utf-16-le"),
            "looks like UTF-16 (little-endian) without a byte order mark, not linted; "
            "save it as UTF-8",
        ),
        (
            GOOD.encode("utf-32-be"),
            "looks like UTF-32 (big-endian) without a byte order mark, not linted; "
            "save it as UTF-8",
        ),
        (bytes(range(256)), "binary file (contains NUL bytes), not linted"),
        (b"Caf\xe9 society\n", "1:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
        (
            codecs.BOM_UTF16_LE + b"a\x00\x00\xd8",
            "not valid UTF-16 (at byte 4); save the file as UTF-8",
        ),
    ],
)
def test_text_copylint_cannot_read_says_what_it_is(
    folder: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    code, out, err = _run(folder, {"odd.txt": data}, ["odd.txt", "good.txt"], capsys)
    separator = "" if message[0].isdigit() else " "
    assert (code, err) == (2, [f"copylint: odd.txt:{separator}{message}"])
    assert out == [GOOD_FINDING, "Found 1 problem (1 error) in 1 of 1 file."]


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_jobs_must_be_a_number_of_processes(
    folder: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--jobs", jobs, "good.txt"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        f"copylint: error: argument --jobs: '{jobs}' is not a number of processes (1 or more) "
        "(see copylint --help)\n"
    )


def test_a_line_break_in_a_file_name_stays_inside_its_record(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {"two\nlines.txt": GOOD}
    code, out, _err = _run(folder, files, ["two\nlines.txt"], capsys)
    assert code == 1
    assert out[0] == "two\\nlines.txt:1:28: error[newsroom.DoubledWord] 'the' is repeated"
    main(["--format", "line", "two\nlines.txt"])
    assert capsys.readouterr().out.splitlines() == [
        "two\\nlines.txt:1:28:newsroom.DoubledWord:'the' is repeated"
    ]


def test_markdown_nested_a_dozen_lists_or_25_quotes_deep_is_linted(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = "".join("  " * depth + "- Level\n" for depth in range(12))
    files = {
        "lists.md": lists + "  " * 12 + "- The the item.\n",
        "quotes.md": ">" * 25 + " The the deep quote.\n",
    }
    code, out, err = _run(folder, files, ["lists.md", "quotes.md"], capsys)
    assert (code, err) == (1, [])
    assert out == [
        "lists.md:13:27: error[newsroom.DoubledWord] 'the' is repeated",
        "quotes.md:1:27: error[newsroom.DoubledWord] 'the' is repeated",
        "Found 2 problems (2 errors) in 2 of 2 files.",
    ]


def test_markdown_nested_too_deep_to_parse_whole_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        folder, {"deep.md": "Intro.\n\n" + ">" * 300 + " x\n"}, ["deep.md"], capsys
    )
    assert (code, out) == (2, ["No problems found in 0 files."])
    assert err == [
        "copylint: deep.md:3: Markdown nested more than 200 levels deep (a list item counts "
        "two, a quote one); not linted"
    ]


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("max_file_size: 40\n", "big.txt: 12.9 kB, over the 40 B limit"),
        ("max_file_size: 0.01 MB\n", "big.txt: 12.9 kB, over the 10 kB limit"),
    ],
)
def test_a_file_over_the_size_limit_is_refused_whole(
    folder: Path, capsys: pytest.CaptureFixture[str], limit: str, message: str
) -> None:
    files = {".copylint.yaml": limit, "big.txt": GOOD * 300}
    code, out, err = _run(folder, files, ["big.txt"], capsys)
    assert (code, out) == (2, ["No problems found in 0 files."])
    assert err == [f"copylint: {message} (max_file_size in the config); not linted"]


def test_a_size_that_is_no_size_names_the_config_key(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(folder, {".copylint.yaml": "max_file_size: lots\n"}, ["good.txt"], capsys)
    assert (code, out) == (2, [])
    assert err == [
        f"copylint: {folder / '.copylint.yaml'}: max_file_size: 'lots' is not a size "
        "(write it as 20 MB, 512 kB or bytes)"
    ]


def test_a_rule_of_thousands_of_words_finds_them_in_time(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = [f"w{number:05d}x" for number in range(20000)]
    (folder / "styles" / "Big").mkdir(parents=True)
    files = {
        ".copylint.yaml": "packs: [Big]\nstyles_path: [styles]\n",
        "styles/Big/Words.yml": "extends: existence\nmessage: \"'%s'\"\nlevel: error\n"
        "ignorecase: true\ntokens:\n" + "".join(f"  - {word}\n" for word in words),
        "story.txt": "The council met. " * 500 + "Then W12345X and w00007x-like came.\n",
    }
    code, out, err = _run(folder, files, ["story.txt"], capsys)
    assert (code, err) == (1, [])
    assert out == [
        "story.txt:1:8506: error[Big.Words] 'W12345X'",
        "story.txt:1:8518: error[Big.Words] 'w00007x'",
        "Found 2 problems (2 errors) in 1 of 1 file.",
    ]


def _burn(seconds: float) -> None:
    """Spend ``seconds`` of processor time."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_time_budget_counts_processor_time_not_waiting() -> None:
    with time_budget(0.2):
        time.sleep(0.4)
    with pytest.raises(TimeoutError), time_budget(0.2):
        _burn(2.0)


def test_the_budgets_of_one_file_share_a_timer_and_each_has_its_own_time() -> None:
    with budgets():
        with pytest.raises(TimeoutError), time_budget(0.1):
            _burn(1.0)
        with time_budget(0.3):
            _burn(0.15)
        _burn(0.2)
        with pytest.raises(TimeoutError), time_budget(0.1), time_budget(5.0):
            _burn(1.0)
        _burn(0.2)


def test_work_that_is_the_runs_spends_none_of_the_budget_around_it() -> None:
    with budgets():
        with time_budget(0.2):
            with unbudgeted():
                _burn(0.5)
            _burn(0.05)
        with pytest.raises(TimeoutError), time_budget(0.2):
            with unbudgeted():
                _burn(0.3)
            _burn(1.0)


def test_work_that_is_the_runs_spends_no_budget_where_no_timer_rings() -> None:
    """In another thread a budget is a deadline on the clock, given to each search."""
    left: list[float | None] = []

    def budgeted() -> None:
        with time_budget(0.2):
            with unbudgeted():
                left.append(regex_timeout())
                time.sleep(0.3)
            left.append(regex_timeout())

    thread = threading.Thread(target=budgeted)
    thread.start()
    thread.join()
    assert left[0] is None
    assert left[1] is not None and left[1] > 0.05  # without the pause: 0.001


def test_a_knowledge_base_slow_to_read_is_read_whatever_the_rules_budget(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule's budget is for its work on a file: the name index it needs, built once
    for the run when the first file is linted (here slower than the budget), is not
    stopped, and the rule runs on every file."""
    monkeypatch.setattr(linter, "RULE_SECONDS", 0.1)
    monkeypatch.setattr(linter, "RULE_SECONDS_PER_CHARACTER", 0.0)
    index_of = NameIndex.of.__func__

    def slow_index_of(cls: type[NameIndex], *arguments: object) -> NameIndex:
        _burn(0.4)
        return index_of(cls, *arguments)

    monkeypatch.setattr(NameIndex, "of", classmethod(slow_index_of))
    name_index.cache_clear()
    files = {f"{name}.txt": "Kier Starmer spoke on Monday.\n" for name in ("one", "two")}
    arguments = ["--no-cache", "--format", "line", "--select", "newsroom.NameSpelling"]
    code, out, err = _run(folder, files, [*arguments, "one.txt", "two.txt"], capsys)
    name_index.cache_clear()
    assert (code, err) == (1, [])
    assert out == [
        f"{name}.txt:1:1:newsroom.NameSpelling:'Kier Starmer' misspells 'Keir Starmer'"
        for name in ("one", "two")
    ]


def test_a_ring_that_is_lost_is_followed_by_another_and_none_after_the_budget() -> None:
    lost = 0
    with pytest.raises(TimeoutError), time_budget(0.1):
        for _attempt in range(6):
            try:
                _burn(0.5)
            except TimeoutError:
                if lost:
                    raise
                lost += 1
    assert lost == 1
    _burn(0.3)
