"""The tray app's settings: a small JSON file in the config folder, written atomically.

A file that is missing, unreadable or half-broken never stops the app: what can be
read is kept, the rest falls back to defaults, and ``load`` says what happened so the
app can tell the user.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from presend.core import rulepack
from presend.core.model import CHANNELS, ROLES, STAGES

FILENAME = "settings.json"


@dataclass
class Settings:
    """What the user chose in the tray menu and the checker window."""

    watch_clipboard: bool = True
    stage: str = "pre_contract"
    role: str = "freelancer"
    channel: str = "message"
    marketplace: str = "upwork"
    start_at_login: bool = False

    def context(self) -> dict[str, str]:
        """The context to check drafts in."""
        return {
            "marketplace": self.marketplace,
            "stage": self.stage,
            "role": self.role,
            "channel": self.channel,
        }


def _allowed() -> dict[str, tuple[object, ...]]:
    return {
        "watch_clipboard": (True, False),
        "stage": STAGES,
        "role": ROLES,
        "channel": CHANNELS,
        "marketplace": tuple(rulepack.available()),
        "start_at_login": (True, False),
    }


def load(folder: Path) -> tuple[Settings, str | None]:
    """Read the settings; the second value is a notice for the user when the file was
    not usable as it was."""
    path = folder / FILENAME
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return (
            Settings(),
            f"Presend could not read its settings ({type(exc).__name__}); using defaults.",
        )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return Settings(), "Presend's settings file was damaged; using defaults."
    if not isinstance(data, dict):
        return Settings(), "Presend's settings file was damaged; using defaults."
    settings = Settings()
    bad: list[str] = []
    allowed = _allowed()
    for field in fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if value in allowed[field.name] and type(value) is type(getattr(settings, field.name)):
            setattr(settings, field.name, value)
        else:
            bad.append(field.name)
    notice = None
    if bad:
        notice = f"Some settings were not valid ({', '.join(bad)}); those use defaults."
    return settings, notice


def save(settings: Settings, folder: Path) -> None:
    """Write the settings atomically, readable by the user only."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILENAME
    tmp = path.with_name(f".{FILENAME}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(settings), handle, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)
