"""Warm round trip in the real browsers: content script -> presend-host -> rendered badge.

Chromium (headless, Playwright) and Debian's firefox-esr (headless, Marionette) load the
extension; a 2,000-character proposal is set in the proposal page's cover letter N times
and the content script's own measure, from asking for a check to having drawn the
result (``presend-overlay[data-last-ms]``), is read back. The first check, which starts
the host, is reported apart. Then a 2-page PDF is chosen in the message room's file
input N times and the time from the choice to its verdict (``data-last-file-ms``: read
in the page, checked by the host, answered) is read the same way.

    .venv/bin/python benchmarks/extension_roundtrip.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.e2e.test_extension import launch, open_page
from tests.e2e.test_firefox import firefox_session
from tests.pdf import make_pdf

PROPOSAL = (
    "Hello, I read your post about rebuilding the booking flow for your studio. I have "
    "shipped three similar projects, including a scheduler for a gym chain with 14 "
    "locations and about 40,000 bookings a month. My plan is to audit the current flow, "
    "rebuild the calendar in React with Stripe payments and test on iOS and Android. "
)
TEXT = (PROPOSAL * 8)[:1960] + " call +1 415 555 0132"
PAGE = "/nx/proposals/job/~0123/apply/"
SET_COVER = """(t) => { const box = document.getElementById('cover'); box.focus();
  box.value = t; box.dispatchEvent(new Event('input', {bubbles: true})); }"""
COUNT = "parseInt(document.querySelector('presend-overlay')?.dataset.checks || '0', 10)"
LAST = "document.querySelector('presend-overlay').dataset.lastMs"


def summary(name: str, times: list[float], first: bool = True) -> None:
    head, warm = (times[0], sorted(times[1:])) if first else (None, sorted(times))
    p95 = warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))]
    if head is not None:
        print(f"{name}: first check (starts presend-host) {head:.1f} ms")
    print(f"{name}: median {statistics.median(warm):.1f} ms, p95 {p95:.1f} ms, "
          f"min {warm[0]:.1f} ms, max {warm[-1]:.1f} ms ({len(warm)} runs)")  # fmt: skip


def poll(read: Callable[[], int], at_least: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while read() < at_least:
        if time.monotonic() > deadline:
            raise TimeoutError("no answer from the extension")
        time.sleep(0.005)


def chromium(n: int, pdf: Path) -> None:
    profile = Path(tempfile.mkdtemp(prefix="presend-bench-"))
    subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "chromium",
         "--profile-dir", str(profile)],
        check=True, capture_output=True,
    )  # fmt: skip
    with sync_playwright() as p:
        context = launch(p, profile)
        page = open_page(context, PAGE)
        times: list[float] = []
        for i in range(n + 1):
            page.evaluate(SET_COVER, TEXT.replace("Hello", f"Hello{i}"))
            page.wait_for_function(f"(n) => {COUNT} >= n", arg=i + 1, timeout=20_000)
            times.append(float(page.evaluate(LAST)))
        summary("Chromium warm round trip", times)
        room = open_page(context, "/ab/messages/rooms/room_x")
        files: list[float] = []
        for _ in range(n):
            room.evaluate("delete document.querySelector('presend-overlay')?.dataset.lastFileMs")
            room.set_input_files("#file", [])
            room.set_input_files("#file", str(pdf))
            room.wait_for_function(
                "() => document.querySelector('presend-overlay')?.dataset.lastFileMs",
                timeout=20_000,
            )
            files.append(
                float(room.evaluate("document.querySelector('presend-overlay').dataset.lastFileMs"))
            )
        summary("Chromium 2-page PDF, chosen to verdict", files, first=False)
        context.close()


def firefox(n: int) -> None:
    with firefox_session(Path(tempfile.mkdtemp(prefix="presend-bench-ff-"))) as ff:
        ff.send("WebDriver:Navigate", {"url": f"https://www.upwork.com{PAGE}"})
        ff.find("#cover")
        times: list[float] = []
        for i in range(n + 1):
            ff.script(f"({SET_COVER})(arguments[0])", TEXT.replace("Hello", f"Hello{i}"))
            poll(lambda: int(ff.script(f"return {COUNT}")), i + 1)
            times.append(float(ff.script(f"return {LAST}")))
        summary("Firefox warm round trip", times)


def main(n: int = 40) -> None:
    print(f"draft: {len(TEXT)} characters")
    pdf = Path(tempfile.mkdtemp(prefix="presend-pdf-")) / "portfolio.pdf"
    pdf.write_bytes(make_pdf([PROPOSAL * 5, PROPOSAL * 4]))
    print(f"PDF: 2 pages, {pdf.stat().st_size:,} bytes")
    chromium(n, pdf)
    firefox(n)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
