"""Offsets in other units: the core counts code points, JavaScript and Qt count UTF-16."""

from __future__ import annotations

import bisect
from collections.abc import Callable


def utf16_converter(text: str) -> Callable[[int], int]:
    """Map code-point offsets in ``text`` to UTF-16 code-unit offsets."""
    if text.isascii():
        return lambda offset: offset
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return lambda offset: offset + bisect.bisect_left(astral, offset)
