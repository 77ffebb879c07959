"""Where the literals that patterns need occur in a text, found in one pass.

Most patterns can only match where some short literal occurs ("atsap" for WhatsApp,
"@" for an address, a digit for a number). Rather than searching the draft once per
literal, every literal any pattern has asked for goes into one Aho-Corasick automaton
(pyahocorasick, in C), and a draft is read once to find them all.
"""

from __future__ import annotations

from typing import Any


class LiteralSet:
    """A growing set of literals and the automaton that finds them."""

    def __init__(self) -> None:
        self._words: set[str] = set()
        # id -> (the tuple itself, kept so its id is never reused; its words as a set)
        self._known: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}
        self._automaton: Any = None
        #: Bumped whenever a literal is added, so a text read with an older set is
        #: read again.
        self.version = 0

    def register(self, literals: tuple[str, ...]) -> frozenset[str]:
        """Make sure ``literals`` are among those found, and return them as a set
        (cheap once they are: the tables of literals live as long as the patterns)."""
        known = self._known.get(id(literals))
        if known is not None:
            return known[1]
        words = frozenset(literals)
        self._known[id(literals)] = (literals, words)
        new = words - self._words
        if new:
            self._words.update(new)
            self._automaton = None
            self.version += 1
        return words

    def find_all(self, text: str) -> dict[str, list[int]]:
        """Every registered literal occurring in ``text``, with its start positions."""
        positions: dict[str, list[int]] = {}
        if not self._words:
            return positions
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = _build(self._words)
        for end, word in automaton.iter(text):
            found = positions.get(word)
            if found is None:
                positions[word] = [end - len(word) + 1]
            else:
                found.append(end - len(word) + 1)
        return positions


def _build(words: set[str]) -> Any:
    import ahocorasick  # noqa: PLC0415 - loaded on the first check, not at import

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


#: The literals the detectors' patterns need, found once per draft (see Draft.where).
DRAFT = LiteralSet()
