"""The relay socket: reports from presend-host and commands from a second launch."""

from __future__ import annotations

import json
import resource
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from presend.bridge import relay
from presend.desktop import relay_server
from presend.desktop.relay_server import MAX_CONNECTIONS, MAX_MESSAGE, RelayServer
from pytestqt.qtbot import QtBot


@pytest.fixture
def server(qapp: object, tmp_path: Path) -> Iterator[RelayServer]:
    s = RelayServer(str(tmp_path / "run" / "relay.sock"))
    s.listen()
    yield s
    s.close()


def deliver_in_thread(message: dict[str, object], address: str) -> list[bool]:
    result: list[bool] = []
    thread = threading.Thread(target=lambda: result.append(relay.deliver(message, address)))
    thread.start()
    return result


def test_socket_is_private(server: RelayServer) -> None:
    path = Path(server.address)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_report_is_received_and_acknowledged(qtbot: QtBot, server: RelayServer) -> None:
    report = {"verdict": "violation", "findings": []}
    with qtbot.waitSignal(server.reportReceived, timeout=3000) as blocker:
        result = deliver_in_thread(
            {"v": 1, "type": "report", "report": report, "text": "hi 😀"}, server.address
        )
    assert blocker.args == [report, "hi 😀"]
    qtbot.waitUntil(lambda: result == [True], timeout=3000)


def test_commands(qtbot: QtBot, server: RelayServer) -> None:
    with qtbot.waitSignal(server.commandReceived, timeout=3000) as blocker:
        deliver_in_thread({"type": "command", "command": "show"}, server.address)
    assert blocker.args == ["show"]


@pytest.mark.parametrize(
    "message",
    [{"type": "command", "command": "format-disk"}, {"type": "report", "report": "x"}, [1]],
)
def test_bad_messages_are_refused(qtbot: QtBot, server: RelayServer, message: object) -> None:
    with qtbot.assertNotEmitted(server.reportReceived, wait=300):
        result = deliver_in_thread(message, server.address)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: result == [False], timeout=3000)


def test_nobody_listening_means_false(tmp_path: Path) -> None:
    assert (
        relay.deliver({"type": "command", "command": "show"}, str(tmp_path / "none.sock")) is False
    )


def _raw_send(address: str, payload: bytes) -> list[bytes]:
    """Send bytes as they are (no token added) from a thread; the answer line."""
    answer: list[bytes] = []

    def run() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(address)
            try:
                sock.sendall(payload)
                answer.append(sock.makefile("rb").readline())
            except OSError as exc:
                answer.append(str(exc).encode())

    threading.Thread(target=run).start()
    return answer


@pytest.mark.parametrize("token", [None, "", "guess", 5])
def test_a_message_without_this_sessions_token_is_refused(
    qtbot: QtBot, server: RelayServer, token: object
) -> None:
    message = {"type": "report", "report": {"verdict": "violation"}, "text": "x", "token": token}
    with qtbot.assertNotEmitted(server.reportReceived, wait=300):
        answer = _raw_send(server.address, json.dumps(message).encode() + b"\n")
        qtbot.waitUntil(lambda: bool(answer), timeout=3000)
    assert json.loads(answer[0]) == {"ok": False, "error": "bad_token"}


def test_token_file_is_private_and_read_by_the_host(server: RelayServer) -> None:
    path = relay.token_path(server.address)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert relay.read_token(server.address) == server.token


def test_oversize_message_is_refused_and_the_server_goes_on(
    qtbot: QtBot, server: RelayServer
) -> None:
    big = b'{"type": "report", "text": "' + b"x" * (MAX_MESSAGE + 10) + b'"}\n'
    with qtbot.assertNotEmitted(server.reportReceived, wait=300):
        answer = _raw_send(server.address, big)
        qtbot.waitUntil(lambda: bool(answer), timeout=10000)
    assert b"too_large" in answer[0] or b"reset" in answer[0] or b"pipe" in answer[0].lower()
    with qtbot.waitSignal(server.commandReceived, timeout=3000):
        deliver_in_thread({"type": "command", "command": "show"}, server.address)


def test_idle_connections_are_closed(
    qtbot: QtBot, server: RelayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay_server, "IDLE_SECONDS", 0.2)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as idle:
        idle.connect(server.address)
        qtbot.waitUntil(lambda: server.connection_count() == 1, timeout=3000)
        qtbot.waitUntil(lambda: server.connection_count() == 0, timeout=5000)


_FLOOD = """
import resource, socket, sys
_, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the test lowered its own
held = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    try:
        s.connect(sys.argv[1])
        held.append(s)
    except OSError:
        s.close()
print(len(held), flush=True)
sys.stdin.read()
"""


def test_a_flood_of_idle_connections_cannot_close_the_server(
    qtbot: QtBot, server: RelayServer
) -> None:
    # Few descriptors left to this process, as when a flood uses them up: without the
    # cap Qt fails to accept, closes the server and removes the socket for good.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    highest = max(int(fd.name) for fd in Path("/proc/self/fd").iterdir())
    resource.setrlimit(resource.RLIMIT_NOFILE, (highest + MAX_CONNECTIONS + 64, hard))
    flood = subprocess.Popen(
        [sys.executable, "-c", _FLOOD, server.address, "400"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert flood.stdout is not None
        line: list[bytes] = []
        threading.Thread(target=lambda: line.append(flood.stdout.readline())).start()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: bool(line), timeout=120_000)
        held = int(line[0] or b"0")
        assert held > MAX_CONNECTIONS, f"the flood connected {held} times"
        assert server.connection_count() <= MAX_CONNECTIONS
        assert server.is_listening(), server._server.errorString()
    finally:
        flood.kill()
        flood.wait()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    with qtbot.waitSignal(server.commandReceived, timeout=30_000):
        deliver_in_thread({"type": "command", "command": "show"}, server.address)


def test_a_closed_server_listens_again(qtbot: QtBot, server: RelayServer) -> None:
    server._server.close()  # what Qt does when accepting fails
    qtbot.waitUntil(server.is_listening, timeout=5000)
    with qtbot.waitSignal(server.commandReceived, timeout=3000):
        deliver_in_thread({"type": "command", "command": "show"}, server.address)
