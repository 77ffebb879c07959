"""The real PyInstaller build: build it, then run what a user would run.

Skipped with a reason outside CI when PyInstaller is missing; required under CI.
"""

from __future__ import annotations

import base64
import json
import os
import struct
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from presend.bridge import framing
from presend.bridge.host import EXTENSION_ID

from tests.conftest import ON_CI, require_module, require_tools
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


def test_frozen_host_is_the_app_under_another_name(bundle: Path) -> None:
    # One copy of the Python code: presend-host is a link to presend (not on Windows).
    assert (bundle / "presend-host").resolve() == (bundle / "presend").resolve()


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


def _dist(bundle: Path) -> Path:
    """`make dist`'s second step, run once on the test bundle."""
    out = bundle.parent.parent / "packages"
    if not out.is_dir():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "dist.py"), "--bundle",
                        str(bundle), "--out", str(out)], check=True, capture_output=True,
                       timeout=600)  # fmt: skip
    return out


def _hello_through(manifest: Path, env: dict[str, str]) -> dict[str, object]:
    """Start the host a browser would start from ``manifest`` and say hello."""
    data = json.loads(manifest.read_text())
    # Chromium passes the extension's origin; Firefox the manifest and the add-on id.
    if "allowed_origins" in data:
        caller = [data["allowed_origins"][0]]
    else:
        caller = [str(manifest), data["allowed_extensions"][0]]
    result = subprocess.run(
        [data["path"], *caller], input=framing.encode_frame({"v": 1, "id": 1, "type": "hello"}),
        capture_output=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    (length,) = struct.unpack("=I", result.stdout[:4])
    reply: dict[str, object] = json.loads(result.stdout[4 : 4 + length])
    return reply


def _uses_presend(installed: Path, env: dict[str, str], tmp_path: Path) -> None:
    """What a user does first: check a draft, and start the app's self-test."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Email me at jane.doe@gmail.com before the contract", "utf-8")
    result = subprocess.run([str(installed), "check", str(draft)], capture_output=True,
                            text=True, env=env, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "jane.doe@gmail.com" in result.stdout
    result = subprocess.run(
        [str(installed), "--self-test", "--basedir", str(tmp_path / "selftest")],
        capture_output=True, text=True, env={**env, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120, check=False,
    )  # fmt: skip
    assert "self-test ok" in result.stdout, result.stderr


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if not p.is_dir() or p.is_symlink()}


def test_release_tarball_installs_and_uninstalls(bundle: Path, tmp_path: Path) -> None:
    out = _dist(bundle)
    (archive,) = out.glob("presend-*-linux-x86_64.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (release,) = (tmp_path / "unpacked").iterdir()
    for name in ("install.sh", "presend.desktop", "README.md", "LICENSE", "icons/app-48.png"):
        assert (release / name).is_file(), name
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    before = _files_under(home)
    env = {**_env(tmp_path), "HOME": str(home)}
    subprocess.run(["./install.sh"], cwd=release, env=env, check=True, timeout=300,
                   capture_output=True)  # fmt: skip
    prefix = home / ".local" / "opt" / "presend"
    command = home / ".local" / "bin" / "presend"
    assert command.resolve() == prefix / "presend"
    entry = (home / ".local" / "share" / "applications" / "presend.desktop").read_text()
    assert f"Exec={prefix}/presend" in entry
    assert (home / ".local/share/icons/hicolor/48x48/apps/presend.png").is_file()
    chromium = home / ".config/chromium/NativeMessagingHosts/io.presend.host.json"
    firefox = home / ".mozilla/native-messaging-hosts/io.presend.host.json"
    assert _hello_through(chromium, env)["type"] == "hello"
    assert _hello_through(firefox, env)["type"] == "hello"
    _uses_presend(command, env, tmp_path)
    subprocess.run(["./install.sh", "--uninstall"], cwd=release, env=env, check=True,
                   timeout=120, capture_output=True)  # fmt: skip
    left = {p for p in _files_under(home) - before if not p.name.endswith(".cache")}
    assert left == set(), sorted(map(str, left))


def test_debian_package_installs_and_purges(bundle: Path, tmp_path: Path) -> None:
    require_tools("dpkg-deb", "apt-get")
    if os.geteuid() != 0:
        reason = "installing a .deb needs root"
        if ON_CI:
            pytest.fail(f"{reason} (CI runs as root)")
        pytest.skip(reason)
    out = _dist(bundle)
    (package,) = out.glob("presend_*_amd64.deb")
    listed = subprocess.run(["dpkg-deb", "-c", str(package)], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    files = [Path(line.split()[5].removeprefix(".")) for line in listed.splitlines()
             if not line.startswith("d")]  # fmt: skip
    assert Path("/usr/bin/presend") in files
    apt = ["apt-get", "-y", "-qq", "-o", "DPkg::Lock::Timeout=300"]
    env = {**_env(tmp_path), "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*apt, "install", f"./{package.name}"], cwd=out, env=env, check=True,
                   capture_output=True, timeout=600)  # fmt: skip
    try:
        assert Path("/usr/bin/presend").resolve() == Path("/opt/presend/presend")
        assert Path("/usr/share/applications/presend.desktop").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/presend.png").is_file()
        for folder in ("/etc/chromium", "/etc/opt/chrome", "/usr/lib/mozilla"):
            manifest = Path(folder) / "native-messaging-hosts" / "io.presend.host.json"
            assert _hello_through(manifest, env)["type"] == "hello"
        _uses_presend(Path("/usr/bin/presend"), env, tmp_path)
    finally:
        subprocess.run([*apt, "purge", "presend"], env=env, check=True, capture_output=True,
                       timeout=600)  # fmt: skip
    assert [f for f in files if f.exists() or f.is_symlink()] == []
    assert not Path("/opt/presend").exists()
