"""Handing a report to the running tray app over the per-user local socket.

One JSON object per line each way. The tray app answers ``{"ok": true}`` once it has
taken the report; anything else, or no answer within the timeout, means it is not
there, and the host answers the browser by itself.

Each message carries the tray app's per-session token, which it writes to a file only
the user can read (``relay.token`` beside the socket): a process that can reach the
socket but not read that file cannot post a notification.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

from presend.bridge import safefile
from presend.core import standarddir

#: How long the host waits for the tray app before answering without it.
TIMEOUT = 0.3
TOKEN_BYTES = 256


def token_path(address: str) -> Path:
    """Where the tray app keeps the token for the socket at ``address``."""
    if os.name == "nt":
        return standarddir.runtime() / f"{address}.token"
    return Path(address).with_name("relay.token")


def read_token(address: str) -> str | None:
    """The running tray app's token; None when there is none to read."""
    try:
        return safefile.read_text(token_path(address), TOKEN_BYTES).strip() or None
    except (OSError, ValueError):
        return None


def send(report: dict[str, Any], text: str, address: str | None = None) -> bool:
    """Give ``report`` (and the draft it is about) to the tray app; True when taken."""
    return deliver({"v": 1, "type": "report", "report": report, "text": text}, address)


def deliver(message: dict[str, Any], address: str | None = None) -> bool:
    """Send one message to the tray app; True when it answered ``{"ok": true}``."""
    try:
        address = address or standarddir.relay_address()
        # Not ASCII-escaped: a draft of 4 MB must not grow to 24 MB on the way.
        if isinstance(message, dict):  # (tests also send other JSON, to be refused)
            message = {**message, "token": read_token(address)}
        line = json.dumps(message, ensure_ascii=False) + "\n"
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
