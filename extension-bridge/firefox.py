"""Build the Firefox flavour of the extension from the same sources.

Firefox wants background scripts instead of a service worker, an add-on id under
``browser_specific_settings`` and no Chromium ``key``. Run as
``python -m presend.bridge.firefox OUT_DIR``.
"""

from __future__ import annotations

import json
import shutil
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from presend.bridge.host import GECKO_ID

SOURCE_FILES = (
    "background.js",
    "content.js",
    "pages.js",
    "wording.js",
    "popup.html",
    "popup.js",
    "options.html",
    "options.js",
)


def source_dir() -> Path:
    """The Chromium extension folder (the sources both builds share)."""
    return Path(str(resources.files("presend.bridge").joinpath("extension")))


def firefox_manifest(chromium: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a Chromium MV3 manifest for Firefox."""
    data = {k: v for k, v in chromium.items() if k not in ("key", "minimum_chrome_version")}
    data["background"] = {"scripts": [chromium["background"]["service_worker"]]}
    data["browser_specific_settings"] = {"gecko": {"id": GECKO_ID, "strict_min_version": "115.0"}}
    return data


def build(out_dir: Path) -> Path:
    """Write the Firefox extension into ``out_dir`` and return it."""
    src = source_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in SOURCE_FILES:
        shutil.copy2(src / name, out_dir / name)
    icons = src / "icons"
    if icons.is_dir():
        shutil.copytree(icons, out_dir / "icons", dirs_exist_ok=True)
    chromium = json.loads((src / "manifest.json").read_text("utf-8"))
    manifest = firefox_manifest(chromium)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return out_dir


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m presend.bridge.firefox OUT_DIR", file=sys.stderr)
        sys.exit(2)
    print(build(Path(sys.argv[1])))
