"""Release packages from the PyInstaller bundle (`make dist` runs this after `make bundle`).

On Linux:   dist/presend-<version>-linux-x86_64.tar.gz  (bundle, install.sh, menu entry,
            icons, README, LICENSE) and dist/presend_<version>_amd64.deb (built with
            dpkg-deb: the bundle in /opt/presend, `presend` on PATH, the menu entry and
            icons, and the host manifest in every browser's system folder).
On Windows: dist/presend-<version>-setup.exe through Inno Setup (packaging/windows).
On macOS:   dist/Presend-<version>.dmg holding Presend.app.

    python packaging/dist.py [--bundle DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: What Qt's X11 plugin needs from the system (PySide6 carries Qt, not these).
DEB_DEPENDS = (
    "libegl1, libgl1, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, "
    "libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, "
    "libdbus-1-3, libfontconfig1"
)
DEB_PREFIX = "/opt/presend"


def version() -> str:
    """The version pyproject.toml declares."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def tarball(bundle: Path, out: Path, ver: str) -> Path:
    """The Linux archive a user unpacks and installs with ./install.sh."""
    name = f"presend-{ver}-linux-x86_64"
    path = out / f"{name}.tar.gz"
    linux = ROOT / "packaging" / "linux"
    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, f"{name}/presend")
        tar.add(linux / "install.sh", f"{name}/install.sh")
        tar.add(linux / "presend.desktop", f"{name}/presend.desktop")
        for size in ICON_SIZES:
            tar.add(ROOT / "icons" / "png" / f"app-{size}.png", f"{name}/icons/app-{size}.png")
        tar.add(ROOT / "README.md", f"{name}/README.md")
        tar.add(ROOT / "LICENSE", f"{name}/LICENSE")
    return path


def deb(bundle: Path, out: Path, ver: str) -> Path:
    """The Debian package, built with dpkg-deb from a staging tree."""
    # The manifests come from the same planner `presend install-host --system` uses.
    from presend.bridge import install  # noqa: PLC0415

    stage = out / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / DEB_PREFIX.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/presend").symlink_to(f"{DEB_PREFIX}/presend")
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging/linux/presend.desktop", apps / "presend.desktop")
    for size in ICON_SIZES:
        folder = stage / f"usr/share/icons/hicolor/{size}x{size}/apps"
        folder.mkdir(parents=True)
        shutil.copy(ROOT / "icons/png" / f"app-{size}.png", folder / "presend.png")
    doc = stage / "usr/share/doc/presend"
    doc.mkdir(parents=True)
    shutil.copy(ROOT / "LICENSE", doc / "copyright")
    shutil.copy(ROOT / "README.md", doc / "README.md")
    actions = install.plan(
        install.BROWSERS,
        system="linux",
        scope="system",
        host_path=f"{DEB_PREFIX}/presend-host",
        home=PurePosixPath("/root"),
    )
    for action in actions:
        assert isinstance(action, install.WriteFile)
        target = stage / str(action.path).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(action.content, "utf-8")
    size_kb = sum(p.lstat().st_size for p in stage.rglob("*")) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: presend\nVersion: {ver}\nArchitecture: amd64\n"
        "Maintainer: Presend <presend@presend.io>\nSection: utils\nPriority: optional\n"
        f"Installed-Size: {size_kb}\nDepends: {DEB_DEPENDS}\n"
        "Description: checks marketplace drafts before you send them\n"
        " Presend warns, before you press send on a work marketplace, when a message,\n"
        " proposal or profile shares contact details before a contract or asks to be\n"
        " paid outside the platform. Everything runs on your machine.\n",
        "utf-8",
    )
    path = out / f"presend_{ver}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(stage), str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return path


def windows_installer(out: Path, ver: str) -> Path:
    """The Inno Setup installer (Windows only; ISCC must be on PATH)."""
    script = ROOT / "packaging" / "windows" / "presend.iss"
    subprocess.run(["ISCC", f"/DAppVersion={ver}", f"/O{out}", str(script)], check=True)
    return out / f"presend-{ver}-setup.exe"


def dmg(out: Path, ver: str) -> Path:
    """Presend.app in a disk image (macOS only)."""
    path = out / f"Presend-{ver}.dmg"
    path.unlink(missing_ok=True)
    subprocess.run(
        ["hdiutil", "create", "-volname", "Presend", "-srcfolder", str(ROOT / "dist/Presend.app"),
         "-ov", "-format", "UDZO", str(path)],
        check=True,
    )  # fmt: skip
    return path


def main(argv: list[str] | None = None) -> int:
    """Build this platform's release packages and print where they are."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "presend")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if not (args.bundle / ("presend.exe" if os.name == "nt" else "presend")).exists():
        print(f"no bundle in {args.bundle}: run `make bundle` first", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    ver = version()
    if sys.platform == "win32":
        made = [windows_installer(args.out, ver)]
    elif sys.platform == "darwin":
        made = [dmg(args.out, ver)]
    else:
        made = [tarball(args.bundle, args.out, ver)]
        if shutil.which("dpkg-deb"):
            made.append(deb(args.bundle, args.out, ver))
        else:
            print("dpkg-deb not found: no .deb (on Debian: apt-get install dpkg)")
    for path in made:
        print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
