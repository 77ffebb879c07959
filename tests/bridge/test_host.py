"""presend-host as the browser runs it: a subprocess speaking frames on stdin/stdout."""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from presend.bridge import framing
from presend.bridge.host import EXTENSION_ID, GECKO_ID

ORIGIN = f"chrome-extension://{EXTENSION_ID}/"


def frames(*messages: Any) -> bytes:
    return b"".join(framing.encode_frame(m) for m in messages)


def parse(data: bytes) -> list[dict[str, Any]]:
    out = []
    while data:
        (n,) = struct.unpack("=I", data[:4])
        out.append(json.loads(data[4 : 4 + n]))
        data = data[4 + n :]
    return out


def run_host(
    data: bytes, *args: str, basedir: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if basedir is not None:
        env["PRESEND_BASEDIR"] = str(basedir)
    return subprocess.run(
        [sys.executable, "-m", "presend.bridge.host", *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_many_checks_on_one_port_then_clean_exit(tmp_path: Path) -> None:
    data = frames(
        {"v": 1, "id": 1, "type": "hello"},
        *(
            {"v": 1, "id": i, "type": "check", "text": f"call 415-555-01{i:02d}"}
            for i in range(2, 12)
        ),
    )
    result = run_host(data, ORIGIN, basedir=tmp_path)
    assert result.returncode == 0
    replies = parse(result.stdout)
    assert [r["id"] for r in replies] == list(range(1, 12))
    assert all(r["verdict"] == "violation" for r in replies[1:])
    assert b"Traceback" not in result.stderr


def test_malformed_frames_get_errors_and_the_host_keeps_serving(tmp_path: Path) -> None:
    data = (
        struct.pack("=I", 5) + b"{bad}"
        + frames({"v": 1, "id": 7, "type": "check", "text": ["not", "a", "string"]})
        + frames({"v": 1, "id": 8, "type": "check", "text": "fine"})
        + struct.pack("=I", 100) + b"short"
    )  # fmt: skip
    result = run_host(data, ORIGIN, basedir=tmp_path)
    replies = parse(result.stdout)
    assert [(r["type"], r.get("code")) for r in replies] == [
        ("error", "bad_json"),
        ("error", "bad_field"),
        ("report", None),
        ("error", "truncated"),
    ]
    assert result.returncode == 0


def test_unknown_caller_is_refused(tmp_path: Path) -> None:
    result = run_host(
        frames({"v": 1, "type": "hello"}), "chrome-extension://evil/", basedir=tmp_path
    )
    assert result.returncode == 2
    assert parse(result.stdout)[0]["code"] == "forbidden_origin"


def test_firefox_caller_by_addon_id(tmp_path: Path) -> None:
    result = run_host(
        frames({"v": 1, "id": 1, "type": "hello"}), "/path/io.presend.host.json", GECKO_ID,
        basedir=tmp_path,
    )  # fmt: skip
    assert parse(result.stdout)[0]["type"] == "hello"


def test_extra_extension_ids_from_the_installer(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "native-host.json").write_text(
        json.dumps({"allowed_origins": ["chrome-extension://devid/"]})
    )
    result = run_host(
        frames({"v": 1, "type": "hello"}), "chrome-extension://devid/", basedir=tmp_path
    )
    assert parse(result.stdout)[0]["type"] == "hello"


class FakeDesktop:
    """A stand-in for the tray app's relay socket that records what it is given."""

    def __init__(self, path: Path, answer: bytes = b'{"ok": true}\n') -> None:
        self.received: list[dict[str, Any]] = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.server.bind(str(path))
        self.server.listen()
        self.answer = answer
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                data = b""
                while not data.endswith(b"\n"):
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                self.received.append(json.loads(data))
                conn.sendall(self.answer)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[FakeDesktop]:
    fake = FakeDesktop(tmp_path / "runtime" / "relay.sock")
    yield fake
    fake.close()


def test_reports_are_relayed_to_the_running_desktop(tmp_path: Path, desktop: FakeDesktop) -> None:
    data = frames(
        {"v": 1, "id": 1, "type": "check", "text": "email me at jane@gmail.com"},
        {"v": 1, "id": 2, "type": "check", "text": "nothing to see"},
    )
    replies = parse(run_host(data, ORIGIN, basedir=tmp_path).stdout)
    assert replies[0]["desktop"] == "notified"
    assert replies[1]["desktop"] == "unavailable"  # a clean draft with no findings
    (relayed,) = desktop.received
    assert relayed["type"] == "report"
    assert relayed["report"]["verdict"] == "violation"
    assert relayed["text"] == "email me at jane@gmail.com"


def test_desktop_that_does_not_accept_means_unavailable(tmp_path: Path) -> None:
    fake = FakeDesktop(tmp_path / "runtime" / "relay.sock", answer=b"nonsense\n")
    try:
        data = frames({"v": 1, "id": 1, "type": "check", "text": "email jane@gmail.com"})
        (reply,) = parse(run_host(data, ORIGIN, basedir=tmp_path).stdout)
        assert reply["desktop"] == "unavailable"
    finally:
        fake.close()


def test_host_never_imports_qt(tmp_path: Path) -> None:
    code = (
        "import sys, io; from presend.bridge import host, protocol; "
        "protocol.handle({'v':1,'type':'check','text':'call 415-555-0132'}, None); "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert out.stdout.strip() == b"False"
