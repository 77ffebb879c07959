"""Shared test helpers: system tools the end-to-end tests need, and the CI rule that a
skipped end-to-end test is a failure."""

from __future__ import annotations

import os
import shutil

import pytest

ON_CI = os.environ.get("CI", "").lower() == "true"

# Qt unit tests run offscreen; end-to-end tests start the app with their own DISPLAY.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def require_tools(*names: str) -> None:
    """Skip (or, under CI=true, fail) when a system tool is missing."""
    missing = [n for n in names if shutil.which(n) is None]
    if not missing:
        return
    reason = f"needs system tools not installed here: {', '.join(missing)}"
    if ON_CI:
        pytest.fail(f"{reason} (CI must install them)")
    pytest.skip(reason)


def require_module(name: str) -> None:
    """Skip (or, under CI=true, fail) when a Python package is missing."""
    try:
        __import__(name)
    except ImportError as exc:
        reason = f"needs Python package {name!r} ({exc})"
        if ON_CI:
            pytest.fail(f"{reason} (CI must install it)")
        pytest.skip(reason)
