"""``copylint serve``: an HTTP JSON check service for CMSs, and a page for editors.

Built on aiohttp: one well-kept package that is both an asyncio HTTP server (with a
request size limit of its own) and the client the tests and the load benchmark use.
Checks run in worker processes, each holding a ``Session`` (the configuration and
rules of the folder the service was started in, loaded once), so that two cores check
two texts at once and the event loop stays free to answer.

    POST /check   {"text": ..., "format": "md|txt|html", "date": "YYYY-MM-DD"}
                  -> the diagnostics, as ``--format json`` prints them
    GET  /rules   -> every rule that runs: name, level, kind, summary, link
    GET  /health  -> {"status": "ok", ...}
    GET  /        -> the page (``copylint/data/serve/index.html``)

A request never names a file: the text comes in the request, and nothing is written.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import multiprocessing
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from copylint import __version__
from copylint.config import parse_size
from copylint.dates import parse_day
from copylint.documents import Format
from copylint.errors import CopylintError
from copylint.oneline import OneLineParser, jobs_option
from copylint.reporters.json_format import as_dict
from copylint.rules import Rule
from copylint.session import Session

PAGE = Path(__file__).parent / "data" / "serve" / "index.html"
EXIT_CLEAN = 0
EXIT_ERROR = 2
MAX_WORKERS = 4
FORMATS = {"md": Format.MARKDOWN, "txt": Format.TEXT, "html": Format.HTML}
_SESSION: Session | None = None


@dataclass(frozen=True, slots=True)
class ServiceOptions:
    """Where the service listens, and what one request may cost."""

    host: str = "127.0.0.1"
    port: int = 8750
    max_request_bytes: int = 1_000_000
    seconds_per_check: float = 10.0
    workers: int = 2


def make_app(
    session: Session, options: ServiceOptions, pool: ProcessPoolExecutor
) -> web.Application:
    """The service's routes, answering every error as JSON."""
    app = web.Application(client_max_size=options.max_request_bytes, middlewares=[_errors_as_json])
    rules = [_rule_entry(rule) for rule in session.rules]

    async def check(request: web.Request) -> web.Response:
        text, extension, as_of = await _check_request(request)
        loop = asyncio.get_running_loop()
        work = loop.run_in_executor(pool, _check_in_worker, text, extension, as_of)
        try:
            found = await asyncio.wait_for(work, options.seconds_per_check)
        except TimeoutError:
            budget = f"{options.seconds_per_check:g} s"
            raise Refused(503, f"the check took longer than {budget}") from None
        if isinstance(found, str):
            raise Refused(422, found)
        return web.json_response(found)

    async def page(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(PAGE)

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "version": __version__, "rules": len(rules)})

    async def list_rules(_request: web.Request) -> web.Response:
        return web.json_response(rules)

    app.router.add_post("/check", check)
    app.router.add_get("/rules", list_rules)
    app.router.add_get("/health", health)
    app.router.add_get("/", page)
    return app


def build_parser() -> OneLineParser:
    """Describe ``copylint serve``."""
    parser = OneLineParser(prog="copylint serve", description=__doc__.split("\n\n")[0])
    defaults = ServiceOptions()
    parser.add_argument("--config", metavar="FILE", help="use this config file")
    parser.add_argument("--host", default=defaults.host, help="address to listen on")
    parser.add_argument("--port", type=int, default=defaults.port, help="0: any free port")
    parser.add_argument(
        "--max-request-size",
        type=_size_option,
        default=defaults.max_request_bytes,
        metavar="SIZE",
        help="largest request body (default 1 MB)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=defaults.seconds_per_check,
        metavar="SECONDS",
        help="time budget of one check (default 10)",
    )
    parser.add_argument("--workers", type=jobs_option, metavar="N", help="checking processes")
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``copylint serve`` with ``argv``; return the exit code."""
    args = build_parser().parse_args(argv)
    options = ServiceOptions(
        args.host,
        args.port,
        args.max_request_size,
        args.timeout,
        args.workers or min(os.cpu_count() or 1, MAX_WORKERS),
    )
    try:
        run(Path.cwd(), Path(args.config) if args.config else None, options)
    except CopylintError as error:
        print(f"copylint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(
            f"copylint: serve: cannot listen on {args.host}:{args.port}: {error.strerror}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return EXIT_CLEAN


def run(folder: Path, config_file: Path | None, options: ServiceOptions) -> None:
    """Start the workers and serve until interrupted; raises CopylintError for a bad
    configuration, before anything listens."""
    session = Session.start(folder, config_file)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        options.workers, spawn, initializer=_start_worker, initargs=(folder, config_file)
    ) as pool:
        app = make_app(session, options, pool)
        asyncio.run(_serve(app, options))


async def _serve(app: web.Application, options: ServiceOptions) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, options.host, options.port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"copylint serve: listening on http://{options.host}:{port}/", file=sys.stderr)
    sys.stderr.flush()
    stop = asyncio.Event()
    for ending in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(ending, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


async def _check_request(request: web.Request) -> tuple[str, str, datetime.date | None]:
    """Read and check a ``POST /check`` body (its text, format's extension and date); a
    bad one is a 400 saying what is wrong."""
    try:
        body = await request.json()
    except ValueError:
        raise Refused(400, "the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise Refused(400, "the body must be a JSON object")
    unknown = sorted(set(body) - {"text", "format", "date"})
    if unknown:
        raise Refused(400, f"unknown key '{unknown[0]}' (use text, format and date)")
    text = body.get("text")
    if not isinstance(text, str):
        raise Refused(400, "text: must be a string")
    name = body.get("format", "txt")
    if name not in FORMATS:
        raise Refused(400, f"format: must be one of {', '.join(FORMATS)}")
    try:
        as_of = parse_day(body["date"]) if body.get("date") is not None else None
    except (ValueError, TypeError) as error:
        raise Refused(400, f"date: {error}") from None
    return text, name, as_of


def _size_option(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _start_worker(folder: Path, config_file: Path | None) -> None:
    global _SESSION
    _SESSION = Session.start(folder, config_file)


def _check_in_worker(text: str, extension: str, as_of: datetime.date | None) -> list[Any] | str:
    """Check one text in a worker: its diagnostics as JSON objects, or the one-line
    error that says why it cannot be checked."""
    assert _SESSION is not None, "each worker starts a session"
    try:
        found = _SESSION.check(text, f"request.{extension}", FORMATS[extension], as_of)
    except CopylintError as error:
        return str(error)
    return [as_dict(diagnostic) for diagnostic in found]


def _rule_entry(rule: Rule) -> dict[str, Any]:
    return {
        "name": rule.name,
        "level": rule.level.label,
        "extends": rule.extends,
        "summary": rule.summary,
        "link": rule.link,
    }


class Refused(Exception):
    """A request the service answers with an error: its status and one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer every error as ``{"error": "..."}``, aiohttp's own (404, 405, 413) too."""
    try:
        return await handler(request)
    except Refused as refused:
        return web.json_response({"error": str(refused)}, status=refused.status)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        message = "the request is larger than allowed" if error.status == 413 else error.reason
        return web.json_response({"error": message}, status=error.status)
