"""Rule files, parsed once and kept between runs.

The language files are written by hand in TOML, which Python parses about fifteen times
slower than JSON; a cold ``presend check`` (and a browser starting the host) would spend
a third of its time there. The parsed tables are kept as JSON in the user's cache
folder, named by a fingerprint of the files (names, sizes, modification times) and of
Presend's version, so an edited file is read afresh. Only rule data is kept, never a
draft. A cache that cannot be read or written is ignored: the files are parsed as
before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from presend.core import standarddir

#: A cache file larger than this is not ours (the rules take well under a megabyte).
_MOST = 16 * 1024 * 1024


def fingerprint(entries: list[Traversable], version: str) -> str | None:
    """A name for what ``entries`` hold now; None when one is not a plain file."""
    digest = hashlib.sha256(version.encode())
    for entry in sorted(entries, key=lambda e: e.name):
        try:
            info = Path(str(entry)).stat()
        except (OSError, ValueError):
            return None
        digest.update(f"\0{entry.name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def load(
    name: str,
    key: str | None,
    build: Callable[[], dict[str, Any]],
    check: Callable[[Any], bool],
) -> dict[str, Any]:
    """``build()``, or what it gave last time for the same ``key``. ``check`` says
    whether a stored value has the right shape."""
    if key is None:
        return build()
    try:
        folder = standarddir.cache()
        path = folder / f"{name}-{key}.json"
    except (OSError, ValueError):  # no cache folder: parse the files
        return build()
    stored = _read(path)
    if stored is not None and check(stored):
        return stored  # type: ignore[no-any-return]
    value = build()
    _write(folder, path, name, value)
    return value


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            if not path.is_file() or os.fstat(handle.fileno()).st_size > _MOST:
                return None
            return json.loads(handle.read(_MOST))
    except (OSError, ValueError, RecursionError):
        return None


def _write(folder: Path, path: Path, name: str, value: dict[str, Any]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(value, handle, ensure_ascii=False)
            Path(temp).replace(path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.json"):  # earlier versions of the rules
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError):
        pass  # a read-only or full disk: the next run parses the files again
