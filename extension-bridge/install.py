"""``presend install-host``: register the native-messaging host with the browsers.

Each browser finds hosts its own way: a manifest file in a known folder on Linux and
macOS, a registry value pointing at the manifest on Windows. Chromium-family manifests
list the extension's origin; Firefox's lists the add-on id. Everything is planned first
as a list of actions, so ``--dry-run`` (and the tests, for every OS) see exactly what
would be written.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from presend.bridge.host import EXTENSION_ID, GECKO_ID, HOST_NAME
from presend.core import standarddir
from presend.core.standarddir import current_system

BROWSERS = ("chrome", "chromium", "edge", "brave", "vivaldi", "firefox")
SYSTEMS = ("linux", "macos", "windows")
DESCRIPTION = "Presend: checks marketplace drafts before you send them"

# Folders (relative to the home folder for --user) where each browser looks for hosts.
_LINUX_USER = {
    "chrome": ".config/google-chrome/NativeMessagingHosts",
    "chromium": ".config/chromium/NativeMessagingHosts",
    "edge": ".config/microsoft-edge/NativeMessagingHosts",
    "brave": ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": ".config/vivaldi/NativeMessagingHosts",
    "firefox": ".mozilla/native-messaging-hosts",
}
_LINUX_SYSTEM = {
    "chrome": "/etc/opt/chrome/native-messaging-hosts",
    "chromium": "/etc/chromium/native-messaging-hosts",
    "edge": "/etc/opt/edge/native-messaging-hosts",
    "brave": "/etc/opt/chrome/native-messaging-hosts",  # Brave reads Chrome's system folder
    "vivaldi": "/etc/opt/chrome/native-messaging-hosts",  # so does Vivaldi
    "firefox": "/usr/lib/mozilla/native-messaging-hosts",
}
_MAC_USER = {
    "chrome": "Library/Application Support/Google/Chrome/NativeMessagingHosts",
    "chromium": "Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
    "brave": "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": "Library/Application Support/Vivaldi/NativeMessagingHosts",
    "firefox": "Library/Application Support/Mozilla/NativeMessagingHosts",
}
_MAC_SYSTEM = {
    "chrome": "/Library/Google/Chrome/NativeMessagingHosts",
    "chromium": "/Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "/Library/Microsoft/Edge/NativeMessagingHosts",
    "brave": "/Library/Google/Chrome/NativeMessagingHosts",
    "vivaldi": "/Library/Google/Chrome/NativeMessagingHosts",
    "firefox": "/Library/Application Support/Mozilla/NativeMessagingHosts",
}
# Windows: the registry key (under HKCU or HKLM) whose default value names the manifest.
_WINDOWS_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"Software\Chromium\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "brave": r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "vivaldi": r"Software\Vivaldi\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}


class InstallError(Exception):
    """The host could not be (un)registered."""


# What a dry run for another OS shows in place of this machine's paths.
_EXAMPLE_HOST = {
    "linux": "/opt/presend/presend-host",
    "macos": "/Applications/Presend.app/Contents/MacOS/presend-host",
    "windows": r"C:\Program Files\Presend\presend-host.exe",
}
_EXAMPLE_HOME: dict[str, PurePath] = {
    "linux": PurePosixPath("/home/user"),
    "macos": PurePosixPath("/Users/user"),
    "windows": PureWindowsPath(r"C:\Users\user"),
}


@dataclass(frozen=True)
class WriteFile:
    """Write a manifest."""

    path: PurePath
    content: str


@dataclass(frozen=True)
class RemoveFile:
    """Remove a manifest."""

    path: PurePath


@dataclass(frozen=True)
class SetRegistryValue:
    """Set a key's default value (Windows)."""

    hive: str
    key: str
    value: str


@dataclass(frozen=True)
class DeleteRegistryKey:
    """Delete a key (Windows)."""

    hive: str
    key: str


Action = WriteFile | RemoveFile | SetRegistryValue | DeleteRegistryKey


def manifest(browser: str, host_path: str, extra_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """The host manifest a browser reads."""
    data: dict[str, Any] = {
        "name": HOST_NAME,
        "description": DESCRIPTION,
        "path": host_path,
        "type": "stdio",
    }
    if browser == "firefox":
        data["allowed_extensions"] = [GECKO_ID]
    else:
        ids = (EXTENSION_ID, *extra_ids)
        data["allowed_origins"] = [f"chrome-extension://{i}/" for i in dict.fromkeys(ids)]
    return data


def plan(
    browsers: tuple[str, ...],
    *,
    system: str,
    scope: str,
    host_path: str,
    home: PurePath,
    uninstall: bool = False,
    profile_dir: PurePath | None = None,
    extra_ids: tuple[str, ...] = (),
    windows_data: PureWindowsPath | None = None,
) -> list[Action]:
    """What installing (or uninstalling) for these browsers would do."""
    actions: list[Action] = []
    for browser in browsers:
        text = json.dumps(manifest(browser, host_path, extra_ids), indent=2) + "\n"
        filename = f"{HOST_NAME}.json"
        if profile_dir is not None:
            # A browser started with --user-data-dir looks in that profile's own folder.
            path: PurePath = profile_dir / "NativeMessagingHosts" / filename
            actions.append(RemoveFile(path) if uninstall else WriteFile(path, text))
        elif system == "windows":
            base = windows_data or PureWindowsPath(r"C:\Users\user\AppData\Local")
            win_folder = base / "Presend" / "NativeMessagingHosts"
            path = win_folder / (f"{HOST_NAME}.firefox.json" if browser == "firefox" else filename)
            hive = "HKEY_LOCAL_MACHINE" if scope == "system" else "HKEY_CURRENT_USER"
            key = _WINDOWS_KEYS[browser] + "\\" + HOST_NAME
            if uninstall:
                actions += [DeleteRegistryKey(hive, key), RemoveFile(path)]
            else:
                actions += [WriteFile(path, text), SetRegistryValue(hive, key, str(path))]
        else:
            folders = {
                ("linux", "user"): _LINUX_USER,
                ("linux", "system"): _LINUX_SYSTEM,
                ("macos", "user"): _MAC_USER,
                ("macos", "system"): _MAC_SYSTEM,
            }[(system, scope)]
            relative = folders[browser]
            folder = PurePosixPath(relative) if relative.startswith("/") else home / relative
            path = folder / filename
            actions.append(RemoveFile(path) if uninstall else WriteFile(path, text))
    # Two browsers may share a folder (Brave and Vivaldi read Chrome's system folder).
    return list(dict.fromkeys(actions))


def host_path(system: str) -> str:
    """The absolute path of the installed (or frozen) ``presend-host`` executable."""
    name = "presend-host.exe" if system == "windows" else "presend-host"
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).with_name(name))
    found = shutil.which("presend-host")
    if found:
        return str(Path(found).resolve())
    return str(Path(sys.executable).with_name(name))


def describe(action: Action) -> str:
    """One line (plus content) saying what an action does."""
    if isinstance(action, WriteFile):
        return f"write {action.path}\n{action.content}"
    if isinstance(action, RemoveFile):
        return f"remove {action.path}"
    if isinstance(action, SetRegistryValue):
        return f"set {action.hive}\\{action.key} (default) = {action.value}"
    return f"delete {action.hive}\\{action.key}"


def apply(action: Action) -> None:
    """Carry out one action on this machine."""
    if isinstance(action, WriteFile):
        path = Path(action.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(action.content, "utf-8")
        tmp.replace(path)
    elif isinstance(action, RemoveFile):
        Path(action.path).unlink(missing_ok=True)
    else:  # pragma: no cover - Windows only
        _apply_registry(action)


def _apply_registry(action: SetRegistryValue | DeleteRegistryKey) -> None:  # pragma: no cover
    if sys.platform != "win32":
        raise InstallError("registry keys can only be written on Windows")
    import winreg  # noqa: PLC0415

    hive = getattr(winreg, action.hive)
    if isinstance(action, SetRegistryValue):
        with winreg.CreateKey(hive, action.key) as key:
            winreg.SetValueEx(key, "", 0, winreg.REG_SZ, action.value)
    else:
        with contextlib.suppress(FileNotFoundError):
            winreg.DeleteKey(hive, action.key)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``presend install-host``."""
    parser.add_argument("--uninstall", action="store_true", help="remove the registration")
    parser.add_argument("--browser", choices=(*BROWSERS, "all"), default="all")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--user", dest="scope", action="store_const", const="user")
    scope.add_argument("--system", dest="scope", action="store_const", const="system")
    parser.set_defaults(scope="user")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    parser.add_argument("--os", choices=SYSTEMS, help="plan for another OS (with --dry-run)")
    parser.add_argument("--profile-dir", help="a browser profile (--user-data-dir) to use")
    parser.add_argument("--host-path", help="the presend-host executable to register")
    parser.add_argument(
        "--extension-id", action="append", default=[], help="also allow this extension id"
    )


def run(args: argparse.Namespace) -> int:
    """Carry out ``presend install-host``."""
    system = args.os or current_system()
    if system != current_system() and not args.dry_run:
        print("presend: --os for another system needs --dry-run", file=sys.stderr)
        return 2
    browsers = BROWSERS if args.browser == "all" else (args.browser,)
    here = system == current_system()
    actions = plan(
        browsers,
        system=system,
        scope=args.scope,
        host_path=args.host_path or (host_path(system) if here else _EXAMPLE_HOST[system]),
        home=Path.home() if here else _EXAMPLE_HOME[system],
        uninstall=args.uninstall,
        profile_dir=Path(args.profile_dir).resolve() if args.profile_dir else None,
        extra_ids=tuple(args.extension_id),
        windows_data=_windows_data(args.scope) if here else None,
    )
    for action in actions:
        print(describe(action) if args.dry_run else describe(action).splitlines()[0])
        if not args.dry_run:
            try:
                apply(action)
            except OSError as exc:
                print(f"presend: {exc}", file=sys.stderr)
                return 2
    if args.extension_id and not args.dry_run and not args.uninstall:
        _remember_ids(args.extension_id)
    return 0


def _windows_data(scope: str) -> PureWindowsPath | None:
    var = "PROGRAMDATA" if scope == "system" else "LOCALAPPDATA"
    value = os.environ.get(var)
    return PureWindowsPath(value) if value else None


def _remember_ids(ids: list[str]) -> None:
    """Let the host accept extra (development) extension ids too."""
    path = standarddir.config() / "native-host.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"allowed_origins": [f"chrome-extension://{i}/" for i in ids]}
    path.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
