"""Frozen entry point of `presend`: the tray app, plus `check` and `install-host`.

On Linux and macOS `presend-host` is a link to this program: called by that name it is
the browser's native-messaging host, which imports neither Qt nor the app.
"""

import os
import sys
from pathlib import Path


def prepare_qt() -> None:
    """What PyInstaller's PySide6 run-time hook does, done here only for the app.

    The spec drops that hook because it imports QtCore in every process, and the host
    must start without Qt.
    """
    # PyInstaller's own helpers, in every bundle; imported only in a frozen app.
    from _pyi_rth_utils import prepend_path_to_environment_variable  # noqa: PLC0415
    from _pyi_rth_utils import qt as qt_rth_utils  # noqa: PLC0415

    base = Path(getattr(sys, "_MEIPASS", ""))
    qt_path = base / "PySide6" if sys.platform == "win32" else base / "PySide6" / "Qt"
    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    os.environ["QT_PLUGIN_PATH"] = str(qt_path / "plugins")
    if sys.platform == "win32":
        prepend_path_to_environment_variable(str(base), "PATH")
    qt_rth_utils.create_embedded_qt_conf("PySide6", str(qt_path))


if Path(sys.argv[0]).name.startswith("presend-host"):
    from presend.bridge.host import main
else:
    from presend.core.cli import main

    # Setting Qt up loads QtCore: only for the app, not for `presend check` and friends.
    if getattr(sys, "frozen", False) and sys.argv[1:2] not in (["check"], ["install-host"]):
        prepare_qt()

sys.exit(main())
