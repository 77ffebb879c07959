"""The checker window, offscreen with a real Qt event loop."""

from __future__ import annotations

from pathlib import Path

from presend.desktop.checker import CheckerWindow
from presend.desktop.clipboard import OWN_MIME
from presend.desktop.qt import QApplication, QMimeData, Qt, QUrl
from presend.desktop.settings import Settings
from pytestqt.qtbot import QtBot


def make(qtbot: QtBot, settings: Settings | None = None) -> CheckerWindow:
    window = CheckerWindow(settings or Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def highlighted(window: CheckerWindow) -> list[str]:
    return [s.cursor.selectedText() for s in window.editor.extraSelections()]


def test_typing_checks_after_a_pause_and_highlights(qtbot: QtBot) -> None:
    window = make(qtbot)
    with qtbot.waitSignal(window.reportShown, timeout=3000) as blocker:
        qtbot.keyClicks(window.editor, "Hi! Call me on +1 415 555 0132")
    assert blocker.args[0].verdict == "violation"
    assert highlighted(window) == ["+1 415 555 0132"]
    assert window.findings.count() == 1
    assert "Phone number" in window.findings.item(0).text()
    assert "Instead:" in window.detail.toPlainText()
    assert "breaks the rules" in window.verdict.text()


def test_highlight_after_emoji_uses_utf16_positions(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.set_text("😀😀👍🏽 mail me: jane.doe@gmail.com")
    assert highlighted(window) == ["jane.doe@gmail.com"]


def test_clean_draft(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.set_text("I can build your Telegram bot by Friday.")
    assert window.report is not None
    assert window.report.verdict == "clean"
    assert highlighted(window) == []
    assert not window.copy_button.isEnabled()


def test_context_controls_change_the_verdict(qtbot: QtBot) -> None:
    settings = Settings()
    window = make(qtbot, settings)
    window.set_text("my number is 415-555-0132")
    assert window.report is not None and window.report.verdict == "violation"
    with qtbot.waitSignal(window.contextChanged):
        combo = window.combos["stage"]
        combo.setCurrentIndex(combo.findData("active_contract"))
    assert settings.stage == "active_contract"
    assert window.report.verdict == "clean"


def test_copy_safe_version_is_marked_as_our_own(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.set_text("Call me on +1 415 555 0132 or pay me via PayPal.")
    copied = window.copy_safe_version()
    assert "415" not in copied
    assert "PayPal" not in copied
    # The sentence asks to pay outside, so it is replaced whole, in words that read.
    assert copied == (
        "Let's keep talking here on Upwork until the contract starts. "
        "Payment will go through Upwork."
    )
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == copied
    assert OWN_MIME in mime.formats()


def test_open_and_drop_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    draft = tmp_path / "cover.md"
    draft.write_text("Email: ana.design@outlook.com", "utf-8")
    window = make(qtbot)
    window.open_file(draft)
    assert highlighted(window) == ["ana.design@outlook.com"]
    other = tmp_path / "other.txt"
    other.write_text("All fine here.", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    window.editor.insertFromMimeData(mime)
    assert window.editor.toPlainText() == "All fine here."


def test_bad_file_shows_a_message_and_keeps_the_draft(qtbot: QtBot, tmp_path: Path) -> None:
    window = make(qtbot)
    window.set_text("keep me")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-nope")
    window.open_file(tmp_path / "bad.pdf")
    assert "not a readable PDF" in window.statusBar().currentMessage()
    assert window.editor.toPlainText() == "keep me"


def test_keyboard_only(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "whatsapp me")
    assert window.editor.tabChangesFocus()
    for name in ("stage", "role", "channel", "marketplace"):
        assert window.combos[name].focusPolicy() & Qt.FocusPolicy.TabFocus
    assert window.copy_button.text().startswith("&")


def test_closing_drops_the_draft(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.set_text("secret draft 415-555-0132")
    window.close()
    assert window.editor.toPlainText() == ""


def test_an_allowed_finding_says_what_it_still_requires(qtbot: QtBot) -> None:
    window = make(qtbot)
    window.set_text("For the GitHub invite so I can scope the work, my email is jane@gmail.com")
    assert window.report is not None and window.report.verdict == "exception"
    window.findings.setCurrentRow(0)
    shown = window.detail.toPlainText()
    assert "allowed here" in shown and "Still required:" in shown
    assert "Instead:" not in shown and shown.count("Sharing an email address only") == 1
