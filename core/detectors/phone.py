"""Phone numbers, however they are written, validated with libphonenumber's metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator

from presend.core import cues
from presend.core.draft import Draft
from presend.core.model import Match, Status

# A run of digits with the separators people put in phone numbers. Bounded, so a long
# run of digits and dashes costs linear time.
_CANDIDATE = re.compile(
    r"(?<![\w+$€£¥#/.,:-])(?:\+|00)?[ ]?\(?\d(?:[\d(). \-_/]|\s(?=\d)){5,24}\d(?![\w%])"
    r"|(?<![\w$€£¥#/.,-])\+[ ]?\d{1,3}(?:[ \-._/()]{0,3}\d{2,5}){2,5}(?![\w%])"
)
# Phrases that introduce a phone number.
_PHONE_CUE = re.compile(
    r"\b(?:call|calls|phone|ph|tel|telephone|mobile|mob|cell|cellphone|number|no\.|num|"
    r"text|sms|whats\s?app|viber|signal|telegram|imo|reach|contact|ring|dial|hotline|"
    r"landline|fax|wa)\b",
    re.IGNORECASE,
)
# Phrases that introduce some other kind of number.
_OTHER_NUMBER_CUE = re.compile(
    r"\b(?:order|invoice|inv|id|ids|isbn|issn|tracking|ticket|ref|reference|transaction|"
    r"txn|serial|sku|item|case|confirmation|po|receipt|account|acct|routing|iban|card|"
    r"zip|postal|code|pin|otp|version|build|release|patent|license|licence|lot|batch|"
    r"model|part|doi|pmid|ein|vat|tax|ssn|record|row|sample|job|contract|project|"
    r"timestamp|epoch|unix|hash|checksum|coordinates|lat|lng|latitude|longitude|"
    r"budget|price|salary|revenue|views|downloads|followers|users|subscribers)\b|#\s*$",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{1,4}[./\- ]\d{1,2}[./\- ]\d{1,4}$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_GROUPED_PHONE = re.compile(
    r"^\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$"  # North American 415-555-0132
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


def detect(draft: Draft) -> Iterator[Match]:
    """Yield every phone number in the draft."""
    text = draft.text
    for m in _CANDIDATE.finditer(text):
        raw = m.group(0).strip()
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 15 or _looks_like_something_else(raw, text, m.end()):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        verdict = _judge(draft, raw, digits, start, m.end())
        if verdict is not None:
            yield Match("phone", start, m.end(), status=verdict, evidence={"digits": digits})


def _looks_like_something_else(raw: str, text: str, end: int) -> bool:
    if _DATE.match(raw) or _IPV4.match(raw):
        return True
    # "12,000 - 15,000 users", "1 000 000 EUR", "2024-2025": ranges and amounts.
    tail = text[end : end + 6].lower()
    return tail.startswith((" usd", " eur", " gbp", " inr", " ms", " px", " kb", " mb", " gb"))


def _judge(draft: Draft, raw: str, digits: str, start: int, end: int) -> Status | None:
    import phonenumbers  # noqa: PLC0415 - 40 ms of metadata, loaded on first use only

    international = raw.startswith(("+", "00"))
    valid = False
    if international:
        number = "+" + digits[2:] if raw.startswith("00") else "+" + digits
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(number, None))
        except phonenumbers.NumberParseException:
            valid = False
    else:
        for region in _REGIONS:
            try:
                parsed = phonenumbers.parse(digits, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(parsed):
                valid = True
                break
    if not valid:
        return None
    before = draft.text[max(0, start - 40) : start]
    clause = draft.clause_before(start)
    sentence = draft.sentence(start)
    if cues.SCRIPT.search(draft.text) and _inside_quotes(draft.text, start, end):
        return "topic"
    other = _OTHER_NUMBER_CUE.search(clause[-30:])
    phone_cue = _PHONE_CUE.search(before) or _PHONE_CUE.search(sentence)
    if other and not _PHONE_CUE.search(clause[-30:]):
        return None
    if international or phone_cue:
        return "breach"
    disguised = draft.norm.original_text(start, end) != raw
    if disguised or _GROUPED_PHONE.match(raw):
        return "breach"
    # A bare run of digits with nothing saying "phone": most likely an ID or amount.
    return None


def _inside_quotes(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
