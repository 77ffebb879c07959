"""Warm round trip in the real browser: content script -> presend-host -> rendered badge.

Runs headless Chromium with the extension and a 2,000-character proposal, edits the
draft N times and reads the time the content script measured from asking for a check
to having drawn the result (``presend-overlay[data-last-ms]``). The first check, which
starts the host, is reported apart.

    .venv/bin/python benchmarks/extension_roundtrip.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.e2e.test_extension import launch, open_page

PROPOSAL = (
    "Hello, I read your post about rebuilding the booking flow for your studio. I have "
    "shipped three similar projects, including a scheduler for a gym chain with 14 "
    "locations and about 40,000 bookings a month. My plan is to audit the current flow, "
    "rebuild the calendar in React with Stripe payments and test on iOS and Android. "
)
TEXT = (PROPOSAL * 8)[:1960] + " call +1 415 555 0132"


def main(n: int = 40) -> None:
    profile = Path(tempfile.mkdtemp(prefix="presend-bench-"))
    subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "chromium",
         "--profile-dir", str(profile)],
        check=True, capture_output=True,
    )  # fmt: skip
    with sync_playwright() as p:
        context = launch(p, profile)
        page = open_page(context)
        times: list[float] = []
        for i in range(n + 1):
            draft = TEXT.replace("Hello", f"Hello{i}")
            page.evaluate(
                """(t) => { const box = document.getElementById('msg'); box.focus();
                   box.value = t; box.dispatchEvent(new Event('input', {bubbles: true})); }""",
                draft,
            )
            page.wait_for_function(
                "(n) => parseInt(document.querySelector('presend-overlay')?.dataset.checks"
                " || '0', 10) >= n",
                arg=i + 1,
                timeout=20_000,
            )
            times.append(
                float(page.evaluate("document.querySelector('presend-overlay').dataset.lastMs"))
            )
        context.close()
    first, warm = times[0], sorted(times[1:])
    p95 = warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))]
    print(f"draft: {len(TEXT)} characters; {len(warm)} warm checks")
    print(f"first check (starts presend-host): {first:.1f} ms")
    print(f"warm round trip: median {statistics.median(warm):.1f} ms, p95 {p95:.1f} ms, "
          f"min {warm[0]:.1f} ms, max {warm[-1]:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
