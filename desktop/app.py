"""The Presend tray app: wires the tray, the checker window, the clipboard watch and
the relay socket together. ``presend`` with no command starts it.

Nothing here logs or stores draft text. With ``PRESEND_EVENT_LOG`` set, the app
appends one JSON line per event (what happened and the verdict, never the text) so
end-to-end tests and benchmarks can follow it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from presend.bridge import relay
from presend.core import Report, __version__, rulepack, standarddir
from presend.core.model import RulePackError
from presend.desktop import autostart, platform_libs
from presend.desktop import settings as settings_mod
from presend.desktop.checker import CheckerWindow
from presend.desktop.clipboard import ClipboardWatcher, text_hash
from presend.desktop.qt import (
    QApplication,
    QClipboard,
    QMessageBox,
    QObject,
    QSettings,
    QSystemTrayIcon,
    QTimer,
)
from presend.desktop.relay_server import RelayServer, RelayServerError
from presend.desktop.tray import Indicator, TrayMenu, icon
from presend.desktop.wording import context_phrase, word

EXIT_NO_DISPLAY = 2
#: The longest finding message a relayed report can put in a notification.
_MAX_NOTICE = 200


class EventLog:
    """Events for tests and benchmarks; never draft text."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path else None

    def __call__(self, event: str, **fields: Any) -> None:
        if self.path is None:
            return
        line = json.dumps({"event": event, "t": time.time(), **fields})
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")


class PresendApp(QObject):
    """The running app."""

    def __init__(self, qapp: QApplication, *, use_tray: bool, log: EventLog) -> None:
        super().__init__()
        self.qapp = qapp
        self.log = log
        self.config_dir = standarddir.config()
        self.settings, notice = settings_mod.load(self.config_dir)
        self.checker: CheckerWindow | None = None
        # What a click on the last notification opens: a relayed draft (kept in memory
        # only until the next notification) or the clipboard, if it still holds the
        # text that was checked.
        self._pending_text: str | None = None
        self._pending_hash: str | None = None

        self.menu = TrayMenu(self.settings)
        self.menu.checkDraft.connect(self.open_checker)
        self.menu.watchToggled.connect(self.set_watching)
        self.menu.contextChanged.connect(self._context_changed)
        self.menu.startAtLoginToggled.connect(self.set_start_at_login)
        self.menu.aboutRequested.connect(self.about)
        self.menu.quitRequested.connect(self.quit)
        self.indicator = Indicator(self.menu, use_tray)
        self.indicator.messageClicked.connect(self.open_from_notification)

        self.watcher = ClipboardWatcher(QApplication.clipboard(), self.settings.context, self)
        self.watcher.checked.connect(self._on_clipboard_checked)
        self.watcher.warning.connect(self._on_clipboard_warning)
        self.watcher.skipped.connect(lambda why: self.log("clipboard-skipped", reason=why))
        self.set_watching(self.settings.watch_clipboard)

        self.server = RelayServer(parent=self)
        self.server.reportReceived.connect(self._on_relayed)
        self.server.commandReceived.connect(self._on_command)
        try:
            self.server.listen()
        except RelayServerError as exc:
            self.log("relay-unavailable", reason=str(exc))
        self.log("started", tray=use_tray, version=__version__)
        if notice:
            self.indicator.notify("Presend", notice)
            self.log("settings-notice")
        runtime_notice = standarddir.runtime_notice()
        if runtime_notice:
            self.indicator.notify("Presend", runtime_notice)
            self.log("runtime-notice")

    # --- state ---------------------------------------------------------------------------

    def _save(self) -> None:
        try:
            settings_mod.save(self.settings, self.config_dir)
        except OSError as exc:
            self.indicator.notify("Presend", f"Could not save settings: {exc.strerror}")

    def _context_changed(self) -> None:
        self._save()
        self.watcher.forget()
        self.menu.sync()
        if self.settings.watch_clipboard:
            self.indicator.set_state("clear", self._watching())

    def _watching(self) -> str:
        return word("tray", "watching", context=context_phrase(self.settings.context()))

    def set_watching(self, on: bool) -> None:
        """Turn the clipboard watch on or off."""
        self.settings.watch_clipboard = on
        self.watcher.set_enabled(on)
        self.menu.sync()
        self._save()
        if on:
            self.indicator.set_state("clear", self._watching())
        else:
            self.indicator.set_state("paused", word("tray", "paused"))

    def set_start_at_login(self, on: bool) -> None:
        """Add or remove the login entry."""
        try:
            autostart.set_enabled(on)
        except OSError as exc:
            self.indicator.notify("Presend", f"Could not change start at login: {exc.strerror}")
            return
        self.settings.start_at_login = on
        self._save()

    # --- results -------------------------------------------------------------------------

    def _summary(self, report: Report) -> str:
        """The tooltip after a clipboard check: the result and the context it assumed."""
        context = context_phrase(report.context.to_dict())
        counts = Counter(f.severity for f in report.findings if f.severity != "info")
        if counts:
            parts = [f"{n} {s}{'s' if n > 1 else ''}" for s, n in counts.most_common()]
            return word("tray", "found", counts=", ".join(parts), context=context)
        # A contact detail that is fine only because the watch assumes a started
        # contract still says so: the assumption may be wrong for this client.
        fine_now = [f for f in report.findings if f.kind == "contact"]
        if fine_now and report.context.stage == "active_contract":
            what = fine_now[0].message.split(":")[0].lower()
            return word("tray", "fine_now", what=what, context=context)
        return word("tray", "all_clear", context=context)

    def _on_clipboard_checked(self, report: Report) -> None:
        # One event per check (a test reading the log must not see half of it).
        if report.verdict not in ("violation", "caution"):
            self.indicator.set_state("clear", self._summary(report))
        self.log("clipboard-checked", verdict=report.verdict, stage=report.context.stage)

    def _on_clipboard_warning(self, report: Report, digest: str) -> None:
        self._pending_text, self._pending_hash = None, digest
        self._warn(report, "clipboard")

    def _on_relayed(self, report_dict: dict[str, Any], text: str) -> None:
        verdict = report_dict.get("verdict")
        self.log("relayed", verdict=verdict)
        if verdict != "violation":
            return
        self._pending_text, self._pending_hash = text, None
        findings = [f for f in report_dict.get("findings", []) if isinstance(f, dict)]
        first = next((f for f in findings if f.get("severity") == "violation"), {})
        message = str(first.get("message", "It breaks the marketplace's rules."))
        if len(message) > _MAX_NOTICE:  # relayed: a message cannot fill the screen
            message = message[:_MAX_NOTICE] + "\u2026"
        context = self._relayed_context(report_dict)
        self.indicator.set_state("warning", word("tray", "browser_state", context=context))
        body = word("tray", "browser_body", message=message, context=context)
        self.indicator.notify(word("tray", "browser_title"), body)
        self.log("notified", source="browser", verdict=verdict, body=body)

    @staticmethod
    def _relayed_context(report_dict: dict[str, Any]) -> str:
        """The context a relayed report was checked in, in words (the extension's own)."""
        raw = report_dict.get("context")
        context = raw if isinstance(raw, dict) else {}
        try:
            return context_phrase({k: str(context[k]) for k in ("stage", "role", "marketplace")})
        except (KeyError, RulePackError):
            return word("tray", "unknown_context")

    def _warn(self, report: Report, source: str) -> None:
        worst = [f for f in report.findings if f.severity == report.verdict]
        message = worst[0].message if worst else "Check it before you send it."
        extra = f" (+{len(worst) - 1} more)" if len(worst) > 1 else ""
        title = word("tray", f"notify_{report.verdict}")
        self.indicator.set_state("warning", self._summary(report))
        checker = self.checker
        if checker is not None and checker.isVisible() and not checker.isMinimized():
            # The checker is open: a balloon over it would only get in the way; its
            # status bar says it instead.
            checker.statusBar().showMessage(word("checker", "copied_elsewhere", title=title), 15000)
            self.log("shown-in-checker", source=source, verdict=report.verdict)
            return
        context = context_phrase(report.context.to_dict())
        body = word("tray", "notify_body", message=message, extra=extra, context=context)
        self.indicator.notify(title, body)
        self.log("notified", source=source, verdict=report.verdict, body=body)

    def open_from_notification(self) -> None:
        """Open the checker with what the last notification was about."""
        text = self._pending_text
        if text is None and self._pending_hash is not None:
            mime = QApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
            current = mime.text() if mime is not None and mime.hasText() else ""
            text = current if text_hash(current) == self._pending_hash else None
        self._pending_text = self._pending_hash = None
        self.open_checker(text)

    def open_checker(self, text: str | None = None) -> CheckerWindow:
        """Show the checker window (with ``text`` when given)."""
        if self.checker is None:
            self.checker = CheckerWindow(self.settings)
            self.checker.setWindowIcon(icon("app"))
        if text is not None:
            self.checker.set_text(text)
        self.checker.show()
        self.checker.raise_()
        self.checker.activateWindow()
        self.log("checker-opened", with_text=text is not None)
        return self.checker

    def _on_command(self, command: str) -> None:
        self.log("command", command=command)
        if command == "show":
            self.open_checker()
        elif command == "quit":
            self.quit()
        elif command == "check-clipboard":
            self.watcher.forget()
            self.watcher.check_now()

    def about(self) -> None:
        """Say what Presend is."""
        packs = ", ".join(rulepack.load(p).name for p in rulepack.available())
        QMessageBox.about(
            None,
            "About Presend",
            f"<b>Presend {__version__}</b><p>Checks drafts for contact details before a "
            f"contract and payment outside the platform. Rule packs: {packs}.</p>"
            "<p>Everything runs on this computer; no draft is logged, stored or sent.</p>",
        )

    def quit(self) -> None:
        """Stop cleanly: close the socket, take the icon away, leave the event loop."""
        self.log("quit")
        self.server.close()
        self.indicator.hide()
        if self.checker is not None:
            self.checker.close()
        self.qapp.quit()


def _no_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def keep_qt_settings_under(folder: Path) -> None:
    """Make Qt's own settings (``QtProject.conf``, written by the file dialog) go to
    ``folder`` too, so ``--basedir`` leaves nothing in the user's config folder."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


def build_parser() -> argparse.ArgumentParser:
    """Options of the tray app."""
    parser = argparse.ArgumentParser(prog="presend", description="The Presend tray app.")
    parser.add_argument("--basedir", help="keep settings and the socket under this folder")
    parser.add_argument("--quit", action="store_true", help="quit the running app")
    parser.add_argument("--self-test", action="store_true", help="build everything, then exit")
    parser.add_argument("--no-tray", action="store_true", help="use a window instead of a tray")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Start the tray app (or hand over to the running one)."""
    args = build_parser().parse_args(argv)
    standarddir.init(args.basedir)
    if args.basedir:
        keep_qt_settings_under(standarddir.config())
    if args.quit:
        if relay.deliver({"type": "command", "command": "quit"}):
            return 0
        print("presend: not running; nothing to quit", file=sys.stderr)
        return 1
    if not args.self_test and relay.deliver({"type": "command", "command": "show"}):
        print("presend: already running; opened its checker window")
        return 0
    if _no_display():
        print(
            "presend: no display to show the tray app on; use `presend check FILE` instead",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    lacking = platform_libs.missing() if platform_libs.uses_xcb() else []
    if lacking:
        # Qt itself would abort here with "could not load the Qt platform plugin".
        print(platform_libs.advice(lacking), file=sys.stderr)
        return EXIT_NO_DISPLAY
    qapp = QApplication.instance() or QApplication(["presend"])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("Presend")
    qapp.setDesktopFileName("presend")
    qapp.setQuitOnLastWindowClosed(False)
    qapp.setWindowIcon(icon("app"))
    use_tray = QSystemTrayIcon.isSystemTrayAvailable() and not args.no_tray
    app = PresendApp(qapp, use_tray=use_tray, log=EventLog(os.environ.get("PRESEND_EVENT_LOG")))
    if args.self_test:
        ok = bool(rulepack.available()) and app.menu.actions() != []
        app.open_checker("self-test: call me at +1 415 555 0132")
        verdict = app.checker.report.verdict if app.checker and app.checker.report else None
        app.quit()
        print(f"self-test {'ok' if ok and verdict == 'violation' else 'FAILED'}: tray={use_tray}")
        return 0 if ok and verdict == "violation" else 1
    # Let Ctrl+C and SIGTERM end the event loop cleanly (Python only runs signal
    # handlers between bytecodes, so a timer wakes the interpreter now and then).
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    waker = QTimer()
    waker.start(250)
    waker.timeout.connect(lambda: None)
    return int(qapp.exec())


if __name__ == "__main__":
    sys.exit(main())
