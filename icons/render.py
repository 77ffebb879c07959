"""Render the SVG sources in icons/src to the PNG, ICO and ICNS files the app, the
tray, the installers and the browser extension use.

    .venv/bin/python icons/render.py

Qt's SVG renderer draws each size from the vector source (no scaling of bitmaps);
Pillow packs the Windows .ico and the macOS .icns. The outputs are committed, so
building Presend does not need this script.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCES = ("app", "tray-clear", "tray-warning", "tray-paused")
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
EXTENSION_SIZES = (16, 32, 48, 128)
# Apple's iconset names: icon_<size>x<size>[@2x].png
ICONSET = {16: (16, 32), 32: (32, 64), 128: (128, 256), 256: (256, 512), 512: (512,)}


def render(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` at ``size`` x ``size`` pixels into a PNG."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    """Render everything."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    png = HERE / "png"
    for name in SOURCES:
        for size in SIZES:
            render(HERE / "src" / f"{name}.svg", size, png / f"{name}-{size}.png")
    extension = HERE.parent / "extension-bridge" / "extension" / "icons"
    for size in EXTENSION_SIZES:
        shutil.copy(png / f"app-{size}.png", extension / f"icon-{size}.png")
    # Windows: one .ico holding every size up to 256.
    biggest = Image.open(png / "app-256.png")
    biggest.save(HERE / "presend.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    # macOS: the iconset folder iconutil takes, and an .icns made from it here.
    iconset = HERE / "presend.iconset"
    iconset.mkdir(exist_ok=True)
    for base, sizes in ICONSET.items():
        for scale, size in zip(("", "@2x"), sizes, strict=False):
            shutil.copy(png / f"app-{size}.png", iconset / f"icon_{base}x{base}{scale}.png")
    Image.open(png / "app-512.png").save(HERE / "presend.icns")
    print(f"rendered {len(SOURCES) * len(SIZES)} PNGs, presend.ico, presend.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
