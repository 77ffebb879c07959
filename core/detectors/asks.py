"""Asking for the other side's details, or offering one's own, without giving any.

"Could you provide your mobile number?", "plz send ur skype", "want my WhatsApp?", "how
can I reach you outside Upwork?". Upwork counts asking as sharing. The grammar is here;
the words (verbs, nouns, question openers) come from the language files
(``rules/lang/*.toml``, see ``presend.core.lexicon``) and the app lists from
``vocabulary.toml``. A payment account asked for or offered counts as payment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from presend.core import cues, lexicon, work
from presend.core.detectors import payment
from presend.core.draft import Draft
from presend.core.model import Match
from presend.core.rulepack import vocabulary
from presend.core.scan import WordPattern, anchors_of, needed_by_any, words


def _words(section: str, key: str) -> list[str]:
    # The English grammar reads the English words; other languages have their phrases
    # (detectors.phrases). Every language's nouns in these patterns would make each of
    # them slower to build and to try.
    return lexicon.words_of("en", section, key)


def _alt(section: str, key: str, extra: list[str] | None = None) -> str:
    return lexicon.alternation(_words(section, key) + (extra or []))


class _Patterns:
    def __init__(self) -> None:
        apps = vocabulary()["apps"]
        chat = apps["messaging"] + apps["social"]
        general = set(_words("ask", "payment_too_general"))
        money = [a for a in apps["payment"] if a not in general]
        contact = _alt("ask", "contact_nouns", chat)
        payment = _alt("ask", "payment_nouns", money)
        #: A payment app named anywhere in a match: "your PayPal email" is an account.
        self.pay_app = re.compile(rf"\b{lexicon.alternation(money)}\b")
        #: A contact detail named for itself in a list ending in a payment one: "your
        #: home address, phone number and bank account" asks for both.
        too_general = set(_words("ask", "contact_too_general"))
        named = [w for w in _words("ask", "contact_nouns") + chat if w not in too_general]
        self.contact_listed = re.compile(rf"\b{lexicon.alternation(named)}\b")
        mods = _alt("ask", "modifiers")
        # The detail, with nothing after it that makes it a topic ("your email campaign").
        # "your email or Skype ID": a second detail named with the first.
        also = rf"(?:\s*(?:,|/|or|and|&)\s*(?:(?:{mods})\s+){{0,2}}(?:{payment}|{contact})\b)?"
        # "your company's registered address", "your DPO's email": one owner on the way;
        # "the Atlassian account email": a tool's name, whatever it is, before its account.
        noun = (
            rf"(?:[a-z][\w-]*['’]s\s+)?(?:[a-z][\w.-]*\s+(?=(?:account|login)\s+(?:e-?mail|mail|id|"
            r"username|user\s?name)\b))?"
            rf"(?:(?:{mods})\s+){{0,2}}(?:(?P<pay>{payment})|(?P<contact>{contact})){also}"
            rf"(?![\w@.\-]*\w)(?!\s+(?:{_alt('ask', 'not_after')})\b)"
        )
        yours = _alt("ask", "yours")
        self.request_before = re.compile(
            rf"\b(?:{_alt('ask', 'request_verbs')})\b(?:\s+[\w']+){{0,4}}\s*$"
        )
        self.question_before = re.compile(rf"\b(?:{_alt('ask', 'question_openers')})\s*$")
        self.request_after = re.compile(rf"\s*(?:{_alt('ask', 'request_after')})")
        vocab_anchors = lexicon.prefixes(_words("ask", "yours"))
        #: "your (best) WhatsApp": asked for only with a verb, a question or a "please".
        self.yours = words(rf"\b(?:{yours})\s+{noun}", vocab_anchors, leading=True)
        openers = _words("ask", "question_openers")
        #: "do you have an email", "is there a number I can call".
        self.indefinite = words(
            rf"\b(?:{lexicon.alternation(openers)})\s+(?:{_alt('ask', 'indefinite')})\s+{noun}",
            lexicon.prefixes(openers),
            leading=True,
        )
        #: "your full legal name, date of birth and home address": a detail at the end
        #: of a list the request names, "a" or "the" may stand before it ("your name and
        #: a phone number where they can reach you", "your licence (and the licensee's
        #: address)").
        self.yours_list = words(
            rf"\b(?:{yours})\s+(?:[\w'\-()]+,?\s+){{1,10}}?\(?(?:and|&)\s+"
            # (after "a"/"the" a bare "number" or "id" may be anything, "and a number to
            # start the count at", and a payment word a thing of the work, "access to your
            # bank feeds and the payroll reports")
            rf"(?:(?:{yours})\s+|(?:an?|the)\s+(?!(?:numbers?|num|ids?|details|digits|contacts?|"
            rf"handles?)\b)(?!(?:[\w-]+\s+){{0,2}}?(?:{payment})\b))?{noun}",
            vocab_anchors,
            leading=True,
        )
        #: "it needs your full name, email and country": the detail inside the list.
        self.yours_inlist = words(
            rf"\b(?:{yours})\s+(?:[\w'\-()]+(?:\s+[\w'\-()]+){{0,2}},\s+){{1,4}}{noun}"
            r"(?=\s*,|\s+(?:and|&)\s)",
            vocab_anchors,
            leading=True,
        )
        #: "the NDA needs both parties' mailing address. Could you type yours here?": the
        #: detail named first, then asked for by "yours" (sent here or to the writer).
        self.yours_back = words(
            rf"\b{noun}\b[^\n]{{0,150}}?\b(?:(?:could|can|would|will)\s+(?:you|u)\s+"
            r"(?:please\s+|just\s+|also\s+)?|please\s+|pls\s+)"
            r"(?:type|send|share|give|tell|drop|pass|post|write|leave|put|add|enter|paste)\s+"
            r"(?:(?:me|us)\s+)?"
            # "... your tax ID and your registered address. Please paste both here."
            r"(?:yours|both(?:\s+of\s+them)?|them\s+both|them|those)\b"
            r"(?=\s*(?:here|below|in\s+(?:the|this)\s+(?:chat|thread|message)|"
            r"with\s+(?:me|us)|to\s+(?:me|us)|please|pls|\?))",
            ("yours", "both", "them", "those"),
            reach=(220, 24),
        )
        #: "reply with the email address you want it sent to"
        self.the_one = words(
            rf"\b(?:the|an?)\s+{noun}\s+(?:address\s+)?you(?:\s+(?:want|would like|prefer|use|"
            r"check)|\s*'d\s+(?:like|prefer|use)|\s*'ll\s+use|\s+will\s+use)\b",
            # Searched around the rarer words at its end, not at every "a" and "the".
            (
                "you want",
                "you'd",
                "youd",
                "you would",
                "you prefer",
                "you use",
                "you check",
                "you'll",
                "you will",
            ),
            reach=(96, 24),
        )
        #: "the best email for our onboarding team to contact you", "the number to reach
        #: you on"
        self.to_reach_you = words(
            rf"\b(?:the|an?)\s+{noun}\s+(?:address\s+)?(?:for\s+(?:[\w'-]+\s+){{1,3}}?)?to\s+"
            r"(?:reach|contact|call|text|e-?mail|message|ring|get\s+hold\s+of|"
            r"get\s+in\s+touch\s+with)\s+(?:you|u)\b",
            (
                "reach you",
                "contact you",
                "call you",
                "text you",
                "mail you",
                "message you",
                "ring you",
                "hold of you",
                "touch with you",
                "reach u",
                "contact u",
            ),
            reach=(140, 24),
        )
        #: "Webflow adds collaborators by email. What's yours?": the detail named, then
        #: asked for by "yours" in a question of its own right after.
        self.whats_yours = words(
            rf"\b{noun}\b[^.?!\n]{{0,24}}[.?!:;—–-]\s*(?:so\s+|then\s+)?"
            r"(?:what'?s|what\s+is|which\s+is|which'?s)\s+yours\s*\?",
            ("yours",),
            reach=(120, 24),
        )
        #: "the email on your Dropbox account", "the number linked to your WhatsApp"
        self.on_yours = words(
            rf"\b(?:the|an?)\s+{noun}\s+(?:address\s+)?(?:{_alt('ask', 'tied_to')})\s+"
            rf"(?:your|ur)\s+(?:(?:{mods})\b(?:\s+(?:account|profile|login|workspace|seat))?|"
            # "the email on your Atlassian account": any one name before the account
            r"(?:[\w.-]+\s+){0,2}(?:account|profile|login|workspace|seat)\b|account|profile|login)"
            # "the phone number on your Contact page": their website, not their account
            r"(?!\s+(?:page|site|website|footer|header|listing|form)\b)",
            tuple(_words("ask", "tied_to")),
            reach=(96, 48),
        )
        #: "WordPress needs an email for the account: which one should I use?"
        self.which_one = words(
            rf"\b{noun}\b[^.?!\n]{{0,60}}[.?!—–:;-]?\s*(?:{_alt('ask', 'which_one')})",
            tuple(_words("ask", "which_one_anchors")),
            reach=(120, 40),
        )
        which = _words("ask", "which")
        #: "what email should I invite?", "which number is best for you?"
        self.which = words(
            rf"\b(?:{lexicon.alternation(which)})\s+{noun}\s+(?:address\s+)?"
            rf"(?:{_alt('ask', 'which_after')})\b",
            lexicon.prefixes(which),
            leading=True,
        )
        handing = _words("ask", "hand_me_verbs")
        #: "can u give me a usdt address", "send me the card number and expiry": a payment
        #: detail asked for with "me" and no "your" (a contact word after "send me an" is
        #: the verb's object instead: "send me an email").
        self.hand_me = words(
            rf"\b(?:{lexicon.alternation(handing)})\s+(?:me|us)\s+(?:the|a|an)\s+"
            rf"(?:(?:{mods})\s+){{0,2}}(?P<pay>{payment})(?P<contact>)?"
            rf"(?![\w@.\-]*\w)(?!\s+(?:{_alt('ask', 'not_after')})\b)",
            lexicon.prefixes(handing),
            leading=True,
        )
        offers = _words("ask", "offer_before")
        verbs = _alt("ask", "offer_verbs")
        #: "I'll send you my number", "want my WhatsApp?", "here's my email".
        self.offer = words(
            rf"\b(?:{lexicon.alternation(offers)})\s+(?:(?:{verbs})\s+)?(?:(?:you|u|ya|it)\s+)?"
            rf"(?:to\s+)?(?:{_alt('ask', 'mine')})\s+{noun}",
            # Searched around "my"/"our" (every match holds one), not at every "i".
            tuple(_words("ask", "mine")),
            reach=(64, 96),
        )
        reach = _alt("ask", "reach_verbs")
        where = _alt("ask", "reach_where")
        #: "how can I reach you outside Upwork", "is there another way to contact you".
        self.reach = words(
            rf"\b(?:how|where|is there (?:a|an|any|another) (?:way|place))\s+(?:(?:can|could|do|"
            rf"should|may|would|to)\s+)?(?:(?:i|we)\s+)?(?:{reach})\s+(?:you|u)\b"
            rf"[^.?!\n]{{0,40}}?\b(?:{where})\b",
            ("how", "where", "is there"),
            leading=True,
            also=(anchors_of(_words("ask", "reach_where")),),
        )
        #: "contact me outside of Upwork", "feel free to email us off the platform".
        self.reach_me = words(
            rf"\b(?:{reach})\s+(?:me|us)\s+(?:directly\s+)?(?:{_alt('ask', 'reach_outside')})\b",
            tuple(_words("ask", "reach_verbs")),
            leading=True,
            also=(("outside", "off"),),
        )
        #: "is there somewhere quicker we could chat?": another place, the app unnamed.
        places = _words("ask", "other_places")
        self.somewhere = words(
            rf"\b(?:is there|do you have|got|know|any)\s+(?:{lexicon.alternation(places)})\s+"
            r"(?:(?:else|quicker|faster|easier|better|simpler|more convenient|more reliable)\s+)?"
            r"(?:(?:where\s+)?(?:we|i|u|you)\s+(?:can|could|might|should)\s+|to\s+)"
            rf"(?:{_alt('invite', 'verbs')})\b",
            # Tried only where its first words begin a word: the places' first letters
            # ("a", "some") are everywhere.
            ("is there", "do you have", "got", "know", "any"),
            leading=True,
        )
        self.needed = needed_by_any(self.all())

    def all(self) -> tuple[WordPattern, ...]:
        """Every pattern."""
        return (
            self.yours,
            self.yours_list,
            self.yours_inlist,
            self.which,
            self.the_one,
            self.hand_me,
            self.on_yours,
            self.which_one,
            self.yours_back,
            self.to_reach_you,
            self.whats_yours,
            self.indefinite,
            self.offer,
            self.reach,
            self.reach_me,
            self.somewhere,
        )


# A subject before the verb makes it a statement: "you put your email", "they need".
# ("could you send me your address" still asks).
_TOLD = re.compile(
    r"(?<!can )(?<!could )(?<!would )(?<!will )(?<!pls )(?<!please )(?<!do )(?<!mind )"
    r"(?<!can't )\b(?P<who>you|u|they|he|she|someone|somebody|"
    # readers at large, nobody's own: "a signal that people want your emails"
    r"(?<!our )(?<!my )(?<!the )(?<!their )(?P<crowd>people|customers|"
    r"subscribers|readers|recipients|users|buyers|visitors|followers|fans|shoppers|audiences?))"
    r"\s+(?:just\s+|already\s+|actually\s+|really\s+)?$"
)
# ... but somebody else needing the detail still asks for it: "they need your address".
_NEED = re.compile(r"(?:need|needs|require|requires|want|wants)\b")


# A request verb that is a noun here, the subject of a verb of holding: "your job post
# has your email", "the listing shows your phone" (told, not asked).
_A_NOUN_HOLDING = re.compile(
    r"[a-z]+\s+(?:still\s+|also\s+)?(?:has|had|have|shows?|showed|lists?|listed|contains?|"
    r"includes?|displays?|is\s+showing|says)\s*$"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|your|ur|my|our|their|his|her|this|that|job|blog)\s+$"
)


# A thing, not a person, doing the showing: "the checkout page should (show our ...)".
_SPEC_BEFORE = re.compile(
    r"\b(?!(?:i|we|you|u|they|he|she)\b)[a-z]{2,}\s+(?:should|must|needs? to|has to|will|would)"
    r"\s+(?:also\s+)?$"
)


# The verbs of a thing holding a detail: "(the script) includes our number".
_HOLDING = re.compile(r"(?:includes|contains|lists|shows|has|with|include|contain|show|list)\b")


_OURS = re.compile(r"\bour\b")


# An offer made to the reader: "I'll send you our number" (not "a button with our number").
_TO_THE_READER = re.compile(r"\b(?:you|u|ya|here'?s|here is|below is|attached is)\b")


@cache
def _p() -> _Patterns:
    # Built on first use: the words come from data files.
    return _Patterns()


# Right after a detail named, words that make it a stand-in: "I put your company bank
# details in the footer as placeholders: [BANK NAME] ...".
_AS_PLACEHOLDER = re.compile(
    r"[^.!?\n]{0,40}\b(?:as|with) (?:a |the )?(?:placeholders?|dummy (?:text|values?)|"
    r"sample (?:text|values?)|stand-?ins?)\b"
)


# Putting one's own details into the deliverable: "swap in your real phone", "plug in
# your actual address" (a template to fill, nothing sent to the writer).
_INTO_THE_WORK = re.compile(r"\b(?:swap|plug|switch|slot)\s+in\s+(?:your\s+)?(?:real|actual|own)\b")


def detect(draft: Draft) -> Iterator[Match]:
    """Yield requests for the other side's details and offers of one's own."""
    for m in _found(draft):
        if _AS_PLACEHOLDER.match(draft.lower, m.end) or _INTO_THE_WORK.search(
            draft.lower, max(0, m.start - 4), m.start + 24
        ):
            continue  # "swap in your real support address before sending": a template's
        if work.ui_string(draft, m.start):
            continue  # 'strings like "Enter your email address"': a screen's wording
        if m.type == "off_platform_payment" and (
            work.feature_item(draft, m.start) or payment.platform_money(draft, m.start)
        ):
            continue  # a job post's list item: "- show our IBAN on the invoice PDF"
        if work.quoted_content(draft, m.start):
            # a line of the work's text: 'the greeting: "... leave your name and number"'
            yield replace(m, status="topic")
            continue
        yield m


def _found(draft: Draft) -> Iterator[Match]:
    p = _p()
    if not draft.holds_any(p.needed):
        return
    lower = draft.lower
    for pattern in (p.yours, p.yours_list, p.yours_inlist):
        for m in draft.find(pattern):
            if pattern is not p.yours and _object_of_work(m):
                continue  # "your experience integrating Payoneer and Skrill": apps worked on
            clause = draft.clause_before(m.start())[-60:]
            verb = p.request_before.search(clause) or p.question_before.search(clause)
            if (
                verb is not None
                and _A_NOUN_HOLDING.match(clause, verb.start())
                and (_DETERMINER_BEFORE.search(clause, 0, verb.start()))
            ):
                continue  # "your job post has your email written ...": a thing that shows it
            told = _TOLD.search(clause, 0, verb.start()) if verb is not None else None
            if told and (
                not _NEED.match(clause, told.end())
                or told.group("who") in ("you", "u")
                or told.group("crowd")  # "a signal that people want your emails": readers
            ):
                continue  # "I noticed you put your email in the job post": told, not asked
            if verb is not None and work.a_figure(draft, m.start(), m.end()):
                continue  # "Fixed price, tell us your number": the bid
            if verb is not None:
                yield from _asked(m, m.start() - len(clause) + verb.start())
            elif p.request_after.match(lower, m.end()):
                yield from _asked(m, m.start())
    for pattern in (
        p.indefinite,
        p.which,
        p.the_one,
        p.hand_me,
        p.on_yours,
        p.which_one,
        p.yours_back,
        p.to_reach_you,
        p.whats_yours,
    ):
        for m in draft.find(pattern):
            if work.a_figure(draft, m.start(), m.end()):
                continue  # "send me the number" after talk of an estimate: the price
            yield from _asked(m, m.start())
    for m in draft.find(p.offer):
        if _SPEC_BEFORE.search(lower, max(0, m.start() - 40), m.start()):
            continue  # "the bank transfer option should show our IBAN": what a product does
        if work.feature_item(draft, m.start()) and not _TO_THE_READER.search(m.group()):
            continue  # "1. WhatsApp button opening a chat with our clinic's number": built
        if (
            _HOLDING.match(lower, m.start())
            and not _TO_THE_READER.search(m.group())
            and work.held_by_content(draft, m.start(), ours=_OURS.search(m.group(0)) is not None)
        ):
            continue  # "Script includes our phone number": what the content is to hold
        yield from _asked(m, m.start())
    for pattern in (p.reach, p.reach_me, p.somewhere):
        for m in draft.find(pattern):
            yield Match("contact_request", m.start(), m.end(), negatable=True)


# In a list after "your", words making the detail the object of something else: "your
# experience integrating Payoneer and Skrill", "your thoughts about Wise and Revolut".
_NOT_A_LIST_OF_DETAILS = re.compile(r"\b(?:with|about|regarding|using|into)\b")


def _object_of_work(m: re.Match[str]) -> bool:
    """Whether the words between "your" and the detail at the end of a list make the
    detail what they work on or talk about, not one of the reader's details."""
    detail = m.start("pay") if m.group("pay") is not None else m.start("contact")
    between = m.group(0)[: detail - m.start()]
    return bool(cues.DEVELOPMENT.search(between) or _NOT_A_LIST_OF_DETAILS.search(between))


def _asked(m: re.Match[str], start: int) -> Iterator[Match]:
    end = m.start() + len(m.group().rstrip())
    # "your PayPal email": the address of a payment account is the account.
    account = m.group("pay") or (
        found.group(0) if (found := _p().pay_app.search(m.group(0))) else None
    )
    if not account:
        app = m.group("contact")
        yield Match("contact_request", start, end, evidence={"app": app}, negatable=True)
        return
    if m.group("pay") is not None and m.start("pay") > m.start():
        # "send your home address, phone number and bank account details": the contact
        # details listed before the account are asked for too, a request of their own.
        found_all = _p().contact_listed.finditer(m.string, m.start(), m.start("pay"))
        listed = next(reversed(list(found_all)), None)
        if listed is not None:
            yield Match(
                "contact_request",
                start,
                listed.end(),
                evidence={"app": listed.group(0)},
                negatable=True,
            )
            start = m.start("pay")
    yield Match("off_platform_payment", start, end, evidence={"app": account}, negatable=True)
