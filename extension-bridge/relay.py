"""Handing a report to the running tray app over the per-user local socket.

One JSON object per line each way. The tray app answers ``{"ok": true}`` once it has
taken the report; anything else, or no answer within the timeout, means it is not
there, and the host answers the browser by itself.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

from presend.core import standarddir

#: How long the host waits for the tray app before answering without it.
TIMEOUT = 0.3


def send(report: dict[str, Any], text: str, address: str | None = None) -> bool:
    """Give ``report`` (and the draft it is about) to the tray app; True when taken."""
    return deliver({"v": 1, "type": "report", "report": report, "text": text}, address)


def deliver(message: dict[str, Any], address: str | None = None) -> bool:
    """Send one message to the tray app; True when it answered ``{"ok": true}``."""
    address = address or standarddir.relay_address()
    line = json.dumps(message) + "\n"
    try:
        if os.name == "nt":
            return _send_pipe(address, line.encode("utf-8"))
        return _send_unix(address, line.encode("utf-8"))
    except (OSError, ValueError):
        return False


def _send_unix(path: str, payload: bytes) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(TIMEOUT)
        sock.connect(path)
        sock.sendall(payload)
        answer = b""
        while not answer.endswith(b"\n") and len(answer) < 4096:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    return _accepted(answer)


def _send_pipe(name: str, payload: bytes) -> bool:  # pragma: no cover - Windows only
    # QLocalServer on Windows listens on a named pipe of this name.
    with Path(rf"\\.\pipe\{name}").open("r+b", buffering=0) as pipe:
        pipe.write(payload)
        return _accepted(pipe.readline())


def _accepted(answer: bytes) -> bool:
    try:
        return json.loads(answer.decode("utf-8")).get("ok") is True
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return False
