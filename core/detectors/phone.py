"""Phone numbers, however they are written, validated with libphonenumber's metadata."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from presend.core import lexicon, work
from presend.core.detectors import bank
from presend.core.draft import DIGITS, REACH, Draft
from presend.core.model import Match, Status
from presend.core.normalize import SPOKEN_DIGITS
from presend.core.rulepack import vocabulary

# A run of digits with the separators people put in phone numbers. Bounded, so a long
# run of digits and dashes costs linear time.
# Word characters here are ASCII ones: a number may stand right against Chinese or
# Korean text ("电话13800138000", "010-1234-5678입니다"). A dash before it is another
# number's, except after a Hebrew letter: Hebrew joins its prefixes with one ("ל-052-...").
_INTERNATIONAL_SOURCE = (
    r"(?<![A-Za-z0-9_$€£¥#/.,])(?<![^\u05d0-\u05ea]-)\+[ ]?\d{1,3}[ \-._/()\n]{0,3}\d{1,5}"
    r"(?:[ \-._/()\n]{0,3}\d{2,5}|[ \-._/()\n]{1,3}\d(?!\d)){2,5}"
    r"(?:[ \-._/()\n]{1,3}\d{1,5}(?!\d)){0,8}(?![A-Za-z0-9_%])"
)
# An international number is read first: it may run over line breaks ("+254 712\n345",
# "+33\n6 12\n34 56 78"), where the general reading stops.
_CANDIDATE = re.compile(
    _INTERNATIONAL_SOURCE
    # After a colon only where a label ends ("Phone:415-...", "携帯：090-..."), never
    # a time's or a port's digits ("10:30", "host:8080").
    + r"|(?<![A-Za-z0-9_+$€£¥#/.,])(?<![^\u05d0-\u05ea]-)(?<![\d/]:)"
    r"(?:\+|00)?[ ]?[(\[]?\d[\d()\[\]. \-_/*;$~|]{5,30}\d"
    r"(?![A-Za-z0-9_%])"
)
# Words that introduce a phone number (matched as whole words).
_PHONE_CUE = tuple(
    """call calls phone ph tel telephone mobile mob cell cellphone number no. num text txt sms
    whatsapp whats_app viber signal telegram imo reach contact ring dial hotline landline
    fax wa line voicemail digits""".replace("_", " ").split()
)
# Words that introduce some other kind of number; "#" as in "order #4471".
_OTHER_NUMBER_CUE = tuple(
    """order invoice inv id ids isbn issn tracking ticket ref reference transaction txn
    serial sku item confirmation po receipt account acct routing iban card zip postal
    code pin otp version build release patent license licence lot batch model part doi pmid
    ein vat tax ssn record row sample job contract project timestamp epoch unix hash
    checksum coordinates lat lng latitude longitude budget price salary revenue views zips
    zipcodes postcodes
    downloads followers users subscribers apn parcel drawing dwg docket
    membership member certificate certification cert credential registration reg passport
    accreditation badge validation transcript enrollment enrolment student employee npi
    rev revision filename
    #""".split()
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
_RUN_ON = re.compile(r"[\d()\[\]. \-_/*;$~|\n]{4}")
# Separators nobody types in a number unless hiding it from a filter: underscores,
# stars, semicolons, runs of dots, every digit on its own (dashes may be spaced:
# "2 2 1 - 4 8 7 - 3 3 0 9").
_ODD_SEPARATORS = re.compile(r"[_*;$~|]|\.\.|\n|(?:\d(?:[ .\-]| [.\-] )){6}\d")
_NOT_DIGIT = re.compile(r"\D")
_TIME_AFTER = re.compile(r":\d\d")
_DATE = re.compile(r"^\d{1,4}[./\- ]\d{1,2}[./\- ]\d{1,4}$")
# A date at the start, with a time or more after it: "2012-01-02 08:00", "03/27/2011 9".
_DATE_PREFIX = re.compile(r"^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b")
_YEARS = re.compile(r"^(?:19|20)\d\d\s?[-/\u2013\u2014]\s?(?:19|20)\d\d$")
# Two amounts around a dash: "2500–3500", "2 500 - 3 500", "25.000–35.000" (thousands
# may be spaced, or dotted as in most of Europe and Latin America).
_RANGE = re.compile(
    r"^([1-9]\d{0,2}(?:[ .]\d{3})*|[1-9]\d*) ?[-\u2013\u2014] ?"
    r"([1-9]\d{0,2}(?:[ .]\d{3})*|[1-9]\d*)$"
)
_EUROPEAN_PAIRS = re.compile(r"^0\d(?:[ .\-]\d\d){4}$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_GROUPED_PHONE = re.compile(
    r"^[(\[]?\d{3}[)\]]?[ .\-]?\d{3}[ .\-]\d{4}$"  # North American 415-555-0132
    r"|^0\d{2,4}[ .\-]?\d{3,4}[ .\-]?\d{3,4}$"  # trunk-prefixed national 07911 123456
    r"|^\d{2,5}(?:[ .\-]\d{2,5}){2,4}$"  # grouped digits in general
)
# Regions people on marketplaces most often write national numbers for; an
# international number (with + or 00) needs none of these.
_REGIONS = (
    "US", "GB", "IN", "PK", "PH", "NG", "BD", "UA", "CA", "AU", "KE", "EG", "DE", "FR",
    "ES", "IT", "BR", "MX", "ZA", "ID", "VN", "LK", "NP", "RS", "PL", "RO", "TR", "AR",
    "CO", "MA", "GH", "NL", "IE", "NZ", "AE", "SA",
)  # fmt: skip


#: Validity of (digits, national-or-00) for the numbers of one draft.
Memo = dict[tuple[str, bool], bool]


def detect(draft: Draft) -> Iterator[Match]:
    """Yield every phone number in the draft."""
    memo: Memo = {}
    content: set[str] = set()  # the digits of numbers that belong to the work's content
    for m in _candidates(draft):
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        if m.group(0)[lead:].startswith("(") and ")" not in m.group(0):
            lead += 1  # "(0049 30 1234567)": the bracket holds the number, not an area code
        if _NOT_DIGIT.sub("", m.group(0)).endswith(_NO_LINE):
            continue  # "Call 0800 000 0000 today!", "(555) 000-0000": a stand-in, nobody's
        found = _one_number(draft, m.start() + lead, m.end(), memo)
        pieces = [found] if found is not None else []
        raw = draft.text[m.start() + lead : m.end()]
        if not pieces and not _amount_range(raw) and not _card_number(raw):
            # Two numbers written side by side ("415-555-0132 212-555-0147") read as one
            # run; try the space-separated pieces from the left, longest first. (Not in
            # a budget's range, "15 000–20 000 Kč": its "15 000–20" is no number.)
            pieces = list(_pieces(draft, m.start() + lead, m.end(), memo))
        for piece in pieces:
            if _inside(piece, bank.iban_spans(draft)):
                continue  # digit groups of an IBAN, which the bank detector judges
            if _in_hex_dump(draft, piece):
                continue  # "19 8b 74 36 45 88": bytes pasted from a dump
            yield _as_content(draft, piece, content)
    yield from _in_parts(draft)


# No line ends in seven zeros: a number that does is a template's stand-in.
_NO_LINE = "0000000"


# Bytes written as two hex digits between spaces, six or more in a row, one of them a
# digit and a letter together ("19 8b 74 36 45 88"): a developer's dump, whose decimal
# stretch ("74 36 45 88") or whose "8b" read as "88" only looks like a number. A number
# followed by a word of two hex letters ("06 12 34 56 78 de ...") has no such byte.
_HEX_DUMP = re.compile(r"(?<![\w])(?:[0-9a-f]{2}[ \t]+){5,}[0-9a-f]{2}(?![\w])", re.IGNORECASE)
_HEX_BYTE = re.compile(r"(?<![\w])(?:\d[a-f]|[a-f]\d)(?![\w])", re.IGNORECASE)


def _in_hex_dump(draft: Draft, found: Match) -> bool:
    """Whether the user's characters behind ``found`` lie inside a hex dump's line."""
    start, end = draft.norm.span(found.start, found.end)
    return any(run_start <= start and end <= run_end for run_start, run_end in _hex_dumps(draft))


def _hex_dumps(draft: Draft) -> list[tuple[int, int]]:
    """The hex dumps in the user's text, found once per draft: a run never crosses a line
    break, so one pass over the whole text finds what a pass per line would."""
    spans = draft.memo.get("hex_dumps")
    if not isinstance(spans, list):
        found = _HEX_DUMP.finditer(draft.norm.original)
        spans = [run.span() for run in found if _HEX_BYTE.search(run.group(0))]
        draft.memo["hex_dumps"] = spans
    return spans


def _inside(found: Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start and found.end <= end for start, end in spans)


def _as_content(draft: Draft, found: Match, content: set[str]) -> Match:
    """The script's "call 0800 123 4567", then "read it as 0800 - 123 - 4567": a number
    said again after it was found in the work's content is the content's too."""
    digits = _NOT_DIGIT.sub("", draft.text[found.start : found.end])
    if found.status == "topic":
        content.add(digits)
    elif found.status == "breach" and digits in content:
        return replace(found, status="topic")
    return found


# A number given in parts, so no part reads as one: "my number ends in 0457, the first
# part is +1 503 555", "second half of my cell: 555 0164 (first was 202)".
# Also after an area code, the rest told over prose: "area code is 415, first three after
# that are 882, and the last part is 20 31" (ten digits in all, a North American number).
_PARTS_GATE = (
    "part", "half", "bit", "ends", "end in", "end with", "starts", "begins", "digits", "area code"
)  # fmt: skip
_AREA_CODE = re.compile(r"area\s+code")
_NEXT_PART = re.compile(
    r"\b(?:then|after that|next|last|rest|followed by|first three|last four|middle|"
    r"ends?\s+(?:in|with))\b"
)
_PARTS_CUE = re.compile(
    r"\barea\s+code\s*(?:is\b|:|=)?|"
    r"\b(?:(?:number|cell|phone|mobile|whats\s?app)(?:\s+(?:no\.?|number))?\s+"
    r"(?:ends?|starts?|begins?)\s+(?:in|with)|"
    r"(?:first|second|third|last|other|next|rest)\s+(?:part|half|bit|digits)\s+of\s+"
    r"(?:my|our|the)\s+(?:(?:personal|cell|phone|mobile|work|whats\s?app)\s+)?"
    r"(?:number|cell|phone|mobile)|"
    # "first part is 0171 ... rest on the next line: 234 55 89, that's my whatsapp": the
    # parts' number named only around them (see _CLAIMED_NEAR)
    # ("part 1: 0812, part 2: 7736 ...", "1st part 0812 / 2nd part ...")
    r"(?P<bare>(?:(?:first|second|last|1st|2nd)\s+(?:part|half|bit)|part\s+(?:1|one|#1))"
    r"(?:\s+is|\s*[=:])?))\b"
)
_COUNTED = re.compile(
    r"\s*(?:words?|hours?|hrs?|days?|weeks?|pages?|items?|minutes?|mins?|slides?|rows?|"
    r"usd|eur|dollars?|euros?|%|k\b)"
)
# Words that make a bare "first part is ..." someone's number to call.
_CLAIMED_NEAR = re.compile(
    r"\b(?:whats\s?app|viber|signal|call\s+me|text\s+me|message\s+me|my\s+(?:number|cell|phone|"
    # ("that's my WA", "my tg"): a chat app's short name after "my"
    r"mobile|wa|whats|tg|tele|telegram)|(?:that'?s|thats|it'?s)\s+(?:my\s+)?(?:number|cell|phone|"
    r"mobile|whats\s?app|wa|whats|tg|tele|telegram)"
    # "... last 0199, u know what to do": the reader told to put the parts together
    r"|(?:you|u)\s+know\s+what\s+to\s+do|put\s+(?:it|them|those)\s+together)\b"
)
# A part: digits in groups, or said one at a time ("8 0 6", "9 oh 2").
_ONE_DIGIT = r"(?:\d|" + "|".join(SPOKEN_DIGITS) + ")"
# (a part said in words opens with a digit word other than "oh")
_FIRST_WORD = "|".join(w for w in SPOKEN_DIGITS if w != "oh")
_PART_DIGITS = re.compile(
    rf"(?<![\w/.:,])(?:(?=\d|(?:{_FIRST_WORD}) )"
    rf"{_ONE_DIGIT}(?: {_ONE_DIGIT}){{2,5}}(?![\w/:%]|[.,]\d)"
    r"|\+?\d{1,4}(?:[ .\-]\d{2,4}){0,3}(?![\w/:%]|[.,]\d))"
)
# How far after the cue the other parts may stand.
_PARTS_REACH = 90


def _in_parts(draft: Draft) -> Iterator[Match]:
    lower = draft.lower
    if not any(word in lower for word in _PARTS_GATE):
        return
    for cue in _PARTS_CUE.finditer(lower):
        if draft.has_word_within(_OTHER_NUMBER_CUE, cue.start() - 24, cue.start() + 1):
            continue  # "my card number ends in 4421": another kind of number
        end_line = lower.find("\n\n", cue.end())
        hi = min(cue.end() + _PARTS_REACH, len(lower) if end_line < 0 else end_line)
        parts = [p for p in _PART_DIGITS.finditer(lower, cue.end(), hi) if len(p.group(0)) > 2]
        parts += _later_parts(lower, parts[-1].end() if parts else hi)
        digits = "".join(_part_digits(p.group(0)) for p in parts)
        if _AREA_CODE.match(cue.group(0)) and (
            len(digits.removeprefix("1")) != 10
            or not _NEXT_PART.search(lower, cue.end(), parts[-1].start() if parts else cue.end())
        ):
            continue  # "area code 415, zip 94103": not a whole number told in turn
        if cue.group("bare") and (
            not _CLAIMED_NEAR.search(lower, max(0, cue.start() - 60), min(len(lower), hi + 60))
            or any(_COUNTED.match(lower, p.end()) for p in parts)
        ):
            continue  # "the first part is 1200 words, the second 800": no number to call
        if len(parts) >= 2 and 7 <= len(digits) <= 15:
            yield Match("phone", cue.start(), parts[-1].end(), evidence={"digits": digits})


def _part_digits(part: str) -> str:
    return "".join(SPOKEN_DIGITS.get(tok, _NOT_DIGIT.sub("", tok)) for tok in part.split())


def _later_parts(lower: str, end: int) -> list[re.Match[str]]:
    """Parts further on, each said to follow the one before ("..., middle part is 8 0 6,
    I'd fix that first, and it ends with 4471"): at most two, before a blank line."""
    later: list[re.Match[str]] = []
    while len(later) < 2:
        stop = lower.find("\n\n", end, end + _PARTS_REACH)
        hi = min(len(lower), end + _PARTS_REACH) if stop < 0 else stop
        nxt = next((p for p in _PART_DIGITS.finditer(lower, end, hi) if len(p.group(0)) > 2), None)
        if nxt is None or not _NEXT_PART.search(lower, max(end, nxt.start() - 30), nxt.start()):
            break
        later.append(nxt)
        end = nxt.end()
    return later


def _candidates(draft: Draft) -> Iterator[re.Match[str]]:
    """``_CANDIDATE.finditer``, tried only where a candidate can start: its first digit
    begins a word (the pattern's look-behind sees to that) and at most "+ (" comes
    before it ("[" too)."""
    text = draft.text
    done = 0
    for digit in draft.where(DIGITS):
        if digit and _ASCII_WORD.match(text, digit - 1):
            continue  # inside an ASCII word or number: no candidate starts here
        # Every candidate runs on for at least four more digits or separators.
        if _RUN_ON.match(text, digit + 1) is None:
            continue
        for start in range(max(done, digit - 3), digit + 1):
            if start < digit and text[start] not in "+([ ":
                continue
            if (m := _CANDIDATE.match(text, start)) is not None:
                yield m
                done = m.end()
                break
        else:
            done = max(done, digit + 1)


def _one_number(draft: Draft, start: int, end: int, memo: Memo) -> Match | None:
    raw = draft.text[start:end]
    digits = _NOT_DIGIT.sub("", raw)
    if not 7 <= len(digits) <= 15 or _looks_like_something_else(raw, draft.text, end):
        return None
    verdict = _judge(draft, raw, digits, (start, end), memo)
    if verdict is None:
        return None
    type_ = (
        "phone_lookalike"
        if _look_alike_digits(draft.norm.original_text(start, end), draft.norm.original)
        else "phone"
    )
    return Match(type_, start, end, status=verdict, evidence={"digits": digits})


def _look_alike_digits(original: str, whole: str) -> bool:
    """Whether the number is written with digits of another script that look like other
    digits (a Gujarati "૫" looks like 4 and is 5): read by value, but a trick to flag.
    Not when every digit is of one script and the draft is written in that script's
    letters: an Arabic draft's "٠١١ ٤٦٥ ٧٨٩٠" is its own way of writing numbers."""
    if original.isascii():
        return False
    if _native_digits(original, whole):
        return False
    table = _look_alikes()
    return any(table.get(ch) not in (None, str(unicodedata.decimal(ch, -1))) for ch in original)


def _native_digits(original: str, whole: str) -> bool:
    """Whether all of the number's digits belong to one script whose letters the draft
    is written in (by Unicode name: "ARABIC-INDIC DIGIT FIVE" and "ARABIC LETTER ALEF")."""
    scripts = {
        unicodedata.name(ch, "").split(" DIGIT")[0].removeprefix("EXTENDED ").split("-")[0]
        for ch in original
        if ch.isdigit()
    }
    return len(scripts) == 1 and _has_letters(whole, scripts.pop())


def _has_letters(text: str, script: str) -> bool:
    """Whether the text holds a letter of the script (by Unicode name)."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith(script + " ") for ch in text)


@cache
def _look_alikes() -> dict[str, str]:
    """Digits of other scripts and the ASCII digit each resembles: Unicode's confusables
    list where it names one, and the vocabulary's own additions."""
    from presend.core import confusables  # noqa: PLC0415

    table = {
        ch: ascii_
        for ch, ascii_ in confusables.fold_table().items()
        if ascii_.isdigit() and unicodedata.decimal(ch, None) is not None
    }
    table.update(vocabulary()["look_alike_digits"])
    return table


def _pieces(draft: Draft, start: int, end: int, memo: Memo) -> Iterator[Match]:
    bounds = [start] + [start + g.end() for g in re.finditer(r" +", draft.text[start:end])]
    ends = [start + g.start() for g in re.finditer(r" +", draft.text[start:end])] + [end]
    i = 0
    while i < len(bounds):
        for j in range(len(ends) - 1, i - 1, -1):
            if (i, j) == (0, len(ends) - 1):
                continue  # the whole run was tried already
            found = _one_number(draft, bounds[i], ends[j], memo)
            if found is not None:
                yield found
                i = j
                break
        i += 1


# A payment card's number as cards print it: four groups of four (16 digits), Amex's
# 4-6-5, Diners' 4-6-4, or 19 digits as 4-4-4-4-3.
_CARD_SHAPE = re.compile(
    r"^\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?$|^\d{4}([ \-])\d{6}\2\d{4,5}$"
)


def _card_number(raw: str) -> bool:
    """ "test Visa 4084 0840 8408 4081": a card number (its shape and Luhn checksum), whose
    first groups are no phone number written beside another."""
    if _CARD_SHAPE.match(raw) is None:
        return False
    digits = [int(c) for c in reversed(_NOT_DIGIT.sub("", raw))]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _counting(raw: str) -> bool:
    """ "one, two, three ... nine", "ichi ni san yon go roku": counting up one by one in a
    language lesson or a song, from 0 or 1 to at least 6, not a number anybody has."""
    digits = "".join(c for c in raw if c.isdigit())
    if digits.endswith("910"):
        digits = digits[:-2]  # "... nine, ten"
    return len(digits) >= 6 and ("0123456789".startswith(digits) or "123456789".startswith(digits))


# A group of stars standing for digits, set off like one of the number's groups: a
# masked number ("010-****-5678", "(415) ***-0188") shows too few digits to reach anyone.
# Stars run into the digits ("415*555*0132") separate groups, a disguise; so do stars
# between groups when every digit is still there.
_MASKED_GROUP = re.compile(r"(?:^|(?<=[ \-.()/\[\]]))\*{2,5}(?=$|[ \-.()/\[\]])")
_MASKED_MOST_DIGITS = 9


def _masked(raw: str, digits: str) -> bool:
    """Whether some of the number's digits are hidden behind a group of stars (unless
    claimed: "my number 555 *** 0132" hides the digits from a filter, not from the reader)."""
    return len(digits) <= _MASKED_MOST_DIGITS and _MASKED_GROUP.search(raw) is not None


def _looks_like_something_else(raw: str, text: str, end: int) -> bool:
    if _EUROPEAN_PAIRS.match(raw):
        return False  # "06.12.34.56.78" starts like a date but is a French mobile
    if _YEARS.match(raw):
        return True  # "2016-2020", "1998 - 2004": years on a CV
    if _amount_range(raw):
        return True
    if _DATE.match(raw) or _DATE_PREFIX.match(raw) or _IPV4.match(raw):
        return True
    if _counting(raw):
        return True
    if _LEDGER_AMOUNT.search(raw):
        return True  # "...5519 ... -450.00": a statement line's signed amount, with cents
    if _VERSIONS.fullmatch(raw):
        return True  # "1.2.3 - 1.2.9 - 2.0.1": versions in turn
    groups = raw.split()
    if len(groups) >= 4 and all(g.isdigit() and len(g) <= 3 for g in groups):
        sizes = [int(g) for g in groups]
        if sizes == sorted(sizes) and not groups[0].startswith("0"):
            return True  # "12 14 16 18 24": a list of sizes or counts, rising
    if _TIME_AFTER.match(text, end):  # "... 08:00": a time follows
        return True
    if _THOUSANDS.match(raw) and _CURRENCY_AFTER.match(text, end):
        return True  # "12.500.000đ", "1 250 000 ₫", "4.500 €": a price in thousands
    # "12,000 - 15,000 users", "1 000 000 EUR", "2024-2025": ranges and amounts.
    # The unit must end there: "0551234567 msg me" is a number and a word, not 55 ms.
    return _UNIT_AFTER.match(text, end) is not None


# A signed amount with cents at the end, after a space: "-450.00", "−1,284.50".
_LEDGER_AMOUNT = re.compile(r"\s[-\u2212]\d{1,3}(?:,\d{3})*\.\d\d$")
# Versions of three parts or fewer, one digit each, between dashes or slashes.
_VERSIONS = re.compile(r"\d(?:\.\d){1,2}(?: ?[\-\u2013\u2014/] ?\d(?:\.\d){1,2})+")
_UNIT_AFTER = re.compile(r" (?:usd|eur|gbp|inr|ms|px|kb|mb|gb)\b", re.IGNORECASE)
# A round amount grouped in thousands ("12.500.000", "1 250 000") and a currency sign or
# word right after it, as prices are written in Vietnamese, Polish, Turkish ... drafts.
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:[ .,\u00a0\u202f]\d{3}){2,}$")
_CURRENCY_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:[đ₫€£¥₹₺₽₴₩$]|đồng\b|vnđ\b|vnd\b|zł|kč\b|ft\b|lei\b|kr\b|tl\b|rp\b)(?!\w)",
    re.IGNORECASE,
)


# A regular expression for numbers: "\d{3}", "\d+", "[0-9]".
_PATTERN_SYNTAX = re.compile(r"\\d(?:\{\d|[+*?])|\[0-9\]")


def _after_a_pattern(draft: Draft, start: int) -> bool:
    """ "the regex ^\\(?\\d{3}... matches (555) 012-2340": a number given, on the same line,
    after a pattern written for numbers is a test value for it, not the writer's."""
    if "number_patterns" not in draft.memo:  # once per draft: most hold no pattern at all
        draft.memo["number_patterns"] = "\\d" in draft.text or "[0-9]" in draft.text
    if not draft.memo["number_patterns"]:
        return False
    reach = max(0, start - 160)
    line_start = draft.text.rfind("\n", reach, start) + 1
    return _PATTERN_SYNTAX.search(draft.text, max(line_start, reach), start) is not None


def _amount_range(raw: str) -> bool:
    """ "2500–3500", "12 000 - 15 000": a range of two round amounts of the same size,
    the second the larger (a budget or a rate), is no phone number."""
    m = _RANGE.match(raw)
    if m is None:
        return False
    low, high = (int(g.replace(" ", "").replace(".", "")) for g in m.groups())
    return low % 10 == 0 and high % 10 == 0 and low < high < 10 * low


def _code_range(raw: str) -> bool:
    """ "80202–80239": a range of codes of one length, a little apart. A phone's two
    halves can look so too ("98450-98521"), so only where nothing says "phone"."""
    m = _RANGE.match(raw)
    if m is None:
        return False
    first, second = m.groups()
    return (
        len(first) == len(second) >= 5
        and first.isdigit()
        and int(first) < int(second) < int(first) + 1000
    )


def _judge(
    draft: Draft,
    raw: str,
    digits: str,
    span: tuple[int, int],
    memo: Memo,
) -> Status | None:
    start, end = span
    international = raw.startswith(("+", "00"))
    owned = _owned(draft, start) or _claimed_after(draft, end)
    # A number of a range kept for fiction is made up unless claimed: "call me on ..."
    # next to it; "my number ... it's" in its sentence ("here's my direct line ...: (503)
    # 555-0162"), or written in words or disguised ("text me whenever: four one five, five
    # five five, zero one ..."), outside quotation marks; or both. Words quoted from a
    # transcript or record stay made up, as do a quoted script's lines. (A drama range's
    # number is given as one's own when its sentence claims it or it is disguised.)
    quoted = work.in_quotes(draft.text, start)
    made_up = False
    fiction = _fictional(digits)
    if not owned and (fiction or _drama_number(digits)):
        disguised = draft.norm.original_text(start, end) != raw
        claimed = _claimed_in_sentence(draft, start)
        if fiction:
            made_up = not ((disguised and claimed) or (not quoted and (disguised or claimed)))
        else:
            made_up = not disguised and not claimed
    if (made_up and (work.about_content(draft) or work.about_records(draft))) or (
        quoted and work.about_content(draft)
    ):
        status: Status = "topic"  # a script's, a mock-up's or a sample record's number
    elif not owned and (
        work.format_example(draft, start)
        or _after_a_pattern(draft, start)
        or work.data_row(draft, start)
        or work.sample_value(draft, start)
        or work.beside_fiction(draft, start, end)
        or work.verbatim(draft, start)
        or _masked(raw, digits)
    ):
        status = "topic"  # an example of a format the work handles, or a record's number
    elif work.ours_held_by_content(draft, start):
        status = "topic"  # "Lines include our number (0113 ...)": the script's, though ours
    elif (
        _THIRD_PARTY_LINE.search(draft.lower, max(0, start - 40), start)
        or work.hotline(draft, start)
    ) and work.about_content(draft):
        status = "topic"  # "the manual lists the support hotline ...": the content's number
    elif _FOR_A_PART.search(draft.lower, max(draft.sentence_bounds(start)[0], start - 80), start):
        status = "topic"  # "the number for the button is our shop line ...": the site's
    elif _disowned(draft, start, end):
        status = "topic"  # "(+49 30 ...) is the tourist office from the brochure, not mine"
    elif not owned and _PUBLIC_OFFICE.search(draft.lower, max(0, start - 80), start):
        status = "topic"  # a public office's line, not anybody's own
    elif _YOUR_LINE.search(draft.lower, max(0, start - 60), start):
        status = "topic"  # "the phone number on your Contact page (020 ...)": theirs
    elif (
        _other_number_cue_before(draft, start)
        or _standard_clause(draft, raw, start)
        or (
            not owned
            and _code_range(raw)
            and not draft.has_word_within(_PHONE_CUE, start - 40, start)
            and not _phone_cue_in_sentence(draft, start)
        )
    ):
        return None
    elif (
        international
        or _GROUPED_PHONE.match(raw)
        or draft.norm.original_text(start, end) != raw  # spelled out or disguised
        or _ODD_SEPARATORS.search(raw) is not None
        or draft.has_word_within(_PHONE_CUE, start - 40, start)
        or _phone_cue_in_sentence(draft, start)
        or _local_cue_before(draft, start)
        or _phone_hash_before(draft, start)
        or _LABEL_BEFORE.search(draft.lower, max(0, start - 12), start) is not None
    ):
        status = "breach"
    else:
        # A bare run of digits with nothing saying "phone": most likely an ID or amount.
        return None
    # Only now the expensive part: does libphonenumber know such a number?
    national_or_00 = raw.startswith("00") or not international
    if _valid(digits, national_or_00, memo, _local_regions(draft)):
        return status
    # "call me: +44 7700 900318": right after words that say "phone", a number of a
    # possible length counts even if no operator has it yet (or it is a drama number).
    if (
        draft.has_word_within(_PHONE_CUE, start - 24, start)
        or _local_cue_before(draft, start, 24)
        or _LABEL_BEFORE.search(draft.lower, max(0, start - 12), start) is not None
    ) and _possible(digits, international):
        return status
    return None


# A signature's one-letter label for a line, at a line's start or after a pipe:
# "M: +44.7700.900.412", "T: 020 7946 0018 | M: 07700 900412" (Mobile, Tel, Phone, Cell).
_LABEL_BEFORE = re.compile(r"(?:^|\n|\|)[ \t]*(?:m|t|p|c|mob|mb|tel|ph)\.?[ \t]*:[ \t]*\(?$")


# A number introduced as somebody else's line: "the support hotline", "the shop's number".
_THIRD_PARTY_LINE = re.compile(
    r"\b(?:the|its|their|a|an|[a-z]+'s)\s+(?:[\w-]+\s+){0,2}(?:hotline|helpline|phone number|"
    r"number|phone|line|fax|switchboard|reception)"
    # how the content writes it: "the callback number is written 01 23 45 67 89"
    r"(?:\s+(?:is|was|are|appears)\s+(?:written|given|listed|shown|printed|spelled|spelt|"
    r"formatted|typed)(?:\s+(?:as|like))?)?"
    # where the content shows it: "the phone number on page 3 ("
    r"(?:\s+(?:on|in|at|from)\s+(?:the\s+)?(?:page|p\.|slide|line|section|row|paragraph|"
    r"footer|header|cover|back)(?:\s+\d+)?)?\s*[:\-(]?\s*$"
)
# A number given to a part of the work: "the number for the WhatsApp button is our shop
# line ...", "phone in the footer should be ...".
_FOR_A_PART = re.compile(
    r"\b(?:number|phone|line)\s+(?:for|on|in|behind)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}"
    r"(?:button|widget|footer|header|banner|cta|schema|listing|template|landing page|chat link)\s+"
    r"(?:is|will be|should be|must be|:)"
    r"(?:(?!\b(?:me|my|call|text|reach)\b)[^.!?\n]){0,40}$"
)
# A number said, right after it, to be somebody else's and not the writer's: "the number
# you saw in my sample (+49 30 1234 5678) is the tourist office from the brochure I
# translated, not mine" (not "call me at ..., the office line, not mine personally": a
# number to call is given all the same).
_DISOWNED_AFTER = re.compile(
    r"[)\]\s]*(?:is|was|'s|belongs\s+to)\s+(?:just\s+|only\s+|actually\s+)?"
    r"(?:(?:the|a|an|their|his|her|its|[a-z]+'s)\s+[^.!?\n]{0,80}?[,;\u2014\u2013-]?\s+"
    r"(?:and\s+)?|)not\s+(?:mine|my\s+(?:own\s+)?(?:number|phone|line|cell|mobile))\b"
)
_TO_CALL_BEFORE = re.compile(r"\b(?:call|text|ring|reach|dial|whats\s?app|contact)\b")


def _disowned(draft: Draft, start: int, end: int) -> bool:
    if not _DISOWNED_AFTER.match(draft.lower, end):
        return False
    lo = draft.sentence_bounds(start)[0]
    return _TO_CALL_BEFORE.search(draft.lower, max(lo, start - REACH), start) is None


# A public office's number: "the planning department (Marion County, 503-...)".
_PUBLIC_OFFICE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}(?:department|dept\.?|office|county|council|city hall|"
    r"ministry|embassy|consulate|court|registry|registrar|authority|police|hospital|library|"
    r"tax office|town hall|municipality)\s*(?:\((?:[^()\n]{0,40},\s*)?|[:\-]\s*|at\s+)$"
)
# The reader's own number, quoted back to them: "the phone number on your Contact page (".
_YOUR_LINE = re.compile(
    r"\b(?:phone|number|hotline|line)\b[^.!?\n]{0,10}\b(?:on|in|of|from)\s+your\s+(?:[\w-]+\s+){0,2}"
    r"(?:page|site|website|footer|header|listing|profile|store|shop|form|card|app)\s*[:(]?\s*$"
    # "your store's contact page shows +1 (415) ...", "your Google listing still lists"
    r"|\byour\s+(?:[\w'-]+\s+){0,2}(?:page|site|website|footer|header|listing|profile|store|"
    r"shop|form|card|app|invoice|letterhead|signature)\s+(?:still\s+|now\s+|currently\s+)?"
    r"(?:shows|lists|says|displays|reads|gives|has)\s*[:(]?\s*$"
)
# Words saying a number is someone's own, whatever else the sentence is about.
_OWNER = re.compile(
    r"\b(?:my|our|me|us|text(?=\s+(?:me|us|at|on|to)\b)|reach|ring|whatsapp|dial)\b"
    # "contact me", not a part of a document named after it ("the contact page has the
    # Tokyo office (03-...)")
    r"|\bcontact\b(?!\s+(?:page|pages|form|section|block|tab|box|column|panel|card|"
    r"slide|sheet|screen)\b)"
    # "call" the verb, not a thing named after calls ("the call button", "call tracking")
    r"|\bcall\b(?!\s+(?:button|buttons|tracking|center|centre|centers|log|logs|recording|"
    r"recordings|routing|flow|script|scripts|queue|widget|extension|cta|metrics|volume)\b)"
)


# A code or standard named by its capital letters, just before an edition's year and a
# clause: "NEC 2023 705.12", "IBC 2021 1607.1", "ASCE 7-22 26.10".
_STANDARD_NAME = re.compile(r"\b[A-Z]{2,6}(?:[ -]?\d{1,5}(?:-\d{1,2})?)?[ ,]*$")
_EDITION_CLAUSE = re.compile(
    r"^(?:19|20)\d\d(?:[ ,]+|\s*[:,]?\s*(?:§|sec\.?|section|art\.?|clause)\s*)"
    r"\d{1,4}(?:\.\d{1,4})+(?:\([a-z0-9]\))?$",
    re.IGNORECASE,
)


def _standard_clause(draft: Draft, raw: str, start: int) -> bool:
    """ "load calcs per NEC 2023 705.12": a standard's edition year and a numbered clause
    of it, right after its name in capitals (not a word saying "phone": "TEL 2023 ...")."""
    if not _EDITION_CLAUSE.match(raw):
        return False
    name = _STANDARD_NAME.search(draft.text, max(0, start - 16), start)
    return name is not None and name.group().split()[0].lower() not in _PHONE_CUE


def _owned(draft: Draft, start: int) -> bool:
    """Whether words just before the number claim it ("my", "call") - not the country
    "US" ("format US numbers as (555) 010-4477") - or it stands in the writer's signature."""
    lo = max(0, start - 40)
    # Not from a sentence that ended before ("... to our app.\n- must accept +44 ..."); a
    # line break alone does not end the claim ("My number:\n+44 ...").
    lo = max((m.end() for m in _FULL_STOP.finditer(draft.lower, lo, start)), default=lo)
    if any(
        draft.text[m.start() : m.end()] != "US" for m in _OWNER.finditer(draft.lower, lo, start)
    ):
        return True
    # Under the writer's sign-off ("Looking forward to it,\nMorgan Ellis\n+1 646 ..."): the
    # writer's own line, even in a proposal about copy or scripts full of numbers.
    return work.signature_start(draft, start) is not None


# Right after the number, the writer saying how to use it: "... 0143\njust text first
# pls", "... call me after 6", "text me before calling".
_OWNER_AFTER = re.compile(
    r"\b(?:call|text|ring|whatsapp|sms|dial)\s+(?:me|us|first|after|before|anytime|any time)\b"
)


def _claimed_after(draft: Draft, end: int) -> bool:
    """Whether the words just after the number, on its line or the next, tell the reader
    to call or text the writer on it."""
    stop = draft.lower.find("\n", draft.lower.find("\n", end) + 1)
    hi = min(end + 50, stop if stop >= 0 else len(draft.lower))
    return _OWNER_AFTER.search(draft.lower, end, hi) is not None


# (not an abbreviation that stands before a number: "call me at tel. ...", "no. ...")
_FULL_STOP = re.compile(r"(?<!\bno)(?<!\btel)(?<!\bnr)(?<!\bph)(?<!\bmob)[.!?](?=\s)")


def _possible(digits: str, international: bool) -> bool:
    import phonenumbers  # noqa: PLC0415

    try:
        number = phonenumbers.parse(
            ("+" if international else "") + digits.removeprefix("00"),
            None if international else "US",
        )
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(number))


def _fictional(digits: str) -> bool:
    """North American 555-0100 to 555-0199, with or without an area code: numbers reserved
    for fiction and examples."""
    national = digits[1:] if len(digits) in (8, 11) and digits[0] == "1" else digits
    if len(national) == 7:  # "555-0142", no area code
        return national.startswith("55501")
    return len(national) == 10 and national[3:8] == "55501"


def _drama_number(digits: str) -> bool:
    """Whether the number is in another country's range reserved for fiction and examples
    (vocabulary.toml, ``[examples] phones``: the UK's "020 7946 0xxx", Australia's
    "0491 570 xxx")."""
    return any(shape.fullmatch(digits) for shape in _fiction_ranges())


def _claimed_in_sentence(draft: Draft, start: int) -> bool:
    a = draft.sentence_bounds(start)[0]
    return work.mine().search(draft.lower, max(a, start - REACH), start) is not None


@cache
def _fiction_ranges() -> tuple[re.Pattern[str], ...]:
    """``[examples] phones`` as patterns on a number's digits: international (with "00"
    or without) or national with its leading 0."""
    found = []
    for entry in vocabulary()["examples"]["phones"]:
        country, _, national = entry.lstrip("+").partition(" ")
        shape = "".join(r"\d" if c == "x" else c for c in national.replace(" ", ""))
        found.append(re.compile(rf"(?:(?:00)?{country}|0){shape}"))
    return tuple(found)


_OTHER_THEN_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in _OTHER_NUMBER_CUE if w.isalpha()) + r")"
    r"\.?\s*(?:no\.?|num\.?|number|#)\s*[:#(]?\s*"
    # ... and the code's first groups before it: "tracking number 1Z 999 AA1 01 2345 6784"
    r"(?:(?=[a-z]*\d)[a-z0-9]{1,6}\s){0,5}$"
)


# "my # is", "cell #:": a "#" that is somebody's phone number, not an order's.
_PHONE_HASH = re.compile(
    r"\b(?:my|your|ur|our|his|her|cell|phone|mobile|contact|personal|direct|home|whats\s?app|wa)"
    # (a word may stand before a colon: "my # lol: ...", "my # btw: ...")
    r"\s*#\s*(?:is\b|(?:[a-z]{2,6}\s*)?:|-)?\s*$"
)


def _phone_hash_before(draft: Draft, start: int) -> bool:
    """Whether "my # is" stands right before the number, on its line or on the lines
    just above it (a number typed a group per line under "my # is")."""
    return _PHONE_HASH.search(draft.lower, max(0, start - 30), start) is not None


# A sentence end, read backwards: "!" or "?", or a full stop after a word of four
# letters or more ("today.", not "no.", "ref.", "hal.", "e.g.").
_SENTENCE_END = re.compile(r"\s[!?]|\s\.[a-z]{4,}(?![a-z.])")


_DIALLING_CODE = re.compile(r"\b(?:country|dial(?:l?ing)?|calling)\s+code\s*(?:is\s*)?:?\s*$")


def _other_number_cue_before(draft: Draft, start: int) -> bool:
    """Whether the words just before the number, in its clause and at most 30
    characters back, say it is some other number ("order 4155550132") and not a phone."""
    if not draft.has_word_within(_OTHER_NUMBER_CUE, start - 30, start):
        # the usual case: the clause need not be found; in the draft's own language,
        # "شماره قطعه", "numéro de référence" (``[numbers] other_cues``)
        return _local_other_cue_before(draft, start)
    if _DIALLING_CODE.search(draft.lower, max(0, start - 24), start):
        return False  # "country code +61 412 ...": a phone's own code, not another number
    # ... and in its sentence: "I can record today. 07912 345678" is a phone (but "the
    # reference number (e.g. 7012 ...", "ref. 7012 ..." end no sentence).
    window = max(start - 30, 0)
    ended = _SENTENCE_END.search(draft.lower[window:start][::-1])
    if ended is not None and not draft.has_word_within(
        _OTHER_NUMBER_CUE, start - ended.start(), start
    ):
        return False
    tail_start = max(start - len(draft.clause_before(start)), start - 30)
    # "licence no. 100482317": a "no." or "number" that belongs to another word (its
    # full stop may read as a sentence end, so look back on the line, not the clause).
    line = draft.lower.rfind("\n", max(0, start - 45), start)  # (no further back than needed)
    tail = draft.lower[max(start - 45, line + 1) : start]
    if _OTHER_THEN_NUMBER_WORD.search(tail):
        return True
    if _phone_hash_before(draft, start):
        return False
    # A word saying "phone" after the other cue, in English or the draft's language:
    # "po prostu dzwoń: ..." ("po" is a purchase order's, "dzwoń" says call me).
    return not (
        draft.has_word_within(_PHONE_CUE, tail_start, start) or _local_cue_before(draft, start, 30)
    )


@cache
def _local_words(key: str) -> dict[str, re.Pattern[str]]:
    """Each language's words of one ``[numbers]`` list, by language: ``cues`` say
    "phone", ``other_cues`` name some other kind of number (a part, an article, an order)."""
    found = {}
    for language in lexicon.languages():
        entries = [str(e) for e in language.data.get("numbers", {}).get(key, [])]
        if entries:
            found[language.code] = re.compile(lexicon.alternation(entries))
    return found


def _local_cue_before(draft: Draft, start: int, reach: int = 40) -> bool:
    """Whether a word saying "phone" in one of the draft's languages stands just before
    ``start`` ("मेरा नंबर वही है 98110 45672", "dzwoń śmiało: 512 ...")."""
    cues = _local_words("cues")
    a = max(0, start - reach)
    return any(
        cues[code].search(draft.lower, a, start) is not None
        for code in draft.languages
        if code in cues
    )


_LOCAL_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{4})|(?<=\d))\.\s|[!?\u061f\u3002]\s?")


# Asking to ring or write to a number: the number named after it is one to call.
_CALL_VERB = re.compile(r"\b(?:call|ring|dial|text|phone|whats\s?app|reach|contact)\b")


#: How far before a number the end of another number's name in the draft's language
#: still names it: "شماره‌های قطعه (مثلاً ۰۹۱۲-...)", with an "e.g." between.
_OTHER_CUE_REACH = 30


def _local_other_cue_before(draft: Draft, start: int) -> bool:
    """Whether a word naming another kind of number in one of the draft's languages
    stands just before ``start``, in its sentence, with no word saying "phone" after it."""
    cues = _local_words("other_cues")
    # (the name may be long: the reach is counted from its end)
    a = max(draft.lower.rfind("\n", 0, start) + 1, start - 2 * _OTHER_CUE_REACH)
    # Not from an earlier sentence: a full stop after a word of four letters or more
    # or after a figure ("ex. ", "z. B. ", "p. ex. " are short and end none), or "!" / "?".
    for end in _LOCAL_SENTENCE_END.finditer(draft.lower, a, start):
        a = end.end()
    for code in draft.languages:
        if code not in cues:
            continue
        last = max(cues[code].finditer(draft.lower, a, start), key=lambda m: m.end(), default=None)
        if (
            last is not None
            and last.end() >= start - _OTHER_CUE_REACH
            and not _local_cue_before(draft, start, start - last.end())
            # "call our company number 020 ...": the name asked to be rung is a line
            and _CALL_VERB.search(draft.lower, a, last.start()) is None
        ):
            return True
    return False


def _local_regions(draft: Draft) -> tuple[str, ...]:
    """Regions whose national numbers the draft's languages suggest (``[numbers]
    regions``): a Japanese draft's "090-1234-5678" is read as Japan's."""
    if "local_regions" not in draft.memo:
        regions = _regions_by_language()
        draft.memo["local_regions"] = tuple(
            r for code in sorted(draft.languages) for r in regions.get(code, ())
        )
    return draft.memo["local_regions"]  # type: ignore[return-value]


@cache
def _regions_by_language() -> dict[str, tuple[str, ...]]:
    return {
        language.code: tuple(
            str(r) for r in language.data.get("numbers", {}).get("regions", []) if r not in _REGIONS
        )
        for language in lexicon.languages()
    }


def _phone_cue_in_sentence(draft: Draft, start: int) -> bool:
    sentence_start, sentence_end = draft.sentence_bounds(start)
    return draft.has_word_within(
        _PHONE_CUE, max(sentence_start, start - REACH), min(sentence_end, start + REACH)
    )


def _valid(digits: str, national_or_00: bool, memo: Memo, regions: tuple[str, ...] = ()) -> bool:
    # Memoised per draft only: a process-wide cache would keep users' numbers around.
    key = (digits, national_or_00)
    if key not in memo:
        memo[key] = _libphonenumber_valid(digits, national_or_00, regions)
    return memo[key]


def _libphonenumber_valid(digits: str, national_or_00: bool, regions: tuple[str, ...] = ()) -> bool:
    import phonenumbers  # noqa: PLC0415 - 40 ms of metadata, loaded on first use only

    if not national_or_00 or digits.startswith("00"):
        international = digits[2:] if digits.startswith("00") else digits
        if _valid_as_written(international):
            return True
        number = "+" + international
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(number, None)):
                return True
        except phonenumbers.NumberParseException:
            pass
        if not national_or_00:
            return False
    for region in _REGIONS + regions:
        try:
            parsed = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True
    return False


def _valid_as_written(digits: str) -> bool:
    """Whether country code + national number, exactly as written, is a valid number.

    Builds the number directly instead of parsing it (a quarter of the time); parsing,
    which also strips a trunk prefix written after the country code, is still tried
    when this says no."""
    import phonenumbers  # noqa: PLC0415

    if not digits.isdigit():
        return False
    for size in (1, 2, 3):  # country codes are prefix-free: at most one fits
        code = int(digits[:size])
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code)
        if regions:
            national = digits[size:]
            if not national:
                return False
            known = _known_for_code(national, code, regions)
            if known is not None:
                return known
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            zeros = len(national) - len(national.lstrip("0"))
            if zeros:
                number.italian_leading_zero = True
                number.number_of_leading_zeros = zeros if zeros > 1 else None
            return bool(phonenumbers.is_valid_number(number))
    return False


def _known_for_code(national: str, code: int, regions: tuple[str, ...]) -> bool | None:
    """What ``is_valid_number`` answers for +code national, read from the regions'
    metadata the way the library reads it: the first region whose leading digits match,
    or else whose kinds know the number, decides. The kinds are asked commonest first
    (fixed line, mobile) rather than last. None where it cannot be sure (a leading zero,
    a non-geographic code): the caller then asks the library."""
    if national.startswith("0") or "001" in regions:
        return None
    for region in regions:
        kinds = _REGION_KINDS.get(region)
        if kinds is None:
            kinds = _REGION_KINDS[region] = _kinds_of(region)
        region_code, leading, general, specific = kinds
        if region_code != code:
            continue
        if leading is not None:
            if leading.match(national):
                return _fits(national, general) and any(_fits(national, d) for d in specific)
        elif _fits(national, general) and any(_fits(national, d) for d in specific):
            return True
    return False


# A kind of number: the lengths it may have (empty: any) and its pattern.
_Desc = tuple[tuple[int, ...], "re.Pattern[str] | None"]


_Kinds = tuple["int", "re.Pattern[str] | None", _Desc, tuple[_Desc, ...]]


def _kinds_of(region: str) -> _Kinds:
    """A region's country code, leading digits, general number pattern and kinds,
    commonest first, read from libphonenumber's metadata and compiled once (metadata,
    not user text)."""
    import phonenumbers  # noqa: PLC0415

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return (-1, None, ((), None), ())

    def desc(d: object) -> _Desc:
        pattern = getattr(d, "national_number_pattern", None)
        lengths = tuple(getattr(d, "possible_length", ()) or ())
        return lengths, re.compile(pattern) if pattern is not None else None

    kinds = (
        meta.fixed_line, meta.mobile, meta.toll_free, meta.premium_rate, meta.shared_cost,
        meta.voip, meta.personal_number, meta.pager, meta.uan, meta.voicemail,
    )  # fmt: skip
    code = meta.country_code if meta.country_code is not None else -1
    leading = re.compile(meta.leading_digits) if meta.leading_digits else None
    return code, leading, desc(meta.general_desc), tuple(desc(k) for k in kinds)


def _fits(national: str, desc: _Desc) -> bool:
    lengths, pattern = desc
    if pattern is None or (lengths and len(national) not in lengths):
        return False
    return pattern.fullmatch(national) is not None


_REGION_KINDS: dict[str, _Kinds] = {}
