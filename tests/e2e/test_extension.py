"""The extension in real headless Chromium, talking to the real presend-host.

Pages for https://www.upwork.com/ are served by request routing (no network). Each run
uses a fresh profile with the host manifest written there by `presend install-host`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
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

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Pages that reproduce the marketplace's structure (see fixtures/*.html); anything else
# gets the one-textarea page.
ROUTES = {
    "/static/tiptap.bundle.js": ("tiptap.bundle.js", "text/javascript"),
    "/ab/messages/rooms/room_x": ("room.html", "text/html"),
    "/nx/wm/": ("room.html", "text/html"),
    "/nx/proposals/": ("proposal.html", "text/html"),
    "/freelancers/settings/profile": ("profile.html", "text/html"),
}

# The overlay is a closed shadow root: the page cannot reach it, so the tests do through
# the DevTools protocol, which sees every shadow root.
OVERLAY = """function () {
  const badge = this.querySelector('.badge');
  return {
    badge: badge.hidden ? null : badge.textContent,
    verdict: badge.dataset.verdict,
    rects: [...new Set([...this.querySelectorAll('.rect')]
      .map((r) => r.dataset.start + ':' + r.dataset.end))],
    asking: !this.querySelector('.ask').hidden,
    ask: this.querySelector('.ask').hidden ? '' : this.querySelector('.ask').textContent,
    panel: this.querySelector('.panel').hidden ? '' : this.querySelector('.panel').textContent,
    note: this.querySelector('.note').hidden ? '' : this.querySelector('.note').textContent,
  };
}"""


def _route(route: Any) -> None:
    url = route.request.url
    for prefix, (name, kind) in ROUTES.items():
        if prefix in url:
            route.fulfill(status=200, content_type=kind, body=(FIXTURES / name).read_bytes())
            return
    route.fulfill(status=200, content_type="text/html", body=MESSAGE_PAGE)


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


def _shadow_root(page: Any) -> tuple[Any, str]:
    cdp = page.context.new_cdp_session(page)
    doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
    found: list[dict[str, Any]] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("nodeName") == "PRESEND-OVERLAY":
            found.extend(node.get("shadowRoots", []))
        for child in node.get("children", []) + node.get("shadowRoots", []):
            walk(child)

    walk(doc["root"])
    if not found:
        cdp.detach()
        raise LookupError("no overlay yet")
    resolved = cdp.send("DOM.resolveNode", {"backendNodeId": found[-1]["backendNodeId"]})
    return cdp, resolved["object"]["objectId"]


def in_overlay(page: Any, function: str, arg: Any = None) -> Any:
    """Run ``function`` with ``this`` bound to the overlay's (closed) shadow root."""
    cdp, object_id = _shadow_root(page)
    try:
        result = cdp.send(
            "Runtime.callFunctionOn",
            {"objectId": object_id, "functionDeclaration": function,
             "arguments": [{"value": arg}], "returnByValue": True},
        )  # fmt: skip
    finally:
        cdp.detach()
    return result["result"].get("value")


def overlay(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = in_overlay(page, OVERLAY)
    return state


def click_in_overlay(page: Any, selector: str) -> None:
    in_overlay(page, "function (sel) { this.querySelector(sel).click(); }", selector)


def wait_until(page: Any, test: Any, what: str, timeout: float = 15.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            state = overlay(page)
        except LookupError:
            state = {}
        if state and test(state):
            return state
        page.wait_for_timeout(50)
    raise AssertionError(f"waited for {what}; overlay is {state}")


def wait_for_badge(page: Any, text: str) -> dict[str, Any]:
    return wait_until(page, lambda s: s["badge"] == text, f"badge {text!r}")


def wait_for_ask(page: Any) -> dict[str, Any]:
    return wait_until(page, lambda s: s["asking"], "the question before sending")


def marked(page: Any, state: dict[str, Any], text_js: str) -> list[str]:
    """The text under each highlight, read from the field by the test itself."""
    spans = [[int(n) for n in r.split(":")] for r in state["rects"]]
    # Offsets are UTF-16, as in the page.
    found: list[str] = page.evaluate(
        f"(spans) => {{ const t = {text_js}; return spans.map(([a, b]) => t.slice(a, b)); }}", spans
    )
    return sorted(set(found))


def test_violation_shows_badge_and_highlight(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("Hi! Call me at 415-555-0132 tomorrow.")
    state = wait_for_badge(page, "Presend: 1 issue")
    assert state["verdict"] == "violation"
    assert marked(page, state, "document.querySelector('#msg').value") == ["415-555-0132"]
    # Closed to the page, and the draft is nowhere in the page's own DOM but the field.
    assert page.evaluate("document.querySelector('presend-overlay').shadowRoot") is None
    assert "415" not in page.evaluate("document.documentElement.textContent")
    page.close()


def test_emoji_before_the_number_highlights_it_exactly(context: Any) -> None:
    page = open_page(context, "/somewhere/unknown")  # generic watch, and says so
    page.click("#msg")
    page.keyboard.type("😀👍🏽 great! my number: +44 7911 123456 🙂")
    state = wait_for_badge(page, "Presend: 1 issue (page not recognised)")
    assert marked(page, state, "document.querySelector('#msg').value") == ["+44 7911 123456"]
    page.close()


def test_enter_asks_and_send_anyway_sends(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("email me at jane.doe@gmail.com")
    wait_for_badge(page, "Presend: 1 issue")
    page.keyboard.press("Enter")
    wait_for_ask(page)
    assert page.evaluate("window.__sent") == []
    click_in_overlay(page, ".anyway")
    assert page.evaluate("window.__sent") == ["email me at jane.doe@gmail.com"]
    page.close()


def test_send_button_asks_and_edit_keeps_the_draft(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("Can you pay me directly via PayPal?")
    wait_for_badge(page, "Presend: 1 issue")
    page.click("#send")
    assert overlay(page)["asking"] is True
    click_in_overlay(page, ".edit")
    assert page.evaluate("window.__sent") == []
    assert overlay(page)["asking"] is False
    assert page.input_value("#msg") == "Can you pay me directly via PayPal?"
    page.close()


def test_clean_draft_sends_without_a_question(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("I can build your Telegram bot by Friday.")
    state = wait_for_badge(page, "Presend: clear")
    assert state["rects"] == []
    page.keyboard.press("Enter")
    assert page.evaluate("window.__sent") == ["I can build your Telegram bot by Friday."]
    assert overlay(page)["asking"] is False
    page.close()


def test_enter_before_the_pause_checks_first(context: Any) -> None:
    page = open_page(context)
    page.click("#msg")
    page.keyboard.type("whatsapp me +1 415 555 0132")
    page.keyboard.press("Enter")  # no wait for the debounce
    wait_for_ask(page)
    assert page.evaluate("window.__sent") == []
    page.close()


TIPTAP_TEXT = "window.editor.getText()"


def test_tiptap_composer_icon_button_and_enter_are_gated(context: Any) -> None:
    page = open_page(context, "/ab/messages/rooms/room_x")
    page.click(".tiptap")
    page.keyboard.type("Sure! Reach me at ana.design@outlook.com any time.")
    state = wait_for_badge(page, "Presend: 1 issue")
    assert marked(page, state, TIPTAP_TEXT) == ["ana.design@outlook.com"]
    page.click("#attach")  # an icon button that does not send stays free
    assert page.evaluate("window.__attached") is True
    assert overlay(page)["asking"] is False
    page.click("#send")  # the round icon button without words
    assert wait_for_ask(page)["ask"].count("ana.design@outlook.com") == 1
    click_in_overlay(page, ".edit")
    page.keyboard.press("Enter")
    wait_for_ask(page)
    assert page.evaluate("window.__sent") == []
    click_in_overlay(page, ".anyway")  # resumes Enter inside ProseMirror
    assert page.evaluate("window.__sent") == ["Sure! Reach me at ana.design@outlook.com any time."]
    assert page.evaluate(TIPTAP_TEXT) == ""
    page.close()


def test_attachments_are_checked_before_the_page_uploads_them(context: Any, tmp_path: Path) -> None:
    from tests.pdf import make_pdf

    pdf = tmp_path / "portfolio.pdf"
    pdf.write_bytes(make_pdf(["Portfolio of Ana", "Write to ana.design@outlook.com"]))
    notes = tmp_path / "notes.txt"
    notes.write_text("I will deliver the logo by Friday.\n")
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    page = open_page(context, "/ab/messages/rooms/room_x")
    page.set_input_files("#file", str(pdf))
    ask = wait_for_ask(page)["ask"]
    assert "This attachment breaks" in ask and "ana.design@outlook.com" in ask
    assert "portfolio.pdf" in ask
    assert page.evaluate("window.__uploaded") == []
    click_in_overlay(page, ".edit")  # keep it out: the page never sees it
    assert page.evaluate("window.__uploaded") == []
    assert page.evaluate("document.querySelector('#file').files.length") == 0
    page.set_input_files("#file", str(notes))
    wait_until(page, lambda s: "notes.txt is clear" in s["note"], "the clean note")
    page.set_input_files("#file", str(photo))
    wait_until(page, lambda s: "photo.png not checked (images are not read)" in s["note"], "image")
    assert page.evaluate("window.__uploaded") == ["notes.txt", "photo.png"]
    page.close()


def test_workroom_assumes_the_contract_started_and_icon_sends_clean(context: Any) -> None:
    page = open_page(context, "/nx/wm/contract/4242/messages")
    page.click(".tiptap")
    page.keyboard.type("my number is 415-555-0132")
    wait_for_badge(page, "Presend: clear")
    click_in_overlay(page, ".badge")
    panel = wait_until(page, lambda s: "during a contract" in s["panel"], "the assumed stage")
    assert "a message, during a contract (this page shows it)" in panel["panel"]
    click_in_overlay(page, ".badge")  # closes the panel again
    page.click("#send")
    assert page.evaluate("window.__sent") == ["my number is 415-555-0132"]
    page.close()


def test_proposal_checks_every_field_together(context: Any) -> None:
    page = open_page(context, "/nx/proposals/job/~0123/apply/")
    page.fill("#milestone1", "Design and build the landing page")
    page.click("#cover")
    page.keyboard.type("Hello, I have built ten landing pages.")
    page.keyboard.press("Enter")  # a new line in a form, never a send
    page.keyboard.type("Samples on request.")
    assert page.input_value("#cover") == (
        "Hello, I have built ten landing pages.\nSamples on request."
    )
    page.click("#question1")
    page.keyboard.type("My Skype ID is live:ana.design_77")
    page.click("#cover")  # the question is not the focused field when sending
    page.click("#submit")
    ask = wait_for_ask(page)["ask"]
    assert "What is your Skype ID so we can talk?" in ask
    assert "live:ana.design_77" in ask
    assert page.is_hidden("#confirm")
    click_in_overlay(page, ".anyway")
    page.click("#connects")  # the second step sends what was already allowed
    assert overlay(page)["asking"] is False
    sent = page.evaluate("window.__sent")
    assert len(sent) == 1 and sent[0]["question"] == "My Skype ID is live:ana.design_77"
    page.click("#question1")
    click_in_overlay(page, ".badge")
    panel = wait_until(page, lambda s: "a proposal" in s["panel"], "the assumed channel")
    assert "a proposal, before a contract (this page shows it)" in panel["panel"]
    page.close()


def test_profile_save_is_gated_and_enter_is_a_new_line(context: Any) -> None:
    page = open_page(context, "/freelancers/settings/profile")
    page.click("#overview")
    page.keyboard.type("Designer with 8 years of experience.")
    page.keyboard.press("Enter")
    page.keyboard.type("Email me: ana.design@outlook.com")
    wait_for_badge(page, "Presend: 1 issue")
    assert "\n" in page.input_value("#overview")
    page.click("#cancel")
    assert overlay(page)["asking"] is False
    page.click("#save")
    wait_for_ask(page)
    assert page.evaluate("window.__sent") == []
    click_in_overlay(page, ".badge")
    panel = wait_until(page, lambda s: "your profile" in s["panel"], "the assumed channel")
    assert "your profile, before a contract" in panel["panel"]
    page.close()


def test_contract_started_switch_is_remembered_per_conversation(context: Any) -> None:
    page = open_page(context, "/ab/messages/rooms/room_contract")
    page.click("#msg")
    page.keyboard.type("my number is 415-555-0132")
    wait_for_badge(page, "Presend: 1 issue")
    click_in_overlay(page, ".badge")
    wait_until(page, lambda s: "your default setting" in s["panel"], "the panel")
    click_in_overlay(page, ".contract-started")
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


def test_missing_host_is_explained_and_sending_says_so(playwright: Any, tmp_path: Path) -> None:
    context = launch(playwright, tmp_path / "bare-profile")  # no host manifest here
    try:
        page = open_page(context, "/ab/messages/rooms/room_1")
        page.click("#msg")
        page.keyboard.type("call 415-555-0132")
        wait_for_badge(page, "Presend: app not installed")
        click_in_overlay(page, ".badge")
        panel = wait_until(page, lambda s: bool(s["panel"]), "the panel")["panel"]
        assert "presend install-host" in panel
        page.keyboard.press("Enter")  # by default: sent, and the badge says it went unchecked
        wait_for_badge(page, "Presend: sent unchecked (app not installed)")
        assert page.evaluate("window.__sent") == ["call 415-555-0132"]
        # "Hold until checked": the send waits for the user's word.
        (worker,) = context.service_workers or [context.wait_for_event("serviceworker")]
        worker.evaluate("chrome.storage.sync.set({unchecked: 'hold'})")
        page.wait_for_timeout(200)
        page.click("#msg")
        page.keyboard.type(" again")
        page.keyboard.press("Enter")
        assert "Presend could not check this draft" in wait_for_ask(page)["ask"]
        assert page.evaluate("window.__sent") == ["call 415-555-0132"]
        click_in_overlay(page, ".anyway")
        assert page.evaluate("window.__sent") == ["call 415-555-0132", "call 415-555-0132 again"]
        # A host that is installed but dies at once is "stopped", not "not installed".
        subprocess.run(
            [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "chromium",
             "--profile-dir", str(tmp_path / "bare-profile")],
            check=True, capture_output=True,
        )  # fmt: skip
        manifest = tmp_path / "bare-profile" / "NativeMessagingHosts" / "io.presend.host.json"
        data = json.loads(manifest.read_text())
        manifest.write_text(json.dumps({**data, "path": shutil.which("false")}))
        page.click("#msg")
        page.keyboard.type("call 415-555-0199")
        wait_for_badge(page, "Presend: app stopped")
        # One that starts and never answers is "not answering" (after the 5 s time-out).
        silent = tmp_path / "silent-host"
        silent.write_text("#!/bin/sh\nexec sleep 20\n")
        silent.chmod(0o755)
        manifest.write_text(json.dumps({**data, "path": str(silent)}))
        page.keyboard.type("0")
        wait_for_badge(page, "Presend: app not answering")
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


def test_send_still_works_after_the_extension_reloads(context: Any) -> None:
    """Last in this module: it reloads the extension the other tests share."""
    page = open_page(context, "/ab/messages/rooms/room_x")
    page.click(".tiptap")
    page.keyboard.type("Thanks, I will start on Monday.")
    wait_for_badge(page, "Presend: clear")
    (worker,) = context.service_workers or [context.wait_for_event("serviceworker")]
    worker.evaluate("chrome.runtime.reload()")
    page.wait_for_timeout(500)
    page.click(".tiptap")
    page.keyboard.type(" Call me at 415-555-0132.")
    page.keyboard.press("Enter")
    sent = page.evaluate("window.__sent")
    assert sent == ["Thanks, I will start on Monday. Call me at 415-555-0132."]
    wait_for_badge(page, "Presend: sent unchecked (reload this page)")
    page.close()
