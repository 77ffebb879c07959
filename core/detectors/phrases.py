"""Invitations to move apps, requests for details and proposals to pay outside, in every
language, from the ``[phrases]`` of each language file (``rules/lang/SCHEMA.md``).

English has its own grammar (``apps``, ``asks``, ``payment``); other languages are read
as whole phrases with the app names, contact nouns and payment words of every language
filled in, so "pásame tu WhatsApp", "скинь номер" and "加我微信" are found in drafts that
mix them with English. Each finding names the language it was read in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from presend.core import cues, lexicon, work
from presend.core.detectors import payment
from presend.core.draft import Draft
from presend.core.model import Match
from presend.core.rulepack import vocabulary
from presend.core.scan import WordPattern, needed_literals, top_level_alternatives, words

#: The phrase lists of a language file and the type a match of each becomes.
_KINDS = {
    "invite": "messaging_invite",
    "request": "contact_request",
    "payment": "off_platform_payment",
    "pointer": "contact_pointer",
    "handle": "messaging_handle",
}
_WORD_CHAR = lexicon.WORD_CHAR
_PLACEHOLDER = re.compile(r"\{(app|contact|pay|market|name|handle)\}")
#: One's name on an app, as ``{name}`` stands for it: Latin letters, digits, "_", "." and
#: "-", three or more, an "@" before it or not. Only those, so the kana or Han letters
#: that follow it in the sentence ("minji88です") stay out of it.
_NAME = r"@?[a-z0-9][a-z0-9_.\-]{1,30}[a-z0-9](?![a-z0-9_@])"
#: ``{handle}``: a name shaped as one, for phrases with no word between app and name
#: ("mi telegram ivan_pro"): an "@" before it, or a dot, an underscore or digits in it.
_HANDLE = (
    r"(?:@[a-z0-9][a-z0-9_.]{2,30}|[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]{2,}\d+)"
    r"(?![a-z0-9_@])"
)


@dataclass(frozen=True, slots=True)
class _Phrases:
    lang: str
    type: str
    #: Phrases with a literal every match holds, searched only near one of them: one
    #: pattern per set of literals, so a sentence holding a common literal ("same") is
    #: searched for the few phrases that need it, not for all of them...
    anchored: tuple[WordPattern, ...]
    #: Every literal of ``anchored``: a draft holding none is not searched at all.
    anchors: frozenset[str]
    #: ...and the rest, scanned whole (few: a phrase that is all placeholders).
    loose: re.Pattern[str] | None


@cache
def _phrases_of(code: str, platform_domains: tuple[str, ...]) -> tuple[_Phrases, ...]:
    """One language's phrases, compiled the first time a draft shows that language (all
    of them at once would cost a cold start seconds of regex compiling), for the
    marketplace with ``platform_domains``."""
    language = next(lang for lang in lexicon.languages() if lang.code == code)
    fill = _fillers(language, platform_domains)
    phrases = language.data.get("phrases", {})
    found: list[_Phrases] = []
    for key, type_ in _KINDS.items():
        entries = [str(p) for p in phrases.get(key, [])]
        if entries:
            found.append(_compile(language, type_, entries, fill))
    return tuple(found)


@cache
def _codes_with_phrases() -> tuple[str, ...]:
    return tuple(lang.code for lang in lexicon.languages() if lang.data.get("phrases"))


def _fillers(language: lexicon.Language, platform_domains: tuple[str, ...]) -> dict[str, str]:
    """What the placeholders stand for in this language's phrases: the apps and payment
    rails everybody names, with the language's own names and nouns for them, and the
    marketplaces other than the one written on."""
    apps = vocabulary()["apps"]
    own = language.data.get("apps", {})
    ask = language.data.get("ask", {})
    # English nouns too: "Ano po yung number niyo?" borrows them.
    english = {
        key: lexicon.words_of("en", "ask", key) for key in ("contact_nouns", "payment_nouns")
    }
    chat = apps["messaging"] + apps["social"] + own.get("messaging", [])
    money = (
        apps["payment"] + own.get("payment", []) + ask.get("payment_nouns", [])
        + english["payment_nouns"]
    )  # fmt: skip
    contact = ask.get("contact_nouns", []) + english["contact_nouns"] + chat
    # "my tele is same as my upwork name": the nicknames long enough to be read alone
    # ("wa" or "ig" only where grammar expects an app, detectors.apps).
    long_nicks = [n for n in vocabulary()["app_nicknames"]["names"] if len(n) >= 4]
    nick = rf"|(?:{lexicon.alternation(long_nicks)})(?![\w-])"
    return {
        "app": f"(?:{lexicon.alternation(chat)}{nick})",
        "contact": f"(?:{lexicon.alternation(contact)}{nick})",
        "pay": lexicon.alternation(money),
        "market": lexicon.alternation(_other_marketplaces(platform_domains)),
        "name": _NAME,
        "handle": _HANDLE,
    }


def _other_marketplaces(platform_domains: tuple[str, ...]) -> list[str]:
    """The names of every marketplace in the vocabulary but the draft's own."""
    return [
        name
        for domain, names in vocabulary()["marketplaces"].items()
        if domain not in platform_domains
        for name in names
    ]


def _compile(
    language: lexicon.Language, type_: str, entries: list[str], fill: dict[str, str]
) -> _Phrases:
    before, after = (rf"(?<!{_WORD_CHAR})", rf"(?!{_WORD_CHAR})") if language.spaced else ("", "")

    def filled(phrase: str) -> str:
        # (" ?" is an optional space, not a space then a lazy one)
        spaced = phrase.replace(" ?", r"\s?").replace(" ", r"\s+")
        return "(?:" + _PLACEHOLDER.sub(lambda m: fill[m.group(1)], spaced) + ")"

    def source(phrases: list[str]) -> str:
        return f"{before}(?:{'|'.join(filled(p) for p in phrases)}){after}"

    # A phrase with alternatives at its top level is several phrases, each with its
    # own literal.
    entries = [alt for p in entries for alt in top_level_alternatives(p)]
    literals = {p: needed_literals(_PLACEHOLDER.sub("(?:x)", p)) for p in entries}
    by_literals: dict[frozenset[str], list[str]] = {}
    for p in entries:
        if (found := literals[p]) is not None:
            by_literals.setdefault(frozenset(found), []).append(p)
    loose = [p for p in entries if literals[p] is None]
    anchored = tuple(words(source(group), tuple(sorted(key))) for key, group in by_literals.items())
    return _Phrases(
        language.code,
        type_,
        anchored,
        frozenset().union(*(p.sets[0] for p in anchored)),
        re.compile(source(loose)) if loose else None,
    )


def detect(draft: Draft) -> Iterator[Match]:
    """Yield the phrases of every language found in the draft."""
    present = draft.languages
    for phrases in (
        p
        for code in _codes_with_phrases()
        if code in present
        for p in _phrases_of(code, draft.platform_domains)
    ):
        found = (
            [m for pattern in phrases.anchored for m in draft.find(pattern)]
            if draft.holds_any(phrases.anchors)
            else []
        )
        if phrases.loose is not None:
            found += phrases.loose.finditer(draft.lower)
        for m in _leftmost_longest(found):
            if m.end() <= m.start():
                continue
            if cues.names_the_work(_around(draft, m, phrases.type), draft) and not _skips_platform(
                m, phrases.type
            ):
                continue
            # A quoted line of a script or of strings to translate ("Sent with STC Pay")
            # is the content's wording, not the writer's proposal.
            if (
                not work.quoted_content(draft, m.start())
                and not (
                    phrases.type == "off_platform_payment" and work.feature_item(draft, m.start())
                )
                and not (phrases.type == "contact_pointer" and _content_holds(draft, m))
            ):
                yield Match(
                    phrases.type, m.start(), m.end(), evidence={"lang": phrases.lang},
                    negatable=True,
                )  # fmt: skip


# A page the reader is sent to, before the verb: "the contact page there (has) ...", "...
# on my site (lists) ...".
_SENT_THERE = re.compile(r"\b(?:there|on\s+(?:it|(?:my|that)\s+(?:web\s?)?site))\b")
# The verb of a document or a piece of content holding details: "the copy (lists) our ...".
_HOLDS = re.compile(r"\b(?:includes?|contains?|lists?|shows?|has)\s+(?P<ours>our\b)?")


def _content_holds(draft: Draft, m: re.Match[str]) -> bool:
    """Whether a pointer to a document holding details ("the copy lists our address and
    phone") tells what a piece of the content to produce holds (work.held_by_content)."""
    verb = _HOLDS.search(m.group(0))
    if verb is not None and _SENT_THERE.search(m.group(0), 0, verb.start()):
        return False  # "the contact page there has my phone": a page to go to, not to make
    return verb is not None and work.held_by_content(
        draft, m.start() + verb.start(), ours=verb.group("ours") is not None
    )


def _skips_platform(m: re.Match[str], type_: str) -> bool:
    """Whether a payment phrase is about leaving the platform out, naming no payment app
    ("die uurtjes voor de nieuwsbrief hoeven niet via Upwork"): the work named beside it
    is what would be paid for, not a product it is about."""
    text = m.group(0)
    return (
        type_ == "off_platform_payment"
        and payment.PLATFORM_NAME.search(text) is not None
        and cues.app_pattern("payment").search(text) is None
    )


def _leftmost_longest(found: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches of several patterns as one pattern of them all would find them: no
    two overlapping, the earliest first and, of those starting together, the longest."""
    end = -1
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if m.start() >= end:
            yield m
            end = max(m.end(), m.start() + 1)


#: How far after a request for a detail a topic word makes it the work's subject: the
#: words right after it ("tu correo de campaña"), no further. A tool named later in the
#: sentence ("el correo de tu cuenta de GitHub", "email yang kamu pakai di Shopify") is
#: what access is wanted for, which is an exception to judge, not work talk.
_REQUEST_TOPIC_REACH = 12


def _around(draft: Draft, m: re.Match[str], type_: str) -> str:
    """The text whose topic words make a phrase talk about the work, not a move."""
    if type_ == "contact_request":
        return draft.lower[m.end() : m.end() + _REQUEST_TOPIC_REACH]
    # Not past a sentence's end on the same line: "... of your checkout. My scheduling
    # link is ..." is no talk about building scheduling links (a list's lines are read
    # with the ones around them).
    before = draft.words_before(m.start(), 24)
    after = draft.lower[m.end() : m.end() + 24]
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    stop = _SENTENCE_END.search(after)
    inside = draft.lower[m.start() : m.end()]
    if type_ == "contact_pointer":
        # 'google "Tanvir Ahmed Shopify Dhaka", the first result': quoted words opening
        # with a name are the name to look up, whatever trade they name, not the subject
        # of the work ('search "figma plugins" on reddit' still is).
        original = draft.norm.original_text(m.start(), m.end())
        if _QUOTED_NAME.search(original):
            inside = _QUOTED.sub(" ", inside)
    return before[ends[-1] if ends else 0 :] + inside + after[: stop.start() if stop else None]


# A quotation inside a phrase: the words somebody is told to search for.
# ... and one that opens with a name: two capitalised words.
_QUOTED_NAME = re.compile(r"[\"\u201c\u2018'][A-Z][a-z]+ [A-Z][a-z]+")
_QUOTED = re.compile(r"[\"\u201c\u2018'][^\"\u201d\u2019'\n]{3,60}[\"\u201d\u2019']")


# A sentence's end inside a line: after a word, not a list's "2. ".
_SENTENCE_END = re.compile(r"(?<=[^\W\d_])[.!?] ")
