"""The checker window: paste or type a draft, or open an attachment, and see what
would break the rules, highlighted in place, with what to write instead."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from presend.core import Finding, Report, check, rulepack
from presend.core.model import CHANNELS, ROLES, STAGES
from presend.core.offsets import utf16_converter
from presend.core.redact import safe_version
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
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMimeData,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTextBrowser,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from presend.desktop.settings import Settings

DEBOUNCE_MS = 300
_LABELS = {
    "stage": {"pre_contract": "Before the contract", "active_contract": "Contract started"},
    "role": {"freelancer": "Freelancer", "client": "Client"},
    "channel": {
        "message": "Message",
        "proposal": "Proposal",
        "job_post": "Job post",
        "profile": "Profile",
    },
}
_COLOURS = {
    "violation": QColor(217, 48, 37, 60),
    "caution": QColor(227, 116, 0, 55),
    "exception": QColor(26, 115, 232, 45),
}
_VERDICT_TEXT = {
    "clean": "Nothing here breaks the rules.",
    "exception": "Allowed by an exception; see what it still requires.",
    "caution": "Check the highlighted parts before sending.",
    "violation": "This draft breaks the rules. Fix the highlighted parts before sending.",
}


class _Editor(QPlainTextEdit):
    """The draft editor; dropping a file on it opens the file instead of its path."""

    fileDropped = Signal(Path)  # noqa: N815 - Qt signal naming

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        files = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        if files:
            self.fileDropped.emit(files[0])
            return
        super().insertFromMimeData(source)


class CheckerWindow(QMainWindow):
    """Paste a draft, see the verdict live."""

    #: The user changed the context (stage, role, channel, marketplace).
    contextChanged = Signal()  # noqa: N815 - Qt signal naming
    #: A report was shown.
    reportShown = Signal(object)  # noqa: N815

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.report: Report | None = None
        self.setWindowTitle("Presend: check a draft")
        self.resize(960, 620)
        self.setAcceptDrops(True)

        self.editor = _Editor()
        self.editor.setPlaceholderText(
            "Paste or type your message, proposal or job post here, or drop a .txt, .md, "
            ".docx or .pdf file. Nothing you write leaves this computer."
        )
        self.editor.setAccessibleName("Draft")
        self.editor.setTabChangesFocus(True)
        self.editor.fileDropped.connect(self.open_file)

        self.combos: dict[str, QComboBox] = {}
        context_row = self._context_row(settings)
        right = self._side_panel()
        self._lay_out(context_row, right)
        self._add_shortcuts()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self.editor.textChanged.connect(self._timer.start)
        self._shown: list[Finding] = []

    def _context_row(self, settings: Settings) -> QHBoxLayout:
        context_row = QHBoxLayout()
        for name, values, mnemonic in (
            ("stage", STAGES, "&Stage"),
            ("role", ROLES, "&Role"),
            ("channel", CHANNELS, "&Where"),
        ):
            combo = QComboBox()
            for value in values:
                combo.addItem(_LABELS[name][value], value)
            combo.setCurrentIndex(max(0, combo.findData(getattr(settings, name))))
            combo.currentIndexChanged.connect(self._on_context)
            label = QLabel(mnemonic)
            label.setBuddy(combo)
            context_row.addWidget(label)
            context_row.addWidget(combo)
            self.combos[name] = combo
        market = QComboBox()
        for pack_id in rulepack.available():
            market.addItem(rulepack.load(pack_id).name, pack_id)
        market.setCurrentIndex(max(0, market.findData(settings.marketplace)))
        market.currentIndexChanged.connect(self._on_context)
        market_label = QLabel("&Marketplace")
        market_label.setBuddy(market)
        context_row.addWidget(market_label)
        context_row.addWidget(market)
        self.combos["marketplace"] = market
        context_row.addStretch(1)

        return context_row

    def _side_panel(self) -> QWidget:
        self.verdict = QLabel(_VERDICT_TEXT["clean"])
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Verdict")

        self.findings = QListWidget()
        self.findings.setAccessibleName("Findings")
        self.findings.setWordWrap(True)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.currentRowChanged.connect(self._on_finding_selected)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Explanation")
        self.detail.setOpenExternalLinks(False)

        self.copy_button = QPushButton("&Copy safe version")
        self.copy_button.setToolTip(
            "Copy the draft with what breaks the rules replaced by a polite placeholder"
        )
        self.copy_button.clicked.connect(self.copy_safe_version)
        self.open_button = QPushButton("&Open file…")
        self.open_button.clicked.connect(self.choose_file)

        right = QVBoxLayout()
        right.addWidget(self.verdict)
        right.addWidget(self.findings, 1)
        right.addWidget(self.detail, 2)
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

        layout = QVBoxLayout()
        layout.addLayout(context_row)
        layout.addWidget(splitter, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.setStatusBar(self.statusBar())

    def _add_shortcuts(self) -> None:
        open_action = QAction("Open file…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        self.addAction(open_action)
        close_action = QAction("Close", self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        self.addAction(close_action)

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
        """Check the editor's text in the chosen context and show the result."""
        self._timer.stop()
        text = self.editor.toPlainText()
        try:
            report = check(text, **self.settings.context())
        except ValueError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            report = check("", **self.settings.context())
        self.show_report(text, report)
        return report

    def show_report(self, text: str, report: Report) -> None:
        """Render a report: highlights, list, verdict."""
        self.report = report
        self._shown = [f for f in report.findings if f.severity != "info"]
        to_utf16 = utf16_converter(text)
        selections = []
        for f in self._shown:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(_COLOURS.get(f.severity, _COLOURS["caution"]))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setToolTip(f.message)
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(to_utf16(f.start))
            cursor.setPosition(to_utf16(f.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        self.findings.clear()
        for f in self._shown:
            item = QListWidgetItem(f"{f.severity.upper()}: {f.message}")
            item.setToolTip(f.text)
            self.findings.addItem(item)
        self.verdict.setText(_VERDICT_TEXT[report.verdict])
        self.verdict.setProperty("verdict", report.verdict)
        self.copy_button.setEnabled(report.verdict in ("violation", "caution"))
        self.detail.setHtml(
            ""
            if self._shown
            else "<p>Nothing to fix. Topic words, refusals and numbers "
            "that are part of the work are fine.</p>"
        )
        if self._shown:
            self.findings.setCurrentRow(0)
        self.reportShown.emit(report)

    def _on_finding_selected(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            return
        f = self._shown[row]
        parts = [
            f"<h3>{html.escape(f.message)}</h3>",
            f"<p><code>{html.escape(f.text)}</code></p>",
            f"<p>{html.escape(f.explanation)}</p>",
        ]
        # An allowed finding already explains its exception; what follows is what the
        # exception still requires, not something to write instead (as `presend check`).
        if f.exception and f.exception.explanation != f.explanation:
            parts.append(f"<p><b>Exception:</b> {html.escape(f.exception.explanation)}</p>")
        if f.suggestion:
            label = "Still required" if f.exception else "Instead"
            parts.append(f"<p><b>{label}:</b> {html.escape(f.suggestion)}</p>")
        parts.append(f"<p><small>{html.escape(f.source)}</small></p>")
        self.detail.setHtml("".join(parts))

    def _on_context(self) -> None:
        for name, combo in self.combos.items():
            setattr(self.settings, name, combo.currentData())
        self.contextChanged.emit()
        self.check_now()

    def sync_context(self) -> None:
        """Show the settings' context (changed from the tray menu)."""
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(getattr(self.settings, name))))
            combo.blockSignals(False)
        self.check_now()

    # --- output ------------------------------------------------------------------------

    def copy_safe_version(self) -> str:
        """Copy the draft with the breaking parts replaced; returns what was copied."""
        text = self.editor.toPlainText()
        report = check(text, **self.settings.context())
        safe = safe_version(text, report)
        mime = mark_own(QMimeData())
        mime.setText(safe)
        QApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage("Safe version copied.", 5000)
        return safe

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Closing the window must not quit the tray app; the draft is dropped.
        self.editor.clear()
        event.accept()


def make_checker(settings: Settings, on_context: Callable[[], None]) -> CheckerWindow:
    """A checker window wired to save the context when the user changes it."""
    window = CheckerWindow(settings)
    window.contextChanged.connect(on_context)
    return window
