"""``copylint lsp``, driven over stdio by pygls's own language client."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

EXAMPLE = Path(__file__).parent.parent / "examples" / "envoy-visit.txt"
WAIT = 60.0


def _offset(text: str, position: types.Position) -> int:
    """The offset of an LSP position (UTF-16 units; this text is all in the BMP)."""
    lines = text.splitlines(keepends=True)
    return sum(len(line) for line in lines[: position.line]) + position.character


def _applied(text: str, edits: list[types.TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: _offset(text, e.range.start), reverse=True):
        start, end = _offset(text, edit.range.start), _offset(text, edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


class Editor:
    """An editor with one open draft, talking to ``copylint lsp``."""

    def __init__(self, client: LanguageClient, path: Path) -> None:
        self.client = client
        self.uri = path.as_uri()
        self.text = path.read_text(encoding="utf-8")
        self.version = 1
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    async def diagnostics(self) -> list[tuple[str, int, int, int, int]]:
        """The next diagnostics published, as (rule, start line, start character, end
        line, end character), in the order of the text."""
        published = await asyncio.wait_for(self.published.get(), WAIT)
        found = [
            (
                str(d.code),
                d.range.start.line,
                d.range.start.character,
                d.range.end.line,
                d.range.end.character,
            )
            for d in published.diagnostics
        ]
        return sorted(found, key=lambda item: (item[1], item[2], item[0]))

    def change(self, text: str) -> None:
        self.text, self.version = text, self.version + 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=self.version, uri=self.uri),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def actions(self, line: int, character: int) -> list[types.CodeAction]:
        here = types.Range(types.Position(line, character), types.Position(line, character))
        found = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(self.uri), here, types.CodeActionContext([])
            )
        )
        return [action for action in found or [] if isinstance(action, types.CodeAction)]

    def apply(self, action: types.CodeAction) -> None:
        assert action.edit is not None and action.edit.changes is not None
        self.change(_applied(self.text, list(action.edit.changes[self.uri])))


async def _edit_a_draft(folder: Path) -> None:
    client = LanguageClient("copylint-tests", "1")
    draft = folder / "draft.txt"
    editor = Editor(client, draft)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        editor.published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "copylint", "lsp", cwd=str(folder))
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=folder.as_uri()
            )
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(editor.uri, "plaintext", editor.version, editor.text)
            )
        )
        # the same findings, at the same places, as `copylint --format json` (0-based)
        assert await editor.diagnostics() == [
            ("newsroom.RepeatedHeadline", 3, 2, 3, 38),
            ("newsroom.StaleTitle", 6, 56, 6, 107),
            ("newsroom.StaleTitle", 7, 0, 7, 19),
            ("newsroom.DuplicateParagraph", 9, 0, 9, 163),
            ("newsroom.StaleTitle", 9, 56, 9, 107),
        ]

        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(editor.uri), types.Position(7, 3))
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "newsroom.StaleTitle (error, extends stale)" in hover.contents.value

        fixes = [a for a in await editor.actions(9, 10) if a.title.startswith("Fix")]
        assert [a.title for a in fixes] == ["Fix: Paragraph repeats line 7 (word for word)"]
        editor.apply(fixes[0])
        assert [rule for rule, *_ in await editor.diagnostics()] == [
            "newsroom.RepeatedHeadline",
            "newsroom.StaleTitle",
            "newsroom.StaleTitle",
        ]

        disable = [a for a in await editor.actions(6, 60) if a.title.startswith("Disable")]
        assert [a.title for a in disable] == ["Disable newsroom.StaleTitle on this line"]
        editor.apply(disable[0])
        assert await editor.diagnostics() == [
            ("newsroom.RepeatedHeadline", 3, 2, 3, 38),
            ("newsroom.StaleTitle", 8, 0, 8, 19),
        ]
        assert "<!-- copylint-disable-next-line newsroom.StaleTitle -->\nThe talks" in editor.text
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()


def test_an_editor_sees_findings_hovers_and_applies_fixes_and_suppressions(
    tmp_path: Path,
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "draft.txt")
    (tmp_path / ".copylint.yaml").write_text("as_of: 2025-06-01\n", encoding="utf-8")
    asyncio.run(_edit_a_draft(tmp_path))


def test_lsp_without_its_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from copylint.cli import main

    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    monkeypatch.delitem(sys.modules, "copylint.lsp", raising=False)
    assert main(["lsp"]) == 2
    assert capsys.readouterr().err == (
        "copylint: lsp: needs pygls.lsp.server: pip install 'copylint[lsp]'\n"
    )
