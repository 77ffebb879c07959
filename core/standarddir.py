"""Every folder Presend uses, in one place, redirectable for tests and portable runs.

``PRESEND_BASEDIR`` (or :func:`init` with ``--basedir``) puts config, runtime and cache
folders under one directory; otherwise the platform's own folders are used. Nothing
here stores draft text: config holds settings, runtime holds the relay socket.
"""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from pathlib import Path

_APP = "presend"
_basedir: Path | None = None


def init(basedir: str | os.PathLike[str] | None) -> None:
    """Redirect every folder under ``basedir`` (None: back to the platform's folders)."""
    global _basedir  # noqa: PLW0603 - one process-wide setting, like qutebrowser's
    _basedir = Path(basedir).resolve() if basedir else None
    if _basedir is not None:
        # Children (presend-host started by a browser we launch) follow the same base.
        os.environ["PRESEND_BASEDIR"] = str(_basedir)
    else:
        os.environ.pop("PRESEND_BASEDIR", None)


def _base() -> Path | None:
    if _basedir is not None:
        return _basedir
    env = os.environ.get("PRESEND_BASEDIR")
    return Path(env) if env else None


def config() -> Path:
    """Where settings live."""
    base = _base()
    if base is not None:
        return base / "config"
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_config_dir(_APP, appauthor=False))


def cache() -> Path:
    """Where parsed rule files are kept between runs (never drafts)."""
    base = _base()
    if base is not None:
        return base / "cache"
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_cache_dir(_APP, appauthor=False))


def runtime() -> Path:
    """Where the per-user relay socket lives (private to the user)."""
    base = _base()
    if base is not None:
        return base / "runtime"
    import platformdirs  # noqa: PLC0415

    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR platformdirs falls back to /tmp/runtime-UID and says
        # so on stderr, which a native host's stderr (the browser's log) does not need.
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir(_APP, appauthor=False))


def current_system() -> str:
    """This machine's OS as Presend names it: "linux", "macos" or "windows"."""
    if sys.platform.startswith("win"):
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def relay_address() -> str:
    """The local socket the tray app listens on and the host relays to.

    A filesystem path on Linux and macOS; a named-pipe name on Windows (as Qt's
    QLocalServer names it).
    """
    if os.name == "nt":
        user = os.environ.get("USERNAME", "user")
        base = _base()
        suffix = "" if base is None else "-" + hashlib.sha256(str(base).encode()).hexdigest()[:8]
        return f"presend-relay-{user}{suffix}"
    return str(runtime() / "relay.sock")
