"""Rule files that are wrong are refused with one line naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_rule

from copylint.errors import CopylintError

BAD_RULES = {
    "yaml syntax": (
        "extends: existence\nmessage: 'unclosed\ntokens: [a]\n",
        ":4: invalid YAML: found unexpected end of stream, "
        "while scanning a quoted scalar that starts on line 2",
    ),
    "not a mapping": ("- just\n- a list\n", ": a rule file must be a YAML mapping"),
    "missing extends": ("message: hi\ntokens: [a]\n", ": extends: missing"),
    "unknown kind": ("extends: existance\nmessage: hi\n", ": extends: must be one of"),
    "later vale kind": (
        "extends: sequence\nmessage: hi\n",
        ": extends: 'sequence' is a Vale check copylint does not run yet",
    ),
    "scope on a whole-document kind": (
        "extends: duplicate\nmessage: hi\nscope: heading\n",
        ": scope: a rule that extends duplicate looks at whole documents, not at a scope",
    ),
    "unit not one of the kind's": (
        "extends: length\nmessage: hi\nunit: pages\nmax: 3\n",
        ": unit: must be one of words, sentences",
    ),
    "metric formula not arithmetic": (
        "extends: metric\nmessage: hi\nformula: __import__('os')\ncondition: '> 1'\n",
        ": formula: unknown function in '__import__('os')'",
    ),
    "metric condition": (
        "extends: metric\nmessage: hi\nformula: words\ncondition: 'big'\n",
        ": condition: 'big' is not a comparison with a number, such as '> 8'",
    ),
    "missing message": ("extends: existence\ntokens: [a]\n", ": message: missing"),
    "unknown key": (
        "extends: existence\nmessage: hi\ntokenz: [a]\n",
        ": tokenz: unknown key for a rule that extends existence",
    ),
    "key of another kind": (
        "extends: existence\nmessage: hi\nswap: {a: b}\n",
        ": swap: unknown key",
    ),
    "bad level": (
        "extends: existence\nmessage: hi\nlevel: fatal\ntokens: [a]\n",
        ": level: must be one of suggestion, warning, error",
    ),
    "invalid regex": (
        "extends: existence\nmessage: hi\ntokens: ['(unclosed']\n",
        ": tokens: '(unclosed' is not a valid regular expression: missing )",
    ),
    "invalid swap regex": (
        "extends: substitution\nmessage: hi\nswap: {'[a-': b}\n",
        ": swap: '[a-' is not a valid regular expression",
    ),
    "wrong type": (
        "extends: existence\nmessage: hi\nignorecase: sometimes\ntokens: [a]\n",
        ": ignorecase: must be true or false",
    ),
    "bad scope": (
        "extends: existence\nmessage: hi\nscope: 'heading & ~'\ntokens: [a]\n",
        ": scope: '~' is not a scope name",
    ),
    "code true": (
        "extends: existence\nmessage: hi\ncode: true\ntokens: [a]\n",
        ": code: is no longer supported",
    ),
    "bad test case": (
        "extends: existence\nmessage: hi\ntokens: [a]\ntests: [{want: []}]\n",
        ": tests: case 1 must have a string 'input' or a mapping 'files'",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_RULES))
def test_bad_rule_is_refused_naming_file_and_key(tmp_path: Path, name: str) -> None:
    text, expected = BAD_RULES[name]
    with pytest.raises(CopylintError) as raised:
        make_rule(tmp_path, text, name="Broken")
    message = str(raised.value)
    assert message.startswith(str(tmp_path / "Style" / "Broken.yml"))
    assert expected in message
    assert "\n" not in message


def test_rule_name_is_style_and_file_stem(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "extends: existence\nmessage: hi\ntokens: [a]\n", name="Hedging")
    assert rule.name == "Style.Hedging"
    assert rule.level.label == "warning"  # Vale's default level


def test_yaml_tags_that_would_run_code_are_refused(tmp_path: Path) -> None:
    text = "extends: existence\nmessage: !!python/object/apply:os.system ['true']\ntokens: [a]\n"
    with pytest.raises(CopylintError, match="invalid YAML"):
        make_rule(tmp_path, text)


def test_go_style_quote_escape_in_double_quotes_is_accepted(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "extends: existence\nmessage: \"Don\\'t use '%s'\"\ntokens: [beard]\n",
    )
    assert rule.message == "Don't use '%s'"
