"""Watching the clipboard: check what the user copies, warn when it breaks the rules.

Only the clipboard proper is watched (not the X11 primary selection). Copies made by
Presend itself, repeats of the same text and content that password managers mark as
secret are skipped. The text is never kept: only a hash of the last one checked, so
a repeat can be recognised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from presend.core import Report, check
from presend.desktop.qt import QClipboard, QMimeData, QObject, QTimer, Signal

#: Presend marks its own copies with this type so the watcher ignores them.
OWN_MIME = "application/x-presend-own"
# Types password managers set on secrets: KDE/KeePassXC, Windows, macOS (nspasteboard.org).
_SECRET_HINTS = (
    "x-kde-passwordManagerHint",
    "application/x-kde-passwordManagerHint",
    "ExcludeClipboardContentFromMonitorProcessing",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"',
    "org.nspasteboard.ConcealedType",
)
DEBOUNCE_MS = 250


def mark_own(mime: QMimeData) -> QMimeData:
    """Mark clipboard data as Presend's own copy."""
    mime.setData(OWN_MIME, b"1")
    return mime


def text_hash(text: str) -> str:
    """What the watcher remembers of a text: enough to spot a repeat, nothing more."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardWatcher(QObject):
    """Checks each new clipboard text in the current context."""

    #: Every check: the report.
    checked = Signal(object)
    #: A check whose verdict is a violation or a caution: the report and the text's hash.
    warning = Signal(object, str)
    #: A change that was not checked, and why ("no-text", "own", "secret", "repeat").
    skipped = Signal(str)

    def __init__(
        self,
        clipboard: QClipboard,
        context: Callable[[], dict[str, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._context = context
        self._last_hash: str | None = None
        self._enabled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self._retried = False
        clipboard.dataChanged.connect(self._on_changed)

    @property
    def enabled(self) -> bool:
        """Whether copies are being checked."""
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Start or pause watching; resuming does not re-check what is already there."""
        self._enabled = enabled
        if not enabled:
            self._timer.stop()

    def forget(self) -> None:
        """Forget the last text, so copying it again is checked again (new context)."""
        self._last_hash = None

    def _on_changed(self) -> None:
        if self._enabled:
            self._retried = False
            self._timer.start()

    def check_now(self) -> Report | None:
        """Check the clipboard's text now (after the debounce, or on demand)."""
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        if mime is None or not mime.hasText():
            # On X11 the data can be briefly unreadable while the owner changes hands;
            # look once more before giving up on this change.
            if not self._retried and self._enabled:
                self._retried = True
                self._timer.start()
            self.skipped.emit("no-text")
            return None
        formats = set(mime.formats())
        if OWN_MIME in formats or formats.intersection(_SECRET_HINTS):
            self.skipped.emit("own" if OWN_MIME in formats else "secret")
            return None
        text = mime.text()
        digest = text_hash(text)
        if digest == self._last_hash or not text.strip():
            self.skipped.emit("repeat" if text.strip() else "no-text")
            return None
        self._last_hash = digest
        try:
            report = check(text, **self._context())
        except ValueError:
            return None  # over the core's size limit: not a draft anyone pastes
        finally:
            del text
        self.checked.emit(report)
        if report.verdict in ("violation", "caution"):
            self.warning.emit(report, digest)
        return report
