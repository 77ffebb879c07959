"""Searching with a pattern whose matches a detector may still turn down."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def scan(
    pattern: re.Pattern[str], text: str, accept: Callable[[re.Match[str]], bool]
) -> Iterator[re.Match[str]]:
    """Yield the matches ``accept`` keeps; after a rejected one, search again one
    character later, so a false start ("me at john.doe@...") cannot hide a real match."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if accept(m):
            yield m
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1
