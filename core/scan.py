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


def anchors_of(alternatives: list[str]) -> tuple[str, ...]:
    """A literal every match of each regex alternative must contain ("wh?atsapp?" ->
    "atsap", "g\\s?meet" -> "meet"), for ``Draft.find_words``."""
    return minimal(tuple(_mandatory_literal(alt) for alt in alternatives))


def minimal(anchors: tuple[str, ...]) -> tuple[str, ...]:
    """Drop anchors that contain another ("telegramm" when "tele" is there): wherever
    the longer one occurs, so does the shorter, and each anchor costs a search."""
    unique = sorted(set(anchors), key=len)
    kept: list[str] = []
    for a in unique:
        if not any(k in a for k in kept):
            kept.append(a)
    return tuple(kept)


def _mandatory_literal(alternative: str) -> str:
    s = alternative.lower()
    s = re.sub(r"\(\?[=!<][^)]*\)", "|", s)  # lookarounds match no text
    s = re.sub(r"\((?:\?:)?[^()]*\)[?*]", "|", s)  # optional groups
    s = re.sub(r"\\.|\[[^\]]*\]", "|", s)  # escapes and classes
    s = re.sub(r".[?*]", "|", s)  # optional characters
    pieces = [p.strip() for p in re.split(r"[^a-z0-9' ]+", s)]
    return max(pieces, key=len) or alternative[:1]


def compile_lower(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case word pattern, to be matched against a draft's lower-case
    form (``Draft.lower``) without re.IGNORECASE, which is several times slower."""
    return re.compile(pattern)
