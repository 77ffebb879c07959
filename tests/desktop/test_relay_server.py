"""The relay socket: reports from presend-host and commands from a second launch."""

from __future__ import annotations

import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from presend.bridge import relay
from presend.desktop.relay_server import RelayServer
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
