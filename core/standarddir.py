"""Every folder Presend uses, in one place, redirectable for tests and portable runs.

``PRESEND_BASEDIR`` (or :func:`init` with ``--basedir``) puts config, runtime and cache
folders under one directory; otherwise the platform's own folders are used. Nothing
here stores draft text: config holds settings, runtime holds the relay socket.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
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


def runtime() -> Path:
    """Where the per-user relay socket lives (private to the user)."""
    return _runtime_choice()[0]


def runtime_notice() -> str | None:
    """Why the runtime folder is not the usual one, when it is not (for the user)."""
    return _runtime_choice()[1]


def _runtime_choice() -> tuple[Path, str | None]:
    base = _base()
    if base is not None:
        return base / "runtime", None
    if os.name == "nt" or sys.platform == "darwin":  # folders inside the user's profile
        import platformdirs  # noqa: PLC0415

        return Path(platformdirs.user_runtime_dir(_APP, appauthor=False)), None
    # As XDG, Qt and systemd require: a folder only this user can enter. Without
    # XDG_RUNTIME_DIR that is /tmp/runtime-UID, which another user could have made
    # first (and would then own): refuse it and use one inside the user's cache folder.
    refused: list[str] = []
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    candidates = [Path(xdg)] if xdg and Path(xdg).is_absolute() else []
    candidates.append(Path(tempfile.gettempdir()) / f"runtime-{os.geteuid()}")
    for folder in candidates:
        problem = _private_folder_problem(folder, create=folder != Path(xdg))
        if problem is None:
            return folder / _APP, _refusal(refused, folder / _APP)
        refused.append(f"{folder} ({problem})")
    fallback = cache() / "runtime"
    return fallback, _refusal(refused, fallback)


def _refusal(refused: list[str], used: Path) -> str | None:
    if not refused:
        return None
    return f"Presend did not use {' nor '.join(refused)} for its socket; it uses {used}."


def _private_folder_problem(folder: Path, *, create: bool) -> str | None:
    """None when ``folder`` is a real folder of this user's that only they can enter
    (made so when ``create`` and missing, or when only its mode was too open)."""
    if create:
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            return f"could not be made ({exc.strerror})"
    try:
        info = folder.lstat()
    except OSError:
        return "does not exist"
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    if info.st_uid != os.geteuid():
        return "belongs to another user"
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            folder.chmod(0o700)
        except OSError:
            return "is open to other users"
    return None


def cache() -> Path:
    """The user's own cache folder for Presend (never shared with other users): parsed
    rule files live there between runs, never drafts."""
    base = _base()
    if base is not None:
        return base / "cache"
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_cache_dir(_APP, appauthor=False))


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
