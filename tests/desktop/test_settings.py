"""Settings: atomic, user-only, and never fatal when damaged."""

from __future__ import annotations

import json
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
