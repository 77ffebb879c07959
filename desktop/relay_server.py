"""The per-user local socket the tray app listens on.

presend-host relays browser reports here, and a second ``presend`` launch hands its
command ("show", "quit") to the running one. One JSON object per line; every accepted
message is answered with ``{"ok": true}``.

Nothing that connects can make the app stop listening or hold much memory: a message,
the bytes waiting on all connections, the number of connections and how long one may
sit idle are all capped, and a server that Qt closed (it does when it runs out of file
descriptors) is opened again. Every message must carry this session's token, which
only the user can read (see ``presend.bridge.relay``).
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import secrets
import time
from pathlib import Path
from typing import Any

from presend.bridge import relay
from presend.core import standarddir
from presend.desktop.qt import QLocalServer, QLocalSocket, QObject, QTimer, Signal

#: A relayed message larger than this is refused (drafts are capped at 4 MiB upstream).
MAX_MESSAGE = 8 * 1024 * 1024
#: All connections together may hold this much unread data.
MAX_BUFFERED = 24 * 1024 * 1024
#: More connections than this at once are closed as they come (presend-host opens one
#: per report and closes it within a second).
MAX_CONNECTIONS = 32
#: A connection that sends nothing for this long is closed.
IDLE_SECONDS = 5.0
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
        self.token = secrets.token_urlsafe(32)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._last_seen: dict[QLocalSocket, float] = {}
        self._closing = False
        self._sweeper = QTimer(self)
        self._sweeper.setInterval(1000)
        self._sweeper.timeout.connect(self._sweep)

    def listen(self) -> None:
        """Start listening; a stale socket file from a crashed run is removed first."""
        try:
            self._open()
        except OSError as exc:
            raise RelayServerError(f"{exc.strerror or exc}: {exc.filename or ''}") from None
        self._sweeper.start()

    def _open(self) -> None:
        if os.name != "nt":
            folder = Path(self.address).parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
            QLocalServer.removeServer(self.address)
        if not self._server.listen(self.address):
            raise RelayServerError(self._server.errorString())
        if os.name != "nt":
            Path(self.address).chmod(0o600)
        self._write_token()

    def _write_token(self) -> None:
        path = relay.token_path(self.address)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(self.token + "\n")
        tmp.replace(path)

    def close(self) -> None:
        """Stop listening and remove the socket."""
        self._closing = True
        self._sweeper.stop()
        self._server.close()  # open connections still get their answer ("quit" has one)

    def is_listening(self) -> bool:
        """Whether the socket is open."""
        return bool(self._server.isListening())

    def connection_count(self) -> int:
        """How many connections are open now."""
        return len(self._buffers)

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sock is None:
                break
            if len(self._buffers) >= MAX_CONNECTIONS:
                sock.abort()  # frees its descriptor at once
                sock.deleteLater()
                continue
            self._buffers[sock] = bytearray()
            self._last_seen[sock] = time.monotonic()
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _sweep(self) -> None:
        """Close idle connections; listen again if Qt closed the server."""
        now = time.monotonic()
        for sock, seen in list(self._last_seen.items()):
            if now - seen > IDLE_SECONDS:
                self._drop(sock)
        if not self._closing and not self._server.isListening():
            with contextlib.suppress(OSError, RelayServerError):  # else on the next sweep
                self._open()

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        self._last_seen.pop(sock, None)
        sock.deleteLater()

    def _drop(self, sock: QLocalSocket) -> None:
        self._forget(sock)
        sock.abort()

    def _on_ready(self, sock: QLocalSocket) -> None:
        buffer = self._buffers.get(sock)
        if buffer is None:
            return
        self._last_seen[sock] = time.monotonic()
        buffer += bytes(sock.readAll().data())
        if len(buffer) > MAX_MESSAGE or self._buffered() > MAX_BUFFERED:
            self._answer(sock, {"ok": False, "error": "too_large"})
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer[: buffer.index(b"\n")])
        try:
            message = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):
            self._answer(sock, {"ok": False, "error": "bad_json"})
            return
        if not self._token_matches(message):
            self._answer(sock, {"ok": False, "error": "bad_token"})
            return
        self._answer(sock, {"ok": self._dispatch(message)})

    def _buffered(self) -> int:
        return sum(len(b) for b in self._buffers.values())

    def _token_matches(self, message: Any) -> bool:
        token = message.get("token") if isinstance(message, dict) else None
        return isinstance(token, str) and hmac.compare_digest(
            token.encode("utf-8", "replace"), self.token.encode("ascii")
        )

    def _dispatch(self, message: Any) -> bool:
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
        # Whatever else this connection sends is not read: one message per connection.
        self._buffers.pop(sock, None)
        self._last_seen.pop(sock, None)
        sock.write((json.dumps(answer) + "\n").encode("utf-8"))
        sock.flush()
        sock.disconnectFromServer()
