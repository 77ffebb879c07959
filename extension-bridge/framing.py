"""Native-messaging frames: a 4-byte length in native byte order, then UTF-8 JSON.

Browsers refuse host replies over 1 MiB and close the port, so replies are checked
here; requests are capped at 4 MiB and larger ones are skipped over, keeping the
stream in step, so one bad message does not end the conversation.
"""

from __future__ import annotations

import json
import struct
from typing import Any, BinaryIO

#: Chromium and Firefox close the port when a host sends more than this.
MAX_REPLY = 1024 * 1024
#: Requests larger than this get an error instead of a report.
MAX_REQUEST = 4 * 1024 * 1024
_HEADER = struct.Struct("=I")  # native byte order, as the browsers write it
_SKIP_CHUNK = 64 * 1024


#: What ``read_frame`` returns at a clean end of stream (JSON ``null`` is a message).
END = object()


class FrameError(Exception):
    """A frame could not be read; ``code`` goes into the error reply."""

    code = "bad_frame"


class TruncatedFrameError(FrameError):
    """The stream ended inside a frame."""

    code = "truncated"


class FrameTooLargeError(FrameError):
    """A request was over :data:`MAX_REQUEST` (its bytes were skipped)."""

    code = "too_large"


class BadJsonError(FrameError):
    """A frame's body was not UTF-8 JSON."""

    code = "bad_json"


def read_frame(stream: BinaryIO) -> Any:
    """Read one message; :data:`END` at a clean end of stream (between frames)."""
    header = _read_exactly(stream, _HEADER.size, allow_eof=True)
    if header is None:
        return END
    (length,) = _HEADER.unpack(header)
    if length > MAX_REQUEST:
        _skip(stream, length)
        raise FrameTooLargeError(f"message of {length:,} bytes is over {MAX_REQUEST:,}")
    body = _read_exactly(stream, length, allow_eof=False)
    assert body is not None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        # Not UTF-8, not JSON, an integer too long to convert, nesting too deep.
        raise BadJsonError(f"message is not UTF-8 JSON ({type(exc).__name__})") from None


def encode_frame(message: Any) -> bytes:
    """Frame a message; raises ValueError when it would be over :data:`MAX_REPLY`."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_REPLY:
        raise ValueError(f"reply of {len(body):,} bytes is over {MAX_REPLY:,}")
    return _HEADER.pack(len(body)) + body


def write_frame(stream: BinaryIO, message: Any) -> None:
    """Write one message and flush it."""
    stream.write(encode_frame(message))
    stream.flush()


def _read_exactly(stream: BinaryIO, n: int, *, allow_eof: bool) -> bytes | None:
    chunks: list[bytes] = []
    remaining = n
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            if allow_eof and remaining == n:
                return None
            raise TruncatedFrameError(f"stream ended {remaining} bytes short of a frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _skip(stream: BinaryIO, n: int) -> None:
    while n:
        chunk = stream.read(min(n, _SKIP_CHUNK))
        if not chunk:
            raise TruncatedFrameError("stream ended inside an oversized frame")
        n -= len(chunk)
