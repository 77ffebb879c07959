"""The checker window: paste or type a draft, or open an attachment, and see what
would break the rules, highlighted in place, with one card per finding saying what it
is, why, and what to write instead.

A card and its highlight are linked both ways: choosing a card selects its text in the
draft, and moving the mouse or the text cursor onto a highlight brings its card into
view. F8 and Shift+F8 step through the findings. Remove and Use safer wording edit the
draft the way typing would, so Ctrl+Z undoes them.
"""

from __future__ import annotations

import html
from pathlib import Path

from presend.core import Finding, Report, check, rulepack
from presend.core.model import CHANNELS, ROLES, STAGES
from presend.core.offsets import utf16_converter
from presend.core.redact import replacement, safe_version
from presend.desktop import documents
from presend.desktop.clipboard import mark_own
from presend.desktop.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QColor,
    QComboBox,
    QDragEnterEvent,
    QDropEvent,
    QEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMimeData,
    QMouseEvent,
    QObject,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from presend.desktop.settings import Settings
from presend.desktop.wording import label, word

DEBOUNCE_MS = 300
#: Severity colours: (light theme, dark theme) for the highlight's background, and the
#: strong colour of its underline, the card's edge and the banner's edge.
_TINTS = {
    "violation": ((255, 205, 210), (110, 28, 32), (198, 40, 40)),
    "caution": ((255, 224, 178), (102, 62, 0), (230, 120, 0)),
    "exception": ((197, 225, 252), (22, 62, 110), (30, 110, 220)),
    "clean": ((200, 236, 205), (24, 80, 40), (46, 140, 70)),
}
#: Underlines differ by severity too, so the highlights never rely on colour alone.
_UNDERLINES = {
    "violation": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "caution": QTextCharFormat.UnderlineStyle.DashUnderline,
    "exception": QTextCharFormat.UnderlineStyle.DotLine,
}
_ICONS = {
    "violation": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "caution": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "exception": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "clean": QStyle.StandardPixmap.SP_DialogApplyButton,
    "empty": QStyle.StandardPixmap.SP_FileIcon,
}


def _dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _rgb(colour: tuple[int, int, int]) -> str:
    return "rgb({}, {}, {})".format(*colour)


def _source_html(source: str) -> str:
    """A finding's source with its address as a link ("Upwork Help: ... https://...")."""
    name, _, last = source.rpartition(" ")
    if last.startswith(("https://", "http://")) and name:
        return f'<a href="{html.escape(last)}">{html.escape(name)}</a>'
    return html.escape(source)


class _Editor(QPlainTextEdit):
    """The draft editor; dropping a file on it opens the file instead of its path."""

    fileDropped = Signal(Path)  # noqa: N815 - Qt signal naming

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        # Copying from the checker is not something the clipboard watch should pop up about.
        return mark_own(super().createMimeDataFromSelection())

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        files = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        if files:
            self.fileDropped.emit(files[0])
            return
        super().insertFromMimeData(source)


class FindingCard(QFrame):
    """One finding: what it is, why, what to write instead (or what an exception still
    requires), its source, and the actions on it."""

    activated = Signal(int)
    removeRequested = Signal(int)  # noqa: N815 - Qt signal naming
    saferRequested = Signal(int)  # noqa: N815

    def __init__(self, index: int, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.finding = finding
        self.current = False
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        badge_text = word("severity", finding.severity)
        self.setAccessibleName(f"{badge_text}: {finding.message}")
        self.setAccessibleDescription(finding.explanation)

        self.badge = QLabel(badge_text)
        self.badge.setObjectName("badge")
        self.title = QLabel(f"<b>{html.escape(finding.message)}</b>")
        self.title.setWordWrap(True)
        quoted = finding.text if len(finding.text) <= 140 else finding.text[:137] + "…"
        self.quote = QLabel(f"“{html.escape(quoted)}”")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.why = QLabel(f"<b>{word('card', 'why')}:</b> {html.escape(finding.explanation)}")
        self.why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        layout.addWidget(self.quote)
        layout.addWidget(self.why)
        self.advice: QLabel | None = None
        if finding.suggestion:
            # An allowed finding's suggestion is what the exception still requires,
            # never something to write instead of it.
            key = "still_required" if finding.exception else "instead"
            self.advice = QLabel(f"<b>{word('card', key)}:</b> {html.escape(finding.suggestion)}")
            self.advice.setWordWrap(True)
            layout.addWidget(self.advice)
        self._add_source_and_actions(layout)
        self.restyle()

    def _add_source_and_actions(self, layout: QVBoxLayout) -> None:
        finding = self.finding
        self.source = QLabel(f"{word('card', 'source')}: {_source_html(finding.source)}")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setOpenExternalLinks(True)
        self.source.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.source.setAccessibleName(f"{word('card', 'source')}: {finding.source}")
        layout.addWidget(self.source)
        self.remove_button: QPushButton | None = None
        self.safer_button: QPushButton | None = None
        if finding.severity in ("violation", "caution"):
            row = QHBoxLayout()
            self.remove_button = QPushButton(word("card", "remove"))
            self.remove_button.setToolTip(word("card", "remove_tip"))
            self.remove_button.setAccessibleName(f"{word('card', 'remove')}: {finding.text}")
            self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self.index))
            self.safer_button = QPushButton(word("card", "safer"))
            self.safer_button.setToolTip(word("card", "safer_tip"))
            self.safer_button.setAccessibleName(f"{word('card', 'safer')}: {finding.text}")
            self.safer_button.clicked.connect(lambda: self.saferRequested.emit(self.index))
            row.addWidget(self.remove_button)
            row.addWidget(self.safer_button)
            row.addStretch(1)
            layout.addLayout(row)

    def restyle(self) -> None:
        """Colour the card for its severity and the theme; mark it when current."""
        light, dark, strong = _TINTS[self.finding.severity]
        tint = dark if _dark(self) else light
        edge = "palette(highlight)" if self.current else _rgb(strong)
        width = 2 if self.current else 1
        self.setStyleSheet(
            f"QFrame#card {{ border: {width}px solid {edge}; border-left: 6px solid "
            f"{_rgb(strong)}; border-radius: 4px; background: palette(base); }}"
            f"QLabel#badge {{ background: {_rgb(tint)}; color: palette(text); "
            f"border: 1px solid {_rgb(strong)}; border-radius: 3px; padding: 1px 5px; }}"
        )

    def set_current(self, current: bool) -> None:
        """Show whether this is the finding selected in the draft."""
        if current != self.current:
            self.current = current
            self.restyle()
            self.set_expanded(current)

    def set_expanded(self, expanded: bool) -> None:
        """Show the why and the source (the current card), or only what and what to do,
        so a long list stays easy to scan."""
        self.why.setVisible(expanded)
        self.source.setVisible(expanded)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.activated.emit(self.index)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.index)
            return
        super().keyPressEvent(event)


class CheckerWindow(QMainWindow):
    """Paste a draft, see the verdict live."""

    #: The user changed this window's context (stage, role, channel, marketplace).
    contextChanged = Signal()  # noqa: N815 - Qt signal naming
    #: A report was shown.
    reportShown = Signal(object)  # noqa: N815

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: This window's own context: it starts as the clipboard watch's and changing it
        #: here never changes the watch's (or the next window's).
        self.context: dict[str, str] = settings.context()
        self.report: Report | None = None
        self.cards: list[FindingCard] = []
        self.current = -1
        self.safe_text = ""
        self._shown: list[Finding] = []
        self._spans: list[tuple[int, int]] = []  # UTF-16 spans of the shown findings
        self.setWindowTitle("Presend: check a draft")
        self.resize(1040, 680)
        self.setAcceptDrops(True)

        self.editor = _Editor()
        self.editor.setPlaceholderText(word("checker", "placeholder"))
        self.editor.setAccessibleName("Draft")
        self.editor.setTabChangesFocus(True)
        self.editor.fileDropped.connect(self.open_file)
        self.editor.setMouseTracking(True)
        self.editor.viewport().setMouseTracking(True)
        self.editor.viewport().installEventFilter(self)
        self.editor.cursorPositionChanged.connect(self._on_cursor_moved)

        self.combos: dict[str, QComboBox] = {}
        context_row = self._context_row()
        right = self._side_panel()
        self._lay_out(context_row, right)
        self._add_shortcuts()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self.editor.textChanged.connect(self._timer.start)
        self._show_empty()

    def _context_row(self) -> QHBoxLayout:
        context_row = QHBoxLayout()
        note = word("checker", "context_note")
        for name, values, mnemonic in (
            ("stage", STAGES, "&Stage"),
            ("role", ROLES, "&Role"),
            ("channel", CHANNELS, "&Where"),
        ):
            combo = QComboBox()
            for value in values:
                combo.addItem(label(name, value), value)
            combo.setCurrentIndex(max(0, combo.findData(self.context[name])))
            combo.setToolTip(note)
            combo.setAccessibleName(mnemonic.replace("&", ""))
            combo.currentIndexChanged.connect(self._on_context)
            caption = QLabel(mnemonic)
            caption.setBuddy(combo)
            context_row.addWidget(caption)
            context_row.addWidget(combo)
            self.combos[name] = combo
        market = QComboBox()
        for pack_id in rulepack.available():
            market.addItem(rulepack.load(pack_id).name, pack_id)
        market.setCurrentIndex(max(0, market.findData(self.context["marketplace"])))
        market.setToolTip(note)
        market.setAccessibleName("Marketplace")
        market.currentIndexChanged.connect(self._on_context)
        market_label = QLabel("&Marketplace")
        market_label.setBuddy(market)
        context_row.addWidget(market_label)
        context_row.addWidget(market)
        self.combos["marketplace"] = market
        context_row.addStretch(1)
        return context_row

    def _side_panel(self) -> QWidget:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_icon = QLabel()
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(10, 8, 10, 8)
        banner_row.addWidget(self.banner_icon)
        banner_row.addWidget(self.verdict, 1)

        self.card_list = QWidget()
        self.card_layout = QVBoxLayout(self.card_list)
        self.card_layout.setContentsMargins(0, 0, 4, 0)
        self.card_layout.setSpacing(8)
        self.card_note = QLabel()
        self.card_note.setWordWrap(True)
        self.card_layout.addWidget(self.card_note)
        self.card_layout.addStretch(1)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setWidget(self.card_list)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setAccessibleName("Findings")
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.preview_label = QLabel(word("checker", "copy_preview_title"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Safe version preview")
        self.preview.setTabChangesFocus(True)
        self.preview.setMaximumHeight(110)

        self.copy_button = QPushButton(word("checker", "copy_safe"))
        self.copy_button.setToolTip(word("checker", "copy_safe_tip"))
        self.copy_button.clicked.connect(self.copy_safe_version)
        self.open_button = QPushButton(word("checker", "open"))
        self.open_button.clicked.connect(self.choose_file)

        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.card_scroll, 1)
        right.addWidget(self.preview_label)
        right.addWidget(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        right.addLayout(buttons)
        right_widget = QWidget()
        right_widget.setLayout(right)
        return right_widget

    def _lay_out(self, context_row: QHBoxLayout, right_widget: QWidget) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout()
        layout.addLayout(context_row)
        layout.addWidget(splitter, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.setStatusBar(self.statusBar())

    def _add_shortcuts(self) -> None:
        for text, keys, slot in (
            ("Open file…", QKeySequence(QKeySequence.StandardKey.Open), self.choose_file),
            ("Close", QKeySequence(QKeySequence.StandardKey.Close), self.close),
            ("Next finding", QKeySequence("F8"), self.next_finding),
            ("Previous finding", QKeySequence("Shift+F8"), self.previous_finding),
        ):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- the draft ---------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Replace the draft and check it at once."""
        self.editor.setPlainText(text)
        self.check_now()

    def open_file(self, path: Path) -> None:
        """Load an attachment's text into the editor."""
        try:
            text = documents.read_document(path)
        except documents.DocumentError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        self.set_text(text)
        self.statusBar().showMessage(f"Checked {path.name}", 5000)

    def choose_file(self) -> None:
        """Ask for a file to open."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Check an attachment", "", "Drafts (*.txt *.md *.docx *.pdf)"
        )
        if name:
            self.open_file(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.open_file(files[0])

    # --- checking ----------------------------------------------------------------------

    def check_now(self) -> Report:
        """Check the editor's text in this window's context and show the result."""
        self._timer.stop()
        text = self.editor.toPlainText()
        try:
            report = check(text, **self.context)
        except ValueError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            report = check("", **self.context)
        self.show_report(text, report)
        return report

    def show_report(self, text: str, report: Report) -> None:
        """Render a report: highlights, banner, cards, the safe version's preview."""
        self.report = report
        self._shown = [f for f in report.findings if f.severity != "info"]
        to_utf16 = utf16_converter(text)
        self._spans = [(to_utf16(f.start), to_utf16(f.end)) for f in self._shown]
        self.current = -1
        self._highlight()
        for card in self.cards:
            self.card_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for i, f in enumerate(self._shown):
            card = FindingCard(i, f)
            card.activated.connect(self.select_finding)
            card.removeRequested.connect(self.remove_finding)
            card.saferRequested.connect(self.use_safer_wording)
            card.set_expanded(len(self._shown) == 1)
            self.card_layout.insertWidget(i, card)
            self.cards.append(card)
        replace = report.verdict in ("violation", "caution")
        self.safe_text = safe_version(text, report) if replace else ""
        self.preview.setPlainText(self.safe_text)
        self.preview.setVisible(replace)
        self.preview_label.setVisible(replace)
        self.copy_button.setEnabled(replace)
        if not text.strip():
            self._show_empty()
        else:
            verdict = word("verdict", report.verdict)
            if self._shown:
                verdict += " " + word("verdict", "count", n=str(len(self._shown)))
            self._set_banner(report.verdict, verdict)
            self.card_note.setText("" if self._shown else word("card", "nothing_to_fix"))
            self.card_note.setVisible(not self._shown)
        self.reportShown.emit(report)

    def _show_empty(self) -> None:
        self._set_banner("empty", word("verdict", "empty"))
        self.card_note.setText(word("card", "empty"))
        self.card_note.setVisible(True)
        self.preview.setVisible(False)
        self.preview_label.setVisible(False)
        self.copy_button.setEnabled(False)

    def _set_banner(self, verdict: str, text: str) -> None:
        self.verdict.setText(text)
        self.verdict.setProperty("verdict", verdict)
        self.banner.setAccessibleName(f"Verdict: {text}")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        icon = self.style().standardIcon(_ICONS[verdict])
        self.banner_icon.setPixmap(icon.pixmap(size, size))
        light, dark, strong = _TINTS.get(verdict, ((235, 235, 235), (60, 60, 60), (128, 128, 128)))
        tint = dark if _dark(self) else light
        self.banner.setStyleSheet(
            f"QFrame#banner {{ background: {_rgb(tint)}; border-left: 6px solid "
            f"{_rgb(strong)}; border-radius: 4px; }} QLabel {{ color: palette(text); "
            "font-weight: bold; }"
        )

    def _highlight(self) -> None:
        dark = _dark(self.editor)
        selections = []
        for i, (f, (start, end)) in enumerate(zip(self._shown, self._spans, strict=True)):
            light, dark_tint, strong = _TINTS[f.severity]
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(*(dark_tint if dark else light)))
            fmt.setUnderlineStyle(_UNDERLINES[f.severity])
            fmt.setUnderlineColor(QColor(*strong))
            if i == self.current:
                fmt.setFontWeight(700)
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    # --- cards and highlights, linked both ways ---------------------------------------

    def _finding_at(self, position: int) -> int:
        for i, (start, end) in enumerate(self._spans):
            if start <= position < end or (start < position <= end):
                return i
        return -1

    def _show_card(self, index: int) -> None:
        if index == self.current or not 0 <= index < len(self.cards):
            return
        self.current = index
        for card in self.cards:
            card.set_current(card.index == index)
        self.card_scroll.ensureWidgetVisible(self.cards[index], 0, 8)
        self._highlight()

    def select_finding(self, index: int) -> None:
        """Show a finding: its card current and in view, its text selected in the draft."""
        if not 0 <= index < len(self._spans):
            return
        start, end = self._spans[index]
        self._show_card(index)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.blockSignals(True)  # not a cursor move of the user's
        self.editor.setTextCursor(cursor)
        self.editor.blockSignals(False)
        self.editor.centerCursor()

    def next_finding(self) -> None:
        """F8: the next finding after the current one (wrapping round)."""
        if self._spans:
            self.select_finding((self.current + 1) % len(self._spans))

    def previous_finding(self) -> None:
        """Shift+F8: the finding before the current one (wrapping round)."""
        if self._spans:
            self.select_finding((self.current - 1) % len(self._spans))

    def _on_cursor_moved(self) -> None:
        index = self._finding_at(self.editor.textCursor().position())
        if index >= 0:
            self._show_card(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseMove and watched is self.editor.viewport():
            assert isinstance(event, QMouseEvent)
            pos = event.position().toPoint()
            index = self._finding_at(self.editor.cursorForPosition(pos).position())
            if index >= 0:
                self._show_card(index)
                self.editor.viewport().setToolTip(self._shown[index].message)
            else:
                self.editor.viewport().setToolTip("")
        return super().eventFilter(watched, event)

    # --- per-finding actions -----------------------------------------------------------

    def _edit(self, start: int, end: int, new_text: str) -> None:
        """Replace a UTF-16 span of the draft as one undoable step, then check again."""
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new_text)
        cursor.endEditBlock()
        self.check_now()

    def remove_finding(self, index: int) -> None:
        """Delete a finding's text from the draft (Ctrl+Z brings it back)."""
        if 0 <= index < len(self._spans):
            self._edit(*self._spans[index], "")

    def use_safer_wording(self, index: int) -> None:
        """Replace a finding (or its whole sentence, for a request) with the rule pack's
        wording, as Copy safe version would (Ctrl+Z brings it back)."""
        if self.report is None or not 0 <= index < len(self._shown):
            return
        text = self.editor.toPlainText()
        start, end, words = replacement(text, self.report, self._shown[index])
        to_utf16 = utf16_converter(text)
        self._edit(to_utf16(start), to_utf16(end), words)

    def _on_context(self) -> None:
        for name, combo in self.combos.items():
            self.context[name] = combo.currentData()
        self.contextChanged.emit()
        self.check_now()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # A theme switch (light to dark) recolours the banner, cards and highlights.
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self.check_now()
        super().changeEvent(event)

    # --- output ------------------------------------------------------------------------

    def copy_safe_version(self) -> str:
        """Copy the draft with the breaking parts replaced (as previewed); returns what
        was copied."""
        text = self.editor.toPlainText()
        report = check(text, **self.context)
        safe = safe_version(text, report)
        mime = mark_own(QMimeData())
        mime.setText(safe)
        QApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(word("checker", "copied"), 5000)
        return safe

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing the window must not quit the tray app; the draft is dropped.
        self.editor.clear()
        event.accept()
