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
    assert len(window.cards) == 1
    card = window.cards[0]
    assert "Phone number" in card.title.text()
    assert card.badge.text() == "Breaks the rules"
    assert card.advice is not None and "Instead:" in card.advice.text()
    assert "breaks the rules" in window.verdict.text()
    assert window.verdict.property("verdict") == "violation"


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
    assert window.cards == []
    assert "Nothing to fix" in window.card_note.text()
    assert not window.copy_button.isEnabled()


def test_an_empty_editor_says_so(qtbot: QtBot) -> None:
    window = make(qtbot)
    assert "Paste or type" in window.verdict.text()
    window.set_text("my number is 415-555-0132")
    window.set_text("   ")
    assert "Paste or type" in window.verdict.text()
    assert "editor is empty" in window.card_note.text()
    assert "breaks the rules" not in window.verdict.text()


def test_context_controls_change_the_verdict(qtbot: QtBot) -> None:
    settings = Settings()
    window = make(qtbot, settings)
    window.set_text("my number is 415-555-0132")
    assert window.report is not None and window.report.verdict == "violation"
    with qtbot.waitSignal(window.contextChanged):
        combo = window.combos["stage"]
        combo.setCurrentIndex(combo.findData("active_contract"))
    assert window.context["stage"] == "active_contract"
    assert settings.stage == "pre_contract"  # the clipboard watch's is not this window's
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
    card = window.cards[0]
    assert card.badge.text() == "Allowed"
    assert "allowed here" in card.title.text()
    assert card.advice is not None and card.advice.text().startswith("<b>Allowed if:</b>")
    assert "Instead" not in card.advice.text()
    assert card.remove_button is None  # nothing to take out
    assert "scoping_access" not in card.title.text() + card.why.text()
