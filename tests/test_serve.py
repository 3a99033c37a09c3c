"""``copylint serve``: the service started on a free port, spoken to over real HTTP, and
its page driven in a real headless browser (Debian's chromium, through Playwright)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "envoy-visit.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Service:
    """A running ``copylint serve`` and its address."""

    def __init__(self, folder: Path, *options: str) -> None:
        command = [sys.executable, "-m", "copylint", "serve", "--port", "0", *options]
        self.process = subprocess.Popen(
            command, cwd=folder, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        assert self.process.stderr is not None
        self.banner = self.process.stderr.readline()
        assert self.banner.startswith("copylint serve: listening on http://127.0.0.1:"), self.banner
        self.url = self.banner.split(" on ")[1].strip().rstrip("/")

    def call(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
        request = urllib.request.Request(self.url + path, data=body, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def check(self, **body: Any) -> tuple[int, Any]:
        return self.call("POST", "/check", json.dumps(body).encode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("service")
    running = Service(folder, "--workers", "1", "--max-request-size", "200 kB")
    yield running
    running.stop()


def test_check_returns_the_cli_json_contract_with_fixes(service: Service, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    status, found = service.check(text=text, format="txt", date="2025-06-01")
    assert status == 200
    draft = tmp_path / "request.txt"
    draft.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "copylint", "--format", "json", "--as-of", "2025-06-01"]
    cli = subprocess.run([*command, "request.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert found == json.loads(cli.stdout)
    assert [(d["line"], d["rule"]) for d in found if "fix" in d] == [
        (4, "newsroom.RepeatedHeadline"),
        (8, "newsroom.StaleTitle"),
        (10, "newsroom.DuplicateParagraph"),
    ]


def test_rules_and_health(service: Service) -> None:
    status, rules = service.call("GET", "/rules")
    assert status == 200
    assert {"name": "newsroom.DoubledWord", "level": "error", "extends": "repetition"}.items() <= (
        next(rule for rule in rules if rule["name"] == "newsroom.DoubledWord").items()
    )
    status, health = service.call("GET", "/health")
    assert (status, health["status"], health["rules"]) == (200, "ok", len(rules))


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (b"not json", 400, "the body must be a JSON object"),
        (b"[1]", 400, "the body must be a JSON object"),
        (b'{"format": "md"}', 400, "text: must be a string"),
        (b'{"text": "x", "format": "rst"}', 400, "format: must be one of md, txt, html"),
        (b'{"text": "x", "date": "2025-02-30"}', 400, "date: "),
        (b'{"text": "x", "path": "/etc/passwd"}', 400, "unknown key 'path'"),
        (b'{"text": "' + b"x" * 300_000 + b'"}', 413, "the request is larger than allowed"),
        (b'{"text": "---\\ndate: [\\n---\\nHi.\\n", "format": "md"}', 422, "request.md"),
    ],
)
def test_a_bad_request_is_a_4xx_json_error(
    service: Service, body: bytes, status: int, error: str
) -> None:
    answered, answer = service.call("POST", "/check", body)
    assert answered == status
    assert error in answer["error"]


def test_unknown_paths_and_methods_are_json_errors(service: Service) -> None:
    assert service.call("GET", "/nowhere") == (404, {"error": "Not Found"})
    assert service.call("GET", "/check") == (405, {"error": "Method Not Allowed"})


def test_a_check_over_its_time_budget_is_a_503(tmp_path: Path) -> None:
    slow = Service(tmp_path, "--workers", "1", "--timeout", "0.000001")
    try:
        status, answer = slow.check(text=EXAMPLE.read_text(encoding="utf-8"))
        assert (status, answer) == (503, {"error": "the check took longer than 1e-06 s"})
    finally:
        slow.stop()


def test_stopping_the_service_stops_its_workers(tmp_path: Path) -> None:
    running = Service(tmp_path, "--workers", "2")
    assert running.check(text="Hello.")[0] == 200
    pid = running.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    assert len(children) >= 2
    running.stop()
    assert running.process.returncode == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        Path(f"/proc/{child}").exists() for child in children
    ):
        time.sleep(0.1)
    assert not [child for child in children if Path(f"/proc/{child}").exists()]


def test_the_page_highlights_findings_and_applies_a_fix_in_a_real_browser(
    service: Service, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        if os.environ.get("COPYLINT_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (COPYLINT_REQUIRE_BROWSER is set)")
        pytest.skip("no chromium on this machine")
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("COPYLINT_TEST_OUTPUT", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(service.url + "/")
        page.fill("#date", "2025-06-01")
        page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))  # as a paste: an input event
        page.wait_for_selector("body[data-checked]")
        marks = page.locator("#view mark")
        rules = [marks.nth(i).get_attribute("data-rule") for i in range(marks.count())]
        assert rules == [
            "newsroom.RepeatedHeadline",
            "newsroom.StaleTitle",
            "newsroom.StaleTitle",
            "newsroom.DuplicateParagraph",
        ]
        duplicate = page.locator("#view mark[data-rule='newsroom.DuplicateParagraph']")
        assert duplicate.inner_text().startswith("The talks were joined late in the day")
        stale = page.locator("#view mark[data-rule='newsroom.StaleTitle']")
        assert stale.nth(0).inner_text() == "a Middle East envoy during the Trump administration"
        page.screenshot(path=str(shots / "check-page.png"), full_page=True)
        print(f"screenshot: {shots / 'check-page.png'}")

        page.locator("#findings li[data-rule='newsroom.DuplicateParagraph'] button.fix").click()
        page.wait_for_selector("body[data-checked='2']")
        assert page.locator("#view mark[data-rule='newsroom.DuplicateParagraph']").count() == 0
        assert page.input_value("#text").count("The talks were joined late in the day") == 1
        browser.close()
