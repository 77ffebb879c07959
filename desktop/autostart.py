"""Start at login: an XDG autostart entry on Linux, the Run key on Windows, a
LaunchAgent on macOS. Planned as data first, so every OS can be checked anywhere."""

from __future__ import annotations

import contextlib
import plistlib
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

from presend.core.standarddir import current_system

ENTRY_NAME = "io.presend.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


@dataclass(frozen=True)
class AutostartEntry:
    """What enabling start-at-login writes on one OS."""

    #: A file to write (Linux, macOS), or None on Windows.
    path: PurePath | None
    #: The file's content, or the Run value's command line on Windows.
    content: str
    #: Windows only: the registry key and value name.
    registry: tuple[str, str] | None = None


def command() -> list[str]:
    """How to start the tray app from a login session."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "presend.desktop.app"]


def entry(system: str, home: PurePath, argv: list[str]) -> AutostartEntry:
    """The autostart entry for ``system`` ("linux", "macos" or "windows")."""
    if system == "linux":
        desktop = "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                "Name=Presend",
                "Comment=Checks marketplace drafts before you send them",
                f"Exec={shlex.join(argv)}",
                "Icon=presend",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            ]
        )
        return AutostartEntry(home / ".config" / "autostart" / "presend.desktop", desktop)
    if system == "macos":
        plist = plistlib.dumps(
            {
                "Label": ENTRY_NAME,
                "ProgramArguments": argv,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
        ).decode("utf-8")
        return AutostartEntry(home / "Library" / "LaunchAgents" / f"{ENTRY_NAME}.plist", plist)
    if system == "windows":
        line = " ".join(f'"{a}"' if " " in a else a for a in argv)
        return AutostartEntry(None, line, registry=(rf"HKEY_CURRENT_USER\{RUN_KEY}", "Presend"))
    raise ValueError(f"unknown system {system!r}")


def set_enabled(enabled: bool, home: Path | None = None) -> None:
    """Turn start-at-login on or off on this machine."""
    system = current_system()
    planned = entry(system, home or Path.home(), command())
    if planned.registry is not None:  # pragma: no cover - Windows only
        _set_run_value(enabled, planned)
        return
    assert planned.path is not None
    path = Path(planned.path)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(planned.content, "utf-8")
    else:
        path.unlink(missing_ok=True)


def is_enabled(home: Path | None = None) -> bool:
    """Whether start-at-login is on (the file exists, or the Run value is set)."""
    planned = entry(current_system(), home or Path.home(), command())
    if planned.path is None:  # pragma: no cover - Windows only
        return _run_value_exists()
    return Path(planned.path).exists()


def _set_run_value(enabled: bool, planned: AutostartEntry) -> None:  # pragma: no cover
    if sys.platform != "win32":
        return
    import winreg  # noqa: PLC0415

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
        if enabled:
            winreg.SetValueEx(key, "Presend", 0, winreg.REG_SZ, planned.content)
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, "Presend")


def _run_value_exists() -> bool:  # pragma: no cover
    if sys.platform != "win32":
        return False
    import winreg  # noqa: PLC0415

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.QueryValueEx(key, "Presend")
    except FileNotFoundError:
        return False
    return True
