"""The per-user local socket the tray app listens on.

presend-host relays browser reports here, and a second ``presend`` launch hands its
command ("show", "quit") to the running one. One JSON object per line; every accepted
message is answered with ``{"ok": true}``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from presend.core import standarddir
from presend.desktop.qt import QLocalServer, QLocalSocket, QObject, Signal

#: A relayed message larger than this is dropped (drafts are capped at 4 MiB upstream).
MAX_MESSAGE = 16 * 1024 * 1024
COMMANDS = ("show", "quit", "check-clipboard")


class RelayServerError(Exception):
    """The socket could not be opened."""


class RelayServer(QObject):
    """Listens for reports and commands; emits them as signals."""

    #: A report from the browser and the draft it is about.
    reportReceived = Signal(dict, str)  # noqa: N815 - Qt signal naming
    #: A command from a second launch.
    commandReceived = Signal(str)  # noqa: N815

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address or standarddir.relay_address()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> None:
        """Start listening; a stale socket file from a crashed run is removed first."""
        if os.name != "nt":
            folder = Path(self.address).parent
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
            QLocalServer.removeServer(self.address)
        if not self._server.listen(self.address):
            raise RelayServerError(self._server.errorString())
        if os.name != "nt":
            Path(self.address).chmod(0o600)

    def close(self) -> None:
        """Stop listening and remove the socket."""
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._buffers[sock] = bytearray()
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _on_ready(self, sock: QLocalSocket) -> None:
        buffer = self._buffers.get(sock)
        if buffer is None:
            return
        buffer += bytes(sock.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            self._answer(sock, {"ok": False, "error": "too_large"})
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer[: buffer.index(b"\n")])
        buffer.clear()
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._answer(sock, {"ok": False, "error": "bad_json"})
            return
        self._answer(sock, {"ok": self._dispatch(message)})

    def _dispatch(self, message: Any) -> bool:
        if not isinstance(message, dict):
            return False
        if message.get("type") == "report":
            report, text = message.get("report"), message.get("text")
            if isinstance(report, dict) and isinstance(text, str):
                self.reportReceived.emit(report, text)
                return True
            return False
        if message.get("type") == "command" and message.get("command") in COMMANDS:
            self.commandReceived.emit(message["command"])
            return True
        return False

    def _answer(self, sock: QLocalSocket, answer: dict[str, Any]) -> None:
        sock.write((json.dumps(answer) + "\n").encode("utf-8"))
        sock.flush()
        sock.disconnectFromServer()
