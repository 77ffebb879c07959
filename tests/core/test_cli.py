"""`presend check` as a subprocess: exit codes, JSON Lines, errors on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PRESEND = [sys.executable, "-m", "presend.core.cli"]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*PRESEND, *args], input=stdin, capture_output=True, check=False)


def test_clean_draft_exits_zero() -> None:
    result = run("check", stdin=b"Thanks, I can start Monday.")
    assert result.returncode == 0
    assert b"clean" in result.stdout


def test_violation_exits_one_and_explains() -> None:
    result = run("check", stdin=b"Call me at +1 415 555 0132")
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "VIOLATION" in out
    assert "'+1 415 555 0132'" in out


def test_json_lines_one_object_per_input(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Call me at +1 415 555 0132", "utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Hello 😀 there", "utf-8")
    result = run("check", "--json", str(a), str(b))
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["input"] for d in lines] == [str(a), str(b)]
    assert [d["verdict"] for d in lines] == ["violation", "clean"]
    finding = lines[0]["findings"][0]
    assert (finding["start"], finding["end"]) == (11, 26)


def test_code_point_offsets_with_astral_characters() -> None:
    result = run("check", "--json", "-", stdin="😀😀 call 415-555-0132".encode())
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["start"], finding["end"]) == (8, 20)


def test_context_options_change_the_verdict() -> None:
    text = b"My WhatsApp is +44 7911 123456"
    assert run("check", stdin=text).returncode == 1
    assert run("check", "--stage", "active_contract", stdin=text).returncode == 0


def test_missing_file_is_exit_two_with_one_line(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine", "utf-8")
    result = run("check", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert "missing.txt" in result.stderr.decode()
    assert "good.txt: clean" in result.stdout.decode()


def test_binary_junk_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 10)
    result = run("check", str(junk))
    assert result.returncode == 2
    assert b"binary" in result.stderr
    assert b"Traceback" not in result.stderr


def test_invalid_utf8_is_a_clear_error() -> None:
    result = run("check", stdin=b"caf\xe9 \xff\xfe")
    assert result.returncode == 2
    assert b"not UTF-8" in result.stderr


def test_bad_option_is_exit_two() -> None:
    result = run("check", "--stage", "later")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr


def test_draft_text_never_reaches_stderr() -> None:
    draft = "+1 415 555 0132 secret-draft"
    result = run("check", "--marketplace", "nowhere", stdin=draft.encode())
    assert result.returncode == 2
    assert b"secret-draft" not in result.stderr
    assert b"415" not in result.stderr
