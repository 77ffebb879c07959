"""Naming the Debian packages Qt's X11 plugin lacks, instead of Qt's abort."""

from __future__ import annotations

from pathlib import Path

import pytest
from presend.desktop import platform_libs


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
    ],
)
def test_debian_package_of_a_library(soname: str, package: str) -> None:
    assert platform_libs.debian_package(soname) == package


def test_the_installed_plugin_loads_here() -> None:
    plugin = platform_libs.plugin_path()
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert platform_libs.missing(plugin) == []


def test_a_plugin_that_cannot_load_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a library")
    lacking = platform_libs.missing(broken)
    assert len(lacking) == 1  # the loader's own words, never an empty "all fine"


def test_advice_names_the_packages_and_the_way_round() -> None:
    text = platform_libs.advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in text
    assert "presend check" in text


def test_only_an_x11_session_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert platform_libs.uses_xcb()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not platform_libs.uses_xcb()
