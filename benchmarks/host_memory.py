"""Peak memory (VmHWM) and time of presend-host on drafts that fill a 4 MB frame.

Run: .venv/bin/python benchmarks/host_memory.py
Linux only (reads /proc). Each draft goes to a fresh host process as the browser would
send it; the host's peak resident memory is read while it waits for the next frame.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presend.bridge import framing
from presend.bridge.host import EXTENSION_ID

ORIGIN = f"chrome-extension://{EXTENSION_ID}/"
FRAME = framing.MAX_REQUEST - 200  # room for the JSON around the text

PROSE = (
    "We shipped 1,234 orders in 2025 (v2.3.1). Contact us via Upwork only. "
    "Your store acmeshoes.com needs faster images and a Telegram bot for alerts.\n"
)
CYRILLIC = "Мы отправили 1234 заказа в 2025 году. Пишите только через Upwork, пожалуйста.\n"


def _fill(unit: str) -> str:
    per = len(json.dumps(unit, ensure_ascii=False).encode("utf-8")) - 2  # as framed
    return unit * (FRAME // per)


DRAFTS = {
    "ascii prose, 4 MB": _fill(PROSE)[:3_999_000] + " call me +1 415 555 0132",
    "cyrillic prose, 4 MB (2.1M characters)": _fill(CYRILLIC),
    "U+FDFA, 4 MB (1.4M characters, 25M once written out)": _fill("\ufdfa"),
    "'paypal me ' x 10,000 (100 KB)": "paypal me " * 10_000,
}


def _peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return -1


def _read_reply(stream: object) -> dict[str, object]:
    header = stream.read(4)  # type: ignore[attr-defined]
    (n,) = framing._HEADER.unpack(header)
    return json.loads(stream.read(n))  # type: ignore[attr-defined]


def measure(text: str | None) -> tuple[int, float, str]:
    with tempfile.TemporaryDirectory() as base:
        proc = subprocess.Popen(
            [sys.executable, "-m", "presend.bridge.host", ORIGIN],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**__import__("os").environ, "PRESEND_BASEDIR": base},
        )
        assert proc.stdin is not None and proc.stdout is not None
        message = {"v": 1, "id": 1, "type": "hello"}
        if text is not None:
            message = {"v": 1, "id": 1, "type": "check", "text": text}
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        frame = framing._HEADER.pack(len(body)) + body
        start = time.perf_counter()
        proc.stdin.write(frame)
        proc.stdin.flush()
        reply = _read_reply(proc.stdout)
        elapsed = time.perf_counter() - start
        peak = _peak_kib(proc.pid)
        proc.stdin.close()
        proc.wait(timeout=60)
        outcome = str(reply.get("verdict") or reply.get("code"))
        return peak, elapsed, f"{outcome}, frame {len(body) / 1e6:.2f} MB"


def main() -> None:
    peak, elapsed, _ = measure(None)
    print(f"{'idle host (hello only)':56s} peak {peak / 1024:7.1f} MiB  {elapsed:6.2f} s")
    for name, text in DRAFTS.items():
        peak, elapsed, outcome = measure(text)
        print(f"{name:56s} peak {peak / 1024:7.1f} MiB  {elapsed:6.2f} s  ({outcome})")


if __name__ == "__main__":
    main()
