"""The real PyInstaller build: build it, then run what a user would run.

Skipped with a reason outside CI when PyInstaller is missing; required under CI.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from presend.bridge import framing
from presend.bridge.host import EXTENSION_ID

from tests.conftest import require_module
from tests.pdf import make_pdf

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    require_module("PyInstaller")
    out = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "presend.spec"),
         "--noconfirm", "--log-level", "WARN", "--distpath", str(out / "dist"),
         "--workpath", str(out / "work")],
        cwd=ROOT, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    yield out / "dist" / "presend"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PRESEND_BASEDIR"] = str(tmp_path)
    return env


def test_frozen_check(bundle: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Happy to help! WhatsApp me: +44 7911 123456", "utf-8")
    result = subprocess.run(
        [str(bundle / "presend"), "check", "--json", str(draft)],
        capture_output=True, env=_env(tmp_path), timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["verdict"] == "violation"
    # The app named and the number are two breaches, shown at once.
    found = [f["type"] for f in report["findings"] if f["severity"] == "violation"]
    assert found == ["messaging_invite", "phone"]
    # The language files travel with the bundle: a Spanish request is read as Spanish.
    draft.write_text("Hola, pásame tu WhatsApp y seguimos por ahí", "utf-8")
    result = subprocess.run(
        [str(bundle / "presend"), "check", "--json", str(draft)],
        capture_output=True, env=_env(tmp_path), timeout=120, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert {f.get("lang") for f in report["findings"] if f["severity"] == "violation"} == {"es"}


def test_frozen_host_answers_and_never_loads_qt(bundle: Path, tmp_path: Path) -> None:
    host = subprocess.Popen(
        [str(bundle / "presend-host"), f"chrome-extension://{EXTENSION_ID}/"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
    )  # fmt: skip
    assert host.stdin is not None and host.stdout is not None

    def ask(message: dict[str, object]) -> dict[str, object]:
        assert host.stdin is not None and host.stdout is not None
        host.stdin.write(framing.encode_frame(message))
        host.stdin.flush()
        (length,) = struct.unpack("=I", host.stdout.read(4))
        reply: dict[str, object] = json.loads(host.stdout.read(length))
        return reply

    try:
        assert ask({"v": 1, "id": 1, "type": "hello"})["type"] == "hello"
        report = ask({"v": 1, "id": 2, "type": "check", "text": "😀 email jane@gmail.com"})
        assert report["verdict"] == "violation"
        # An attachment is read by the frozen host too (pypdf travels with it).
        pdf = base64.b64encode(make_pdf(["Portfolio", "Mail jane@gmail.com"])).decode()
        attached = ask({"v": 1, "id": 3, "type": "check_file", "name": "cv.pdf", "data": pdf})
        assert attached["checked"] is True and attached["verdict"] == "violation"
        maps = Path(f"/proc/{host.pid}/maps")
        if maps.exists():
            assert "libQt6" not in maps.read_text()
    finally:
        host.stdin.close()
        assert host.wait(timeout=30) == 0


def test_frozen_app_self_test(bundle: Path, tmp_path: Path) -> None:
    env = {**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(bundle / "presend"), "--self-test", "--basedir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout


def test_frozen_install_host_points_at_the_frozen_host(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / "presend"), "install-host", "--browser", "chromium", "--profile-dir",
         str(tmp_path / "profile")],
        capture_output=True, env=_env(tmp_path), timeout=120, check=True,
    )  # fmt: skip
    del result
    manifest = json.loads(
        (tmp_path / "profile" / "NativeMessagingHosts" / "io.presend.host.json").read_text()
    )
    assert manifest["path"] == str(bundle / "presend-host")


def test_linux_installer_script(bundle: Path, tmp_path: Path) -> None:
    release = tmp_path / "release"
    shutil.copytree(bundle, release / "presend", symlinks=True)
    for name in ("install.sh", "presend.desktop"):
        shutil.copy(ROOT / "packaging" / "linux" / name, release / name)
    home = tmp_path / "home"
    env = {**_env(tmp_path), "HOME": str(home)}
    subprocess.run(["sh", str(release / "install.sh")], env=env, check=True, timeout=300,
                   capture_output=True)  # fmt: skip
    prefix = home / ".local" / "opt" / "presend"
    assert (home / ".local" / "bin" / "presend").resolve() == prefix / "presend"
    entry = (home / ".local" / "share" / "applications" / "presend.desktop").read_text()
    assert f"Exec={prefix}/presend" in entry
    assert (home / ".local/share/icons/hicolor/48x48/apps/presend.png").is_file()
    chrome = home / ".config/google-chrome/NativeMessagingHosts/io.presend.host.json"
    firefox = home / ".mozilla/native-messaging-hosts/io.presend.host.json"
    assert json.loads(chrome.read_text())["path"] == str(prefix / "presend-host")
    assert "allowed_extensions" in json.loads(firefox.read_text())
    subprocess.run(["sh", str(release / "install.sh"), "--uninstall"], env=env, check=True,
                   timeout=120, capture_output=True)  # fmt: skip
    assert not prefix.exists()
    assert not chrome.exists()
