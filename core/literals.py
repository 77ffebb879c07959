"""Where the literals that patterns need occur in a draft, found in one pass.

Most patterns can only match where some short literal occurs ("atsap" for WhatsApp,
"@" for an address, a digit for a number). Rather than searching the draft once per
literal, every literal any pattern has asked for goes into one Aho-Corasick automaton
(pyahocorasick, in C), and a draft is read once to find them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_words: set[str] = set()
_known: set[tuple[str, ...]] = set()
_automaton: Any = None
#: Bumped whenever a literal is added, so a draft found with an older set looks again.
version = 0


def register(literals: tuple[str, ...]) -> None:
    """Make sure ``literals`` are among those found (cheap once they are)."""
    global _automaton, version  # noqa: PLW0603 - one automaton per process
    if literals in _known:
        return
    _known.add(literals)
    new = set(literals) - _words
    if new:
        _words.update(new)
        _automaton = None
        version += 1


def find_all(lower: str) -> dict[str, list[int]]:
    """Every registered literal occurring in ``lower``, with its start positions."""
    positions: dict[str, list[int]] = {}
    if not _words:
        return positions
    automaton = _automaton if _automaton is not None else _build(_words)
    for end, word in automaton.iter(lower):
        start = end - len(word) + 1
        found = positions.get(word)
        if found is None:
            positions[word] = [start]
        else:
            found.append(start)
    return positions


def _build(words: Iterable[str]) -> Any:
    global _automaton  # noqa: PLW0603
    import ahocorasick  # noqa: PLC0415 - loaded on the first check, not at import

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if len(automaton):
        automaton.make_automaton()
    _automaton = automaton
    return automaton
