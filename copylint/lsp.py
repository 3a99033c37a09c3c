"""``copylint lsp``: a language server (stdio) for editors, built on pygls.

The server starts a ``Session`` for the workspace's folder when the editor connects: the
same configuration (``.copylint.yaml``, ``pyproject.toml`` or ``.vale.ini``), rules and
archive as the command line there. A draft is linted when it is opened and saved, and
while it is edited once typing pauses (``DEBOUNCE_SECONDS``), in one worker thread so
that the server keeps answering. It offers each safe fix as a quick fix, a quick fix
that writes ``<!-- copylint-disable-next-line RULE -->`` above the line, and the rule's
explanation (``--explain``) on hover.

    copylint lsp
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from copylint import __version__
from copylint.diagnostics import Diagnostic, Level
from copylint.errors import CopylintError
from copylint.explain import explain
from copylint.oneline import OneLineParser
from copylint.session import Session

DEBOUNCE_SECONDS = 0.3
EXIT_CLEAN = 0
SEVERITIES = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}
_BYTE_ORDER_MARK = "\ufeff"


class CopylintServer(LanguageServer):
    """The server: a session, each open draft's findings, and pending lints."""

    def __init__(self) -> None:
        super().__init__("copylint", __version__)
        self.session: Session | None = None
        self.findings: dict[str, list[Diagnostic]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copylint")

    def start_session(self, folder: Path) -> None:
        """Load the workspace's configuration and rules; a bad one is shown, once."""
        try:
            self.session = Session.start(folder)
        except CopylintError as error:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"copylint: {error}")
            )

    def lint_later(self, uri: str) -> None:
        """Lint ``uri`` once no change has come for ``DEBOUNCE_SECONDS``."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(
            DEBOUNCE_SECONDS, lambda: asyncio.ensure_future(self.lint(uri))
        )

    async def lint(self, uri: str) -> None:
        """Lint the open draft at ``uri`` and publish what is found."""
        self.pending.pop(uri, None)
        if self.session is None:
            return
        document = self.workspace.get_text_document(uri)
        text = document.source
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(self.worker, self._check, document, text)
        except CopylintError as error:
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Warning, f"copylint: {error}")
            )
            found = []
        if self.workspace.get_text_document(uri).source != text:
            return  # edited meanwhile: a later lint publishes
        self.findings[uri] = found
        diagnostics = [_lsp_diagnostic(document, diagnostic) for diagnostic in found]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=document.version
            )
        )

    def _check(self, document: TextDocument, text: str) -> list[Diagnostic]:
        assert self.session is not None
        path = Path(to_fs_path(document.uri) or document.uri)
        return self.session.check(text.removeprefix(_BYTE_ORDER_MARK), str(path), saved_as=path)


server = CopylintServer()


@server.feature(types.INITIALIZED)
def initialized(ls: CopylintServer, _params: types.InitializedParams) -> None:
    root = ls.workspace.root_path
    ls.start_session(Path(root) if root else Path.cwd())


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: CopylintServer, params: types.DidOpenTextDocumentParams) -> None:
    await ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopylintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.lint_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
    await ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopylintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.findings.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    wanted = document.range_from_client_units(params.range)
    actions = []
    for diagnostic in ls.findings.get(uri, []):
        if not _span(diagnostic).overlaps(wanted) and wanted.start not in _span(diagnostic):
            continue
        shown = _lsp_diagnostic(document, diagnostic)
        if diagnostic.fix is not None:
            actions.append(_fix_action(document, diagnostic, shown))
        actions.append(_disable_action(document, diagnostic, shown))
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: CopylintServer, params: types.HoverParams) -> types.Hover | None:
    document = ls.workspace.get_text_document(params.text_document.uri)
    at = document.position_from_client_units(params.position)
    rules = ls.session.rules if ls.session is not None else ()
    names = [d.rule for d in ls.findings.get(params.text_document.uri, []) if at in _span(d)]
    if not names:
        return None
    text = "\n\n".join(f"```text\n{explain(name, rules)}```" for name in dict.fromkeys(names))
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


def _fix_action(
    document: TextDocument, diagnostic: Diagnostic, shown: types.Diagnostic
) -> types.CodeAction:
    assert diagnostic.fix is not None
    skip = 1 if document.source.startswith(_BYTE_ORDER_MARK) else 0
    start = document.client_position_at_offset(diagnostic.fix.start + skip)
    end = document.client_position_at_offset(diagnostic.fix.end + skip)
    edit = types.TextEdit(types.Range(start, end), diagnostic.fix.text)
    return types.CodeAction(
        title=f"Fix: {diagnostic.message}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        is_preferred=True,
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}),
    )


def _disable_action(
    document: TextDocument, diagnostic: Diagnostic, shown: types.Diagnostic
) -> types.CodeAction:
    line = document.lines[diagnostic.line - 1]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    comment = f"{indent}<!-- copylint-disable-next-line {diagnostic.rule} -->\n"
    start = types.Position(line=diagnostic.line - 1, character=0)
    return types.CodeAction(
        title=f"Disable {diagnostic.rule} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[shown],
        edit=types.WorkspaceEdit(
            changes={document.uri: [types.TextEdit(types.Range(start, start), comment)]}
        ),
    )


def _span(diagnostic: Diagnostic) -> ServerTextRange:
    return ServerTextRange(
        ServerTextPosition(diagnostic.line - 1, diagnostic.column - 1),
        ServerTextPosition(diagnostic.end_line - 1, diagnostic.end_column - 1),
    )


def _lsp_diagnostic(document: TextDocument, diagnostic: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=document.range_to_client_units(_span(diagnostic)),
        message=diagnostic.message,
        severity=SEVERITIES[diagnostic.level],
        code=diagnostic.rule,
        code_description=types.CodeDescription(diagnostic.link) if diagnostic.link else None,
        source="copylint",
    )


def build_parser() -> OneLineParser:
    """Describe ``copylint lsp``."""
    return OneLineParser(prog="copylint lsp", description=__doc__.split("\n\n")[0])


def main(argv: Sequence[str]) -> int:
    """Run ``copylint lsp``: serve one editor over standard input and output."""
    build_parser().parse_args(argv)
    server.start_io(sys.stdin.buffer, sys.stdout.buffer)
    return EXIT_CLEAN
