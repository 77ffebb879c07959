"""The tray icon and its menu, or, where the desktop has no tray, a small window.

Both show the same three states (all clear, warning, paused), the same menu, and
notifications the user can click to open the checker.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from presend.core import rulepack
from presend.core.model import ROLES, STAGES
from presend.desktop.qt import (
    QAction,
    QActionGroup,
    QIcon,
    QLabel,
    QMenu,
    QObject,
    QPushButton,
    QSystemTrayIcon,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from presend.desktop.settings import Settings
from presend.desktop.wording import context_phrase, label, word

STATES = ("clear", "warning", "paused")


_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


@cache
def icon(name: str) -> QIcon:
    """An icon from the package's icons (``app`` or ``tray-<state>``), with every
    rendered size so the tray and window manager pick a sharp one."""
    folder = resources.files("presend.icons")
    result = QIcon()
    for size in _SIZES:
        png = folder / "png" / f"{name}-{size}.png"
        if png.is_file():
            result.addFile(str(png))
    if result.isNull():
        result = QIcon(str(folder / "src" / f"{name}.svg"))
    return result


class TrayMenu(QMenu):
    """The menu the tray icon (or the fallback window's button) opens."""

    checkDraft = Signal()  # noqa: N815 - Qt signal naming
    watchToggled = Signal(bool)  # noqa: N815
    contextChanged = Signal()  # noqa: N815
    startAtLoginToggled = Signal(bool)  # noqa: N815
    aboutRequested = Signal()  # noqa: N815
    quitRequested = Signal()  # noqa: N815

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.addAction("&Check a draft…", self.checkDraft.emit)
        # What the clipboard watch assumes: its own stage, role and marketplace, shown
        # in the submenus' titles so a glance at the menu tells which one it is using.
        self.addSection(word("tray", "watch_section"))
        self.watch = self.addAction("&Watch clipboard")
        self.watch.setCheckable(True)
        self.watch.setChecked(settings.watch_clipboard)
        self.watch.toggled.connect(self.watchToggled.emit)
        self.groups: dict[str, QActionGroup] = {}
        self.submenus: dict[str, tuple[QMenu, str]] = {}
        self._choice_menu("stage_menu", "stage", [(v, label("stage", v)) for v in STAGES])
        self._choice_menu("role_menu", "role", [(v, label("role", v)) for v in ROLES])
        self._choice_menu(
            "marketplace_menu",
            "marketplace",
            [(p, rulepack.load(p).name) for p in rulepack.available()],
        )
        self.addSeparator()
        self.login = self.addAction("Start at &login")
        self.login.setCheckable(True)
        self.login.setChecked(settings.start_at_login)
        self.login.toggled.connect(self.startAtLoginToggled.emit)
        self.addAction("&About Presend", self.aboutRequested.emit)
        self.addAction("&Quit", self.quitRequested.emit)
        self._retitle()

    def _choice_menu(self, title_key: str, name: str, choices: list[tuple[str, str]]) -> None:
        menu = self.addMenu(title_key)
        group = QActionGroup(menu)
        group.setExclusive(True)
        for value, text in choices:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(getattr(self.settings, name) == value)
            action.triggered.connect(lambda _=False, n=name, v=value: self._choose(n, v))
            group.addAction(action)
            menu.addAction(action)
        self.groups[name] = group
        self.submenus[name] = (menu, title_key)

    def _retitle(self) -> None:
        for name, (menu, title_key) in self.submenus.items():
            current = next((a for a in self.groups[name].actions() if a.isChecked()), None)
            value = current.text() if current is not None else ""
            menu.setTitle(word("tray", title_key, value=value))

    def _choose(self, name: str, value: str) -> None:
        setattr(self.settings, name, value)
        self._retitle()
        self.contextChanged.emit()

    def sync(self) -> None:
        """Show the settings' current values (changed elsewhere)."""
        for name, group in self.groups.items():
            for action in group.actions():
                action.setChecked(action.data() == getattr(self.settings, name))
        self._retitle()
        self.watch.blockSignals(True)
        self.watch.setChecked(self.settings.watch_clipboard)
        self.watch.blockSignals(False)


class Indicator(QObject):
    """What the user sees of the running app: a tray icon, or a small window."""

    messageClicked = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, menu: TrayMenu, use_tray: bool) -> None:
        super().__init__()
        self.menu = menu
        self.state = "clear"
        self.tray: QSystemTrayIcon | None = None
        self.window: FallbackWindow | None = None
        if use_tray:
            self.tray = QSystemTrayIcon(icon("tray-clear"))
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.messageClicked.emit)
            self.tray.activated.connect(self._on_activated)
            self.tray.setToolTip(
                word("tray", "nothing_yet", context=context_phrase(menu.settings.context()))
            )
            self.tray.show()
        else:
            self.window = FallbackWindow(menu)
            self.window.messageClicked.connect(self.messageClicked.emit)
            self.window.show()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.menu.checkDraft.emit()

    def set_state(self, state: str, tooltip: str) -> None:
        """Show one of :data:`STATES` and say the last result."""
        changed = state != self.state
        self.state = state
        if self.tray is not None:
            # Only on a change: on X11 every setIcon makes the tray host draw anew, and
            # a thousand checks in a row must not cost a thousand redraws.
            if changed:
                self.tray.setIcon(icon(f"tray-{state}"))
            self.tray.setToolTip(tooltip)
        elif self.window is not None:
            self.window.set_state(state, tooltip)

    def tooltip(self) -> str:
        """What the icon (or the fallback window) says now."""
        if self.tray is not None:
            return self.tray.toolTip()
        return self.window.status.text() if self.window is not None else ""

    def notify(self, title: str, message: str) -> None:
        """Show a notification the user can click."""
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 15000)
        elif self.window is not None:
            self.window.notify(title, message)

    def hide(self) -> None:
        """Take the icon or window away (on quit)."""
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            self.window.close()


class FallbackWindow(QWidget):
    """For desktops without a system tray (plain GNOME): a small status window that
    also shows the notifications."""

    messageClicked = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, menu: TrayMenu) -> None:
        super().__init__()
        self.setWindowTitle("Presend")
        self.setWindowIcon(icon("app"))
        self.status = QLabel("Presend is running. Copy a draft to check it.")
        self.status.setWordWrap(True)
        self.notice = QPushButton()
        self.notice.setHidden(True)
        self.notice.setStyleSheet("text-align: left; padding: 6px;")
        self.notice.clicked.connect(self._clicked)
        menu_button = QPushButton("&Menu")
        menu_button.setMenu(menu)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(menu_button)
        self.resize(320, 140)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(lambda: self.notice.setHidden(True))

    def set_state(self, state: str, tooltip: str) -> None:
        """Show the state in the window's icon and text."""
        self.setWindowIcon(icon(f"tray-{state}"))
        self.status.setText(tooltip)

    def notify(self, title: str, message: str) -> None:
        """Show a clickable notice and bring the window forward."""
        self.notice.setText(f"{title}\n{message}")
        self.notice.setHidden(False)
        self.show()
        self.raise_()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self._hide_timer.start(30000)

    def _clicked(self) -> None:
        self.notice.setHidden(True)
        self.messageClicked.emit()
