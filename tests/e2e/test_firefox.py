"""The Firefox build of the extension in Debian's real firefox-esr, with the real host.

Firefox is driven over Marionette (its own remote protocol, a few lines of JSON over TCP);
the extension is installed as a temporary add-on from the folder `presend.bridge.firefox`
builds, and the host is registered in ``~/.mozilla/native-messaging-hosts`` of a
throwaway home. https://www.upwork.com/ is answered offline by a local proxy that ends
TLS with a throwaway certificate (the session accepts it) and serves the fixture pages.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_tools

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = {
    "/static/tiptap.bundle.js": ("tiptap.bundle.js", "text/javascript"),
    "/ab/messages/rooms/": ("room.html", "text/html"),
    "/nx/proposals/": ("proposal.html", "text/html"),
}
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
SHADOW = "shadow-6066-11e4-a52e-4f735466cecf"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class _Proxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    tls: ssl.SSLContext


class _Handler(socketserver.StreamRequestHandler):
    server: _Proxy

    def handle(self) -> None:
        line = self.rfile.readline().decode("latin-1")
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        method, target, _ = [*line.split(" "), "", "", ""][:3]
        if method != "CONNECT" or not target.startswith("www.upwork.com:"):
            self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return  # nothing else leaves this machine
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        try:
            tls = self.server.tls.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            return
        with tls, tls.makefile("rb") as reader:
            request = reader.readline().decode("latin-1").split(" ")
            while reader.readline() not in (b"\r\n", b"\n", b""):
                pass
            path = request[1] if len(request) > 1 else "/"
            name, kind = next(
                (page for prefix, page in PAGES.items() if path.startswith(prefix)),
                ("room.html", "text/html"),
            )
            body = (FIXTURES / name).read_bytes()
            head = (
                f"HTTP/1.1 200 OK\r\nContent-Type: {kind}; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            )
            tls.sendall(head.encode() + body)


class Marionette:
    """Just enough of Firefox's Marionette protocol for these tests."""

    def __init__(self, port: int, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.reader = self.sock.makefile("rb")
        self.next_id = 0
        self._read()  # the greeting

    def _read(self) -> Any:
        length = b""
        while (c := self.reader.read(1)) != b":":
            if not c:
                raise ConnectionError("Marionette closed the connection")
            length += c
        return json.loads(self.reader.read(int(length)))

    def send(self, command: str, params: dict[str, Any] | None = None) -> Any:
        self.next_id += 1
        body = json.dumps([0, self.next_id, command, params or {}]).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body)
        while True:
            _, msg_id, error, result = self._read()
            if msg_id == self.next_id:
                break
        if error:
            raise RuntimeError(f"{command}: {error.get('error')}: {error.get('message')}")
        return result

    def find(self, css: str, root: str | None = None) -> str:
        if root is None:
            found = self.send("WebDriver:FindElement", {"using": "css selector", "value": css})
        else:
            params = {"shadowRoot": root, "using": "css selector", "value": css}
            found = self.send("WebDriver:FindElementFromShadowRoot", params)
        element: str = found["value"][ELEMENT]
        return element

    def script(self, source: str, *args: Any) -> Any:
        return self.send("WebDriver:ExecuteScript", {"script": source, "args": list(args)})["value"]

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, ConnectionError):
            self.send("Marionette:Quit", {"flags": ["eForceQuit"]})
        self.sock.close()


@pytest.fixture(scope="module")
def firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Marionette]:
    require_tools("firefox-esr", "openssl")
    with firefox_session(tmp_path_factory.mktemp("firefox")) as client:
        yield client


@contextlib.contextmanager
def firefox_session(tmp: Path) -> Iterator[Marionette]:
    """firefox-esr with the add-on installed and the host registered, all under ``tmp``."""
    from presend.bridge import firefox as build

    def mktemp(name: str) -> Path:
        path = tmp / name
        path.mkdir()
        return path

    home = mktemp("home")
    env = {**os.environ, "HOME": str(home), "MOZ_HEADLESS": "1"}
    env.pop("DISPLAY", None)
    subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "firefox"],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    assert (home / ".mozilla/native-messaging-hosts/io.presend.host.json").is_file()
    addon = build.build(mktemp("addon"))
    certs = mktemp("tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=www.upwork.com", "-addext", "subjectAltName=DNS:www.upwork.com",
         "-keyout", str(certs / "key.pem"), "-out", str(certs / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    proxy = _Proxy(("127.0.0.1", 0), _Handler)
    proxy.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    proxy.tls.load_cert_chain(certs / "cert.pem", certs / "key.pem")
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    marionette_port = _free_port()
    profile = mktemp("ff-profile")
    prefs = {
        "marionette.port": marionette_port,
        "network.proxy.type": 1,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": proxy.server_address[1],
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": proxy.server_address[1],
        "network.proxy.no_proxies_on": "",
        "network.dns.disablePrefetch": True,
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "app.update.disabledForTesting": True,
        "browser.shell.checkDefaultBrowser": False,
        "browser.startup.homepage_override.mstone": "ignore",
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "extensions.getAddons.cache.enabled": False,
        "extensions.update.enabled": False,
        "browser.safebrowsing.update.enabled": False,
        "services.settings.server": "http://127.0.0.1:9/",
    }
    (profile / "user.js").write_text(
        "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())
    )
    process = subprocess.Popen(
        ["firefox-esr", "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = None
    try:
        client = Marionette(marionette_port)
        # Marionette takes the capabilities themselves, not WebDriver's alwaysMatch.
        client.send("WebDriver:NewSession", {"acceptInsecureCerts": True})
        client.send("Addon:Install", {"path": str(addon), "temporary": True})
        yield client
    finally:
        if client is not None:
            client.close()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        proxy.shutdown()
        proxy.server_close()
        shutil.rmtree(profile, ignore_errors=True)


def overlay(ff: Marionette) -> dict[str, Any]:
    """Badge and question, read through the closed shadow root (Marionette reaches it)."""
    host = ff.find("presend-overlay")
    root = ff.send("WebDriver:GetShadowRoot", {"id": host})["value"][SHADOW]
    badge = ff.find(".badge", root)
    ask = ff.find(".ask", root)
    prop = "WebDriver:GetElementProperty"
    return {
        "badge": ff.send(prop, {"id": badge, "name": "textContent"})["value"],
        "asking": not ff.send(prop, {"id": ask, "name": "hidden"})["value"],
        "root": root,
    }


def wait_for(ff: Marionette, test: Any, what: str, timeout: float = 20.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            state = overlay(ff)
        except RuntimeError:
            state = {}
        if state and test(state):
            return state
        time.sleep(0.1)
    raise AssertionError(f"waited for {what}; overlay is {state}")


def test_firefox_checks_the_tiptap_composer_and_send_anyway_sends(firefox: Marionette) -> None:
    ff = firefox
    ff.send("WebDriver:Navigate", {"url": "https://www.upwork.com/ab/messages/rooms/room_ff"})
    editor = ff.find(".tiptap")
    ff.send("WebDriver:ElementClick", {"id": editor})
    ff.send("WebDriver:ElementSendKeys", {"id": editor, "text": "Text me on +1 415 555 0132"})
    wait_for(ff, lambda s: s["badge"] == "Presend: 1 issue", "the violation badge")
    ff.send("WebDriver:ElementClick", {"id": ff.find("#send")})
    state = wait_for(ff, lambda s: s["asking"], "the question before sending")
    assert ff.script("return window.__sent") == []
    ff.send("WebDriver:ElementClick", {"id": ff.find(".anyway", state["root"])})
    assert ff.script("return window.__sent") == ["Text me on +1 415 555 0132"]
    # A clean draft goes out with Enter, checked first.
    ff.send("WebDriver:ElementSendKeys", {"id": editor, "text": "See you on Monday."})
    wait_for(ff, lambda s: s["badge"] == "Presend: clear", "the clean badge")
    ff.send("WebDriver:ElementSendKeys", {"id": editor, "text": "\ue007"})
    sent = ff.script("return window.__sent")
    assert len(sent) == 2 and sent[-1].strip() == "See you on Monday."
