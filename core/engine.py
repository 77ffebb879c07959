"""Normalise, detect, judge: a draft in, a report out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from presend.core import cues, detectors, lexicon, rulepack, work
from presend.core.draft import REACH, Draft
from presend.core.model import (
    SEVERITY_RANK,
    AppliedException,
    Context,
    CoreError,
    Finding,
    Match,
    Report,
)
from presend.core.normalize import TooLongError, normalise

#: Drafts longer than this are refused rather than checked slowly (about 4 MB of text).
MAX_CHARS = 4_000_000
#: The most findings one report judges and lists (breaches first, then by position).
MAX_FINDINGS = 5_000

_CONCRETE_FIRST = {"breach": 0, "uncertain": 1, "allowed": 2, "refusal": 3, "topic": 4}
_CHANNEL_NAMES = {
    "message": "message",
    "proposal": "proposal",
    "job_post": "job post",
    "profile": "profile",
}


class InputTooLargeError(CoreError, ValueError):
    """The draft is longer than the core will check."""


def check(text: str, context: Context) -> Report:
    """Check one draft in one context."""
    if not isinstance(text, str):
        raise TypeError(f"draft must be str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputTooLargeError(f"draft is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    pack = rulepack.load(context.marketplace)
    # The limit holds for the searchable form too, where one character can become many.
    try:
        norm = normalise(text, MAX_CHARS)
        if len(norm.text) > MAX_CHARS:
            raise TooLongError
    except TooLongError:
        raise InputTooLargeError(
            f"draft is over the limit of {MAX_CHARS:,} characters once characters that"
            " stand for several (such as \ufdfa) are written out"
        ) from None
    draft = Draft(norm, context, pack.platform_domains)
    matches = [
        _in_content(m, draft)
        for detect in detectors.ALL
        for m in _at_most(detect(draft), MAX_FINDINGS)
    ]
    if len(matches) > 1:  # one match overlaps nothing and introduces nothing
        matches = _drop_introductions(_resolve_overlaps(matches, pack, draft), pack, draft)
    if len(matches) > MAX_FINDINGS:
        # A draft that breaks the rules thousands of times says so with its first
        # thousands: judging each one costs about a millisecond (the cue searches), and
        # "paypal me" pasted for four megabytes would keep the host busy for minutes.
        matches = sorted(matches, key=lambda m: (m.status != "breach", m.start))[:MAX_FINDINGS]
    # (A pointer names the document that holds the details, not another detail: "proof
    # of address attached — it shows my home address" is one document.)
    draft.memo["match_starts"] = sorted(
        m.start for m in matches if m.status == "breach" and m.type != "contact_pointer"
    )
    findings = [_judge(m, draft, pack) for m in matches]
    findings.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.end))
    return Report(context, tuple(findings))


#: Details a block of the work's content holds as its own: a footer's phone and email,
#: a receipt's address, an FAQ answer's IBAN, a contact block's Instagram handle, a help
#: macro's "we also accept PayPal".
_CONTENT_DETAILS = frozenset(
    (
        "phone",
        "email",
        "address",
        "messaging_handle",
        "social_profile",
        "bank_account",
        "payment_handle",
        # a macro's or a page's own wording: "We also accept PayPal", "Send money with Zelle"
        "off_platform_payment",
    )
)


def _in_content(m: Match, draft: Draft) -> Match:
    """The match, as the content's own ("topic") when it is a detail in a block that a
    line naming a piece of the work's content introduces (work.content_block)."""
    if m.status == "breach" and m.type in _CONTENT_DETAILS and work.content_block(draft, m.start):
        return replace(m, status="topic")
    return m


def _at_most(found: Iterable[Match], breaches: int) -> Iterator[Match]:
    """What a detector finds, until it has found ``breaches`` breaches (see MAX_FINDINGS:
    no detector is asked for more than a report can list)."""
    for m in found:
        yield m
        if m.status == "breach":
            breaches -= 1
            if breaches <= 0:
                return


def _resolve_overlaps(matches: list[Match], pack: rulepack.RulePack, draft: Draft) -> list[Match]:
    """Keep one match per stretch of text: the most serious, one its writer does not turn
    down before one they do, payment before contact ("take the project off Upwork" is
    about paying outside; it is forbidden at every stage), then the longest."""

    # "we'd prefer not to pay the Upwork fees on this - if you accept payment by bank
    # transfer directly ...": a long match whose clause opens with the refusal of the fee
    # must not hide the offer inside it, which stands in a clause of its own.
    # (Only a refusal before the match counts here: one after it, "paying me through Wise
    # directly - I can't", turns down the shorter matches inside it as well.)
    def declined(m: Match) -> bool:
        return (
            m.negatable
            and m.status == "breach"
            and _refused_before(_clause_before(m, draft), draft)
        )

    ranked = sorted(
        matches,
        key=lambda m: (
            _CONCRETE_FIRST[m.status],
            declined(m),
            m.negatable,
            pack.types[m.type].kind != "payment",
            m.start - m.end,
        ),
    )
    kept = _SpanIndex()
    for m in ranked:
        if any(_overlaps(m, k) and _shadows(k, m) for k in kept.near(m.start, m.end)):
            continue
        kept.add(m)
    return kept.matches


class _SpanIndex:
    """Matches sorted by start, so the ones near a span are found without looking at
    all of them (a long draft can hold thousands)."""

    def __init__(self, matches: list[Match] | None = None) -> None:
        self.matches: list[Match] = []
        self._starts: list[int] = []
        self._longest = 0
        for m in matches or []:
            self.add(m)

    def add(self, m: Match) -> None:
        """Index one more match."""
        i = bisect.bisect_right(self._starts, m.start)
        self._starts.insert(i, m.start)
        self.matches.insert(i, m)
        self._longest = max(self._longest, m.end - m.start)

    def near(self, start: int, end: int, pad: int = 0) -> list[Match]:
        """The matches that overlap [start - pad, end + pad)."""
        lo = bisect.bisect_left(self._starts, start - pad - self._longest)
        hi = bisect.bisect_left(self._starts, end + pad)
        return [m for m in self.matches[lo:hi] if m.end > start - pad]


#: How close a detail must follow a phrase for the phrase to be its introduction.
_INTRODUCTION_GAP = 20


@cache
def _generic_channels() -> frozenset[str]:
    """Ways to reach someone that a detail itself is ("email me at jane@x.com"): a phrase
    naming one of them only introduces the detail beside it."""
    return frozenset({"", *lexicon.words("ask", "generic_channels")})


@cache
def _yours() -> re.Pattern[str]:
    """The words that make a detail the reader's ("your number")."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('ask', 'yours'))})\b")


def _drop_introductions(matches: list[Match], pack: rulepack.RulePack, draft: Draft) -> list[Match]:
    """ "Email me at jane@x.com" is one finding, not two: a phrase that only introduces
    (or follows) a concrete detail of the same kind right beside it adds nothing."""
    details = _SpanIndex([m for m in matches if not m.negatable and m.status == "breach"])
    kept = []
    for m in matches:
        # "Move to WhatsApp (+1 646 ...)" is two breaches: the app and the number.
        app = m.evidence.get("app", "").lower().replace(" ", "").replace("-", "")
        if (
            m.negatable
            and m.status == "breach"
            and app in _generic_channels()
            # "email ... your phone number to hr@x.io": the reader's detail asked for is
            # not the writer's address beside it
            and not (m.type == "contact_request" and _yours().search(draft.lower, m.start, m.end))
        ):
            kind = pack.types[m.type].kind
            near = details.near(m.start, m.end, _INTRODUCTION_GAP + 1)
            if any(pack.types[d.type].kind == kind for d in near):
                continue
        kept.append(m)
    return kept


def _overlaps(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _shadows(kept: Match, new: Match) -> bool:
    # A phrase ("my WhatsApp") and a detail inside or beside it (the number) are two
    # findings; anything else that overlaps something already kept adds nothing.
    return not (kept.negatable != new.negatable and new.status in ("breach", "uncertain"))


def _judge(m: Match, draft: Draft, pack: rulepack.RulePack) -> Finding:
    text_type = pack.types[m.type]
    kind = text_type.kind
    status = m.status
    if m.negatable and status == "breach" and _declined(m, draft, kind):
        status = "refusal"
    situation_name = _situation(kind, status, draft.context)
    situation = pack.situations[situation_name]
    severity = situation.severity
    rule_id = situation.rule
    exception = None
    applied = None
    if severity == "violation":
        applied = _exception(kind, m, draft, pack)
        if applied is not None:
            # An exception reads as what it is: allowed, and on what terms; never
            # "not allowed ... remove it".
            exception = AppliedException(applied.id, applied.explanation.format(platform=pack.name))
            situation = pack.situations["exception"]
            severity = "exception"
    start, end = draft.norm.span(m.start, m.end)
    found = draft.norm.original[start:end]
    fill = {
        "platform": pack.name,
        "channel": _CHANNEL_NAMES[draft.context.channel],
        "found": found.strip() or found,
    }
    fill["label"] = text_type.label.format(**fill)
    fill["why"] = text_type.why.format(**fill)
    fill["suggest"] = text_type.suggest.format(**fill)
    if applied is not None:
        fill["exception_name"] = applied.name.format(platform=pack.name)
        fill["exception_explanation"] = applied.explanation.format(platform=pack.name)
        fill["exception_requires"] = applied.requires.format(platform=pack.name)
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        type=m.type,
        severity=severity,  # type: ignore[arg-type]
        start=start,
        end=end,
        text=found,
        rule=rule_id,
        message=situation.message.format(**fill),
        explanation=situation.explanation.format(**fill).strip(),
        source=pack.sources[kind],
        exception=exception,
        suggestion=situation.suggestion.format(**fill).strip(),
        lang=m.evidence.get("lang"),
    )


def _declined(m: Match, draft: Draft, kind: str) -> bool:
    """Whether the writer declines or postpones what the phrase would otherwise ask."""
    clause = _clause_before(m, draft)
    if cues.negated(cues.without_asides(clause), draft):
        return True
    head = _list_head(draft, m, clause)
    if head is not None and cues.negated(cues.without_asides(head), draft):
        return True  # "I can't take PayPal, GoPay, or bank transfer outside Upwork"
    sentence = draft.sentence(m.start)
    first, last = draft.sentence_bounds(m.start)
    if cues.reported(clause, draft) or _quoted_from_other(draft, first, m.start):
        # somebody else's proposal, unless the writer takes it up at once ('You asked if
        # we can use WhatsApp. Sure, ...')
        line_end = draft.lower.find("\n", m.end, last)
        end = last if line_end < 0 else line_end
        return not cues.accepted(draft.lower[end : end + _DECLINE_REACH], draft)
    if cues.list_or().search(clause):
        opening = draft.lower[first : m.start - len(clause)]
        if cues.prohibition_opening().match(opening):
            return True  # "Do NOT send your email, phone or ask to move to Skype"
    stay = cues.STAY_ON_PLATFORM.search(sentence)
    if (
        stay is not None
        and not cues.PART_KEPT.search(sentence)
        and not _OR_ELSE.search(draft.lower, first, m.start)
        and not _STAY_IF_YOU_WANT.search(draft.lower, first, m.start)
        and not _stay_offered_after(draft, m, first, last)
        and not _FOR_THE_REST.search(sentence, max(0, stay.start() - 40), stay.start())
        and not _but_after_stay(draft, m, stay.end() + max(first, m.start - REACH))
    ):
        return True
    # "Someone suggested we pay by Zelle. We won't do that.": declined just after.
    # (At most REACH into its own sentence, like ``Draft.sentence``, so a draft without
    # full stops is not read to its end for every phrase.)
    end = min(last, m.end + REACH)
    if cues.declined_after(draft.lower[m.end : end + _DECLINE_REACH], draft):
        return True
    # "We can switch to Slack once the contract starts" is allowed; paying outside
    # later is not, so postponing only excuses contact.
    if kind != "contact":
        return False
    if cues.DEFERRAL_IT.search(sentence) and cues.CONTRACT_NAMED.search(
        draft.lower, max(0, first - _DECLINE_REACH), m.start
    ):
        return True
    return (
        cues.deferred(sentence, draft)
        or _then_after_postponing(draft, first)
        or _deferred_after_dash(draft, last)
    )


# The words after a dash, handing over later what the clause before asked for: "you
# can send those ...", "give me them ...".
_TAKEN_UP = re.compile(
    r"^\s*[\u2014\u2013-]*\s*[^.!?\n]{0,30}?\b(?:give|send|share|pass|provide|hand)\s+"
    r"(?:over\s+)?(?:me\s+|us\s+)?(?:those|them|it|that|these|both)\b"
)


def _deferred_after_dash(draft: Draft, last: int) -> bool:
    """ "... your registered address and a contact email — you can give me those once the
    contract starts": a sentence cut at a dash, whose next clause puts what it asked for
    off until the contract."""
    if last >= len(draft.text) or not draft.lower[max(0, last - 3) : last + 2].strip(
        " "
    ).startswith(("\u2014", "\u2013")):
        return False
    nxt = draft.sentence(last + 1)
    return bool(_TAKEN_UP.match(nxt) and cues.deferred(nxt, draft) and not _RIGHT_AWAY.search(nxt))


# "— send them now, I'll add them once the contract starts": asked for at once all the same.
_RIGHT_AWAY = re.compile(r"\b(?:now|today|right away|asap|straight away|first|already)\b")


# A sentence that opens by placing itself after the one before: "Then", "After that".
_THEN_OPENING = re.compile(r"\s*(?:then|after that|at that point|from there|by then)\b")
# Waiting for the contract: "I'll wait for the offer", "happy to wait until you hire".
_WAITING = re.compile(
    r"\b(?:wait|waiting|hold off|holding off)\s+(?:for|until|till)\s+(?:the|your|an|you)\b"
    r"[^.!?\n]{0,30}\b(?:offer|contract|hire|hiring)\b"
    # a start date for the contract proposed: "is it OK if we start the contract on 17 Nov?"
    r"|\b(?:start|begin|sign|open)\s+(?:the\s+|a\s+|our\s+)?contract\s+(?:on|from|next|in|by|"
    r"this|at)\b"
)


# "Happy to keep this one on here if you want, but we've always done e-transfer": staying
# offered first, then set aside for the proposal after "but".
_BUT = re.compile(r"\bbut\b")


def _but_after_stay(draft: Draft, m: Match, stay_end: int) -> bool:
    """Whether a "but" stands between an offer to stay on the platform and the proposal
    after it, so the proposal is what the writer goes on to put forward."""
    return stay_end <= m.start and _BUT.search(draft.lower, stay_end, m.start) is not None


def _then_after_postponing(draft: Draft, first: int) -> bool:
    """ "I'll wait for the offer. Then you can add me to your Slack": a sentence opening
    with "then" after one that waits for (or postpones until) the contract is put off too."""
    if first == 0 or not _THEN_OPENING.match(draft.lower, first):
        return False
    before, _ = draft.sentence_bounds(first - 1)
    previous = draft.lower[max(before, first - REACH) : first]
    return bool(_WAITING.search(previous) or cues.deferred(previous, draft))


def _quoted_from_other(draft: Draft, first: int, start: int) -> bool:
    """Whether the words at ``start`` are the other side's, quoted to answer them: a line
    quoted the way mail quotes ('> "Are you on LinkedIn?"'), or a quotation still open
    that the sentence says they asked or wrote ('You asked for my email "so you can send a
    Zoom invite"')."""
    # (its line's start looked for at most REACH back, so a long line costs no more)
    line = draft.lower.rfind("\n", max(0, start - REACH), start)
    mail_quoted = draft.lower[line + 1 : line + 5].lstrip(" \t").startswith(">")
    if mail_quoted and (line >= 0 or start <= REACH):
        return True
    if not work.in_quotes(draft.text, start):
        return False
    quote = max(draft.lower.rfind(q, first, start) for q in _QUOTES)
    return quote >= 0 and cues.reported(draft.lower[first : quote + 1], draft)


_QUOTES = ('"', "\u201c", "\u201d")


def _clause_before(m: Match, draft: Draft) -> str:
    """The words of the match's clause before it, where a refusal of it would stand."""
    # "I don't want to use Upwork payment, I pay with Zelle": a match that runs over a
    # clause's end is judged by the clause it ends in.
    # (Only the clause before it is set aside: a negation inside the match may be part of
    # the offer, "MoneyGram works best, then we won't need the escrow".)
    new_clause = cues.new_clause().search(draft.lower, m.start, m.end)
    clause = draft.clause_before(m.start) if new_clause is None else ""
    # "the relationship didn't start here and we're allowed to pay outside": a negation
    # before "and" and a new subject belongs to the first half, not to the proposal.
    for joined in _AND_SUBJECT.finditer(clause):
        clause = clause[joined.end() :]
    return clause


def _refused_before(clause: str, draft: Draft) -> bool:
    """Whether the clause before a match turns it down or reports someone else's words."""
    return cues.negated(cues.without_asides(clause), draft) or cues.reported(clause, draft)


_AND_SUBJECT = re.compile(r"\band\s+(?=(?:i|we|you|u|they)(?:'re|'m|'ll|'d|'ve)?\s)")

# "should we keep it here, or go back to my usual invoice ...": staying is one choice
# offered, the move the other.
_OR_ELSE = re.compile(r"\b(?:keep|stay|remain)\b[^.!?\n]{0,40}\bor\b(?:\s+[\w']+){0,6}\s*$")

# "Happy to keep this one on here if you want, but we've always done e-transfer": staying
# offered as the other side's choice, then the writer's own way after "but".
_STAY_IF_YOU_WANT = re.compile(
    r"\b(?:keep|stay|remain)\b[^.!?\n]{0,60}\bif\s+(?:you|u)\s+(?:want|prefer|(?:would|'d)\s+"
    r"(?:like|rather)|like)\b[^.!?\n]{0,20}?,?\s+but\b"
)

# "... switch to direct invoicing if you prefer, or keep it on Upwork": staying is the other
# choice, offered after the move.
_OR_BEFORE = re.compile(r"\bor\s+(?:just\s+|simply\s+|else\s+)?$")


# "..., for everything else we stay on Upwork": staying covers the rest, not the move.
_FOR_THE_REST = re.compile(
    r"\b(?:(?:for|with|as for)\s+(?:the\s+rest|everything\s+else|all\s+else|anything\s+else)"
    r"|otherwise|apart\s+from\s+that|other\s+than\s+that|beyond\s+that|besides\s+that)"
    r",?\s+(?:[\w']+\s+){0,2}$"
)


def _stay_offered_after(draft: Draft, m: Match, first: int, last: int) -> bool:
    """Whether the first word of staying in the sentence [first, last) comes after the
    match, as the other choice ("..., or keep it on Upwork")."""
    stay = cues.STAY_ON_PLATFORM.search(draft.lower, first, last)
    return (
        stay is not None
        and stay.start() >= m.end
        and _OR_BEFORE.search(draft.lower, m.end, stay.start()) is not None
    )


@cache
def _list_join(languages: frozenset[str]) -> re.Pattern[str]:
    """A word joining the last item of a list ("..., GoPay, or bank transfer outside
    Upwork", "phone, email and/or Skype") in one of the draft's languages (``[refusal]
    list_joins``): the Polish "i" in a Polish draft, never the English "I" of "..., i pay
    with zelle". A join that is no word ("/") needs no white space around it."""
    joins = [
        word
        for code in sorted(languages)
        for word in lexicon.words_of(code, "refusal", "list_joins")
    ]
    edge = lexicon.WORD_CHAR
    return re.compile(rf"(?<!{edge}){lexicon.alternation(joins)}(?!{edge})|/")


@cache
def _not_an_item() -> re.Pattern[str]:
    """A word that opens a new clause, never part of a list's item: a subject ("we could
    do WhatsApp"), a join ("so email me"), "let's" (``[clause]`` subjects, openers and
    joins, every language's)."""
    entries = [
        entry for key in ("subjects", "openers", "joins") for entry in lexicon.words("clause", key)
    ]
    return re.compile(rf"\b{lexicon.alternation(entries)}\b")


@cache
def _new_request() -> re.Pattern[str]:
    """A word showing the list's last item is a new request, not one more thing refused:
    "just", "please", the writer as its object ("I'm not on here much, text or WhatsApp
    me") (``[refusal] list_breaks``, every language's)."""
    return re.compile(rf"\b{lexicon.alternation(lexicon.words('refusal', 'list_breaks'))}\b")


#: Separators of a list's items.
_LIST_COMMA = re.compile(r"[,\u060c\uff0c\u3001]")
#: The most words a list's item between the head and the last item holds ("GoPay").
_LIST_ITEM_WORDS = 3
#: The most words between the last join and the match ("or a direct bank transfer",
#: "nor my WhatsApp").
_AFTER_JOIN_WORDS = 2


def _list_head(draft: Draft, m: Match, clause: str) -> str | None:
    """When the match is the last item of a list ("I can't take PayPal, GoPay, or bank
    transfer outside Upwork", "I can't share my phone, email or add you on Skype"), the
    clause that opens the list, whose refusal covers every item; else None. The match's
    clause is the list's last join, with the item before it when no comma stands there,
    and a word or two after it ("or a", "nor my")."""
    if not clause:
        return None
    joins = list(_list_join(draft.languages).finditer(clause))
    if not joins:
        return None
    join = joins[-1]
    item, after = clause[: join.start()], clause[join.end() :]
    if (
        len(item.split()) > _LIST_ITEM_WORDS
        or len(after.split()) > _AFTER_JOIN_WORDS
        or ((item.strip() or after.strip()) and _not_an_item().search(item + " " + after))
        or _new_request().search(f"{item} {after} {draft.lower[m.start : m.end]}")
    ):
        return None
    first = max(draft.sentence_bounds(m.start)[0], m.start - REACH)
    parts = _LIST_COMMA.split(draft.lower[first : m.start - len(clause)])
    if len(parts) < 2 or parts[-1].strip():
        return None  # the joining word does not follow a comma
    parts.pop()
    while len(parts) > 1 and len(parts[-1].split()) <= _LIST_ITEM_WORDS:
        parts.pop()
    return parts[-1]


#: How far after a proposal a refusal of it is looked for.
_DECLINE_REACH = 120


def _situation(kind: str, status: str, context: Context) -> str:
    if status in ("topic", "refusal", "allowed"):
        return status
    if kind == "payment":
        return "payment" if status == "breach" else "payment_uncertain"
    if context.channel in ("job_post", "profile"):
        return "contact_public" if status == "breach" else "contact_uncertain"
    if context.stage == "active_contract":
        return "contact_active"
    return "contact_pre_contract" if status == "breach" else "contact_uncertain"


#: The longest an exception's cue can be, in characters.
_CUE_SPAN = 240
#: Right before a cue, words that make it a requirement, not its denial: "we can't start
#: without the NDA signed".
_REQUIRED = re.compile(r"\b(?:without|until|unless)\s+(?:the\s+|an?\s+|your\s+|my\s+|our\s+)?$")
#: How many characters before an exception's cue a negation can undo it.
_CUE_NEGATION = 24
#: How far from a request an exception's cue in another sentence still covers it.
_CUE_REACH = 400


def _cue_hits(rule: rulepack.ExceptionRule, draft: Draft) -> list[int]:
    """Where the cues of the draft's languages match."""
    hits: list[int] = []
    languages = draft.languages
    for cue_set in rule.cues:
        if cue_set.lang not in languages and cue_set.lang != lexicon.ANY_LANGUAGE:
            continue
        if cue_set.literals and not draft.has_any(cue_set.literals):
            continue  # no cue of this language can match
        for group in cue_set.groups:
            if not group.literals:
                windows = [(0, len(draft.lower))]
            elif draft.has_any(group.literals):
                # Every match of the group holds one of its literals and is shorter than
                # _CUE_SPAN: only the stretches around them are searched.
                windows = draft.near(group.literals, _CUE_SPAN, _CUE_SPAN)
            else:
                continue
            for a, b in windows:
                hits += _overlapping(group.pattern, draft.lower, a, b)
    return sorted(set(hits))


def _overlapping(pattern: re.Pattern[str], text: str, a: int, b: int) -> Iterator[int]:
    """Where ``pattern`` matches in ``text[a:b]``, a match starting inside an earlier one
    included: "there's no invite link — please add me as a user" holds a cue the
    negated "invite ..." would otherwise swallow."""
    while (h := pattern.search(text, a, b)) is not None:
        yield h.start()
        a = h.start() + 1


def _exception(
    kind: str, m: Match, draft: Draft, pack: rulepack.RulePack
) -> rulepack.ExceptionRule | None:
    # A request names what it asks for in its own words, more than the one app noted
    # ("your phone number and WhatsApp").
    asked = m.evidence.get("app") or ""
    if m.type == "contact_request":
        asked += " " + draft.lower[m.start : m.end]
    # A purpose (access to scope the work, a legal document) whose cue stands only in
    # another sentence gives way to a purpose named in the finding's own sentence, or to
    # a fact about the relationship the draft states
    # ("As we're an Upwork Enterprise client, our vendor onboarding runs through our own
    # system. Could you reply with the best email ...?"): the fact covers the finding
    # whatever it is for, and is what the draft gives as the reason.
    borrowed = None
    for rule in pack.exceptions_for(kind, m.type, draft.context.channel):
        if _names_app_of(rule.not_for_apps, asked):
            continue  # "what's your Telegram? I'll add you to the glossary group"
        if m.type == "contact_request" and rule.not_asked.search(asked):
            continue  # "for the GA access I also need your phone number"
        if _applies(rule, draft, m):
            if rule.whole_draft or _cue_in_sentence(rule, draft, m):
                return rule
            borrowed = borrowed or rule
    return borrowed


def _cue_in_sentence(rule: rulepack.ExceptionRule, draft: Draft, m: Match) -> bool:
    """Whether one of the rule's cues found by ``_applies`` stands in the match's own
    sentence."""
    found: list[int] = draft.memo["exception:" + rule.id]  # type: ignore[assignment]
    return _count_within(found, *draft.sentence_bounds(m.start)) > 0


def _names_app_of(groups: tuple[str, ...], words: str) -> bool:
    """Whether ``words`` (an app noted for a finding, or a request's text) name one of
    the apps of ``groups``."""
    return bool(groups and words and cues.app_pattern(*groups).search(words.lower()))


def _applies(rule: rulepack.ExceptionRule, draft: Draft, m: Match) -> bool:
    """Whether the draft's wording meets one of the rule's cues, outside a negation.

    A detail (an address, a number) is covered by a cue anywhere in the draft ("I'll add
    you on GitHub. My email is ..."); a request or an invitation only by a cue in its
    own sentence, since "send the NDA ... actually just send your number" asks twice."""
    key = "exception:" + rule.id
    if key not in draft.memo:
        # (The blocker, some twenty alternatives tried at every position, runs only in
        # drafts that hold one of the literals it needs.)
        if (not rule.blocker_literals or draft.has_any(rule.blocker_literals)) and any(
            not cues.negated(draft.clause_before(b.start())[-_CUE_NEGATION:], draft)
            for b in rule.blocker.finditer(draft.lower)
        ):
            # Wording that rules the exception out ("... you don't need to contact me
            # there" does not)
            draft.memo[key] = []
        else:
            # Only the words right before a cue can negate it ("we have never worked
            # together"); "Didn't expect to see you here! We sat next to each other" is
            # no negation of the second sentence.
            draft.memo[key] = [
                at
                for at in _cue_hits(rule, draft)
                if not cues.negated(before := draft.clause_before(at)[-_CUE_NEGATION:], draft)
                or _REQUIRED.search(before)
            ]
    found: list[int] = draft.memo[key]  # type: ignore[assignment]
    # A pointer ("our office address is printed on the attached form") stands for the
    # detail it points at, and is covered like one.
    if rule.whole_draft:
        return bool(found)
    if not m.negatable or m.type == "contact_pointer":
        # A detail goes with a cue in its own paragraph or the ones either side of it
        # ("For the NDA's signature block, my details are:" opens the block): a long
        # proposal about contract law ("... your DPA ...") does not make the email in
        # its sign-off the document's.
        a, b = draft.paragraph_bounds(m.start)
        signature = work.signature_start(draft, m.start)
        if signature is not None:
            # A signature's details go with cues in the signature only: the letter's
            # "an engagement letter will follow" is not what the sign-off is for.
            a, b = signature, len(draft.text)
        else:
            if a > 0:
                a = draft.paragraph_bounds(a - 1)[0]
            if b < len(draft.text):
                b = draft.paragraph_bounds(b)[1]
        return _count_within(found, a, b) > 0
    # ``found`` and ``others`` are sorted: bisection keeps a draft with thousands of
    # requests and cues linear.
    start, end = draft.sentence_bounds(m.start)
    if _count_within(found, start, end):
        return True
    # A cue in an earlier sentence still covers the request, unless something else
    # that breaks the rules comes between them and takes the cue for itself.
    others: list[int] = draft.memo.get("match_starts", [])  # type: ignore[assignment]
    lo = bisect.bisect_left(found, m.start - _CUE_REACH)
    hi = bisect.bisect_right(found, m.start + _CUE_REACH)
    for at in found[lo:hi]:
        if at == m.start:
            continue
        # The cue's own sentence holds no other finding to take it ("... so I can send
        # the NDA draft... actually just send your number.").
        cue_start, cue_end = draft.sentence_bounds(at)
        this_one = (
            _count_within(others, m.start, m.start + 1) if cue_start <= m.start < cue_end else 0
        )
        if _count_within(others, cue_start, cue_end) == this_one:
            return True
    return False


def _count_within(spots: list[int], start: int, end: int) -> int:
    """How many of the sorted ``spots`` lie in [start, end)."""
    return bisect.bisect_left(spots, end) - bisect.bisect_left(spots, start)
