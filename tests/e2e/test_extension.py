"""The extension in real headless Chromium, talking to the real presend-host.

Pages for https://www.upwork.com/ are served by request routing (no network). Each run
uses a fresh profile with the host manifest written there by `presend install-host`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_module, require_tools

pytestmark = pytest.mark.e2e

EXTENSION = Path(__file__).resolve().parents[2] / "extension-bridge" / "extension"

MESSAGE_PAGE = """<!doctype html><html><head><title>Messages</title></head><body>
<main><h1>Messages</h1>
<textarea id="msg" rows="5" cols="70" style="font: 16px/1.4 monospace"></textarea>
<button id="send" type="button">Send</button></main>
<script>
  window.__sent = [];
  const box = document.getElementById("msg");
  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); window.__sent.push(box.value); }
  });
  document.getElementById("send").addEventListener("click", () => window.__sent.push(box.value));
</script></body></html>"""

PROPOSAL_PAGE = """<!doctype html><html><head><title>Proposal</title></head><body>
<form id="form"><h1>Cover letter</h1>
<div id="cover" contenteditable="true"
  style="width:600px;min-height:120px;border:1px solid #ccc"></div>
<button type="submit">Submit proposal</button></form>
<script>
  window.__sent = [];
  document.getElementById("form").addEventListener("submit", (e) => {
    e.preventDefault(); window.__sent.push(document.getElementById("cover").innerText);
  });
</script></body></html>"""

OVERLAY = """() => {
  const host = document.querySelector('presend-overlay');
  if (!host) return null;
  const s = host.shadowRoot;
  const badge = s.querySelector('.badge');
  return {
    badge: badge.hidden ? null : badge.textContent,
    verdict: badge.dataset.verdict,
    marks: [...s.querySelectorAll('mark')].map((m) => m.textContent),
    rects: [...new Set([...s.querySelectorAll('.rect')].map((r) => r.dataset.text))],
    asking: !s.querySelector('.ask').hidden,
    checks: parseInt(host.dataset.checks || '0', 10),
  };
}"""


def _route(route: Any) -> None:
    url = route.request.url
    body = PROPOSAL_PAGE if "/proposals/" in url else MESSAGE_PAGE
    route.fulfill(status=200, content_type="text/html", body=body)


def launch(playwright: Any, profile: Path) -> Any:
    args = [
        f"--disable-extensions-except={EXTENSION}",
        f"--load-extension={EXTENSION}",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ]
    if hasattr(sys, "getuid") and sys.platform != "win32" and __import__("os").getuid() == 0:
        args.append("--no-sandbox")
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=shutil.which("chromium"),
        headless=True,
        args=args,
        ignore_default_args=["--disable-extensions"],
    )
    context.route("https://www.upwork.com/**", _route)
    return context


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    require_tools("chromium")
    require_module("playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def context(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "chromium",
         "--profile-dir", str(profile)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = launch(playwright, profile)
    yield context
    context.close()


def open_page(context: Any, path: str = "/ab/messages/rooms/room_1") -> Any:
    page = context.new_page()
    page.goto(f"https://www.upwork.com{path}")
    return page


def wait_for_badge(page: Any, text: str) -> dict[str, Any]:
    page.wait_for_function(
        "(t) => { const h = document.querySelector('presend-overlay');"
        " return h && h.shadowRoot.querySelector('.badge').textContent === t; }",
        arg=text,
        timeout=15_000,
    )
    result: dict[str, Any] = page.evaluate(OVERLAY)
    return result


def test_violation_shows_badge_and_highlight(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("Hi! Call me at 415-555-0132 tomorrow.")
    overlay = wait_for_badge(page, "Presend: 1 issue")
    assert overlay["verdict"] == "violation"
    assert overlay["marks"] == ["415-555-0132"]
    page.close()


def test_emoji_before_the_number_highlights_it_exactly(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("😀👍🏽 great! my number: +44 7911 123456 🙂")
    overlay = wait_for_badge(page, "Presend: 1 issue")
    assert overlay["marks"] == ["+44 7911 123456"]
    page.close()


def test_enter_asks_and_send_anyway_sends(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("email me at jane.doe@gmail.com")
    wait_for_badge(page, "Presend: 1 issue")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => !document.querySelector('presend-overlay').shadowRoot.querySelector('.ask').hidden"
    )
    assert page.evaluate("window.__sent") == []
    page.locator("presend-overlay").locator(".anyway").click()
    assert page.evaluate("window.__sent") == ["email me at jane.doe@gmail.com"]
    page.close()


def test_send_button_asks_and_edit_keeps_the_draft(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("Can you pay me directly via PayPal?")
    wait_for_badge(page, "Presend: 1 issue")
    page.click("#send")
    assert page.evaluate(OVERLAY)["asking"] is True
    page.locator("presend-overlay").locator(".edit").click()
    assert page.evaluate("window.__sent") == []
    assert page.evaluate(OVERLAY)["asking"] is False
    assert page.input_value("#msg") == "Can you pay me directly via PayPal?"
    page.close()


def test_clean_draft_sends_without_a_question(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("I can build your Telegram bot by Friday.")
    overlay = wait_for_badge(page, "Presend: clear")
    assert overlay["marks"] == []
    page.keyboard.press("Enter")
    assert page.evaluate("window.__sent") == ["I can build your Telegram bot by Friday."]
    assert page.evaluate(OVERLAY)["asking"] is False
    page.close()


def test_enter_before_the_pause_checks_first(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("whatsapp me +1 415 555 0132")
    page.keyboard.press("Enter")  # no wait for the debounce
    page.wait_for_function(
        "() => !document.querySelector('presend-overlay').shadowRoot.querySelector('.ask').hidden"
    )
    assert page.evaluate("window.__sent") == []
    page.close()


def test_contenteditable_proposal_highlights_and_submit_asks(context: Any) -> None:
    page = open_page(context, "/nx/proposals/job/~0123/apply")
    page.click("#cover")
    page.keyboard.type("Dear client, samples on request. Reach me: ana.design@outlook.com")
    overlay = wait_for_badge(page, "Presend: 1 issue")
    assert overlay["rects"] == ["ana.design@outlook.com"]
    page.click("button[type=submit]")
    assert page.evaluate(OVERLAY)["asking"] is True
    assert page.evaluate("window.__sent") == []
    page.close()


def test_contract_started_switch_is_remembered_per_conversation(context: Any) -> None:
    page = open_page(context, "/ab/messages/rooms/room_contract")
    page.click("#msg")
    page.keyboard.type("my number is 415-555-0132")
    wait_for_badge(page, "Presend: 1 issue")
    page.locator("presend-overlay").locator(".badge").click()
    page.locator("presend-overlay").locator(".contract-started").check()
    wait_for_badge(page, "Presend: clear")
    page.reload()
    page.click("#msg")
    page.keyboard.type("my number is 415-555-0132")
    wait_for_badge(page, "Presend: clear")
    other = open_page(context, "/ab/messages/rooms/room_other")
    other.click("#msg")
    other.keyboard.type("my number is 415-555-0132")
    wait_for_badge(other, "Presend: 1 issue")
    page.close()
    other.close()


def test_missing_host_is_explained(playwright: Any, tmp_path: Path) -> None:
    context = launch(playwright, tmp_path / "bare-profile")  # no host manifest here
    try:
        page = open_page(context)
        page.click("#msg")
        page.keyboard.type("call 415-555-0132")
        wait_for_badge(page, "Presend: app not installed")
        page.locator("presend-overlay").locator(".badge").click()
        panel = page.locator("presend-overlay").locator(".panel")
        assert "presend install-host" in panel.inner_text()
    finally:
        context.close()


def test_popup_reports_the_connected_host(context: Any) -> None:
    (worker,) = context.service_workers or [context.wait_for_event("serviceworker")]
    extension_id = worker.url.split("/")[2]
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/popup.html")
    page.wait_for_function("document.getElementById('state').dataset.state === 'ok'")
    assert "Connected to the Presend app" in page.inner_text("#state")
    page.close()
    manifest = json.loads((EXTENSION / "manifest.json").read_text())
    assert manifest["permissions"] == ["nativeMessaging", "storage"]
    assert manifest["host_permissions"] == ["https://www.upwork.com/*"]
