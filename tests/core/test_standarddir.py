"""The runtime folder (where the relay socket lives) is one only the user can enter."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from presend.core import standarddir


@pytest.fixture
def platform_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No base folder, no XDG_RUNTIME_DIR, a private temp folder and home."""
    monkeypatch.delenv("PRESEND_BASEDIR", raising=False)
    monkeypatch.setattr(standarddir, "_basedir", None)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "tmp").mkdir()
    return tmp_path


def _shared_runtime(tmp_path: Path) -> Path:
    return tmp_path / "tmp" / f"runtime-{os.geteuid()}"


def test_without_xdg_a_private_folder_is_made(platform_folders: Path) -> None:
    assert standarddir.runtime() == _shared_runtime(platform_folders) / "presend"
    assert stat.S_IMODE(_shared_runtime(platform_folders).stat().st_mode) == 0o700
    assert standarddir.runtime_notice() is None


def test_an_open_folder_of_ours_is_closed_and_used(platform_folders: Path) -> None:
    _shared_runtime(platform_folders).mkdir(mode=0o777)
    _shared_runtime(platform_folders).chmod(0o777)
    assert standarddir.runtime() == _shared_runtime(platform_folders) / "presend"
    assert stat.S_IMODE(_shared_runtime(platform_folders).stat().st_mode) == 0o700


def test_a_folder_another_user_made_is_refused_and_said(
    platform_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = _shared_runtime(platform_folders)
    shared.mkdir(mode=0o777)
    # Seen from a user whose id is not the folder's owner's (no root needed).
    uid = os.geteuid() + 1
    monkeypatch.setattr(os, "geteuid", lambda: uid)
    shared.rename(platform_folders / "tmp" / f"runtime-{uid}")
    folder = standarddir.runtime()
    assert folder == platform_folders / "cache" / "presend" / "runtime"
    notice = standarddir.runtime_notice()
    assert notice is not None
    assert "belongs to another user" in notice
    assert str(folder) in notice


def test_a_link_in_its_place_is_refused(platform_folders: Path) -> None:
    (platform_folders / "elsewhere").mkdir(mode=0o700)
    _shared_runtime(platform_folders).symlink_to(platform_folders / "elsewhere")
    assert standarddir.runtime() == platform_folders / "cache" / "presend" / "runtime"
    assert "is not a folder" in (standarddir.runtime_notice() or "")


def test_xdg_runtime_dir_is_checked_too(
    platform_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = platform_folders / "xdg"
    xdg.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(xdg))
    assert standarddir.runtime() == xdg / "presend"
    xdg.chmod(0o755)  # ours: closed again and used
    assert standarddir.runtime() == xdg / "presend"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(platform_folders / "missing"))
    assert standarddir.runtime() == _shared_runtime(platform_folders) / "presend"
    assert "does not exist" in (standarddir.runtime_notice() or "")
