"""A draft being checked: its searchable form, its context and where its clauses start."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from presend.core import lexicon, literals
from presend.core.model import Context
from presend.core.normalize import Normalised, lower_same_length
from presend.core.scan import WordPattern

# Where a sentence ends: a run of [!?;\n。؟۔।], a full stop followed by white space or the end
# ("acme.com" and "3.14" stay inside their sentence) or a dash between spaces. This is
# the regex r"[!?;\n。؟۔।]+|\.(?=\s|$)|\s[-\u2013\u2014]\s" (the tests hold the two equal),
# found from the literals it is made of, which come with the draft's single pass.
_RUN_MARKS = "!?;\n\u3002\u061f\u06d4\u0964"  # and "。", "؟", "۔", "।" of other scripts
#: A line with nothing but spaces on it: where one paragraph ends and the next begins.
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_MARKS: tuple[str, ...] = (
    *_RUN_MARKS,
    ". ",
    ".\n",
    *(f" {dash}{space}" for dash in "-\u2013\u2014" for space in " \n"),
)
# Where a clause ends inside a sentence: commas, colons before white space and joining
# words that change who speaks (the regex
# r",|:\s|\b(?:but|so|and then|however|though|although|because)\b").
_CLAUSE_WORDS = ("but", "so", "and then", "however", "though", "although", "because")
#: The ten digits, as literals: where numbers can be.
DIGITS = tuple("0123456789")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_COMMAS = (",", "\u060c", "\uff0c", "\u3001")
_WORD_START = re.compile(r"\b\w")


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
    _paragraph_starts: list[int] | None = field(default=None, repr=False)
    _words: dict[tuple[str, ...], list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _near: dict[tuple[tuple[str, ...], int, int], list[tuple[int, int]]] = field(
        default_factory=dict, repr=False
    )
    _literals: dict[str, list[int]] | None = field(default=None, repr=False)
    #: where() answers, by (id of the literal set, word_start); the sets live as long as
    #: the patterns that name them (see literals.LiteralSet.register).
    _where: dict[tuple[int, bool], list[int]] = field(default_factory=dict, repr=False)
    _literals_version: int = field(default=-1, repr=False)
    _windows: dict[tuple[tuple[str, ...], bool], list[tuple[int, int]]] = field(
        default_factory=dict, repr=False
    )
    #: Whatever the judge works out once per draft (which exceptions apply).
    memo: dict[str, object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.lower = lower_same_length(self.norm.text)
        if self.norm.found is not None:  # the normaliser's pass read this same text
            self._literals = self.norm.found
            self._literals_version = self.norm.found_version

    @property
    def text(self) -> str:
        """The normalised text detectors search."""
        return self.norm.text

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence that holds ``pos`` as a span of the normalised text."""
        if self._sentence_starts is None:
            self._sentence_starts = [0, *self._sentence_ends()]
        starts = self._sentence_starts
        i = bisect.bisect_right(starts, pos) - 1
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        """The paragraph (text between blank lines) that holds ``pos``."""
        if self._paragraph_starts is None:
            self._paragraph_starts = [0, *(m.end() for m in _BLANK_LINE.finditer(self.text))]
        breaks = self._paragraph_starts
        i = bisect.bisect_right(breaks, pos) - 1
        end = breaks[i + 1] if i + 1 < len(breaks) else len(self.text)
        return breaks[i], end

    def _sentence_ends(self) -> list[int]:
        lower = self.lower
        size = len(lower)
        ends: list[int] = []
        done = 0  # matches never overlap: the next one starts where the last ended
        for at in self.where(_SENTENCE_MARKS):
            if at < done:
                continue
            ch = lower[at]
            if ch in _RUN_MARKS:
                end = at + 1
                while end < size and lower[end] in _RUN_MARKS:
                    end += 1
            else:
                end = at + (1 if ch == "." else 3)
            ends.append(end)
            done = end
        if lower.endswith(".") and (not ends or ends[-1] < size):
            ends.append(size)
        return ends

    def word_spans(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """Where any of ``words`` occurs, as sorted (start, end) spans; whether one is a
        whole word is left to ``is_whole_word``, asked only of the spans that matter."""
        if words not in self._words:
            wanted = literals.DRAFT.register(words)
            found = self._found()
            spans: list[tuple[int, int]] = []
            for word in _present(found, wanted):
                size = len(word)
                spans.extend((at, at + size) for at in found[word])
            spans.sort()
            self._words[words] = spans
        return self._words[words]

    def is_whole_word(self, start: int, end: int) -> bool:
        """Whether [start, end) stands as a word (the regex ``\\b...\\b``, a boundary
        checked only beside a word character)."""
        lower = self.lower
        return (start == 0 or not _is_word(lower[start]) or not _is_word(lower[start - 1])) and (
            end == len(lower) or not _is_word(lower[end - 1]) or not _is_word(lower[end])
        )

    def words_before(self, pos: int, reach: int) -> str:
        """Up to ``reach`` characters of the lower-case text before ``pos``, starting at a
        word's start: not the "app for" of "whatsapp for" cut in two."""
        lo = max(0, pos - reach)
        lower = self.lower
        while 0 < lo < pos and _is_word(lower[lo]) and _is_word(lower[lo - 1]):
            lo += 1
        return lower[lo:pos]

    def has_word_within(self, words: tuple[str, ...], lo: int, hi: int) -> bool:
        """Whether one of ``words`` lies, as a whole word, inside [lo, hi) (a bisection
        once the draft's words are found, so many questions cost no more scans)."""
        spans = self.word_spans(words)
        i = bisect.bisect_left(spans, (max(lo, 0), -1))
        while i < len(spans) and spans[i][0] < hi:
            start, end = spans[i]
            if end <= hi and self.is_whole_word(start, end):
                return True
            i += 1
        return False

    def near(self, literal_set: tuple[str, ...], before: int, after: int) -> list[tuple[int, int]]:
        """Stretches from ``before`` characters ahead of an occurrence of one of
        ``literal_set`` to ``after`` characters past its start, merged, in order: where
        a pattern that must hold one of them that close can match."""
        key = (literal_set, before, after)
        if key not in self._near:
            merged: list[tuple[int, int]] = []
            size = len(self.lower)
            for at in self.where(literal_set):
                a, b = max(0, at - before), min(size, at + after)
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
            self._near[key] = merged
        return self._near[key]

    def long_words(self, length: int) -> list[tuple[int, int]]:
        """The spans of white-space-separated tokens at least ``length`` long."""
        text = self.lower
        tokens = text.split()
        if not tokens or max(map(len, tokens)) < length:  # the usual case, at C speed
            return []
        found: list[tuple[int, int]] = []
        pos = 0
        for token in tokens:
            if len(token) >= length:
                at = text.find(token, pos)
                found.append((at, at + len(token)))
                pos = at + len(token)
        return found

    def where(self, literal_set: tuple[str, ...], word_start: bool = False) -> list[int]:
        """Start positions of any of ``literal_set`` in the lower-case draft, in order;
        with ``word_start``, only those that begin a word."""
        key = (id(literal_set), word_start)
        spots = self._where.get(key)
        if spots is not None:  # found with these literals in the automaton: still right
            return spots
        wanted = literals.DRAFT.register(literal_set)
        found = self._found()  # after registering: a draft read again forgets what it knew
        present = _present(found, wanted)
        if not present:
            spots = []
        elif len(present) == 1:
            spots = found[next(iter(present))]
        else:
            spots = sorted(at for word in present for at in found[word])
        if word_start:
            lower = self.lower
            spots = [at for at in spots if at == 0 or not _is_word(lower[at - 1])]
        self._where[key] = spots
        return spots

    def has_any(self, literal_set: tuple[str, ...]) -> bool:
        """Whether any of ``literal_set`` occurs in the lower-case draft."""
        return self.holds_any(literals.DRAFT.register(literal_set))

    def holds_any(self, words: frozenset[str]) -> bool:
        """Whether any of ``words`` (registered literals) occurs in the draft."""
        return not self._found().keys().isdisjoint(words)

    def _found(self) -> dict[str, list[int]]:
        # Every literal any pattern needs is found in one pass over the draft; a set not
        # seen before (only while the first drafts are checked) means one more pass.
        if self._literals is None or self._literals_version != literals.DRAFT.version:
            self._literals = literals.DRAFT.find_all(self.lower)
            self._literals_version = literals.DRAFT.version
            self._where.clear()
            self._words.clear()
            self._near.clear()
            self._windows.clear()
        return self._literals

    def windows(self, anchors: tuple[str, ...], word_start: bool = False) -> list[tuple[int, int]]:
        """The sentences that hold any of ``anchors`` (only where one begins a word, with
        ``word_start``), padded and merged, in order (once per draft).

        A word pattern that needs one of these literals can only match inside them, so
        it need not scan the rest of a long draft."""
        key = (anchors, word_start)
        if key not in self._windows:
            self._windows[key] = self.sentences_around(self.where(anchors, word_start))
        return self._windows[key]

    def sentences_around(self, spots: list[int]) -> list[tuple[int, int]]:
        """The sentences holding the (sorted) positions ``spots``, padded and merged."""
        merged: list[tuple[int, int]] = []
        size = len(self.lower)
        for at in spots:
            if merged and at < merged[-1][1] - _WINDOW_PAD:
                continue  # inside a sentence already taken
            a, b = self.sentence_bounds(at)
            # A little either side: "Telegram - @handle" spans a dash, which counts as
            # a sentence break.
            a, b = max(0, a - _WINDOW_PAD), min(size, b + _WINDOW_PAD)
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def find(self, words: WordPattern) -> Iterator[re.Match[str]]:
        """Matches of a word pattern, searched only where its anchors say it can match."""
        found = self._found().keys()
        for group in words.sets:  # a plain loop: this runs some 30 times per check
            if found.isdisjoint(group):
                return iter(())
        if words.gate is not None and next(self.find(words.gate), None) is None:
            return iter(())
        return self._search(words)

    def _search(self, words: WordPattern) -> Iterator[re.Match[str]]:
        """Matches of a lower-case word pattern every match of which holds one of its
        ``anchors`` (and one of each group in ``also``), in order.

        With ``leading``, every match begins with one of the anchors at the start of a
        word, so the pattern is tried only there. With ``starts_within``, every match
        begins at a word's start at most that far before an anchor, and is tried only
        there. With ``reach`` (before, after), every match lies that close around an
        anchor's start and only those stretches are scanned. Otherwise only the
        sentences holding an anchor are scanned (with ``word_start``, an anchor that
        begins a word); a short draft is scanned whole, as finding its sentences would
        cost more."""
        pattern, anchors = words.pattern, words.anchors
        if not all(self.has_any(group) for group in words.also):
            return
        lower = self.lower
        if words.leading:
            done = 0  # like finditer, a match never overlaps the one before it
            for at in self.where(anchors, word_start=True):
                if at >= done and (m := pattern.match(lower, at)) is not None:
                    yield m
                    done = max(m.end(), at + 1)
            return
        if words.starts_within:
            done = 0  # matched, or tried and failed, up to here
            for at in self.where(anchors):
                for word in _WORD_START.finditer(
                    lower, max(done, at - words.starts_within), at + 1
                ):
                    if (m := pattern.match(lower, word.start())) is not None:
                        yield m
                        done = max(m.end(), word.start() + 1)
                        break
                else:
                    done = max(done, at + 1)
            return
        if words.reach is not None:
            windows = self.near(anchors, *words.reach)
        elif len(lower) <= _SCAN_WHOLE:
            if self.has_any(anchors):
                yield from pattern.finditer(lower)
            return
        else:
            windows = self.windows(anchors, words.word_start)
        for a, b in windows:
            yield from pattern.finditer(lower, a, b)

    @property
    def languages(self) -> frozenset[str]:
        """The languages the draft shows signs of (see ``lexicon.reading``)."""
        found = self.memo.get("languages")
        if found is None:
            found, self.memo["leading"] = lexicon.reading(self.lower)
            self.memo["languages"] = found
        return found  # type: ignore[return-value]

    @property
    def leading_language(self) -> str | None:
        """Of the languages the draft shows, English aside, the one it holds the most
        evidence of; None on a tie (see ``lexicon.reading``)."""
        if "languages" not in self.memo:
            _ = self.languages
        return self.memo["leading"]  # type: ignore[return-value]

    def clause_before(self, pos: int) -> str:
        """The clause's lower-case text from its start up to ``pos`` (at most the last
        ``REACH`` characters, so long unpunctuated text costs no more per match)."""
        lower = self.lower
        start = max(self.sentence_bounds(pos)[0], pos - REACH)
        # The last comma (Latin, Arabic-script "،", or CJK "，" "、"), or colon before
        # white space, that ends before ``pos``: "کوئی ضرورت نہیں، آپ … بھیج دیں" is a
        # new clause after the negation.
        comma = max(lower.rfind(c, start, pos) for c in _COMMAS)
        colon = max(lower.rfind(": ", start, pos), lower.rfind(":\n", start, pos))
        if comma != -1:
            start = comma + 1
        if colon != -1:
            start = max(start, colon + 2)
        if not lower.isascii():
            # An emoji closes a clause as a comma would: "... doesn't apply to me anymore
            # 😉 you can pay me through PayPal".
            for emoji in _EMOJI.finditer(lower, start, pos):
                start = emoji.end()
        spans = self.word_spans(_CLAUSE_WORDS)
        i = bisect.bisect_left(spans, (pos, -1)) - 1
        while i >= 0 and spans[i][1] > start:
            if spans[i][1] <= pos and self.is_whole_word(*spans[i]):
                start = spans[i][1]
                break
            i -= 1
        return lower[max(start, 0) : pos]

    def line(self, pos: int) -> str:
        """The lower-case text of the line that holds ``pos``, at most ``REACH``
        characters either side of it."""
        a = self.lower.rfind("\n", max(0, pos - REACH), pos) + 1
        b = self.lower.find("\n", pos, pos + REACH)
        return self.lower[max(a, pos - REACH) : b if b >= 0 else pos + REACH]

    def sentence(self, pos: int) -> str:
        """The lower-case text of the sentence that holds ``pos``, at most ``REACH`` characters
        either side of it."""
        a, b = self.sentence_bounds(pos)
        return self.lower[max(a, pos - REACH) : min(b, pos + REACH)]


def _present(found: dict[str, list[int]], wanted: frozenset[str]) -> list[str]:
    """The words of ``wanted`` that were found, looking through the smaller of the two."""
    if len(found) < len(wanted):
        return [word for word in found if word in wanted]
    return [word for word in wanted if word in found]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
