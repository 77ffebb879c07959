"""Word patterns and what says where they can match; searching in stretches of a draft."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from presend.core.literals import DRAFT


def scan(
    pattern: re.Pattern[str],
    text: str,
    accept: Callable[[re.Match[str]], bool],
    windows: Iterable[tuple[int, int]] | None = None,
) -> Iterator[re.Match[str]]:
    """Yield the matches ``accept`` keeps; after a rejected one, search again one
    character later, so a false start ("me at john.doe@...") cannot hide a real match.
    Only inside ``windows`` when given (see ``finditer_in``)."""
    for start, end in [(0, len(text))] if windows is None else windows:
        pos = start
        while (m := pattern.search(text, pos, end)) is not None:
            if accept(m):
                yield m
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1


def finditer_in(
    pattern: re.Pattern[str], text: str, windows: Iterable[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` over each of ``windows``, stretches of ``text`` that hold
    every match (lookbehinds still see the text before a window; a window must reach
    past the character a match's lookahead reads)."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def anchors_of(alternatives: list[str]) -> tuple[str, ...]:
    """A literal every match of each regex alternative must contain ("wh?atsapp?" ->
    "atsap", "g\\s?meet" -> "meet"), for ``Draft.find``."""
    return minimal(tuple(_mandatory_literal(alt) for alt in alternatives))


def anchor_offset(alternatives: list[str]) -> int:
    """How many characters of a match can come before its anchor (``anchors_of``), at
    most, over all the alternatives: the regex source before the anchor is never
    shorter than what it matches, unless it repeats ("+", "*", "{")."""
    most = 0
    for alternative in alternatives:
        source = alternative.lower()
        at = source.find(_mandatory_literal(alternative))
        before = source[:at] if at >= 0 else source
        if at < 0 or any(c in before for c in "+*{"):
            return 64
        most = max(most, len(before))
    return most


def minimal(anchors: tuple[str, ...], prefixes: bool = False) -> tuple[str, ...]:
    """Drop anchors that contain another ("telegramm" when "tele" is there): wherever
    the longer one occurs, so does the shorter. With ``prefixes``, only those that
    begin with another ("paying" when "pay" is there), for anchors a match starts with."""
    unique = sorted(set(anchors), key=len)
    kept: list[str] = []
    for a in unique:
        if not any(a.startswith(k) if prefixes else k in a for k in kept):
            kept.append(a)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class WordPattern:
    """A lower-case word pattern and what tells where it can match (``Draft.find``).
    The regex is compiled the first time a draft holds its anchors: most drafts never
    need most patterns, and compiling them all would double a cold ``presend check``."""

    source: str
    #: One of these is in every match...
    anchors: tuple[str, ...]
    #: ...and begins it, at the start of a word.
    leading: bool = False
    #: ...and begins a word (the sentences around other occurrences are not searched).
    word_start: bool = False
    #: One literal of each of these groups must also be somewhere in the draft.
    also: tuple[tuple[str, ...], ...] = ()
    #: Every match lies within (before, after) characters of an anchor's start.
    reach: tuple[int, int] | None = None
    #: Every match begins at the start of a word at most this far before an anchor.
    starts_within: int = 0
    #: A pattern that must match somewhere in the draft first (a cheaper one).
    gate: WordPattern | None = None
    #: ``anchors`` and each of ``also`` as sets, for a quick first look.
    sets: tuple[frozenset[str], ...] = ()
    _compiled: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if not compiled:
            compiled.append(compile_lower(self.source))
        return compiled[0]


def needed_by_any(patterns: Iterable[WordPattern]) -> frozenset[str]:
    """Literals of which a draft must hold one for any of ``patterns`` to match: from
    each pattern, the group (every match holds one of its words) whose words are
    likeliest rare, judged by length ("paypal" is rarer than "my")."""

    def rarity(group: frozenset[str]) -> tuple[int, float]:
        return min(map(len, group)), sum(map(len, group)) / len(group)

    return frozenset().union(*(max(p.sets, key=rarity) for p in patterns))


def words(
    pattern: str,
    anchors: tuple[str, ...],
    *,
    leading: bool = False,
    word_start: bool = False,
    also: tuple[tuple[str, ...], ...] = (),
    reach: tuple[int, int] | None = None,
    starts_within: int = 0,
    gate: WordPattern | None = None,
) -> WordPattern:
    """A ``WordPattern`` from its source, anchors reduced to the fewest needed."""
    anchors = minimal(anchors, prefixes=leading or word_start)
    also = tuple(minimal(group) for group in also)
    sets = tuple(DRAFT.register(group) for group in (anchors, *also))
    return WordPattern(
        pattern, anchors, leading, word_start, also, reach, starts_within, gate, sets
    )


def _mandatory_literal(alternative: str) -> str:
    s = _without_lookarounds(alternative.lower())
    # Groups, innermost first: an optional one or one of alternatives holds no text every
    # match has ("sepa(?:\s+(?:transfer|payment))?" is "sepa"); a plain one is its text.
    while (shorter := _GROUP.sub(_group_text, s)) != s:
        s = shorter
    s = re.sub(r"\\.|\[[^\]]*\]", "|", s)  # escapes and classes
    s = re.sub(r".[?*]", "|", s)  # optional characters
    pieces = [p.strip() for p in re.split(r"[^\w' ]+", s)]
    return max(pieces, key=len) or alternative[:1]


_GROUP = re.compile(r"\((?:\?:)?([^()]*)\)([?*]|\{0,?\d*\})?")


def _group_text(m: re.Match[str]) -> str:
    inner = m.group(1)
    return "|" if m.group(2) or "|" in inner.replace("\\|", "") else inner


def required_literal(pattern: str) -> str:
    """The longest run of plain text every match of ``pattern`` holds, in any script
    ("" when there is none): what a quick look for the pattern can search for."""
    s = _without_lookarounds(pattern.lower())
    while True:  # groups, innermost first: alternatives or optional, never required
        shorter = re.sub(r"\((?:\?:)?[^()]*\)(?:[?*+]|\{\d*,?\d*\})?", "|", s)
        if shorter == s:
            break
        s = shorter
    s = re.sub(r"\\.|\[[^\]]*\]", "|", s)  # escapes and classes
    s = re.sub(r".[?*]|\{\d*,?\d*\}", "|", s)  # optional characters, counts
    pieces = [p.strip() for p in re.split(r"[^\w' \u0600-\u06ff\u0900-\u0dff]+", s)]
    return max(pieces, key=len, default="")


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` with each lookaround, nested groups and all, put as "|": they match no
    text ("(?! (?:on|in) upwork)" must not make "upwork" a literal every match holds)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":
            j = _class_end(pattern, i)
            out.append(pattern[i : j + 1])
            i = j + 1
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth, j = 0, i
            while j < n:
                c = pattern[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "[":
                    j = _class_end(pattern, j)
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append("|")
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opened at ``pattern[i]`` ("[") closes: the index of its
    "]" (a "]" first in the class, or after "^", is a member, not its end)."""
    j, n = i + 1, len(pattern)
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < n and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def needed_literals(pattern: str) -> tuple[str, ...] | None:
    """Literals of which every match of ``pattern`` holds one, chosen to be rare: its
    longest required literal, or the literals of the alternatives of one of its
    mandatory top-level groups ("(?:my|our) (?:former|old) (?:colleague|boss)" ->
    "colleague", "boss"), whichever has the longest shortest literal. None when no
    choice has a literal of two characters or more."""
    best: tuple[str, ...] = ()
    literal = required_literal(pattern)
    if literal:
        best = (literal,)
    for group in _mandatory_groups(pattern):
        found = tuple(required_literal(alt) for alt in top_level_alternatives(group))
        if found and min(map(len, found)) > min(map(len, best), default=0):
            best = found
    return best if best and min(map(len, best)) >= 2 else None


def _mandatory_groups(pattern: str) -> list[str]:
    """The bodies of the non-capturing groups at the top level of ``pattern`` that every
    match passes through (not followed by "?", "*" or a count from zero)."""
    groups: list[str] = []
    depth, start, escaped, in_class = 0, -1, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and pattern.startswith("(?:", start):
                after = pattern[i + 1 : i + 3]
                if not after.startswith(("?", "*", "{0")):
                    groups.append(pattern[start + 3 : i])
    # With alternatives at the top level, no group is on every match's path.
    return groups if len(top_level_alternatives(pattern)) == 1 else []


def top_level_alternatives(group: str) -> list[str]:
    """The alternatives of a pattern's top level ("a(b|c)|d" -> "a(b|c)", "d")."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(group):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:  # "(", ")" and "|" inside a class are plain characters
            in_class = ch != "]" or group[i - 1] == "[" or group[i - 2 : i] == "[^"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    parts.append(group[start:])
    return parts


def compile_lower(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case word pattern, to be matched against a draft's lower-case
    form (``Draft.lower``) without re.IGNORECASE, which is several times slower."""
    return re.compile(pattern)
