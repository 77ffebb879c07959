"""A draft being checked: its searchable form, its context and where its clauses start."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from presend.core.model import Context
from presend.core.normalize import Normalised

# Where a sentence ends. A full stop only counts when followed by a space or the end, so
# "acme.com" and "3.14" stay inside their sentence.
_SENTENCE_END = re.compile(r"[!?;\n]+|\.(?=\s|$)|\s[-\u2013\u2014]\s")
# Where a clause ends inside a sentence: commas and joining words that change who speaks.
_CLAUSE_END = re.compile(r",|:\s|\b(?:but|so|and then|however|though|although|because)\b", re.I)


@dataclass(slots=True)
class Draft:
    """Everything the detectors and the judge need to know about one draft."""

    norm: Normalised
    context: Context
    platform_domains: tuple[str, ...]
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _clause_starts: list[int] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The normalised text detectors search."""
        return self.norm.text

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence that holds ``pos`` as a span of the normalised text."""
        if self._sentence_starts is None:
            self._sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]
        starts = self._sentence_starts
        i = bisect.bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def clause_before(self, pos: int) -> str:
        """The clause's text from its start up to ``pos``."""
        if self._clause_starts is None:
            self._clause_starts = sorted(
                {0}
                | {m.end() for m in _SENTENCE_END.finditer(self.text)}
                | {m.end() for m in _CLAUSE_END.finditer(self.text)}
            )
        starts = self._clause_starts
        i = bisect.bisect_right(starts, pos) - 1
        return self.text[starts[max(i, 0)] : pos]

    def sentence(self, pos: int) -> str:
        """The text of the sentence that holds ``pos``."""
        a, b = self.sentence_bounds(pos)
        return self.text[a:b]

    def window(self, start: int, end: int, before: int = 60, after: int = 30) -> str:
        """The text around a span, clipped to its sentence."""
        a, b = self.sentence_bounds(start)
        return self.text[max(a, start - before) : min(b, end + after)]
