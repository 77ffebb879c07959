"""Screenshots of the checker window for the README, light and dark.

Run under a real X server (Xvfb is enough), e.g.:
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

from presend.desktop.checker import CheckerWindow
from presend.desktop.qt import QApplication, QColor, QPalette, QPoint
from presend.desktop.settings import Settings
from presend.desktop.tray import TrayMenu

DRAFT = """Hi Maria,

Thanks for the invite! I've built three Shopify stores with custom checkout flows, \
and I can have your product pages migrated by Friday.

If it's easier, text me on WhatsApp at +44 7911 123456 and we can settle the \
details there. I could also take payment by PayPal to skip the fees.

Best,
Lina
"""


def dark_palette() -> QPalette:
    """A plain dark palette, as a desktop's dark theme gives Qt."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: (45, 45, 48),
        QPalette.ColorRole.WindowText: (230, 230, 230),
        QPalette.ColorRole.Base: (30, 30, 32),
        QPalette.ColorRole.AlternateBase: (45, 45, 48),
        QPalette.ColorRole.Text: (232, 232, 232),
        QPalette.ColorRole.Button: (55, 55, 58),
        QPalette.ColorRole.ButtonText: (230, 230, 230),
        QPalette.ColorRole.Highlight: (90, 150, 255),
        QPalette.ColorRole.HighlightedText: (0, 0, 0),
        QPalette.ColorRole.ToolTipBase: (55, 55, 58),
        QPalette.ColorRole.ToolTipText: (230, 230, 230),
        QPalette.ColorRole.PlaceholderText: (150, 150, 150),
        QPalette.ColorRole.Link: (120, 170, 255),
    }
    for role, rgb in roles.items():
        p.setColor(role, QColor(*rgb))
    return p


def shoot(app: QApplication, out: Path, name: str) -> None:
    window = CheckerWindow(Settings())
    window.resize(1100, 780)
    window.show()
    window.set_text(DRAFT)
    for _ in range(20):
        app.processEvents()
    window.select_finding(0)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out / f"{name}.png"))
    window.close()


def shoot_menu(app: QApplication, out: Path) -> None:
    menu = TrayMenu(Settings())
    menu.popup(QPoint(40, 40))
    for _ in range(20):
        app.processEvents()
    menu.grab().save(str(out / "tray-menu.png"))
    menu.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(["presend"])
    app.setStyle("Fusion")
    shoot(app, out, "checker-light")
    shoot_menu(app, out)
    app.setPalette(dark_palette())
    shoot(app, out, "checker-dark")
    return 0


if __name__ == "__main__":
    sys.exit(main())
