"""The system libraries Qt's X11 platform plugin needs, and the Debian packages that hold them.

PySide6's wheel carries Qt but not the X11/xcb libraries under it. When one is missing,
Qt aborts with "could not load the Qt platform plugin", which tells a user nothing they
can act on. The tray app (and `make run`, through ``python -m``) asks here first and
names the packages to install instead. Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Libraries whose Debian package is not named after the soname the usual way.
_PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
}
_SONAME = re.compile(r"^(lib[\w+.-]+?)\.so\.(\d+)")


def uses_xcb() -> bool:
    """Whether Qt would open its windows through X11 here (a display, no Wayland)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return (
        sys.platform.startswith("linux")
        and platform in ("", "xcb")
        and bool(os.environ.get("DISPLAY"))
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def plugin_path() -> Path | None:
    """Qt's xcb platform plugin in the installed (or frozen) PySide6, when present."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if path.is_file():
            return path
    return None


def missing(plugin: Path | None = None) -> list[str]:
    """Sonames the plugin needs that this machine lacks (empty when it loads)."""
    plugin = plugin or plugin_path()
    if plugin is None or not sys.platform.startswith("linux"):
        return []
    try:
        # The loader's own answer, in this process's environment (a frozen bundle's
        # libraries included): if the plugin loads here, Qt can load it too.
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        first = re.match(r"([^:\s]+\.so[.\d]*): cannot open", str(exc))
        found = set(_not_found_by_ldd(plugin))
        if first:
            found.add(first.group(1))
        return sorted(found) or [str(exc)]
    return []


def _not_found_by_ldd(plugin: Path) -> list[str]:
    """Every missing library at once (the loader names only the first)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.split()[0] for line in out.splitlines() if "not found" in line]


def debian_package(soname: str) -> str:
    """The Debian package that ships ``soname`` (libxcb-cursor.so.0 -> libxcb-cursor0)."""
    if soname in _PACKAGE_OF:
        return _PACKAGE_OF[soname]
    match = _SONAME.match(soname)
    if match is None:
        return soname
    stem, version = match.group(1).lower(), match.group(2)
    # Debian policy: a stem ending in a digit is separated from the version by a dash.
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"


def advice(sonames: list[str]) -> str:
    """What to tell a person whose machine lacks ``sonames``."""
    packages = " ".join(sorted({debian_package(s) for s in sonames}))
    return (
        f"presend: the tray app needs system libraries this machine lacks ({', '.join(sonames)}).\n"
        f"On Debian or Ubuntu install them with: sudo apt-get install {packages}\n"
        "`presend check FILE` works without them."
    )


def main(argv: list[str] | None = None) -> int:
    """Print the Debian packages Qt's X11 plugin still needs; exit 1 when any.

    Only when Qt would use X11 here, unless ``--always`` (the tests' set-up) is given.
    """
    args = sys.argv[1:] if argv is None else argv
    lacking = missing() if "--always" in args or uses_xcb() else []
    if lacking:
        print(" ".join(sorted({debian_package(s) for s in lacking})))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
