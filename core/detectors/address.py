"""Street addresses, only where confident: a full postal address, or a street address
the writer says is theirs ("my address is", "our office is at", "come to")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from presend.core import lexicon, work
from presend.core.draft import DIGITS, Draft
from presend.core.model import Match

# The words a street's name ends with (also the literals the search is anchored on).
_SUFFIX_WORDS = tuple(
    "street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl "
    "terrace ter parkway pkwy highway hwy circle cir square sq crescent close gardens "
    "walk mews grove parade quay wharf esplanade row "
    "strasse straße str calle rue via marg nagar".split()
)
_SUFFIX = "(?:" + "|".join(_SUFFIX_WORDS) + ")"
_STREET = (
    rf"\b\d{{1,6}}[a-z]?\s+(?:(?:[A-Z][\w'\-]*|\d{{1,3}}(?:st|nd|rd|th))\.?\s+){{1,4}}{_SUFFIX}\b\.?"
    r"(?:,?\s*(?:apt|apartment|suite|ste|unit|flat|floor|fl|#)\.?\s*[\w\-]{1,6})?"
)
# US: "... , Springfield, IL 62704"   UK: "... , London SW1A 1AA"   CA: "... , ON M5V 2T6"
_LOCALITY = (
    r",?\s+(?:[A-Z][a-zA-Z'\-]+\s?){1,3},?\s+"
    r"(?:[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
    r"|[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d"
    r"|\d{4,6})\b"
)
_FULL = re.compile(_STREET + _LOCALITY, re.IGNORECASE)
# "45 Flinders Lane, Melbourne": a street then a capitalised place after a comma.
_STREET_AND_PLACE = re.compile(
    _STREET + r"(?=,\s+(?-i:[A-Z][a-zA-Z'\-]+)(?:\s+(?-i:[A-Z][a-zA-Z'\-]+)){0,2}\b)",
    re.IGNORECASE,
)
# "Unit 4, 18 Harbour Road": what may come before the house number.
_UNIT_BEFORE = re.compile(
    r"\b(?:unit|level|suite|flat|apt|apartment|floor|shop|office|building|bldg)\.?\s*[\w\-]{1,5},?\s*$",
    re.IGNORECASE,
)
_STREET_ONLY = re.compile(_STREET, re.IGNORECASE)
_MINE = re.compile(
    r"\b(?:my|our)\s+(?:home\s+|office\s+|mailing\s+|postal\s+|street\s+|business\s+)?"
    r"(?:address|office|place|house|home|studio|shop|store)\b[^.!?\n]{0,20}$|"
    r"\b(?:i|we)\s+(?:live|am|are|'m|'re|stay|work|reside)\s+(?:located\s+)?(?:at|on)\s*$|"
    r"\b(?:come|visit|meet)\s+(?:me|us)?\s*(?:at|to)\s*$|"
    r"\b(?:pop|drop|stop|swing|come)\s+(?:by|over|round|in)\b[^.!?\n]{0,60}$|"
    r"\b(?:my|our|the)\s+(?:[\w'\-]+\s+)?(?:workshop|warehouse|showroom|office|studio|clinic|"
    r"practice|firm|shop|store|salon|factory|premises|address)(?:'s\s+address)?\b[^.!?\n]{0,40}$|"
    r"\b(?:office|home|postal|mailing|business|registered|street|shipping|delivery|billing|"
    r"return)\s+address\b[^.!?\n]{0,40}$|"
    r"\b(?:send|ship|mail|post|deliver)\s+(?:it|them|the \w+)\s+to\s*$",
)


def detect(draft: Draft) -> Iterator[Match]:
    """Yield street addresses the draft shares."""
    yield from _local(draft)
    yield from _english(draft)


@cache
def _local_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each language's ``[address] patterns``: addresses written the local way ("Via
    Garibaldi 18, 10122 Torino", "вул. Городоцька, 45, кв. 12"), matched with their case."""
    found = []
    for language in lexicon.languages():
        entries = [str(p) for p in language.data.get("address", {}).get("patterns", [])]
        if entries:
            found.append((language.code, re.compile("|".join(f"(?:{p})" for p in entries))))
    return tuple(found)


def _local(draft: Draft) -> Iterator[Match]:
    """Addresses in the forms of the languages the draft is written in. Each pattern
    holds a street word and a house number, and more (a postcode, a flat, a district),
    so one alone is never enough."""
    if not any(c in DIGITS for c in draft.text):
        return
    for code, pattern in _local_patterns():
        if code not in draft.languages:
            continue
        for m in pattern.finditer(draft.text):
            if not work.quoted_content(draft, m.start()):
                yield Match("address", m.start(), m.end(), evidence={"lang": code})


def _english(draft: Draft) -> Iterator[Match]:
    """Addresses written the English way: house number, street name, street word."""
    # Every address has a street word and starts with its house number at the start of
    # a word, so it is tried only there, and only in drafts that have both.
    if not any(draft.is_whole_word(*span) for span in draft.word_spans(_SUFFIX_WORDS)):
        return
    text = draft.text
    starts = draft.where(DIGITS, word_start=True)
    seen: list[tuple[int, int]] = []
    for m in _matches_at(_FULL, text, starts):
        seen.append(m.span())
        if work.quoted_content(draft, m.start()):
            continue  # an address inside a script or page that is part of the work
        yield Match("address", m.start(), m.end())
    for m in _matches_at(_STREET_ONLY, text, starts):
        if any(a <= m.start() < b for a, b in seen):
            continue
        if work.quoted_content(draft, m.start()):
            continue
        start = m.start()
        if unit := _UNIT_BEFORE.search(text, max(0, start - 24), start):
            start = unit.start()
        before = draft.lower[draft.sentence_bounds(start)[0] : start][-80:]
        if _MINE.search(before) or _STREET_AND_PLACE.match(text, m.start()):
            yield Match("address", start, m.end())


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer`` finds when every match begins at one of ``starts``."""
    done = 0
    for at in starts:
        if at >= done and (m := pattern.match(text, at)) is not None:
            yield m
            done = max(m.end(), at + 1)
