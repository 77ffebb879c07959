"""The clipboard watch, offscreen: what it checks and what it skips."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from presend.desktop.clipboard import ClipboardWatcher, mark_own, text_hash
from presend.desktop.qt import QApplication, QMimeData
from presend.desktop.settings import Settings
from pytestqt.qtbot import QtBot


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[ClipboardWatcher]:
    settings = Settings()
    w = ClipboardWatcher(QApplication.clipboard(), settings.context)
    w.set_enabled(True)
    yield w
    w.set_enabled(False)
    w.deleteLater()


def copy(text: str) -> None:
    QApplication.clipboard().setText(text)


def test_violating_copy_warns(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    with qtbot.waitSignal(watcher.warning, timeout=3000) as blocker:
        copy("my whatsapp is +44 7911 123456")
    report, digest = blocker.args
    assert report.verdict == "violation"
    assert digest == text_hash("my whatsapp is +44 7911 123456")


def test_clean_copy_is_checked_without_warning(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    with (
        qtbot.assertNotEmitted(watcher.warning, wait=600),
        qtbot.waitSignal(watcher.checked, timeout=3000) as blocker,
    ):
        copy("See you on Monday, the draft is ready.")
    assert blocker.args[0].verdict == "clean"


def skipped_because(
    qtbot: QtBot, watcher: ClipboardWatcher, change: Callable[[], object]
) -> list[object]:
    """Make a clipboard change that must not be checked; the reason given for skipping it."""
    with (
        qtbot.assertNotEmitted(watcher.checked, wait=600),
        qtbot.waitSignal(watcher.skipped, timeout=3000) as blocker,
    ):
        change()
    return list(blocker.args)


def test_own_copies_are_ignored(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    mime = mark_own(QMimeData())
    mime.setText("call 415-555-0132")
    assert skipped_because(qtbot, watcher, lambda: QApplication.clipboard().setMimeData(mime)) == [
        "own"
    ]


def test_identical_repeats_are_ignored(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    with qtbot.waitSignal(watcher.checked, timeout=3000):
        copy("email me at jane@gmail.com")
    assert skipped_because(qtbot, watcher, lambda: copy("email me at jane@gmail.com")) == ["repeat"]


def test_password_manager_secrets_are_ignored(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    mime = QMimeData()
    mime.setText("hunter2 415-555-0132")
    mime.setData("x-kde-passwordManagerHint", b"secret")
    assert skipped_because(qtbot, watcher, lambda: QApplication.clipboard().setMimeData(mime)) == [
        "secret"
    ]


def test_paused_watch_checks_nothing(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    watcher.set_enabled(False)
    with qtbot.assertNotEmitted(watcher.checked, wait=600):
        copy("call 212-555-0147")


def test_new_context_rechecks(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    with qtbot.waitSignal(watcher.checked, timeout=3000):
        copy("my number is 415-555-0132")
    watcher.forget()
    report = watcher.check_now()
    assert report is not None and report.verdict == "violation"
