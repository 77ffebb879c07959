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
# A street with no street word ("2245 Kingsway", "10 Downing"), only before a town and a
# postcode no year or price could be: "..., Vancouver BC V5N 2T6", "..., Austin, TX 78701".
_NAMED_ONLY = re.compile(
    r"\b\d{1,6}[a-z]?\s+(?:[A-Z][\w'\-]*\.?\s+){0,3}[A-Z][\w'\-]*,?\s+"
    r"(?:[A-Z][a-zA-Z'\-]+\s?){1,3},?\s+"
    r"(?:[A-Z]{2}\s+\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
)
# Street word first, as in French: "14 Rue des Carmes, 2nd floor, 75005 Paris".
_STREET_FIRST = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|boulevard|bd|place|all[ée]e|chemin|"
    r"impasse|quai|cours|route)\s+(?:(?i:de la|des|du|de|la|le|l['’]|d['’])\s*)?"
    r"[A-ZÀ-Þ][\w'\-]+(?:\s+[A-ZÀ-Þ][\w'\-]+){0,3}[^\n\d]{0,30}?(?:\d{1,2}\w{0,3}[^\n\d]{0,20})?"
    r"\b\d{5}\b(?:\s+[A-ZÀ-Þ][\w'\-]+)?"
)
# Starting with the house, flat, plot or block, ending with the town and its postcode,
# as India and the Philippines write them: "House No. 45, Sector 12, Dwarka, New Delhi
# 110075", "Blk 5 Lot 12, Mabini St., Imus, Cavite 4103".
_LEAD_WORD = re.compile(
    r"\b(?i:house|h\.\s?no|flat|plot|door|d\.\s?no|blk|block)\.?\s*(?i:no\.?\s*)?\d[\w/\-]{0,6}"
    r"(?:\s+(?i:lot)\s*\d{1,4})?(?:,\s*[^,\n]{2,40}?){1,5},?\s*"
    r"[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?\s*[-–,]?\s*(?:\d{6}|\d{3}\s\d{3}|\d{4})\b"
)
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
# A business address whose number is the unit's, the street having none: "Unit 4, Canal
# Wharf, Leeds LS11 5PQ", "Suite 210, Harbor Parkway, Oakland, CA 94607".
_UNIT_LED = re.compile(
    r"\b(?i:unit|suite|flat|office|building|bldg|apt|apartment)\.?\s*\d{1,5}[a-zA-Z]?,\s+"
    rf"(?:[A-Z][\w'\-]*\s+){{1,4}}(?i:{_SUFFIX})\b\.?" + _LOCALITY
)
_UNIT_PROBE = re.compile(r"\b(?:unit|suite|flat|office|building|bldg|apt|apartment)\.?\s*\d")
_STREET_ONLY = re.compile(_STREET, re.IGNORECASE)
# Streets named the Spanish, Italian, French or Portuguese way, in an English sentence:
# "27 Calle del Olmo", "Via Roma 12", "Rua Augusta, 140". Taken only where the writer
# claims the place (_MINE), as a street with no postcode is.
_ROMANCE_WORDS = (
    r"Calle|Carrer|Avenida|Avinguda|Av\.|Paseo|Passeig|Camino|Ronda|Plaza|Pla[cç]a|Rua|"
    r"Travessa|Pra[cç]a|Largo|Via|Viale|Corso|Piazza|Strada|Vicolo|Rue|Chemin|Boulevard|"
    r"Bd\.?|All[ée]e|Impasse|Quai"
)
# After a house number the street word may be written in any case ("27 calle del Olmo"),
# but for the English preposition ("3 via Zoom"); first, only with its capital ("Via Roma
# 12", not "via Zoom 2").
_ROMANCE_STREET_WORD = rf"(?!via\b)(?i:{_ROMANCE_WORDS})"
_ROMANCE_STREET_WORD_CAPITAL = rf"(?:{_ROMANCE_WORDS})"
_ROMANCE_NAME = (
    r"(?:(?i:de la|de los|de las|del|de|des|du|di|della|dei|da|do|dos|das|la|le|les|"
    r"l['’]|d['’])\s*)?"
    r"[A-ZÀ-Þ][\w'\-]+(?:\s+(?:(?i:de|del|di|da|do|la|le)\s+)?[A-ZÀ-Þ][\w'\-]+){0,3}"
)
_ROMANCE_STREET = re.compile(
    rf"\b\d{{1,4}}[a-zA-Z]?,?\s+{_ROMANCE_STREET_WORD}\s+{_ROMANCE_NAME}"
    rf"|\b{_ROMANCE_STREET_WORD_CAPITAL}\s+{_ROMANCE_NAME},?\s+(?:n[ºo°]\.?\s*)?\d{{1,4}}[a-zA-Z]?\b(?![.,]\d)"
)
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


# A place the work is about, named just before its address.
_THE_WORKS = re.compile(
    # "the rental property is at ...", or a sentence of its own: "Property is ..."
    r"(?:(?:^|[.!?:\n])\s*(?:subject\s+|rental\s+|leased\s+)?(?:property|premises|listing|"
    r"venue|site|plot|parcel)\b|"
    r"\b(?:the|this|that|a|each)\s+(?:[\w-]+\s+){0,2}"
    r"(?:property|properties|listing|site|premises|rental|unit|"
    r"building|venue|plot|parcel|project site|house|home|apartment|condo|villa|cabin|"
    r"location to shoot|shoot location|restaurant|store|shop)\b)"
    r"(?:\s+(?:to|we|you|i)(?:'d|'ll|'re|'ve)?\s+[\w\s]{0,20})?"
    r"\s*(?:is|at|:|=|located at|address(?:ed)?)?\s*(?:at\s+)?$|"
    # What the work makes of a place, named just before it: "the floor plan for 1180
    # Harbor View Rd", "drone photos of 22 Oak Lane", "a 3D tour of ..."
    r"\b(?:floor\s*plans?|site\s+plans?|plans|blueprints?|renders?|renderings?|drawings?|"
    r"elevations?|sketch(?:es)?|(?:3d\s+)?models?|photos?|photographs?|photography|"
    r"pictures|shots|footage|videos?|(?:virtual|3d|360)\s+tours?|walk-?throughs?|"
    r"listings?|staging|surveys?|inspections?|appraisals?|valuations?|measurements?|"
    r"remodel|renovation|redesign|landscap\w+|mock-?ups?)\s+(?:for|of|at)\s+"
    r"(?:(?:the|our|their|a)\s+(?:[\w-]+\s+)?(?:property|house|home|unit|building|site|"
    r"apartment|condo|flat|office|lot)\s+(?:at\s+)?)?$"
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
    languages = draft.languages
    patterns = [(code, p) for code, p in _local_patterns() if code in languages]
    if not patterns or not draft.where(DIGITS):
        return
    for code, pattern in patterns:
        for m in pattern.finditer(draft.text):
            if not work.quoted_content(draft, m.start()):
                yield Match("address", m.start(), m.end(), evidence={"lang": code})


def _english(draft: Draft) -> Iterator[Match]:
    """Addresses written the English way: house number, street name, street word."""
    # Every address has a street word and starts with its house number at the start of
    # a word, so it is tried only there, and only in drafts that have both.
    # (Europe writes the street's name first and needs no street word: "Ilica 242,
    # 10000 Zagreb" is looked for wherever a number is followed by a comma.)
    street_word = any(draft.is_whole_word(*span) for span in draft.word_spans(_SUFFIX_WORDS))
    if not street_word and "," not in draft.text:
        return
    text = draft.text
    starts = draft.where(DIGITS, word_start=True)
    seen: list[tuple[int, int]] = []
    full = list(_matches_at(_FULL, text, starts)) if street_word else []
    full += _matches_at(_NAMED_ONLY, text, starts)
    full += _matches_at(_STREET_FIRST, text, starts)
    if _LEAD_PROBE.search(draft.lower):
        full += _LEAD_WORD.finditer(text)
    if street_word and _UNIT_PROBE.search(draft.lower):
        full += _UNIT_LED.finditer(text)
    for m in sorted(full, key=lambda m: (m.start(), -m.end())):
        if any(a <= m.start() < b for a, b in seen):
            continue
        start = m.start()
        if _UNIT_PROBE.match(draft.lower, start):
            pass  # the unit leads already
        elif unit := _UNIT_BEFORE.search(text, max(0, start - 24), start):
            start = unit.start()  # "Flat 3, 27 Wellington Road, ..."
        seen.append((start, m.end()))
        if not _about_the_work(draft, start, m.end()):
            yield Match("address", start, m.end())
    for start, end in _european(draft, starts):
        if any(a <= start < b or start <= a < end for a, b in seen):
            continue
        if not _about_the_work(draft, start, end):
            seen.append((start, end))
            yield Match("address", start, end)
    for m in _matches_at(_STREET_ONLY, text, starts) if street_word else ():
        if any(a <= m.start() < b for a, b in seen):
            continue
        if _about_the_work(draft, m.start(), m.end()):
            continue
        start = m.start()
        if unit := _UNIT_BEFORE.search(text, max(0, start - 24), start):
            start = unit.start()
        before = draft.lower[draft.sentence_bounds(start)[0] : start][-80:]
        if _MINE.search(before) or _STREET_AND_PLACE.match(text, m.start()):
            seen.append((start, m.end()))
            yield Match("address", start, m.end())
    yield from _claimed_romance(draft, seen)


def _claimed_romance(draft: Draft, seen: list[tuple[int, int]]) -> Iterator[Match]:
    """Streets named the Romance way ("my studio is at 27 Calle del Olmo"), claimed."""
    if not _ROMANCE_PROBE.search(draft.lower):
        return
    for m in _ROMANCE_STREET.finditer(draft.text):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in seen):
            continue
        before = draft.lower[draft.sentence_bounds(m.start())[0] : m.start()][-80:]
        if _MINE.search(before) and not _about_the_work(draft, m.start(), m.end()):
            yield Match("address", m.start(), m.end())


_ROMANCE_PROBE = re.compile(
    r"\b(?:calle|carrer|avenida|avinguda|av\.|paseo|passeig|camino|ronda|plaza|pla[cç]a|rua|"
    r"travessa|pra[cç]a|largo|via|viale|corso|piazza|strada|vicolo|rue|chemin|boulevard|bd|"
    r"all[ée]e|impasse|quai)\b"
)


_LEAD_PROBE = re.compile(r"\b(?:house|h\.\s?no|flat|plot|door|d\.\s?no|blk|block)\b")


def _in_the_works_content(draft: Draft, start: int, end: int) -> bool:
    """An address inside a script, page or sample data that is part of the work, or a
    field of a record on a row of them ("Jane Doe | 14 Oak Lane, Dayton | ...")."""
    return (
        work.quoted_content(draft, start)
        or work.sample_value(draft, start)
        or work.format_example(draft, start)
        or work.data_row(draft, start, end)
        or work.verbatim(draft, start)
        or work.ours_held_by_content(draft, start)
    )


def _about_the_work(draft: Draft, start: int, end: int) -> bool:
    """The above, or a place the work is about, named just before the address ("the
    property to render is 2150 Ocean Ave"), or in content the work is about, an address
    said to be somebody else's ("the header has the clinic's phone and address (...)")."""
    before = max(0, start - 60)
    return (
        _in_the_works_content(draft, start, end)
        or bool(_THE_WORKS.search(draft.lower, before, start))
        or bool(
            (
                _THEIRS.search(draft.lower, before, start)
                or _PARTY_AT.search(draft.lower, before, start)
            )
            and work.about_content(draft)
        )
        or bool(_NOT_MINE.search(draft.lower, max(0, start - 80), start))
        or bool(_COMPANY_SEAT.search(draft.lower, before, start))
        or bool(_GIVEN_BY_READER.search(draft.lower, before, start))
        or _for_a_page(draft, start)
    )


# An address the reader gave, said back: "the property address you gave (1420 Cedar ...)".
_GIVEN_BY_READER = re.compile(
    r"\b(?:address|location|property|site|venue)\s+(?:that\s+)?(?:you|u)\s+(?:just\s+|already\s+)?"
    r"(?:gave|sent|provided|shared|listed|mentioned|gave me|sent me|put)\b(?:\s+(?:me|us))?"
    r"(?:\s+(?:earlier|before|above|in the brief|in the job post))?\s*[:(\-]?\s*$"
)


# An address given to a part of the page or print piece the work makes: "our address only
# on the contact page (221 Harbor Blvd", "for the footer: ...". Read only in a draft
# about content; a way to come or write to the writer is no part ("visit us on ...").
_FOR_A_PAGE = re.compile(
    r"\b(?:on|for|in|into)\s+(?:the|our|each|every)\s+(?:[\w-]+\s+){0,2}"
    r"(?:contact(?:\s+us)?\s+page|about\s+page|footers?|headers?|mock-?ups?|letterhead|flyers?|"
    r"business\s+cards?|landing\s+page|map)\s*(?:[:(\-]|\bsays?|\breads?|\bis)?\s*$"
)
_TO_THE_WRITER = re.compile(r"\b(?:me|visit|find|come|meet|reach|write|mail|send)\b")


def _for_a_page(draft: Draft, start: int) -> bool:
    """Whether the address is given, in a draft about content, to a part of the page
    or print piece the work makes."""
    a = max(draft.sentence_bounds(start)[0], start - 80)
    found = _FOR_A_PAGE.search(draft.lower, a, start)
    return (
        found is not None
        and work.about_content(draft)
        and not _TO_THE_WRITER.search(draft.lower, a, found.start())
    )


# A company describing itself, as job posts do: "founded in 1998, headquartered at ...".
_COMPANY_SEAT = re.compile(r"\bheadquartered\s+(?:at|in)\s*$")


# "the venue for the shoot, not mine: 22 Fenwick Lane": the writer says it is not theirs.
_NOT_MINE = re.compile(
    r"\b(?:not|isn'?t|isn’t)\s+(?:mine|ours|my\s+(?:own|home|house|place|address|flat)|"
    r"our\s+(?:office|address|home))\b"
)


# An address named as a third party's: "the clinic's address (", "their office address:".
_THEIRS = re.compile(
    work.THEIRS_BEFORE + r"(?:[^.!?\n]{0,30}\s(?:and|&)\s+)?"
    r"(?:address|office|premises|headquarters|hq|location)\s*[:(\-]?\s*$"
)


# A party a document under review names, at its address: "Section 7.2 lists the registered
# agent at ...", "the landlord, ...", "the seller (...".
_PARTY_AT = re.compile(
    work.THEIRS_BEFORE + r"(?:agent|landlord|tenant|lessor|lessee|seller|buyer|vendor|"
    r"supplier|licensor|licensee|borrower|lender|guarantor|grantor|grantee|trustee|employer|"
    r"contractor|subcontractor|company|corporation|llc|member|members|party|parties|"
    r"manufacturer|distributor|insurer|claimant|defendant|plaintiff)"
    r"\s*(?:,\s*|\(\s*|:\s*|(?:is\s+)?(?:located\s+|based\s+|registered\s+)?at\s+)$"
)


# "Lindenstraße 42, 10969 Berlin", "ul. Długa 5, 00-238 Warszawa": the street's name, its
# number, then a postcode and a place, as most of Europe writes them.
_EU_TAIL = re.compile(
    r"\d{1,4}[a-zA-Z]?(?:/\d{1,4})?,\s*(?:[A-Z]{1,2}-)?"
    # "10000", Sweden's and Czechia's "111 34", Poland's "00-400", Portugal's "1000-205"
    r"(?P<code>\d{5}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{4})"
    r"\s+[A-ZÀ-Þ][\w'\-]+"
)
_EU_STREET = re.compile(
    r"(?:\b(?:ul\.|al\.|rue|via|viale|calle|carrer|avenida|av\.|rua|str\.|piazza|plaza|strada)\s+)?"
    r"[A-ZÀ-Þ][\w'\-.]*(?:[ ]+(?:[\w'\-.]+)){0,3}[ ]+$"
)
_EU_STREET_WORD = re.compile(
    r"(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|laan|straat|gracht|plein|gade|vej|gatan|"
    r"v[äa]gen|ulica|utca|ilica|rue|via|viale|calle|carrer|avenida|rua|piazza|plaza|strada|"
    r"ul\.|al\.)",
    re.IGNORECASE,
)


def _european(draft: Draft, starts: list[int]) -> Iterator[tuple[int, int]]:
    """Spans of addresses written street name first, then number, postcode and place."""
    text = draft.text
    for at in starts:
        tail = _EU_TAIL.match(text, at)
        if tail is None:
            continue
        street = _EU_STREET.search(text, max(0, at - 40), at)
        if street is None:
            continue
        # A four-digit postcode is also a year or a count: then the street must say so.
        if len(tail.group("code")) == 4 and not _EU_STREET_WORD.search(street.group(0)):
            continue
        yield street.start(), tail.end()


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer`` finds when every match begins at one of ``starts``."""
    done = 0
    for at in starts:
        if at >= done and (m := pattern.match(text, at)) is not None:
            yield m
            done = max(m.end(), at + 1)
