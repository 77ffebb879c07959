"""The tray app under Xvfb + trayer: memory at rest and after many clipboard checks,
and the time from a clipboard change to the notification.

    .venv/bin/python benchmarks/desktop_clipboard.py [N]

Copies N drafts with xclip, one at a time, each waited for (the watch debounces for
250 ms, so rapid copies would be merged). Every fifth draft breaks the rules; for
those, the time from xclip returning to the app's "notified" event is recorded.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.test_tray import App, Desktop


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(n: int = 1000) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="presend-desk-"))
    desktop = Desktop(tmp)
    app = App(desktop, tmp / "base")
    try:
        app.wait_for("started")
        time.sleep(2)
        at_start = rss_mib(app.proc.pid)
        latencies: list[float] = []
        after_100 = float("nan")
        for i in range(n):
            violating = i % 5 == 0
            text = (
                f"Draft {i}: call me on +1 415 555 {i % 10000:04d}"
                if violating
                else f"Draft {i}: the logo files are attached, version {i}.2 is ready."
            )
            before = len(app.events())
            desktop.copy(text)
            copied = time.time()
            event = app.wait_for("notified" if violating else "clipboard-checked", after=before)
            if violating:
                latencies.append((event["t"] - copied) * 1000)
            if i == 99:
                after_100 = rss_mib(app.proc.pid)
        after = rss_mib(app.proc.pid)
    finally:
        app.proc.terminate()
        app.proc.wait(timeout=15)
        desktop.close()
    print(f"RSS after start: {at_start:.1f} MiB; after 100 checks: {after_100:.1f} MiB; "
          f"after {n} checks: {after:.1f} MiB")  # fmt: skip
    latencies.sort()
    p95 = latencies[round(0.95 * (len(latencies) - 1))]
    print(f"clipboard change -> notification ({len(latencies)} warnings, includes the 250 ms "
          f"debounce): median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
