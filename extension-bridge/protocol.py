"""The host's messages: ``hello``, ``check`` and ``check_file`` in; ``hello``, ``report``
or ``error`` out.

Every message is ``{"v": 1, "id": ..., "type": ...}``; replies echo the request's id.
Error messages never quote the draft.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from typing import Any

from presend.bridge.framing import MAX_REPLY
from presend.core import CoreError, __version__, check
from presend.core.offsets import utf16_converter
from presend.core.rulepack import available

PROTOCOL = 1
CONTEXT_KEYS = ("marketplace", "stage", "role", "channel")

#: Sends a report (and its draft) to the tray app; True when the app took it.
Relay = Callable[[dict[str, Any], str], bool]


class ProtocolError(Exception):
    """A request the host cannot answer; becomes an ``error`` reply."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


#: Longest error message and string id sent back (a request can make either huge).
_MAX_MESSAGE = 300
_MAX_ID = 200
#: Integers JavaScript holds exactly.
_MAX_INT_ID = 2**53
#: At most this many findings go to the tray app (it shows the first; the checker window
#: checks the draft again).
_RELAYED_FINDINGS = 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def error_reply(code: str, message: str, request_id: Any = None) -> dict[str, Any]:
    """An ``error`` message."""
    message = without_lone_surrogates(message[:_MAX_MESSAGE])
    return {"v": PROTOCOL, "id": request_id, "type": "error", "code": code, "message": message}


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON can escape one; UTF-8 cannot hold it) as
    U+FFFD, which is one UTF-16 unit too, so the browser's offsets still fit."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return without_lone_surrogates(value)
    if isinstance(value, dict):
        return {k: _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _valid_id(request_id: Any) -> bool:
    if request_id is None or isinstance(request_id, bool):
        return True
    if isinstance(request_id, int):
        return abs(request_id) <= _MAX_INT_ID
    if isinstance(request_id, str):
        return len(request_id) <= _MAX_ID and not _SURROGATE.search(request_id)
    return False


def echoable_id(message: Any) -> Any:
    """The request's id when it is one a reply can carry back (null, a boolean, an
    integer JavaScript holds exactly, or a short string); otherwise None."""
    request_id = message.get("id") if isinstance(message, dict) else None
    return request_id if _valid_id(request_id) else None


def handle(message: Any, relay: Relay | None) -> dict[str, Any]:
    """Answer one request."""
    request_id = echoable_id(message)
    try:
        if isinstance(message, dict) and not _valid_id(message.get("id")):
            raise ProtocolError(
                "bad_field",
                f"'id' must be null, an integer up to 2^53 or up to {_MAX_ID} characters",
            )
        return _dispatch(message, relay)
    except ProtocolError as exc:
        return error_reply(exc.code, str(exc), request_id)


def _dispatch(message: Any, relay: Relay | None) -> dict[str, Any]:
    if not isinstance(message, dict):
        raise ProtocolError("bad_message", "a message must be a JSON object")
    if message.get("v") != PROTOCOL:
        raise ProtocolError("bad_version", f"protocol version must be {PROTOCOL}")
    kind = message.get("type")
    if kind == "hello":
        return {
            "v": PROTOCOL,
            "id": message.get("id"),
            "type": "hello",
            "version": __version__,
            "protocol": PROTOCOL,
            "marketplaces": available(),
        }
    if kind == "check":
        return _check(message, relay)
    if kind == "check_file":
        return _check_file(message)
    raise ProtocolError("unknown_type", f"unknown message type {str(kind)[:40]!r}")


def _check(message: dict[str, Any], relay: Relay | None) -> dict[str, Any]:
    text = message.get("text")
    if not isinstance(text, str):
        raise ProtocolError("bad_field", "'text' must be a string")
    body = _report(text, message)
    delivered = False
    if relay is not None and body["findings"]:
        # Violations first: the tray app names the first one.
        ranked = sorted(body["findings"], key=lambda f: f["severity"] != "violation")
        relayed = {**body, "findings": ranked[:_RELAYED_FINDINGS]}
        delivered = relay(relayed, without_lone_surrogates(text))
    reply = {
        "v": PROTOCOL,
        "id": message.get("id"),
        "type": "report",
        **_in_utf16(body, text),
        "desktop": "notified" if delivered else "unavailable",
    }
    return fit_reply(reply)


#: Attachments the host does not read: said so, never passed in silence.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".bmp", ".tif", ".svg")


def _check_file(message: dict[str, Any]) -> dict[str, Any]:
    """An attachment the user chose on the page, read here (PDF, DOCX, TXT/MD) and checked."""
    from presend.desktop import documents  # noqa: PLC0415 - no Qt; loaded on the first file

    name, data, mime = message.get("name"), message.get("data"), message.get("mime", "")
    if not isinstance(name, str) or not name or len(name) > 255:
        raise ProtocolError("bad_field", "'name' must be a file name")
    if not isinstance(data, str):
        raise ProtocolError("bad_field", "'data' must be base64 text")
    if not isinstance(mime, str):
        raise ProtocolError("bad_field", "'mime' must be a string")
    # A file that was not read says so ("checked": false and why), with no verdict.
    reply: dict[str, Any] = {"v": PROTOCOL, "id": message.get("id"), "type": "report"}
    reply["file"] = name
    if mime.startswith("image/") or name.lower().endswith(IMAGE_SUFFIXES):
        return {**reply, "checked": False, "reason": "image"}
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ProtocolError("bad_field", "'data' must be base64 text") from None
    try:
        text = documents.read_document_bytes(name, raw)
    except documents.DocumentError as exc:
        return {**reply, "checked": False, "reason": "unreadable", "message": str(exc)}
    except ImportError:
        return {**reply, "checked": False, "reason": "unreadable", "message": "reader missing"}
    if not text.strip():
        return {**reply, "checked": False, "reason": "no_text"}
    return fit_reply({**reply, "checked": True, **_in_utf16(_report(text, message), text)})


def _report(text: str, message: dict[str, Any]) -> dict[str, Any]:
    """The core's report on ``text`` in the request's context (offsets in code points)."""
    context = message.get("context", {})
    if not isinstance(context, dict) or not all(
        isinstance(context.get(k, ""), str) for k in CONTEXT_KEYS
    ):
        raise ProtocolError("bad_field", "'context' must be an object of strings")
    unknown = set(context) - set(CONTEXT_KEYS)
    if unknown:
        raise ProtocolError("bad_field", f"unknown context keys: {', '.join(sorted(unknown))}")
    try:
        report = check(text, **{k: v for k, v in context.items() if v})
    except (CoreError, ValueError) as exc:
        raise ProtocolError("bad_field", str(exc)) from None
    body: dict[str, Any] = report.to_dict()
    if _SURROGATE.search(text):  # quoted in findings, they could not be sent on
        body = _without_surrogates(body)
    return body


def _in_utf16(body: dict[str, Any], text: str) -> dict[str, Any]:
    """Findings' offsets in UTF-16 code units, as the browser counts."""
    to_utf16 = utf16_converter(text)
    for finding in body["findings"]:
        finding["start"] = to_utf16(finding["start"])
        finding["end"] = to_utf16(finding["end"])
    return body


def fit_reply(reply: dict[str, Any]) -> dict[str, Any]:
    """Drop findings, least serious and last first, until the reply fits in a frame."""
    size = _size(reply)
    if size <= MAX_REPLY:
        return reply
    findings = reply["findings"]
    rank = {"info": 0, "exception": 1, "caution": 2, "violation": 3}
    order = sorted(range(len(findings)), key=lambda i: (rank[findings[i]["severity"]], -i))
    total = len(findings)
    sizes = {i: _size(findings[i]) + 1 for i in order}
    dropped: set[int] = set()
    budget = size - MAX_REPLY + 200  # room for the truncation note
    for i in order:
        if budget <= 0:
            break
        dropped.add(i)
        budget -= sizes[i]
    reply["findings"] = [f for i, f in enumerate(findings) if i not in dropped]
    reply["truncated"] = {"shown": len(reply["findings"]), "total": total}
    return reply


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
