"""The app's edges: no display, no tray, a second launch, notices."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from presend.desktop.settings import Settings
from presend.desktop.tray import FallbackWindow, Indicator, TrayMenu
from pytestqt.qtbot import QtBot


def test_no_display_is_one_line_and_exit_two(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "--basedir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "presend check" in result.stderr


def test_without_a_tray_a_window_shows_the_notices(qtbot: QtBot) -> None:
    menu = TrayMenu(Settings())
    indicator = Indicator(menu, use_tray=False)
    window = indicator.window
    assert isinstance(window, FallbackWindow)
    qtbot.addWidget(window)
    indicator.set_state("warning", "Presend: last check found 1 violation")
    assert window.status.text() == "Presend: last check found 1 violation"
    indicator.notify("Presend: what you copied would break the rules", "Phone number")
    assert not window.notice.isHidden()
    with qtbot.waitSignal(indicator.messageClicked, timeout=2000):
        window.notice.click()
    assert window.notice.isHidden()


def test_menu_changes_the_context(qtbot: QtBot) -> None:
    settings = Settings()
    menu = TrayMenu(settings)
    stage = {a.data(): a for a in menu.groups["stage"].actions()}
    with qtbot.waitSignal(menu.contextChanged, timeout=2000):
        stage["active_contract"].trigger()
    assert settings.stage == "active_contract"
    settings.role = "client"
    menu.sync()
    checked = [a.data() for a in menu.groups["role"].actions() if a.isChecked()]
    assert checked == ["client"]


def test_self_test_offscreen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "presend.desktop.app", "--self-test", "--basedir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout


def test_corrupt_settings_give_a_visible_notice(qtbot: QtBot, tmp_path: Path) -> None:
    from presend.core import standarddir
    from presend.desktop.app import EventLog, PresendApp
    from presend.desktop.qt import QApplication

    standarddir.init(tmp_path)
    try:
        (tmp_path / "config").mkdir()
        (tmp_path / "config" / "settings.json").write_text("{broken", "utf-8")
        log = tmp_path / "events.jsonl"
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        app = PresendApp(qapp, use_tray=False, log=EventLog(str(log)))
        window = app.indicator.window
        assert window is not None
        qtbot.addWidget(window)
        assert "damaged" in window.notice.text()
        assert '"settings-notice"' in log.read_text()
        assert app.settings == Settings()
        app.server.close()
        app.watcher.set_enabled(False)
    finally:
        standarddir.init(None)
