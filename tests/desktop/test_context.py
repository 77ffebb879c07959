"""Which context a check used, and who may change it: the checker window has its own,
the clipboard watch has its own (shown in the tray menu), and every result says which
one it assumed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from presend.core import standarddir
from presend.desktop.app import EventLog, PresendApp
from presend.desktop.qt import QApplication
from pytestqt.qtbot import QtBot


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[PresendApp]:
    standarddir.init(tmp_path)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    running = PresendApp(qapp, use_tray=False, log=EventLog(str(tmp_path / "events.jsonl")))
    assert running.indicator.window is not None
    qtbot.addWidget(running.indicator.window)
    yield running
    running.server.close()
    running.watcher.set_enabled(False)
    if running.checker is not None:
        running.checker.close()
    standarddir.init(None)


def copy_and_check(app: PresendApp, text: str) -> None:
    QApplication.clipboard().setText(text)
    app.watcher.forget()
    app.watcher.check_now()


def test_the_checker_stage_is_its_own(qtbot: QtBot, app: PresendApp) -> None:
    checker = app.open_checker("my number is 415-555-0132")
    qtbot.addWidget(checker)
    combo = checker.combos["stage"]
    combo.setCurrentIndex(combo.findData("active_contract"))
    assert checker.report is not None and checker.report.verdict == "clean"
    # The watch still assumes no contract: the same number copied is a violation.
    assert app.settings.stage == "pre_contract"
    copy_and_check(app, "my number is 415-555-0132")
    assert app.indicator.state == "warning"
    assert "before the contract" in app.indicator.tooltip()
    # Nor is it saved for the next start.
    saved = (Path(standarddir.config()) / "settings.json").read_text("utf-8")
    assert '"active_contract"' not in saved


def test_the_tray_menu_names_the_watch_context(app: PresendApp) -> None:
    titles = [a.text() for a in app.menu.actions()]
    assert "Contract &stage: Before the contract" in titles
    assert "&Marketplace: Upwork" in titles
    stage = {a.data(): a for a in app.menu.groups["stage"].actions()}
    stage["active_contract"].trigger()
    assert "Contract &stage: Contract started" in [a.text() for a in app.menu.actions()]
    assert "contract started" in app.indicator.tooltip()


def test_a_detail_fine_only_after_the_contract_still_says_so(app: PresendApp) -> None:
    stage = {a.data(): a for a in app.menu.groups["stage"].actions()}
    stage["active_contract"].trigger()
    copy_and_check(app, "call me on +1 415 555 0132")
    tip = app.indicator.tooltip()
    assert app.indicator.state == "clear"
    assert "phone number" in tip
    assert "fine if your contract for this client has started" in tip
    assert "assuming contract started" in tip
    copy_and_check(app, "The logo files are attached.")
    assert "all clear" in app.indicator.tooltip()


def test_notification_names_the_context(app: PresendApp) -> None:
    copy_and_check(app, "whatsapp me at +44 7911 123456")
    window = app.indicator.window
    assert window is not None and not window.notice.isHidden()
    assert "assuming before the contract, freelancer on Upwork" in window.notice.text()


def test_no_balloon_over_the_open_checker_and_the_icon_keeps_the_result(
    qtbot: QtBot, app: PresendApp
) -> None:
    copy_and_check(app, "pay me via PayPal")
    assert app.indicator.state == "warning"
    window = app.indicator.window
    assert window is not None
    window.notice.setHidden(True)
    checker = app.open_checker()
    qtbot.addWidget(checker)
    # Opening the checker does not pretend the last result was fine.
    assert app.indicator.state == "warning"
    copy_and_check(app, "my email is jane.doe@gmail.com")
    assert window.notice.isHidden()
    assert "Paste it here to see why" in checker.statusBar().currentMessage()
    assert '"shown-in-checker"' in (app.log.path or Path()).read_text()


def test_copying_from_the_checker_is_not_watched(qtbot: QtBot, app: PresendApp) -> None:
    checker = app.open_checker("call me on 415-555-0132")
    qtbot.addWidget(checker)
    checker.editor.selectAll()
    with qtbot.waitSignal(app.watcher.skipped, timeout=3000) as blocker:
        checker.editor.copy()
        app.watcher.check_now()
    assert blocker.args == ["own"]


def test_basedir_keeps_qt_settings_under_it(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from presend.desktop import app; "
        "from presend.desktop.qt import QSettings; "
        "app.keep_qt_settings_under(Path(sys.argv[1])); "
        "print(QSettings(QSettings.Scope.UserScope, 'QtProject').fileName())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    ).stdout.strip()  # fmt: skip
    assert out == str(tmp_path / "QtProject.conf")


def test_a_report_from_the_browser_names_its_context(app: PresendApp) -> None:
    finding = {"severity": "violation", "message": "Paying outside the platform"}
    context = {"marketplace": "upwork", "stage": "active_contract", "role": "client"}
    app._on_relayed({"verdict": "violation", "context": context, "findings": [finding]}, "x")
    window = app.indicator.window
    assert window is not None
    assert "assuming contract started, client on Upwork" in window.notice.text()
    assert "contract started" in app.indicator.tooltip()
    app._on_relayed({"verdict": "violation", "context": {"stage": "??"}, "findings": []}, "x")
    assert "the browser extension's context" in window.notice.text()
