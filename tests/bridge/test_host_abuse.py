"""Hostile frames and files: every request gets a reply the browser can read, and the
host keeps serving the next one.

The fuzzer drives ``host.serve`` in-process over byte streams (fast enough for many
examples); the named cases run the real ``presend-host`` process."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from presend.bridge import framing, host

from tests.bridge.test_host import ORIGIN, frames, parse, run_host

_LAST = {"v": 1, "id": "last", "type": "hello"}

# Any JSON value, and text that can hold lone surrogates (JSON escapes them).
_any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_any_text, inner, max_size=4),
    max_leaves=12,
)
_drafts = st.one_of(
    _any_text,
    st.sampled_from(["call 415 555 0132 \ud800", "jane@gmail.com \udfff", "pay me on paypal"]),
)
_requests = st.fixed_dictionaries(
    {
        "v": st.sampled_from([1, 1, 1, 2, None, "1"]),
        "type": st.sampled_from(["check", "check", "hello", "nope"]) | _any_text,
    },
    optional={"id": _json, "text": _drafts | _json, "context": _json},
)


def _frame_of(message: Any) -> bytes:
    # ensure_ascii: lone surrogates travel as escapes, as a browser could send them.
    body = json.dumps(message, ensure_ascii=True).encode("ascii")
    return struct.pack("=I", len(body)) + body


_frames = st.one_of(
    _requests.map(_frame_of),
    _json.map(_frame_of),
    st.binary(max_size=40).map(lambda b: struct.pack("=I", len(b)) + b),
)


def _serve(data: bytes) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], str]]]:
    relayed: list[tuple[dict[str, Any], str]] = []

    def relay(report: dict[str, Any], text: str) -> bool:
        json.dumps(report, ensure_ascii=False).encode("utf-8")  # what the relay sends
        text.encode("utf-8")
        relayed.append((report, text))
        return True

    out = io.BytesIO()
    assert host.serve(io.BytesIO(data), out, relay) == 0
    return parse(out.getvalue()), relayed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_frames, max_size=5))
def test_fuzzed_frames_each_get_a_reply_and_the_host_keeps_serving(stream: list[bytes]) -> None:
    replies, _ = _serve(b"".join(stream) + framing.encode_frame(_LAST))
    assert len(replies) == len(stream) + 1
    for reply in replies:
        assert reply["v"] == 1
        assert reply["type"] in ("hello", "report", "error")
        assert len(framing.encode_frame(reply)) <= framing.MAX_REPLY + 4
        if reply["type"] == "error":
            assert reply["code"] != "internal", reply
    assert replies[-1]["type"] == "hello"
    assert replies[-1]["id"] == "last"


# The shapes that stopped the host before: each is answered, then the hello after it.
_HOSTILE = {
    "null": b"null",
    "deep_nesting": b"[" * 100_000 + b"]" * 100_000,
    "huge_integer": b'{"v": 1, "id": ' + b"9" * 5_000 + b', "type": "hello"}',
    "huge_id": json.dumps({"v": 1, "id": "x" * 2_000_000, "type": "hello"}).encode(),
    "surrogate_id": b'{"v": 1, "id": "\\ud800", "type": "check", "text": "hi"}',
    "nested_id": b'{"v": 1, "id": ' + b"[" * 900 + b"]" * 900 + b', "type": "hello"}',
    "huge_context_value": json.dumps(
        {"v": 1, "id": 1, "type": "check", "text": "hi", "context": {"stage": "s" * 2_000_000}}
    ).encode(),
    "surrogate_in_finding": b'{"v": 1, "id": 2, "type": "check", '
    b'"text": "my number is +1 415 555\\udc00 0132 and jane\\ud800doe@gmail.com"}',
}


@pytest.mark.parametrize("name", _HOSTILE)
def test_hostile_frame_gets_an_error_or_report_and_the_host_goes_on(
    name: str, tmp_path: Path
) -> None:
    body = _HOSTILE[name]
    data = struct.pack("=I", len(body)) + body + framing.encode_frame(_LAST)
    result = run_host(data, ORIGIN, basedir=tmp_path)
    replies = parse(result.stdout)
    assert result.returncode == 0
    assert [r["type"] for r in replies][-1] == "hello"
    assert len(replies) == 2, replies
    first = replies[0]
    assert first["type"] in ("error", "report")
    assert len(json.dumps(first)) < 10_000 or first["type"] == "report"
    assert b"Traceback" not in result.stderr
    if name == "surrogate_in_finding":
        assert first["type"] == "report"
        assert first["verdict"] == "violation"
        assert "\ufffd" in "".join(f["text"] for f in first["findings"])


def test_finding_with_a_lone_surrogate_is_relayed_and_answered() -> None:
    message = {"v": 1, "id": 3, "type": "check", "text": "call +1 415 555\ud800 0132 now"}
    replies, relayed = _serve(_frame_of(message))
    assert replies[0]["type"] == "report"
    assert relayed
    assert relayed[0][1] == "call +1 415 555\ufffd 0132 now"
    # The offsets still fit the browser's text: U+FFFD is one UTF-16 unit, as was the
    # lone surrogate.
    (finding,) = [f for f in replies[0]["findings"] if f["type"] == "phone"]
    assert message["text"][finding["start"] : finding["end"]] == "+1 415 555\ud800 0132"
    assert finding["text"] == "+1 415 555\ufffd 0132"


def _manifest(config: Path, kind: str) -> None:
    config.mkdir(parents=True, exist_ok=True)
    path = config / "native-host.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        contents = {
            "not_json": b"{",
            "not_object": b"[1, 2]",
            "origins_not_list": b'{"allowed_origins": 5, "allowed_extensions": "abc"}',
            "deep": b'{"allowed_origins": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "huge_integer": b'{"allowed_origins": [' + b"7" * 5_000 + b"]}",
            "huge": b" " * 10_000_000,
            "bom": b'\xef\xbb\xbf{"allowed_origins": ["chrome-extension://bomid/"]}',
            "latin1": b'{"allowed_origins": ["\xe9"]}',
        }
        path.write_bytes(contents[kind])


@pytest.mark.parametrize(
    "kind",
    [
        "fifo",
        "dev_zero",
        "folder",
        "not_json",
        "not_object",
        "origins_not_list",
        "deep",
        "huge_integer",
        "huge",
        "bom",
        "latin1",
    ],
)
def test_malformed_native_host_json_leaves_the_built_in_extension_served(
    kind: str, tmp_path: Path
) -> None:
    _manifest(tmp_path / "config", kind)
    result = run_host(frames(_LAST), ORIGIN, basedir=tmp_path)
    assert [r["type"] for r in parse(result.stdout)] == ["hello"]
    assert b"Traceback" not in result.stderr
    if kind == "bom":  # a byte-order mark is no damage: the extra id counts
        other = run_host(frames(_LAST), "chrome-extension://bomid/", basedir=tmp_path)
        assert [r["type"] for r in parse(other.stdout)] == ["hello"]
    else:
        assert b"ignored" in result.stderr and b"native-host.json" in result.stderr


def test_a_runtime_folder_that_is_not_ours_is_refused_and_checks_go_on(tmp_path: Path) -> None:
    # No XDG_RUNTIME_DIR; /tmp/runtime-UID is a link someone else left there.
    (tmp_path / "tmp").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "tmp" / f"runtime-{os.geteuid()}").symlink_to(tmp_path / "elsewhere")
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_RUNTIME_DIR", "PRESEND_BASEDIR")}
    env |= {"TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    data = frames({"v": 1, "id": 1, "type": "check", "text": "email me at jane@gmail.com"})
    result = subprocess.run(
        [sys.executable, "-m", "presend.bridge.host", ORIGIN],
        input=data,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    (reply,) = parse(result.stdout)
    assert reply["type"] == "report"
    assert reply["verdict"] == "violation"
    assert b"did not use" in result.stderr
    assert str(tmp_path / "cache").encode() in result.stderr
    assert not list((tmp_path / "elsewhere").iterdir())
