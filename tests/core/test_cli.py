"""`presend check` as a subprocess: exit codes, JSON Lines, errors on stderr."""

from __future__ import annotations

import json
import os
import pty
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


def test_help_lists_the_app_options_and_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for word in ("--basedir", "--quit", "--no-tray", "check", "install-host", "eval"):
        assert word in out


def test_check_help_documents_choices_defaults_and_exit_status() -> None:
    out = run("check", "--help").stdout.decode()
    assert out.startswith("usage: presend check")
    assert "{pre_contract,active_contract}" in out and "(default: pre_contract)" in out
    assert "(default: auto)" in out and "NO_COLOR" in out
    assert "exit status:" in out and "caution" in out


def test_host_help_prints_usage_not_a_frame() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presend.bridge.host", "--help"],
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stdout.startswith(b"usage: presend-host")


def test_caution_exits_zero_unless_strict() -> None:
    text = b"Take a look at https://coolsite.io/page"
    result = run("check", stdin=text)
    assert result.returncode == 0 and b"caution" in result.stdout
    assert run("check", "--strict", stdin=text).returncode == 1


def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run presend with its standard output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*PRESEND, *args], stdin=subprocess.PIPE, stdout=follower, stderr=subprocess.PIPE,
        env={**os.environ, **env},
    )  # fmt: skip
    os.close(follower)
    assert proc.stdin is not None
    proc.stdin.write(b"Call me at +1 415 555 0132")
    proc.stdin.close()
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_colour_follows_the_terminal_no_color_and_the_option() -> None:
    red = "\x1b[1;31mVIOLATION"
    assert red in _on_a_terminal("check", env={"NO_COLOR": ""})
    assert "\x1b[" not in _on_a_terminal("check", env={"NO_COLOR": "1"})
    assert "\x1b[" not in _on_a_terminal("check", "--color", "never", env={"NO_COLOR": ""})
    assert red in _on_a_terminal("check", "--color", "always", env={"NO_COLOR": "1"})
    piped = run("check", "--color", "auto", stdin=b"Call me at +1 415 555 0132")
    assert b"\x1b[" not in piped.stdout
    assert b"\x1b[1;31m" in run("check", "--color", "always", stdin=b"call +1 415 555 0132").stdout


def test_text_output_wraps_to_the_width() -> None:
    result = subprocess.run(
        [*PRESEND, "check"], input=b"Call me at +1 415 555 0132 or pay me via PayPal",
        capture_output=True, check=False, env={**os.environ, "COLUMNS": "72"},
    )  # fmt: skip
    lines = result.stdout.decode().splitlines()
    assert max(len(line) for line in lines) <= 72
    assert any(line.startswith("        ") for line in lines)  # continuation lines
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    unwrapped = subprocess.run(
        [*PRESEND, "check"], input=b"Call me at +1 415 555 0132 or pay me via PayPal",
        capture_output=True, check=False, env=env,
    )  # fmt: skip
    assert max(len(line) for line in unwrapped.stdout.decode().splitlines()) > 72


def test_quit_with_nothing_running_says_so(tmp_path: Path) -> None:
    result = run("--quit", "--basedir", str(tmp_path))
    assert result.returncode == 1
    assert b"not running" in result.stderr
