"""The checker's cards: linked both ways with their highlights, F8 between them, the
per-finding actions with undo, the safe version's preview, long drafts, and the names
screen readers get (read through Qt's accessibility tree)."""

from __future__ import annotations

from presend.desktop.checker import CheckerWindow
from presend.desktop.qt import QAccessible, QApplication, QPoint, Qt, QTextCursor, QWidget
from presend.desktop.settings import Settings
from pytestqt.qtbot import QtBot

DRAFT = "Call me on +44 7911 123456. The mockups are ready. Or email jane.doe@gmail.com."


def make(qtbot: QtBot, text: str = DRAFT) -> CheckerWindow:
    window = CheckerWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_text(text)
    qtbot.waitUntil(lambda: all(card.isVisible() for card in window.cards), timeout=2000)
    return window


def selected(window: CheckerWindow) -> str:
    return window.editor.textCursor().selectedText()


def test_a_card_selects_its_text(qtbot: QtBot) -> None:
    window = make(qtbot)
    assert [c.finding.text for c in window.cards] == ["+44 7911 123456", "jane.doe@gmail.com"]
    qtbot.mouseClick(window.cards[1], Qt.MouseButton.LeftButton)
    assert selected(window) == "jane.doe@gmail.com"
    assert window.current == 1 and window.cards[1].current and not window.cards[0].current


def test_the_text_cursor_or_the_mouse_on_a_highlight_shows_its_card(qtbot: QtBot) -> None:
    window = make(qtbot)
    cursor = window.editor.textCursor()
    cursor.setPosition(DRAFT.index("jane") + 2)
    window.editor.setTextCursor(cursor)
    assert window.current == 1
    probe = QTextCursor(window.editor.document())
    probe.setPosition(DRAFT.index("7911") + 1)
    point = window.editor.cursorRect(probe).center()
    qtbot.mouseMove(window.editor.viewport(), point)
    qtbot.waitUntil(lambda: window.current == 0, timeout=2000)
    assert "Phone number" in window.editor.viewport().toolTip()
    qtbot.mouseMove(window.editor.viewport(), QPoint(point.x() + 400, point.y() + 200))


def test_f8_and_shift_f8_step_through_findings(qtbot: QtBot) -> None:
    window = make(qtbot)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert selected(window) == "+44 7911 123456"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert selected(window) == "jane.doe@gmail.com"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)  # wraps round
    assert selected(window) == "+44 7911 123456"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected(window) == "jane.doe@gmail.com"


def test_remove_and_undo(qtbot: QtBot) -> None:
    window = make(qtbot)
    remove = window.cards[0].remove_button
    assert remove is not None
    remove.click()
    assert "7911" not in window.editor.toPlainText()
    assert [c.finding.text for c in window.cards] == ["jane.doe@gmail.com"]
    window.editor.undo()
    assert window.editor.toPlainText() == DRAFT


def test_safer_wording_and_undo(qtbot: QtBot) -> None:
    window = make(qtbot)
    safer = window.cards[1].safer_button
    assert safer is not None
    safer.click()
    text = window.editor.toPlainText()
    assert "jane.doe" not in text and "here once the contract starts" in text
    assert text.startswith("Call me on +44 7911 123456.")  # the other finding is untouched
    window.editor.undo()
    assert window.editor.toPlainText() == DRAFT


def test_the_preview_is_what_copy_safe_version_copies(qtbot: QtBot) -> None:
    window = make(qtbot)
    assert window.preview.isVisible()
    preview = window.preview.toPlainText()
    assert "7911" not in preview and "The mockups are ready." in preview
    assert window.copy_safe_version() == preview
    assert QApplication.clipboard().text() == preview


def test_the_source_is_a_link(qtbot: QtBot) -> None:
    window = make(qtbot)
    source = window.cards[0].source
    assert '<a href="https://support.upwork.com/' in source.text()
    assert source.openExternalLinks()
    assert source.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def test_a_long_draft_scrolls_to_a_finding_below_the_fold(qtbot: QtBot) -> None:
    filler = "I will design the landing page, write the copy and test it on phones. "
    draft = filler * 75 + "Reach me at jane.doe@gmail.com to go on."
    assert len(draft) > 5000
    window = make(qtbot, draft)
    assert [c.finding.text for c in window.cards] == ["jane.doe@gmail.com"]
    assert window.editor.verticalScrollBar().value() == 0
    window.next_finding()
    assert selected(window) == "jane.doe@gmail.com"
    rect = window.editor.cursorRect()
    assert window.editor.viewport().rect().contains(rect.center())
    assert window.editor.verticalScrollBar().value() > 0


def _tree(iface: object, depth: int = 0) -> list[object]:
    found = [iface]
    if depth > 30:
        return found
    for i in range(iface.childCount()):  # type: ignore[attr-defined]
        child = iface.child(i)  # type: ignore[attr-defined]
        if child is not None and child.isValid():
            found += _tree(child, depth + 1)
    return found


def test_every_control_is_named_in_the_accessibility_tree(qtbot: QtBot) -> None:
    window = make(qtbot)
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    nodes = _tree(root)
    by_object = {id(n.object()): n for n in nodes}  # type: ignore[attr-defined]
    focusable = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    kinds = {type(w).__name__ for w in focusable}
    assert {"_Editor", "FindingCard", "QPushButton", "QComboBox"} <= kinds
    unnamed = []
    for widget in focusable:
        node = by_object.get(id(widget))
        assert node is not None, f"{widget!r} is not in the accessibility tree"
        if not node.text(QAccessible.Text.Name).strip():  # type: ignore[attr-defined]
            unnamed.append(widget.objectName() or type(widget).__name__)
    assert unnamed == []
    names = {n.text(QAccessible.Text.Name) for n in nodes}  # type: ignore[attr-defined]
    assert "Draft" in names and "Stage" in names
    assert any(n.startswith("Verdict: This draft breaks the rules") for n in names)
    assert "Breaks the rules: Phone number: not allowed before the contract starts" in names
    assert "Remove: jane.doe@gmail.com" in names


def test_only_the_current_card_shows_why_and_source(qtbot: QtBot) -> None:
    window = make(qtbot)
    first, second = window.cards
    assert first.why.isHidden() and second.why.isHidden()
    assert first.advice is not None and not first.advice.isHidden()  # what to do: always
    window.select_finding(0)
    assert not first.why.isHidden() and not first.source.isHidden()
    window.next_finding()
    assert first.why.isHidden() and not second.why.isHidden()
    single = make(qtbot, "Call me on +44 7911 123456")
    assert not single.cards[0].why.isHidden()
