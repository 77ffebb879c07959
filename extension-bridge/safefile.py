"""Reading the small files Presend keeps (settings, the host's extension ids, the relay
token) without trusting what is at the path: a FIFO would hang the read, a link to
/dev/zero would fill memory, and a huge file is not one Presend wrote."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFileError(OSError):
    """The path is a FIFO, a device, a folder or something else that is not a file."""


class FileTooLargeError(OSError):
    """The file is larger than the caller's limit."""


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO does not wait for a writer
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise FileTooLargeError(f"{path.name} is over {limit:,} bytes")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, limit + 1 - size):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileTooLargeError(f"{path.name} is over {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path, limit: int) -> str:
    """The UTF-8 text of the file at ``path`` (a byte-order mark is skipped); raises
    OSError or UnicodeDecodeError (a ValueError)."""
    return read_bytes(path, limit).decode("utf-8-sig")
