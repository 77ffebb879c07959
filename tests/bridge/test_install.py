"""presend install-host: what it writes for every browser and OS."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from presend.bridge import install
from presend.bridge.host import EXTENSION_ID, GECKO_ID


def contents(actions: list[install.Action]) -> dict[str, dict[str, object]]:
    return {str(a.path): json.loads(a.content) for a in actions if isinstance(a, install.WriteFile)}


@pytest.mark.parametrize(
    ("system", "scope", "browser", "expected"),
    [
        ("linux", "user", "chrome", "/home/u/.config/google-chrome/NativeMessagingHosts"),
        ("linux", "user", "chromium", "/home/u/.config/chromium/NativeMessagingHosts"),
        ("linux", "user", "edge", "/home/u/.config/microsoft-edge/NativeMessagingHosts"),
        ("linux", "user", "brave",
         "/home/u/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts"),
        ("linux", "user", "vivaldi", "/home/u/.config/vivaldi/NativeMessagingHosts"),
        ("linux", "user", "firefox", "/home/u/.mozilla/native-messaging-hosts"),
        ("linux", "system", "chrome", "/etc/opt/chrome/native-messaging-hosts"),
        ("linux", "system", "chromium", "/etc/chromium/native-messaging-hosts"),
        ("linux", "system", "firefox", "/usr/lib/mozilla/native-messaging-hosts"),
        ("macos", "user", "chrome",
         "/home/u/Library/Application Support/Google/Chrome/NativeMessagingHosts"),
        ("macos", "user", "firefox",
         "/home/u/Library/Application Support/Mozilla/NativeMessagingHosts"),
        ("macos", "system", "edge", "/Library/Microsoft/Edge/NativeMessagingHosts"),
    ],
)  # fmt: skip
def test_manifest_folders(system: str, scope: str, browser: str, expected: str) -> None:
    actions = install.plan(
        (browser,), system=system, scope=scope, host_path="/opt/p/presend-host",
        home=PurePosixPath("/home/u"),
    )  # fmt: skip
    (path,) = contents(actions)
    assert path == f"{expected}/io.presend.host.json"


def test_chromium_family_lists_the_extension_origin_firefox_the_addon_id() -> None:
    actions = install.plan(
        install.BROWSERS, system="linux", scope="user", host_path="/opt/p/presend-host",
        home=PurePosixPath("/home/u"), extra_ids=("devid",),
    )  # fmt: skip
    manifests = contents(actions)
    assert len(manifests) == 6
    for path, data in manifests.items():
        assert data["name"] == "io.presend.host"
        assert data["type"] == "stdio"
        assert data["path"] == "/opt/p/presend-host"
        if ".mozilla" in path:
            assert data["allowed_extensions"] == [GECKO_ID]
            assert "allowed_origins" not in data
        else:
            assert data["allowed_origins"] == [
                f"chrome-extension://{EXTENSION_ID}/",
                "chrome-extension://devid/",
            ]


@pytest.mark.parametrize("scope", ["user", "system"])
def test_windows_writes_manifests_and_registry_keys(scope: str) -> None:
    actions = install.plan(
        install.BROWSERS, system="windows", scope=scope,
        host_path=r"C:\Program Files\Presend\presend-host.exe",
        home=PureWindowsPath(r"C:\Users\u"), windows_data=PureWindowsPath(r"C:\Data"),
    )  # fmt: skip
    keys = {a.key: a for a in actions if isinstance(a, install.SetRegistryValue)}
    hive = "HKEY_LOCAL_MACHINE" if scope == "system" else "HKEY_CURRENT_USER"
    assert {k.hive for k in keys.values()} == {hive}
    assert set(keys) == {
        r"Software\Google\Chrome\NativeMessagingHosts\io.presend.host",
        r"Software\Chromium\NativeMessagingHosts\io.presend.host",
        r"Software\Microsoft\Edge\NativeMessagingHosts\io.presend.host",
        r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\io.presend.host",
        r"Software\Vivaldi\NativeMessagingHosts\io.presend.host",
        r"Software\Mozilla\NativeMessagingHosts\io.presend.host",
    }
    manifests = contents(actions)
    firefox = keys[r"Software\Mozilla\NativeMessagingHosts\io.presend.host"].value
    assert firefox == r"C:\Data\Presend\NativeMessagingHosts\io.presend.host.firefox.json"
    assert manifests[firefox]["allowed_extensions"] == [GECKO_ID]
    chrome = keys[r"Software\Google\Chrome\NativeMessagingHosts\io.presend.host"].value
    assert manifests[chrome]["path"] == r"C:\Program Files\Presend\presend-host.exe"


def test_windows_uninstall_deletes_keys_and_files() -> None:
    actions = install.plan(
        ("edge",), system="windows", scope="user", host_path="x.exe",
        home=PureWindowsPath(r"C:\Users\u"), uninstall=True,
    )  # fmt: skip
    assert [type(a).__name__ for a in actions] == ["DeleteRegistryKey", "RemoveFile"]


def test_install_into_a_profile_and_uninstall(tmp_path: Path) -> None:
    cli = [sys.executable, "-m", "presend.core.cli", "install-host", "--browser", "chromium"]
    subprocess.run([*cli, "--profile-dir", str(tmp_path)], check=True, capture_output=True)
    manifest = tmp_path / "NativeMessagingHosts" / "io.presend.host.json"
    data = json.loads(manifest.read_text())
    assert Path(data["path"]).is_absolute()
    assert Path(data["path"]).name == "presend-host"
    subprocess.run(
        [*cli, "--profile-dir", str(tmp_path), "--uninstall"], check=True, capture_output=True
    )
    assert not manifest.exists()


def test_dry_run_for_another_os_writes_nothing(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--dry-run", "--os", "macos",
         "--browser", "chrome"],
        capture_output=True, check=True, text=True,
    )  # fmt: skip
    assert "/Users/user/Library/Application Support/Google/Chrome/NativeMessagingHosts" in (
        result.stdout
    )
    assert "/Applications/Presend.app/Contents/MacOS/presend-host" in result.stdout


def test_another_os_without_dry_run_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presend.core.cli", "install-host", "--os", "windows"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2


def test_firefox_build_from_the_same_sources(tmp_path: Path) -> None:
    from presend.bridge import firefox

    out = firefox.build(tmp_path / "firefox")
    manifest = json.loads((out / "manifest.json").read_text())
    chromium = json.loads((firefox.source_dir() / "manifest.json").read_text())
    assert manifest["background"] == {"scripts": ["background.js"]}
    assert manifest["browser_specific_settings"]["gecko"]["id"] == GECKO_ID
    assert "key" not in manifest
    assert manifest["permissions"] == chromium["permissions"] == ["nativeMessaging", "storage"]
    assert manifest["content_scripts"] == chromium["content_scripts"]
    for name in firefox.SOURCE_FILES:
        assert (out / name).read_bytes() == (firefox.source_dir() / name).read_bytes()
