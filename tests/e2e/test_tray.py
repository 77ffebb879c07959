"""The tray app for real: Xvfb, Debian's trayer as the tray host, the X clipboard set
with xclip, a report relayed by the real presend-host, and a clean quit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from presend.bridge import framing
from presend.bridge.host import EXTENSION_ID

from tests.conftest import require_tools

pytestmark = pytest.mark.e2e

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


class Desktop:
    """An X server with a tray host."""

    def __init__(self, tmp: Path) -> None:
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = {**os.environ, "DISPLAY": self.display}
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width",
             "160", "--height", "32", "--transparent", "false", "--tint", "0xdddddd"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.wait(lambda: "trayer" in self.tree(), "trayer to start")
        self.tmp = tmp

    def tree(self) -> str:
        return subprocess.run(
            ["xwininfo", "-root", "-tree"], env=self.env, capture_output=True, text=True,
            check=False,
        ).stdout  # fmt: skip

    def tray_holds(self, name: str) -> bool:
        """Whether a window called ``name`` is embedded in trayer's panel."""
        lines = self.tree().splitlines()
        for i, line in enumerate(lines):
            if '"panel": ("panel" "trayer")' in line:
                depth = len(line) - len(line.lstrip())
                for child in lines[i + 1 :]:
                    if len(child) - len(child.lstrip()) <= depth:
                        break
                    if f'"{name}"' in child:
                        return True
        return False

    def copy(self, text: str, selection: str = "clipboard") -> None:
        subprocess.run(
            ["xclip", "-selection", selection], input=text.encode(), env=self.env, check=True
        )

    def screenshot(self, name: str) -> Path:
        path = self.tmp / f"{name}.png"
        code = (
            "import sys; from PySide6.QtWidgets import QApplication; a = QApplication([]); "
            "a.primaryScreen().grabWindow(0).save(sys.argv[1])"
        )
        subprocess.run([sys.executable, "-c", code, str(path)], env=self.env, check=True)
        if os.environ.get("PRESEND_UPDATE_SCREENSHOTS"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, SCREENSHOTS / path.name)
        return path

    @staticmethod
    def wait(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def close(self) -> None:
        for proc in (self.trayer, self.xvfb):
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    require_tools("Xvfb", "trayer", "xclip", "xwininfo", "xdotool")
    d = Desktop(tmp_path_factory.mktemp("desktop"))
    yield d
    d.close()


class App:
    """The real tray app, started as the user would start it."""

    def __init__(self, desktop: Desktop, basedir: Path) -> None:
        self.desktop = desktop
        self.basedir = basedir
        self.log = basedir / "events.jsonl"
        self.env = {**desktop.env, "PRESEND_EVENT_LOG": str(self.log)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "presend.core.cli", "--basedir", str(basedir)],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip

    def events(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def wait_for(self, event: str, after: int = 0, **fields: Any) -> dict[str, Any]:
        found: list[dict[str, Any]] = []

        def seen() -> bool:
            found[:] = [
                e for e in self.events()[after:]
                if e["event"] == event and all(e.get(k) == v for k, v in fields.items())
            ]  # fmt: skip
            return bool(found)

        self.desktop.wait(seen, f"{event} {fields}")
        return found[0]


@pytest.fixture(scope="module")
def app(desktop: Desktop, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    running = App(desktop, tmp_path_factory.mktemp("basedir"))
    yield running
    if running.proc.poll() is None:
        running.proc.kill()
        running.proc.wait()


def test_tray_icon_is_in_the_tray(desktop: Desktop, app: App) -> None:
    started = app.wait_for("started")
    assert started["tray"] is True
    desktop.wait(lambda: desktop.tray_holds("Presend"), "the icon in trayer's panel")
    desktop.screenshot("tray")


def test_violating_copy_notifies(desktop: Desktop, app: App) -> None:
    app.wait_for("started")
    before = len(app.events())
    desktop.copy("Thanks! Let's move to WhatsApp: +44 7911 123456")
    event = app.wait_for("notified", after=before, source="clipboard")
    assert event["verdict"] == "violation"
    assert "assuming before the contract, freelancer on Upwork" in event["body"]
    time.sleep(0.5)  # let the balloon finish drawing
    desktop.screenshot("notification")


def test_clean_copy_and_primary_selection_do_not_notify(desktop: Desktop, app: App) -> None:
    before = len(app.events())
    desktop.copy("The logo files are attached, thanks for the quick feedback.")
    app.wait_for("clipboard-checked", after=before, verdict="clean")
    mark = len(app.events())
    desktop.copy("call me 212-555-0147", selection="primary")
    time.sleep(1.5)
    assert [e["event"] for e in app.events()[mark:]] == []


def test_report_relayed_by_presend_host_pops_up(desktop: Desktop, app: App) -> None:
    before = len(app.events())
    request = framing.encode_frame(
        {"v": 1, "id": 1, "type": "check", "text": "pay me via PayPal to skip the fees"}
    )
    host = subprocess.run(
        [sys.executable, "-m", "presend.bridge.host", f"chrome-extension://{EXTENSION_ID}/"],
        input=request, capture_output=True, env={**app.env, "PRESEND_BASEDIR": str(app.basedir)},
        timeout=60, check=True,
    )  # fmt: skip
    length = int.from_bytes(host.stdout[:4], sys.byteorder)
    reply = json.loads(host.stdout[4 : 4 + length])
    assert reply["desktop"] == "notified"
    event = app.wait_for("notified", after=before, source="browser")
    assert "assuming before the contract, freelancer on Upwork" in event["body"]


def test_clicking_the_notification_opens_the_checker(desktop: Desktop, app: App) -> None:
    before = len(app.events())
    desktop.copy("my email is jane.doe@gmail.com, write me there")
    app.wait_for("notified", after=before, source="clipboard")
    found: list[tuple[int, int, int, int]] = []
    desktop.wait(lambda: bool(found.extend(_balloons(desktop)) or found), "the balloon")
    balloon = found[0]
    x, y = balloon[0] + balloon[2] // 2, balloon[1] + balloon[3] - 12
    subprocess.run(
        ["xdotool", "mousemove", str(x), str(y), "click", "1"], env=desktop.env, check=True
    )
    event = app.wait_for("checker-opened", after=before)
    assert event["with_text"] is True
    time.sleep(0.8)
    desktop.screenshot("checker")


def test_no_balloon_over_the_open_checker(desktop: Desktop, app: App) -> None:
    before = len(app.events())
    desktop.copy("text me on +1 415 555 0199 instead")
    event = app.wait_for("shown-in-checker", after=before, source="clipboard")
    assert event["verdict"] == "violation"
    assert "notified" not in [e["event"] for e in app.events()[before:]]


def test_second_launch_hands_over(desktop: Desktop, app: App) -> None:
    before = len(app.events())
    second = subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "--basedir", str(app.basedir)],
        env=app.env, capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    assert "already running" in second.stdout
    app.wait_for("command", after=before, command="show")


def test_quit_is_clean(desktop: Desktop, app: App) -> None:
    subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "--quit", "--basedir", str(app.basedir)],
        env=app.env, check=True, timeout=30,
    )  # fmt: skip
    assert app.proc.wait(timeout=15) == 0
    stderr = app.proc.stderr.read().decode() if app.proc.stderr else ""
    assert "Traceback" not in stderr
    assert "WhatsApp" not in stderr and "jane.doe" not in stderr  # no draft text leaked
    assert not Path(app.basedir / "runtime" / "relay.sock").exists()
    desktop.wait(lambda: not desktop.tray_holds("Presend"), "the icon to leave the tray")


def _balloons(desktop: Desktop) -> list[tuple[int, int, int, int]]:
    # The balloon is a top-level "Presend" window wider than the tray icon.
    found = []
    for line in desktop.tree().splitlines():
        m = re.search(r'"Presend": \("[^"]*" "Presend"\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)', line)
        if m and int(m.group(1)) > 200:
            w, h, x, y = (int(g) for g in m.groups())
            found.append((x, y, w, h))
    return found
