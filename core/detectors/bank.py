"""Bank details: IBANs (checksum and national format), SWIFT/BIC codes, account,
routing and sort-code numbers when the words around them are about a bank."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from presend.core import work
from presend.core.draft import DIGITS, Draft
from presend.core.model import Match, Status
from presend.core.rulepack import vocabulary
from presend.core.scan import finditer_in, words

# Written solid or in groups of four, as banks print them.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b")
# ... or its groups broken over lines ("DE89 3704\n0044 0532 0130 00"), taken only when
# the whole passes the checksum, so a next line's capitals are never read into it.
_IBAN_LINES = re.compile(
    r"\b[A-Z]{2}\d{2}(?: ?\n|  ?)?[A-Z0-9]{4}(?:(?: ?\n| {1,2})[A-Z0-9]{4}){1,6}"
    r"(?:(?: ?\n| {1,2})[A-Z0-9]{1,4})?\b"
)
_BIC = re.compile(r"\b[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
_BIC_CUE = re.compile(r"\b(?:swift|bic|swift/bic|bic/swift|bank code|bank)\b")
_BIC_CUE_WORDS = ("swift", "bic", "bank")
# (the label's colon may be said: "routing is 026009593", "sort code is 20-00-00")
_IS = r"(?:(?:is|=)\s*:?\s*|[:#=\-]\s*)?"
_ACCOUNT = re.compile(
    rf"\b(?:(?:bank\s+)?account|acct|a/c|acc)\.?\s*(?:no\.?|number|num|#)?\s*{_IS}"
    r"(?P<number>\d[\d \-]{4,22}\d)\b|"
    r"\b(?:routing|aba|rtn|transit)\s*(?:no\.?|number|#)?\s*(?:\((?:ach|wire|aba)\)\s*)?"
    rf"{_IS}(?P<routing>\d{{9}})\b|"
    rf"\bsort\s*code\s*{_IS}(?P<sort>\d{{2}}[- ]?\d{{2}}[- ]?\d{{2}})\b|"
    r"\bifsc\s*(?:code)?\s*[:#=\-]?\s*(?P<ifsc>[a-z]{4}0[a-z0-9]{6})\b|"
    r"\b(?:bsb)\s*[:#=\-]?\s*(?P<bsb>\d{3}-?\d{3})\b",
)
_ACCOUNT_WORDS = ("acc", "a/c", "routing", "aba", "rtn", "transit", "sort", "ifsc", "bsb")
_ACCOUNT_WHERE = words(_ACCOUNT.pattern, _ACCOUNT_WORDS)
# Two capitals and two digits: every IBAN starts so (a quick look before the search).
_IBAN_PROBE = re.compile(r"[A-Z]{2}\d\d")
_BANK_CONTEXT = re.compile(
    r"\b(?:bank|banking|wire|transfer|deposit|routing|iban|swift|bic|sort code|ifsc|"
    r"beneficiary|payee|pay|payment|send|remit|ach)\b",
)


# "clause 7.2 holds the landlord's bank details (IBAN DE89 ...)": somebody else's account,
# named so, in a text the work is about (a lease to translate, a contract to proofread).
_THEIRS = re.compile(
    work.THEIRS_BEFORE
    + r"(?:bank details|banking details|bank account|account details|iban)\b[^.!?\n]{0,20}$"
)


def _theirs_in_content(draft: Draft, start: int) -> bool:
    return bool(
        _THEIRS.search(draft.lower, max(0, start - 70), start) and work.about_content(draft)
    )


def detect(draft: Draft) -> Iterator[Match]:
    """Yield bank details the draft gives."""
    text = draft.text
    test_values = False  # IBANs given as a format's test values: codes after them are too
    content_end = -1  # where the last IBAN of the work's content ended: its BIC is too
    for m in _ibans(draft):
        if _valid_iban(m.group(0)):
            # A quoted IBAN in a spec or test sheet is the work's data, not an account.
            # So is one given as test input ("test with DE89 ... and GB82 ...: both must pass").
            example = work.format_example(draft, m.start())
            status: Status = (
                "topic"
                if example
                or work.quoted_content(draft, m.start())
                or work.sample_value(draft, m.start())
                or _theirs_in_content(draft, m.start())
                or work.document_part(draft, m.start())
                or _documented_example(draft, m.start(), m.group(0))
                or work.statement_row(draft, m.start())
                else "breach"
            )
            test_values = test_values or example
            if status == "topic":
                content_end = m.end()
            yield Match("bank_account", m.start(), m.end(), status, evidence={"what": "IBAN"})
    for label, m in _mistyped_ibans(draft):
        # The same work as a valid one would be, or somebody's account all the same; and
        # no example of a wrong one for a form to reject ("must reject ... e.g. IBAN ...").
        if not (
            work.format_example(draft, label)
            or work.format_cue_before(draft, label, _FORMAT_REACH)
            or work.format_example(draft, m.start())
            or work.quoted_content(draft, m.start())
            or work.sample_value(draft, m.start())
            or _theirs_in_content(draft, m.start())
            or work.document_part(draft, m.start())
            or work.statement_row(draft, m.start())
        ):
            yield Match("bank_account", m.start(), m.end(), evidence={"what": "IBAN"})
    for m in finditer_in(_BIC, text, draft.near(_BIC_CUE_WORDS, 0, 60)):
        before = draft.lower[max(0, m.start() - 30) : m.start()]
        if (
            _BIC_CUE.search(before)
            and _valid_bic(m.group(0))
            and not work.sample_value(draft, m.start())
        ):
            # "Also BIC like DEUTDEFF": a code given as an example of the format.
            example = (
                test_values
                or 0 <= m.start() - content_end < 40
                or work.quoted_content(draft, m.start())
                or work.format_example(draft, m.start())
                or _LIKE_BEFORE.search(before) is not None
            )
            status = "topic" if example else "breach"
            yield Match("bank_account", m.start(), m.end(), status, evidence={"what": "SWIFT/BIC"})
    for m in draft.find(_ACCOUNT_WHERE):
        if m.group("routing") and not _aba_checksum(m.group("routing")):
            continue
        # The bank is often named on a line of its own ("Bank: Wise", "Account no. ...").
        around = draft.lower[max(0, m.start() - 120) : m.end() + 40]
        if work.sample_value(draft, m.start()):
            continue  # "Stripe's test bank account 000123456789"
        if m.group("routing") or _BANK_CONTEXT.search(around):
            # 'add the vendor's line to the invoice template: "Pay by bank transfer: Sort
            # code 20-00-00, Acc no 55779911"': an account the quoted content names.
            quoted = work.quoted_content(draft, m.start()) and not _claimed_quote(draft, m.start())
            status = "topic" if quoted else "breach"
            yield Match(
                "bank_account", m.start(), m.end(), status, evidence={"what": "account number"}
            )


# "Pay the rest to my bank: "Sort code ...": a quotation the writer gives as their own.
_MINE_BEFORE_QUOTE = re.compile(r"\b(?:my|me|mine)\b")


def _claimed_quote(draft: Draft, start: int) -> bool:
    """Whether the words just before the quotation holding ``start``, in its sentence,
    claim it as the writer's ("to my account: "...")."""
    a = draft.sentence_bounds(start)[0]
    opening = max(draft.text.rfind(q, a, start) for q in '"\u201c\u201e\u00ab')
    if opening < 0:
        return False
    head_start = max(draft.sentence_bounds(max(opening - 1, 0))[0], opening - 60)
    return _MINE_BEFORE_QUOTE.search(draft.lower, head_start, opening) is not None


_LIKE_BEFORE = re.compile(r"\b(?:like|such as|e\.g\.|for example|for instance)[\s:,(]*$")


# Words just before an account claiming it or asking for money to it: "my IBAN", "send it
# to", "transfer directly: IBAN ...".
_CLAIMED = re.compile(r"\b(?:my|our|me|us|mine|to|directly|transfer|pay|send|wire|deposit|remit)\b")


def _documented_example(draft: Draft, start: int, iban: str) -> bool:
    """Whether the IBAN is one the registry and the docs print as their example
    (vocabulary.toml, ``[examples] ibans``), in a draft about content or records and
    with no word just before it claiming it: made up, as "555-0142" is."""
    return (
        iban.replace(" ", "").upper() in _example_ibans()
        and _CLAIMED.search(draft.lower, max(0, start - 30), start) is None
        and (
            work.about_content(draft)
            or work.about_records(draft)
            or _CODE_VALUE.search(draft.lower, max(0, start - 40), start) is not None
        )
    )


# A value in code: '"iban": "', "iban = '": a record or fixture, not a payee's account.
_CODE_VALUE = re.compile(r"(?:[\"']\w+[\"']\s*:|\b\w+\s*=)\s*[\"']$")


@cache
def _example_ibans() -> frozenset[str]:
    return frozenset(vocabulary()["examples"]["ibans"])


def iban_spans(draft: Draft) -> list[tuple[int, int]]:
    """Where the draft holds a valid IBAN, or one labelled so that fails only its checksum
    (once per draft): its digit groups are the account's, never a phone number ("DE89
    3704 0044 0532 0130 00")."""
    spans = draft.memo.get("iban_spans")
    if not isinstance(spans, list):
        spans = sorted(
            [(m.start(), m.end()) for m in _ibans(draft) if _valid_iban(m.group(0))]
            + [(m.start(), m.end()) for _, m in _mistyped_ibans(draft)]
        )
        draft.memo["iban_spans"] = spans
    return spans


def _ibans(draft: Draft) -> Iterator[re.Match[str]]:
    """``_IBAN.finditer``, tried only two letters before a digit: an IBAN's check
    digits are its third and fourth characters."""
    text = draft.text
    if _IBAN_PROBE.search(text) is None:
        return
    done = 0
    for at in draft.where(DIGITS):
        start = at - 2
        if (
            start < done
            or start < 0
            or not ("A" <= text[start] <= "Z" and "A" <= text[at - 1] <= "Z")
        ):
            continue
        m = _IBAN.match(text, start)
        if m is None or not _valid_iban(m.group(0)):
            broken = _IBAN_LINES.match(text, start)
            if broken is not None and "\n" in broken.group(0) and _valid_iban(broken.group(0)):
                m = broken
        if m is not None:
            yield m
            done = m.end()


# The word "IBAN" just before an account, a few words at most between, on its line: "IBAN:",
# "my IBAN is", "Мој IBAN:", "IBAN-ul meu:", "IBAN (Zaba):".
_IBAN_LABEL = re.compile(r"\biban\b")
_LABEL_TO_ACCOUNT = re.compile(
    r"(?:[-'\u2019]?\w{0,4})?(?:[^\w\n]{1,3}[^\W\d]{1,12}){0,3}[^\w\n]{1,3}"
)
#: How far before an account its label may stand in its sentence.
_LABEL_REACH = 80
#: Check digits no IBAN has: a placeholder's ("DE00 0000 ...", "GB00 XXXX ...").
_NO_CHECK_DIGITS = frozenset(("00", "01", "99"))


#: How far before a mistyped IBAN's label a word about validating a format still makes
#: it an example of a wrong one.
_FORMAT_REACH = 200


def _mistyped_ibans(draft: Draft) -> list[tuple[int, re.Match[str]]]:
    """``_find_mistyped_ibans``, once per draft (the detector and ``iban_spans`` both ask)."""
    found = draft.memo.get("mistyped_ibans")
    if not isinstance(found, list):
        found = list(_find_mistyped_ibans(draft))
        draft.memo["mistyped_ibans"] = found
    return found


def _find_mistyped_ibans(draft: Draft) -> Iterator[tuple[int, re.Match[str]]]:
    """IBANs labelled so that fail only the checksum: a country's IBAN of the right length
    and shape, one digit mistyped (or made up), is still the writer's account given. The
    label is "IBAN" just before it ("my IBAN is ...") or earlier in its sentence ("IBAN'a
    havale yaparsanız: ..."). Each with where its label starts."""
    if "iban" not in draft.lower:
        return
    text = draft.text
    seen: set[int] = set()
    for label in _IBAN_LABEL.finditer(draft.lower):
        gap = _LABEL_TO_ACCOUNT.match(draft.lower, label.end())
        if gap is None:
            continue
        m = _IBAN.match(text, gap.end())
        if m is not None and not _valid_iban(m.group(0)) and _shaped_like_iban(m.group(0)):
            seen.add(m.start())
            yield label.start(), m
    for m in _ibans(draft):
        if m.start() in seen or _valid_iban(m.group(0)):
            continue
        a = max(draft.sentence_bounds(m.start())[0], m.start() - _LABEL_REACH)
        labels = list(_IBAN_LABEL.finditer(draft.lower, a, m.start()))
        if labels and _shaped_like_iban(m.group(0)):
            yield labels[-1].start(), m


def _shaped_like_iban(candidate: str) -> bool:
    """Whether ``candidate`` has a real country's IBAN length and account format, and
    check digits an IBAN can have."""
    from schwifty import IBAN  # noqa: PLC0415

    compact = "".join(candidate.split()).upper()
    if compact[2:4] in _NO_CHECK_DIGITS:
        return False
    try:
        iban = IBAN(compact, allow_invalid=True)
        spec = iban.spec
    except (ValueError, KeyError):
        return False
    return len(compact) == spec.iban_length and spec.regex.match(compact[4:]) is not None


def _valid_iban(candidate: str) -> bool:
    from schwifty import IBAN  # noqa: PLC0415 - 150 ms of bank registry, first use only

    try:
        IBAN("".join(candidate.split()).upper())
    except ValueError:
        return False
    return True


def _valid_bic(candidate: str) -> bool:
    from schwifty import BIC  # noqa: PLC0415

    try:
        BIC(candidate)
    except ValueError:
        return False
    return True


def _aba_checksum(number: str) -> bool:
    """The ABA routing-number check: weights 3, 7, 1 repeating, sum divisible by 10."""
    weights = (3, 7, 1) * 3
    return sum(int(d) * w for d, w in zip(number, weights, strict=True)) % 10 == 0
