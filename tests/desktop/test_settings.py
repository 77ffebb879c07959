"""Settings: atomic, user-only, and never fatal when damaged."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from presend.desktop import settings as settings_mod
from presend.desktop.settings import Settings


def test_missing_file_means_defaults_without_notice(tmp_path: Path) -> None:
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded == Settings()
    assert notice is None


def test_round_trip_and_permissions(tmp_path: Path) -> None:
    chosen = Settings(watch_clipboard=False, stage="active_contract", role="client")
    settings_mod.save(chosen, tmp_path / "cfg")
    loaded, notice = settings_mod.load(tmp_path / "cfg")
    assert loaded == chosen
    assert notice is None
    mode = stat.S_IMODE((tmp_path / "cfg" / "settings.json").stat().st_mode)
    assert mode == 0o600
    assert [p.name for p in (tmp_path / "cfg").iterdir()] == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"", b'"a string"'],
)
def test_corrupt_file_means_defaults_and_a_notice(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "settings.json").write_bytes(content)
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded == Settings()
    assert notice is not None
    assert "defaults" in notice


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"stage": "active_contract", "role": "wizard", "watch_clipboard": "yes"})
    )
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded.stage == "active_contract"
    assert loaded.role == "freelancer"
    assert loaded.watch_clipboard is True
    assert notice is not None
    assert "role" in notice
    assert "watch_clipboard" in notice


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()  # a folder where the file should be
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded == Settings()
    assert notice is not None


def _hostile(folder: Path, kind: str) -> bytes | None:
    """Put a hostile settings file in ``folder``; its bytes, when it has any."""
    path = folder / "settings.json"
    contents = {
        "huge_integer": b'{"stage": ' + b"9" * 5_000 + b"}",
        "deep": b'{"stage": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "huge": b'{"stage": "' + b"x" * 1_000_000 + b'"}',
        "not_object": b"[1, 2, 3]",
    }
    if kind == "fifo":
        os.mkfifo(path)
        return None
    if kind == "dev_zero":
        path.symlink_to("/dev/zero")
        return None
    path.write_bytes(contents[kind])
    return contents[kind]


@pytest.mark.parametrize("kind", ["huge_integer", "deep", "huge", "not_object", "fifo", "dev_zero"])
def test_hostile_file_is_kept_aside_and_named(tmp_path: Path, kind: str) -> None:
    original = _hostile(tmp_path, kind)
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded == Settings()
    assert notice is not None
    assert "defaults" in notice
    (kept,) = tmp_path.glob("settings-damaged-*.json")
    assert str(kept) in notice
    assert not os.path.lexists(tmp_path / "settings.json")
    if original is not None:
        assert kept.read_bytes() == original
    # The defaults are saved in its place; the damaged one stays.
    settings_mod.save(loaded, tmp_path)
    assert settings_mod.load(tmp_path) == (Settings(), None)
    assert kept.exists() or kept.is_symlink()


def test_byte_order_mark_is_no_damage(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b'\xef\xbb\xbf{"role": "client"}')
    loaded, notice = settings_mod.load(tmp_path)
    assert loaded.role == "client"
    assert notice is None


def test_damaged_files_are_never_overwritten(tmp_path: Path) -> None:
    for text in ("{one", "{two"):
        (tmp_path / "settings.json").write_text(text)
        assert settings_mod.load(tmp_path)[1] is not None
    kept = sorted(p.read_text() for p in tmp_path.glob("settings-damaged-*.json"))
    assert kept == ["{one", "{two"]
