"""Native-messaging framing: lengths, limits, truncation, bad JSON."""

from __future__ import annotations

import io
import json
import struct

import pytest
from presend.bridge import framing


def frame_bytes(body: bytes) -> bytes:
    return struct.pack("=I", len(body)) + body


def test_round_trip_counts_encoded_bytes_not_characters() -> None:
    message = {"text": "héllo 😀 мир"}
    data = framing.encode_frame(message)
    (length,) = struct.unpack("=I", data[:4])
    assert length == len(data) - 4
    assert length == len(json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode())
    assert framing.read_frame(io.BytesIO(data)) == message


def test_clean_end_of_stream_is_end_and_json_null_is_a_message() -> None:
    assert framing.read_frame(io.BytesIO(b"")) is framing.END
    assert framing.read_frame(io.BytesIO(frame_bytes(b"null"))) is None


@pytest.mark.parametrize("data", [b"\x05\x00", frame_bytes(b'{"a": 1}')[:-2]])
def test_truncated_header_or_body(data: bytes) -> None:
    with pytest.raises(framing.TruncatedFrameError):
        framing.read_frame(io.BytesIO(data))


@pytest.mark.parametrize(
    "body", [b"{bad", b"\xff\xfe", b"", b"[" * 100_000 + b"]" * 100_000, b"1" * 5_000]
)
def test_bad_json(body: bytes) -> None:
    with pytest.raises(framing.BadJsonError):
        framing.read_frame(io.BytesIO(frame_bytes(body)))


def test_oversized_request_is_skipped_and_the_stream_stays_in_step() -> None:
    big = b'"' + b"a" * (framing.MAX_REQUEST + 10) + b'"'
    stream = io.BytesIO(frame_bytes(big) + framing.encode_frame({"next": True}))
    with pytest.raises(framing.FrameTooLargeError):
        framing.read_frame(stream)
    assert framing.read_frame(stream) == {"next": True}


def test_reply_of_exactly_one_mebibyte_is_allowed() -> None:
    # '"' + n characters + '"' is n + 2 bytes of JSON.
    exact = "a" * (framing.MAX_REPLY - 2)
    data = framing.encode_frame(exact)
    assert len(data) == framing.MAX_REPLY + 4
    with pytest.raises(ValueError, match="over"):
        framing.encode_frame(exact + "a")


def test_request_of_exactly_the_cap_is_read() -> None:
    body = b'"' + b"a" * (framing.MAX_REQUEST - 2) + b'"'
    assert len(framing.read_frame(io.BytesIO(frame_bytes(body)))) == framing.MAX_REQUEST - 2
