"""A Vale project's .vale.ini: styles and rules per glob, levels, and what is refused."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from copylint.cli import main
from copylint.selection import Section

TOKEN_RULE = """\
extends: existence
message: "'%s' left in text"
level: {level}
tokens: [{token}]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two styles of one rule each, and a draft of each format holding both tokens."""
    monkeypatch.chdir(tmp_path)
    for style, token, level in (("Alpha", "XXX", "warning"), ("Beta", "TODO", "error")):
        (tmp_path / "styles" / style).mkdir(parents=True)
        (tmp_path / "styles" / style / "Token.yml").write_text(
            TOKEN_RULE.format(token=token, level=level), encoding="utf-8"
        )
    for name in ("a.md", "b.txt", "docs/c.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Fix XXX and TODO today.\n", encoding="utf-8")
    return tmp_path


def _vale_ini(folder: Path, text: str) -> None:
    (folder / ".vale.ini").write_text(textwrap.dedent(text), encoding="utf-8")


def _findings(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    main(["--format", "json", *arguments])
    found = json.loads(capsys.readouterr().out)
    return sorted(f"{d['path']}:{d['column']}:{d['rule']}:{d['severity']}" for d in found)


def _lines(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    """Run copylint with Vale's ``line`` output; return its lines."""
    main(["--format", "line", *arguments])
    return capsys.readouterr().out.splitlines()


def test_the_last_matching_section_with_styles_wins_and_switches_apply_by_glob(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(
        project,
        """\
        StylesPath = styles

        [*]
        BasedOnStyles = Alpha

        [*.md]
        BasedOnStyles = Beta  # replaces Alpha for Markdown

        [docs/*]
        Alpha.Token = YES
        Beta.Token = NO
        """,
    )
    assert _findings(capsys, "a.md", "b.txt", "docs/c.md") == [
        "a.md:13:Beta.Token:error",
        "b.txt:5:Alpha.Token:warning",
        "docs/c.md:5:Alpha.Token:warning",
    ]


def test_a_level_switches_a_rule_on_and_sets_its_level_and_min_alert_level_hides(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(
        project,
        """\
        StylesPath = styles
        MinAlertLevel = warning

        [*.txt]
        Alpha.Token = error
        """,
    )
    assert _findings(capsys, "a.md", "b.txt") == ["b.txt:5:Alpha.Token:error"]


def test_a_file_no_section_names_is_not_linted_by_the_newsroom_pack(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.md").write_text("The the storm hit.\n", encoding="utf-8")
    _vale_ini(project, "StylesPath = styles\n\n[*.txt]\nBasedOnStyles = Alpha\n")
    assert _findings(capsys, "a.md") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "StylesPath = styles\n[*]\nMinAlertLevel = error\n",
            "3: 'MinAlertLevel' is a core option",
        ),
        ("BasedOnStyles = Alpha\n", "1: 'BasedOnStyles' is a syntax-specific option"),
        ("StylesPath = styles\nMinAlertLevel = loud\n", ": MinAlertLevel must be 'suggestion'"),
        ("StylesPath = styles\n[*.md\n", "2: a section header must end with ']'"),
        ("StylesPath = styles\njust words\n", "2: expected 'key = value', found 'just words'"),
        ("StylesPath = styles\n[*]\nBasedOnStyles = Gamma\n", "BasedOnStyles: no pack named"),
    ],
)
def test_a_wrong_vale_ini_is_one_line_naming_the_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    _vale_ini(project, text)
    assert main(["a.md"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"copylint: {project / '.vale.ini'}")
    assert problem in error
    assert len(error.splitlines()) == 1


def test_an_unsupported_rule_is_skipped_with_one_warning_and_its_style_runs(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "styles" / "Alpha" / "Grammar.yml").write_text(
        "extends: sequence\nmessage: '%s?'\n", encoding="utf-8"
    )
    _vale_ini(project, "StylesPath = styles\n[*]\nBasedOnStyles = Alpha, Vale\n")
    assert main(["a.md"]) == 0
    captured = capsys.readouterr()
    assert "a.md:1:5: warning[Alpha.Token] 'XXX' left in text" in captured.out
    assert captured.err.splitlines() == [
        "copylint: warning: 1 rule(s) skipped, of kinds copylint does not run yet: "
        "Alpha.Grammar (--list-rules says why)"
    ]
    assert main(["--list-rules"]) == 0
    listed = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    reason = "skipped extends: 'sequence' is a Vale check copylint does not run yet"
    assert [line.split()[0] for line in listed] == [
        "Alpha.Token",
        "Vale.Repetition",
        "Vale.Spelling",
        "Alpha.Grammar",
    ]
    assert listed[3:] == [f"Alpha.Grammar {reason}"]


def test_options_not_applied_yet_are_warned_about(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(
        project,
        "StylesPath = styles\nWordTemplate = \\b(?:%s)\\b\nPackages = Google\n"
        "[*]\nBasedOnStyles = Alpha\n",
    )
    main(["a.md"])
    where = f"copylint: warning: {project / '.vale.ini'}"
    assert capsys.readouterr().err.splitlines() == [
        f"{where}: Packages: copylint never downloads packages (vale sync): install them "
        "under StylesPath",
        f"{where}: WordTemplate: not applied by copylint yet",
    ]


def test_formats_reads_an_extension_as_another_format_in_folders_and_on_stdin(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(
        project,
        "StylesPath = styles\n[formats]\nmdx = md\nrst = rst\n[*]\nBasedOnStyles = Alpha\n",
    )
    (project / "page.mdx").write_text("# Title\n\nFix `XXX` and XXX.\n", encoding="utf-8")
    # read as Markdown: the inline code is no prose, the second XXX is found
    assert _findings(capsys, "page.mdx") == ["page.mdx:15:Alpha.Token:warning"]
    assert "page.mdx:15:Alpha.Token:warning" in _findings(capsys, ".")
    assert main(["--format", "line", "--ext", ".mdx", "Use `XXX` and XXX."]) == 0
    assert capsys.readouterr().out == "stdin.mdx:1:15:Alpha.Token:'XXX' left in text\n"
    main(["page.mdx"])
    assert capsys.readouterr().err.splitlines() == [
        f"copylint: warning: {project / '.vale.ini'}: [formats] rst: not applied by copylint yet"
    ]


def test_alt_scope_reads_image_alt_text_on_its_own_and_text_rules_read_it_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "styles" / "Alpha" / "Alt.yml").write_text(
        "extends: occurrence\nmessage: 'alt text too long'\nscope: alt\nmax: 20\n"
        "token: '[\\w\\s]'\n",
        encoding="utf-8",
    )
    (project / "a.md").write_text(
        "Fix it: ![pancakes and XXX hotcakes for breakfast](/logo.png).\n\n"
        "![XXX pancakes](/logo.png) and pancakes and hotcakes for breakfast.\n",
        encoding="utf-8",
    )
    _vale_ini(project, "StylesPath = styles\n[*]\nBasedOnStyles = Alpha\n")
    # the long alt text is its own block for the alt rule; a text rule finds XXX once
    assert _lines(capsys, "a.md") == [
        "a.md:1:11:Alpha.Alt:alt text too long",
        "a.md:1:24:Alpha.Token:'XXX' left in text",
        "a.md:3:3:Alpha.Token:'XXX' left in text",
    ]
    (project / "b.html").write_text(
        '<p>See <img src="x.png" alt="pancakes and hotcakes for breakfast"> here.</p>\n'
        "<p><img alt='short' src=y></p>\n",
        encoding="utf-8",
    )
    assert _lines(capsys, "b.html") == ["b.html:1:30:Alpha.Alt:alt text too long"]


def test_ls_config_prints_the_configuration_a_run_uses_as_json(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(
        project,
        "StylesPath = styles\nMinAlertLevel = warning\n[formats]\nmdx = md\n"
        "[*]\nBasedOnStyles = Alpha\nAlpha.Token = error\n[docs/*.md]\nBasedOnStyles = Beta\n",
    )
    assert main(["ls-config"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["source"] == str(project / ".vale.ini")
    assert shown["styles_path"] == [str(project / "styles")]
    assert (shown["packs"], shown["min_level"]) == (["Alpha", "Beta"], "warning")
    assert shown["rule_levels"] == {"Alpha.Token": "error"}
    assert shown["formats"] == {"mdx": "markdown"}
    assert [section["glob"] for section in shown["selection"]["sections"]] == ["docs/*.md"]
    _vale_ini(project, "StylesPath = nowhere\n[*]\nBasedOnStyles = Alpha\n")
    assert main(["ls-config", "--config", "missing.ini"]) == 2
    assert capsys.readouterr().err.startswith("copylint: missing.ini")


def test_a_copylint_file_beside_it_adds_packs_and_its_levels_win(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "a.md").write_text("Fix XXX. The the storm hit.\n", encoding="utf-8")
    _vale_ini(project, "StylesPath = styles\n[*]\nBasedOnStyles = Alpha\n")
    (project / ".copylint.yaml").write_text(
        "packs: [newsroom]\nrules: {Alpha.Token: suggestion}\n", encoding="utf-8"
    )
    assert _findings(capsys, "a.md") == [
        "a.md:10:newsroom.DoubledWord:error",
        "a.md:5:Alpha.Token:suggestion",
    ]


def test_config_names_a_vale_ini_directly(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "vale").mkdir()
    (project / "vale" / "project.ini").write_text(
        "StylesPath = ../styles\n[*]\nBasedOnStyles = Beta\n", encoding="utf-8"
    )
    assert _findings(capsys, "--config", "vale/project.ini", "b.txt") == [
        "b.txt:13:Beta.Token:error"
    ]


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("*.md", "docs/guide/a.md", True),  # without **, * crosses folders (gobwas)
        ("*.{md,txt}", "a.txt", True),
        ("docs/*.md", "docs/a.md", True),
        ("**/*.md", "docs/guide/a.md", True),
        ("docs/**/*.md", "notes/a.md", False),
        ("docs/*/a.md", "docs/x/y/a.md", True),
        ("docs/**/x/*.md", "docs/a/x/b/c.md", False),  # beside **, * stays in one folder
        ("!*.py", "a.md", True),
        ("!*.py", "a.py", False),
        ("test.md", "sub/test.md", False),
        ("[ab].md", "b.md", True),
    ],
)
def test_section_globs_match_as_vale_matches(glob: str, path: str, matches: bool) -> None:
    assert Section(glob).matches(path) is matches


def test_vocab_accepts_terms_in_every_vocab_rule_and_makes_vale_terms_and_avoid(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = project / "styles" / "config" / "vocabularies" / "House"
    words.mkdir(parents=True)
    (words / "accept.txt").write_text("# house terms\nXXX\nGitHub\n", encoding="utf-8")
    (words / "reject.txt").write_text("Mac OS X\n", encoding="utf-8")
    (project / "a.md").write_text(
        "Fix XXX and xxx today.\n\nWe use Github on Mac OS X.\n", encoding="utf-8"
    )
    _vale_ini(project, "StylesPath = styles\nVocab = House\n[*]\nBasedOnStyles = Alpha, Vale\n")
    # XXX (column 5) is accepted, so Alpha.Token is quiet; xxx and Github are accepted
    # terms in another case (Vale.Terms), Mac OS X is rejected (Vale.Avoid)
    assert _findings(capsys, "a.md") == [
        "a.md:13:Vale.Terms:error",
        "a.md:18:Vale.Avoid:error",
        "a.md:8:Vale.Terms:error",
    ]
    main(["a.md"])
    assert "Use 'GitHub' instead of 'Github'" in capsys.readouterr().out


def test_an_accepted_pattern_reports_its_other_spellings_shown_as_vale_shows_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = project / "styles" / "config" / "vocabularies" / "House"
    words.mkdir(parents=True)
    (words / "accept.txt").write_text("OAuth2?\n[Oo]bservability\n", encoding="utf-8")
    (project / "a.txt").write_text(
        "Use oauth, OAUTH2, OAuth, Observability, observability and OBSERVABILITY.\n",
        encoding="utf-8",
    )
    _vale_ini(project, "StylesPath = styles\nVocab = House\n[*]\nBasedOnStyles = Vale\n")
    # a pattern that spells one word names it in the term's case (Vale #997); one with
    # a class stays a pattern; what the pattern matches as written is no finding
    assert _lines(capsys, "a.txt") == [
        "a.txt:1:5:Vale.Terms:Use 'OAuth2?' instead of 'oauth'.",
        "a.txt:1:12:Vale.Terms:Use 'OAuth2' instead of 'OAUTH2'.",
        "a.txt:1:60:Vale.Terms:Use '[Oo]bservability' instead of 'OBSERVABILITY'.",
    ]


def test_an_accepted_word_excuses_every_match_that_holds_it_except_in_nonword_rules(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Vale matches a rule's exceptions, and the accepted words, as whole words anywhere
    in a match: "did" excuses the repetition "did did". A ``nonword`` rule's tokens
    match any span, so accepted words are not its exceptions (Vale #1058)."""
    words = project / "styles" / "config" / "vocabularies" / "House"
    words.mkdir(parents=True)
    (words / "accept.txt").write_text("did\nplugh\n", encoding="utf-8")
    (project / "styles" / "Alpha" / "Quotes.yml").write_text(
        "extends: existence\nmessage: Commas go inside quotation marks\nnonword: true\n"
        'tokens:\n  - \'"[^"]+"[.,]\'\n',
        encoding="utf-8",
    )
    (project / "a.md").write_text(
        "Sometimes did did is fine. Here is one one. The Registry registry.\n\n"
        'Say "plugh", then.\n',
        encoding="utf-8",
    )
    _vale_ini(project, "StylesPath = styles\nVocab = House\n[*]\nBasedOnStyles = Vale, Alpha\n")
    # Vale.Repetition as Vale defines it: words without their final stop, any case
    assert _lines(capsys, "a.md") == [
        "a.md:1:36:Vale.Repetition:'one' is repeated!",
        "a.md:1:49:Vale.Repetition:'registry' is repeated!",
        "a.md:3:5:Alpha.Quotes:Commas go inside quotation marks",
    ]


def test_a_vocab_that_is_not_there_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(project, "StylesPath = styles\nVocab = Missing\n[*]\nBasedOnStyles = Alpha\n")
    assert main(["a.md"]) == 2
    assert capsys.readouterr().err == (
        f"copylint: {project / '.vale.ini'}: Vocab: 'config/vocabularies/Missing' folder does "
        "not exist\n"
    )


def test_in_a_vale_project_a_lone_argument_naming_no_file_is_linted_as_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _vale_ini(project, "StylesPath = styles\n[*]\nBasedOnStyles = Alpha\n")
    assert _findings(capsys, "Fix XXX now") == ["stdin.txt:5:Alpha.Token:warning"]
    (project / ".vale.ini").unlink()
    assert main(["Fix XXX now"]) == 2  # outside a Vale project: a missing file
    assert "Fix XXX now: " in capsys.readouterr().err


MARKUP_DRAFT = """\
---
title: XXX in the title
author: Desk XXX
---

XXX in prose, **XXX in bold**, <span class="nop">XXX in a class</span>.

> XXX in a quote.

A $XXX$ token and {{< note >}}XXX in a shortcode{{< /note >}}.

<p class="nop">XXX in a paragraph of the class.</p>
"""


def _lines_of(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    main(["--format", "json", *arguments])
    found = json.loads(capsys.readouterr().out)
    return [f"{d['line']}:{d['column']}" for d in found]


def test_markup_options_say_what_is_prose(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "m.md").write_text(MARKUP_DRAFT, encoding="utf-8")
    _vale_ini(project, "StylesPath = styles\n[*]\nBasedOnStyles = Alpha\n")
    everything = _lines_of(capsys, "m.md")
    assert everything == ["2:8", "3:14", "6:1", "6:17", "6:50", "8:3", "10:4", "10:31", "12:16"]
    _vale_ini(
        project,
        r"""
        StylesPath = styles
        IgnoredScopes = code, strong
        SkippedScopes = script, style, pre, figure, blockquote
        IgnoredClasses = nop
        [*]
        BasedOnStyles = Alpha
        [*.md]
        TokenIgnores = (\$[^\n$]+\$)
        BlockIgnores = (?s)({{< note >}}.*?{{< /note >}})
        """,
    )
    assert _lines_of(capsys, "m.md") == ["2:8", "3:14", "6:1"]


def test_without_a_vale_project_only_headline_and_summary_fields_are_read(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "m.md").write_text(MARKUP_DRAFT, encoding="utf-8")
    (project / ".copylint.yaml").write_text("styles_path: [styles]\npacks: [Alpha]\n")
    assert _lines_of(capsys, "m.md") == ["6:1", "6:17", "6:50", "8:3", "10:4", "10:31", "12:16"]
