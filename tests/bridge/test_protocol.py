"""The host's replies: hello, check (UTF-16 offsets, relay, trimming) and errors."""

from __future__ import annotations

from typing import Any

import pytest
from presend.bridge import framing, protocol


def test_hello_names_version_protocol_and_marketplaces() -> None:
    reply = protocol.handle({"v": 1, "id": "a", "type": "hello"}, None)
    assert reply["type"] == "hello"
    assert reply["id"] == "a"
    assert reply["protocol"] == 1
    assert "upwork" in reply["marketplaces"]


def test_check_offsets_are_utf16_code_units() -> None:
    text = "😀😀 call 415-555-0132"
    reply = protocol.handle({"v": 1, "id": 1, "type": "check", "text": text}, None)
    (finding,) = reply["findings"]
    utf16 = text.encode("utf-16-le")
    start, end = finding["start"], finding["end"]
    assert utf16[start * 2 : end * 2].decode("utf-16-le") == "415-555-0132"
    assert reply["desktop"] == "unavailable"


def test_check_relays_to_the_desktop_when_there_are_findings() -> None:
    seen: list[tuple[str, str]] = []

    def relay(report: dict[str, Any], text: str) -> bool:
        seen.append((report["verdict"], text))
        return True

    reply = protocol.handle({"v": 1, "id": 1, "type": "check", "text": "email a@gmail.com"}, relay)
    assert reply["desktop"] == "notified"
    assert seen == [("violation", "email a@gmail.com")]


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ([1, 2], "bad_message"),
        ({"v": 2, "type": "hello"}, "bad_version"),
        ({"v": 1, "type": "launch"}, "unknown_type"),
        ({"v": 1, "type": "check", "text": 5}, "bad_field"),
        ({"v": 1, "type": "check", "text": "x", "context": "upwork"}, "bad_field"),
        ({"v": 1, "type": "check", "text": "x", "context": {"stage": "later"}}, "bad_field"),
        ({"v": 1, "type": "check", "text": "x", "context": {"mood": "good"}}, "bad_field"),
    ],
)
def test_wrong_requests_get_error_codes(message: Any, code: str) -> None:
    reply = protocol.handle(message, None)
    assert reply["type"] == "error"
    assert reply["code"] == code


def test_error_never_quotes_the_draft() -> None:
    reply = protocol.handle(
        {"v": 1, "type": "check", "text": "secret 415-555-0132", "context": {"stage": "x"}}, None
    )
    assert "secret" not in reply["message"]


def test_huge_reports_are_trimmed_to_fit_a_frame() -> None:
    text = "call 415-555-0132 or email a@gmail.com. " * 1_500
    reply = protocol.handle({"v": 1, "id": 1, "type": "check", "text": text}, None)
    assert reply["truncated"]["total"] == 3_000
    assert 0 < reply["truncated"]["shown"] < 3_000
    assert reply["verdict"] == "violation"
    framing.encode_frame(reply)  # fits


def _file(name: str, data: bytes) -> dict[str, Any]:
    import base64

    encoded = base64.b64encode(data).decode("ascii")
    return {"v": 1, "id": 7, "type": "check_file", "name": name, "data": encoded}


def test_attached_pdf_is_read_and_checked() -> None:
    from tests.pdf import make_pdf

    pdf = make_pdf(["Portfolio of Ana\nSeven years of design work.", "Email: ana.d@outlook.com"])
    reply = protocol.handle(_file("portfolio.pdf", pdf), relay=None)
    assert reply["type"] == "report" and reply["checked"] is True
    assert reply["file"] == "portfolio.pdf" and reply["id"] == 7
    assert reply["verdict"] == "violation"
    assert [f["text"] for f in reply["findings"] if f["severity"] == "violation"] == [
        "ana.d@outlook.com"
    ]


def test_attached_text_file_clean_and_images_not_checked() -> None:
    clean = protocol.handle(_file("notes.md", b"I will deliver the logo by Friday."), relay=None)
    assert clean["checked"] is True and clean["verdict"] == "clean"
    image = protocol.handle(_file("Screenshot.PNG", b"\x89PNG"), relay=None)
    assert image["checked"] is False and image["reason"] == "image"
    assert "verdict" not in image
    photo = protocol.handle({**_file("scan", b"..."), "mime": "image/jpeg"}, relay=None)
    assert photo["checked"] is False and photo["reason"] == "image"
    broken = protocol.handle(_file("cv.pdf", b"not a pdf"), relay=None)
    assert broken["checked"] is False and broken["reason"] == "unreadable"
    assert "cv.pdf" in broken["message"]
    bad = protocol.handle({**_file("a.txt", b""), "data": "!!"}, relay=None)
    assert bad["type"] == "error" and bad["code"] == "bad_field"
