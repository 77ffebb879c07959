"""The tray app's settings: a small JSON file in the config folder, written atomically.

A file that is missing, unreadable or half-broken never stops the app: what can be
read is kept, the rest falls back to defaults, and ``load`` says what happened so the
app can tell the user.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from presend.bridge import safefile
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


#: A settings file is a few hundred bytes; anything far larger is not one Presend wrote.
MAX_BYTES = 64 * 1024


def load(folder: Path) -> tuple[Settings, str | None]:
    """Read the settings; the second value is a notice for the user when the file was
    not usable as it was. A damaged file is moved aside (its new name is in the notice)
    before the defaults are saved over it."""
    path = folder / FILENAME
    try:
        data = json.loads(safefile.read_text(path, MAX_BYTES))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError, RecursionError) as exc:
        # Unreadable, not a file, too large, not UTF-8 or JSON, a number too long,
        # nesting too deep.
        return Settings(), _damaged(path, f"could not be read ({type(exc).__name__})")
    if not isinstance(data, dict):
        return Settings(), _damaged(path, "was damaged")
    settings = Settings()
    bad: list[str] = []
    allowed = _allowed()
    for field in fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if type(value) is type(getattr(settings, field.name)) and value in allowed[field.name]:
            setattr(settings, field.name, value)
        else:
            bad.append(field.name)
    notice = None
    if bad:
        notice = _damaged(path, f"had settings that are not valid ({', '.join(bad)})")
    return settings, notice


def _damaged(path: Path, what: str) -> str:
    """Move a damaged settings file aside, keeping it for the user; the notice to show."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        kept = path.with_name(f"settings-damaged-{stamp}{f'-{n}' if n else ''}.json")
        if not os.path.lexists(kept):
            break
    try:
        path.rename(kept)  # a link, FIFO or unreadable file moves as it is
    except OSError as exc:
        return (
            f"Presend's settings file {what}; using defaults. It could not be kept aside "
            f"({exc.strerror}): {path}"
        )
    return f"Presend's settings file {what}; using defaults. The old file is kept as {kept}"


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
