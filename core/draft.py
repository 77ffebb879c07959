"""A draft being checked: its searchable form, its context and where its clauses start."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from presend.core import literals
from presend.core.model import Context
from presend.core.normalize import Normalised

# Where a sentence ends. A full stop only counts when followed by a space or the end, so
# "acme.com" and "3.14" stay inside their sentence.
_SENTENCE_END = re.compile(r"[!?;\n]+|\.(?=\s|$)|\s[-\u2013\u2014]\s")
# Where a clause ends inside a sentence: commas and joining words that change who speaks.
_CLAUSE_END = re.compile(r",|:\s|\b(?:but|so|and then|however|though|although|because)\b")


#: How far around a match the words that change its meaning are looked for.
REACH = 240
#: How far past its sentence a word pattern's window reaches.
_WINDOW_PAD = 64
#: Drafts up to this long are scanned whole by every word pattern.
_SCAN_WHOLE = 600


@dataclass(slots=True)
class Draft:
    """Everything the detectors and the judge need to know about one draft."""

    norm: Normalised
    context: Context
    platform_domains: tuple[str, ...]
    #: The normalised text in lower case, same length: word patterns are matched on it
    #: without re.IGNORECASE, which makes Python's re several times slower.
    lower: str = field(init=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _clause_starts: list[int] | None = field(default=None, repr=False)
    _first: dict[re.Pattern[str], re.Match[str] | None] = field(default_factory=dict, repr=False)
    _literals: dict[str, list[int]] | None = field(default=None, repr=False)
    _literals_version: int = field(default=-1, repr=False)
    _windows: dict[tuple[str, ...], list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _spans: dict[re.Pattern[str], tuple[list[int], list[int]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        lower = self.norm.text.lower()
        if len(lower) != len(self.norm.text):  # "İ" lowers to two characters
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.norm.text)
        self.lower = lower

    @property
    def text(self) -> str:
        """The normalised text detectors search."""
        return self.norm.text

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence that holds ``pos`` as a span of the normalised text."""
        if self._sentence_starts is None:
            self._sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.lower)]
        starts = self._sentence_starts
        i = bisect.bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def first_in(self, pattern: re.Pattern[str], anchors: tuple[str, ...]) -> re.Match[str] | None:
        """The first match of a word pattern every match of which holds one of
        ``anchors`` (searched once per draft, only in sentences holding them)."""
        if pattern not in self._first:
            self._first[pattern] = next(self.find_words(pattern, anchors), None)
        return self._first[pattern]

    def first(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``pattern`` in the draft (searched once per draft)."""
        if pattern not in self._first:
            self._first[pattern] = pattern.search(self.lower)
        return self._first[pattern]

    def where(self, literal_set: tuple[str, ...]) -> list[int]:
        """Start positions of any of ``literal_set`` in the lower-case draft, in order."""
        found = self._find_literals(literal_set)
        spots = [at for word in literal_set for at in found.get(word, ())]
        if len(literal_set) > 1:
            spots.sort()
        return spots

    def has_any(self, literal_set: tuple[str, ...]) -> bool:
        """Whether any of ``literal_set`` occurs in the lower-case draft."""
        found = self._find_literals(literal_set)
        return any(word in found for word in literal_set)

    def _find_literals(self, literal_set: tuple[str, ...]) -> dict[str, list[int]]:
        # Every literal any pattern needs is found in one pass over the draft; a set not
        # seen before (only while the first drafts are checked) means one more pass.
        literals.register(literal_set)
        if self._literals is None or self._literals_version != literals.version:
            self._literals = literals.find_all(self.lower)
            self._literals_version = literals.version
        return self._literals

    def windows(self, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
        """The sentences that hold any of ``anchors``, padded and merged, in order (once
        per draft).

        A word pattern that needs one of these literals can only match inside them, so
        it need not scan the rest of a long draft."""
        if anchors not in self._windows:
            merged: list[tuple[int, int]] = []
            size = len(self.lower)
            for at in self.where(anchors):
                if merged and at < merged[-1][1] - _WINDOW_PAD:
                    continue  # inside a sentence already taken
                a, b = self.sentence_bounds(at)
                # A little either side: "Telegram - @handle" spans a dash, which
                # counts as a sentence break.
                a, b = max(0, a - _WINDOW_PAD), min(size, b + _WINDOW_PAD)
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                else:
                    merged.append((a, b))
            self._windows[anchors] = merged
        return self._windows[anchors]

    def find_words(
        self, pattern: re.Pattern[str], anchors: tuple[str, ...]
    ) -> Iterator[re.Match[str]]:
        """Matches of a lower-case word pattern, scanning only sentences that hold one of
        the literals every match needs. A short draft is scanned whole: finding the
        windows would cost more than the scan."""
        if len(self.lower) <= _SCAN_WHOLE:
            if self.has_any(anchors):
                yield from pattern.finditer(self.lower)
            return
        for a, b in self.windows(anchors):
            yield from pattern.finditer(self.lower, a, b)

    def occurs_within(self, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether a match of ``pattern`` lies inside [lo, hi) of the lower-case draft.

        The draft is scanned once per pattern; each question is then a bisection, so
        asking about many numbers in a long draft costs no more scans. (Matches are
        those of one left-to-right scan, which for the cue patterns here, whole words,
        are the same as searching each window afresh.)"""
        if pattern not in self._spans:
            found = [m.span() for m in pattern.finditer(self.lower)]
            self._spans[pattern] = ([a for a, _ in found], [b for _, b in found])
        starts, ends = self._spans[pattern]
        i = bisect.bisect_left(starts, max(lo, 0))
        return i < len(starts) and starts[i] < hi and ends[i] <= hi

    def anywhere(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` occurs anywhere in the draft."""
        return self.first(pattern) is not None

    def clause_before(self, pos: int) -> str:
        """The clause's lower-case text from its start up to ``pos`` (at most the last
        ``REACH`` characters, so long unpunctuated text costs no more per match)."""
        if self._clause_starts is None:
            self._clause_starts = sorted(
                {0}
                | {m.end() for m in _SENTENCE_END.finditer(self.lower)}
                | {m.end() for m in _CLAUSE_END.finditer(self.lower)}
            )
        starts = self._clause_starts
        i = bisect.bisect_right(starts, pos) - 1
        return self.lower[max(starts[max(i, 0)], pos - REACH) : pos]

    def sentence(self, pos: int) -> str:
        """The lower-case text of the sentence that holds ``pos``, at most ``REACH`` characters
        either side of it."""
        a, b = self.sentence_bounds(pos)
        return self.lower[max(a, pos - REACH) : min(b, pos + REACH)]
