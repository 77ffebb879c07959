"""Words around a match that change what it means: refusals, deferrals, ownership, topic.

Every pattern here is lower case and matched against the draft's lower-case form.
"""

from __future__ import annotations

import re
from functools import cache

from presend.core import lexicon
from presend.core.draft import Draft
from presend.core.rulepack import vocabulary


def _group(entries: list[str]) -> str:
    """A regex group of ``entries`` as written (in file order, spaces kept as spaces)."""
    return "(?:" + "|".join(entries) + ")" if entries else "(?!)"


@cache
def prohibition_opening() -> re.Pattern[str]:
    """A sentence that opens by forbidding: "Do NOT send your email, phone or ask to move
    to Skype" forbids every item of its list, the one after "or" too (``[refusal]
    prohibitions`` and ``prohibition_leads``, read in every draft)."""
    leads = _group(lexicon.words("refusal", "prohibition_leads"))
    forbids = _group(lexicon.words("refusal", "prohibitions"))
    return re.compile(rf"^\W*(?:[\w ]{{1,30}}:\s*)?(?:{leads}\s+)?{forbids}\b")


@cache
def list_or() -> re.Pattern[str]:
    """A word joining a forbidden list's last item (``[refusal] prohibition_joins``: "or",
    "nor", "and/or"), or a slash between two words ("phone/WhatsApp")."""
    joins = _group(lexicon.words("refusal", "prohibition_joins"))
    return re.compile(rf"\b{joins}\b|(?<=\w)/(?!/)")


# "it" starting: the offer or contract just named ("Offer goes out tonight; after it goes
# live ...").
DEFERRAL_IT = re.compile(
    r"\b(?:once|after|when|as soon as)\s+(?:it|that)\s+"
    r"(?:starts|begins|kicks off|is live|goes live|is accepted|is funded)\b"
)
CONTRACT_NAMED = re.compile(r"\b(?:offer|contract)\b")


@cache
def new_clause() -> re.Pattern[str]:
    """A comma, then a clause with its own subject: ", I pay with", ", so we'll pay via";
    or a join that needs no comma before one, "let's" too: "... the contract so let's
    keep it off upwork" (``[clause]``, read in every draft)."""
    subjects = _group(lexicon.words("clause", "subjects"))
    endings = _group(lexicon.words("clause", "subject_endings"))
    openers = _group(lexicon.words("clause", "openers"))
    joins = _group(lexicon.words("clause", "joins"))
    bare = _group(lexicon.words("clause", "bare_joins"))
    return re.compile(
        rf"(?:, | (?={bare} ))(?:{joins} )?(?:{subjects}(?:['\u2019]{endings})?|{openers}) "
    )


# Only a part kept on the platform, the rest paid outside: "the main contract we keep
# here", "the official milestones stay on Upwork" (no refusal of the proposal beside it).
PART_KEPT = re.compile(
    r"\b(?:the|our)\s+(?:main|original|official|regular|big|rest of the)\s+"
    r"(?:contract|job|project|work|milestones?|payments?|hours|invoices?)\b"
)

# Keeping things on the platform: "let's keep everything on Upwork", "only via Upwork".
# ("my messages keep getting blocked here" complains of the platform: the reason to leave)
_KEEP = (
    r"(?:keep(?!\s+(?:on\s+)?(?:getting|being|failing|disappearing|bouncing|vanishing|"
    r"crashing|glitching|lagging)\b)|stay|remain)"
)
STAY_ON_PLATFORM = re.compile(
    rf"\b(?:{_KEEP}|continue|only|strictly|exclusively|solely)\b[^.!?\n]{{0,40}}"
    r"\b(?:on|via|through|in|within|inside)\s+(?:upwork|the platform|this platform|here)\b|"
    # "we'll keep everything here", "let's stay here for now"
    rf"\b{_KEEP}(?:\s+(?!(?:on|via|to|as|than|of|in|from|outside|"
    r"instead)\b)[\w']+){0,3}\s+here\b|"
    r"\b(?:against|violat\w+|breach\w*|break\w*)\s+(?:upwork'?s?\s+|the\s+)?"
    r"(?:rules|terms|tos|policy|policies)\b",
)

# Ownership of a link: whose site is it?
OWNER_SELF = re.compile(
    # "my full portfolio", "our main site": a size or recency word may stand between
    r"\b(?:my|our|mine)\s+(?:(?:full|main|complete|latest|whole|entire|updated)\s+)?"
    r"(?:own\s+|personal\s+|agency'?s?\s+|company'?s?\s+|team'?s?\s+)?"
    # "my own classroom site", "our booking page": what the site is for, one word (not
    # somebody's: "my client's site"; nor a site one likes: "my favourite site")
    # (after "my", "own" or "personal" only: a client's "our current site" stays the project)
    r"(?:(?:(?<=\bmy\s)|(?<=\bown\s)|(?<=\bpersonal\s))"
    r"(?!(?:favou?rite|fav|go-to|dream|reference|example|inspiration|competitor|client|"
    r"clients|customer|customers|boss|friend|friends|partner|employer|current|old|new|"
    r"existing|live|main|staging|test|dev|beta)\b)[a-z][\w-]*(?<!'s)\s+)?"
    r"(?:web\s?site|site|page|portfolio|blog|profile|agency|studio|company|homepage|home page|"
    r"landing page|link|channel|account|work|shop|store|business)\b|"
    r"\b(?:visit|find|follow|contact|reach|check out|see|view)\s+(?:me|us)\b|"
    # "connect w me on linkedin . com / in / name": an invitation to one's own profile
    r"\bconnect\s+(?:with|w/?|wit)\s+(?:me|us)\b|"
    r"\b(?:i|we)\s+(?:run|own|built|made|have)\s+(?:a|my|our)?\s*(?:web\s?site|site|blog|page)\b|"
    r"\babout me\b|\bmore about (?:me|us)\b",
)
# A sentence right after a link saying the writer is reached through that site:
# "the contact page there is the fastest way to get me", "my email is on it".
CONTACT_THERE = re.compile(
    r"\bcontact\s+(?:page|form|section|tab|details|info)\s+(?:there|on (?:it|that|the site)|"
    r"on (?:the|that) (?:site|website|page))\b.*\b(?:me|us)\b|"
    r"\b(?:(?:reach|contact|email|message|find|get hold of|get in touch with)\s+(?:me|us)|"
    r"book(?:ing)?\s+(?:a\s+)?(?:call|slot|meeting))\s+"
    r"(?:through|via|from|on|at)\s+(?:it|there|(?:the|that)\s+(?:site|website|page|form))\b|"
    r"\b(?:my|our)\s+(?:email|e-mail|(?:phone\s+)?number|phone|whatsapp|contact details|details)\s+"
    r"(?:is|are)\s+(?:(?:also|all)\s+)?(?:on (?:it|there|that page|the site)|there)\b",
)
OWNER_OTHER = re.compile(
    r"\b(?:your|ur|the client'?s|the current|the existing|the live|the old|the new|"
    r"the staging|their|his|her|competitor'?s?)\b|"
    r"\b(?:fix|redesign|rebuild|migrate|speed up|optimi[sz]e|audit|update|scrape|crawl|"
    r"test|debug|review|improve|analy[sz]e|like|similar to|such as|e\.g|for example|"
    # ("check references": people vouching for the writer, not a site like it)
    r"inspired by|reference|(?<!check )(?<!checking )(?<!my )references|staging|deployed|"
    r"hosted|live at|currently at|"
    r"competitors?|clone of|copy of|"
    # echoed back: "the API docs you linked (docs.acme.dev)"
    r"(?:you|u)\s+(?:just\s+|already\s+)?(?:linked|sent|shared|posted|mentioned|gave|"
    r"attached|pasted|referenced)|"
    # A site the writer went to see is the reader's or somebody else's, not theirs.
    r"(?:had|took) a (?:quick |closer |good )?look at|looked (?:at|through|over)|"
    r"went (?:through|over)|checked|browsed|visited|"
    # The work named as a noun before the site: "the migration of acme.com", "an
    # external pentest of app.acme.io".
    r"(?:migration|redesign|rebuild|re-?platforming|audit|pen-?test|penetration test|"
    r"security (?:test|review|assessment)|code review|review|optimi[sz]ation|overhaul|"
    r"revamp|relaunch|refresh|assessment|translation|locali[sz]ation|maintenance|"
    r"upgrade|speed-up|teardown)\s+(?:of|for|on)(?:\s+(?:the\s+)?(?:site|website|app))?)\b",
)

# Building or integrating something: "integrate PayPal checkout", "a Telegram bot".
DEVELOPMENT = re.compile(
    r"\b(?:integrat\w+|implement\w*|api|apis|sdk|webhooks?|checkout|gateway|plugin|"
    r"module|bots?|chatbot|app(?:lication)? for|build(?:ing)?|develop\w*|configur\w+|"
    r"automat\w+|scrap\w+|clone|widget|button|template|theme|campaigns?|ads|advertising|"
    r"marketing|followers|moderat\w+|manag\w+|smm|seo|analytics|pixel|catalog|"
    # ("keep billing us by bank transfer": the verb, somebody billed, not a billing feature)
    r"sandbox|merchant|subscriptions?|billing(?!\s+(?:us|me|you|u|him|her|them)\b)|"
    r"payouts? (?:api|feature)|reels|"
    r"contract address|smart contract|token|deployed|etherscan|tx|transaction hash|"
    r"clone|ui|ux|redesign|mockups?|landing page|e-?commerce|woocommerce|shopify|flows?|"
    # ("for payout I prefer Wise": how one is paid, not a payouts feature; nor are
    # "Upwork payouts are so slow", the platform's own)
    r"screens?|figma|banking app|fintech|gateways|built|stripe connect|"
    r"(?<!\bfor )(?<!\bfor my )(?<!\bfor the )(?<!\bupwork )(?<!\bupwork's )payouts?|marketplace|"
    r"notifications?|alerts?|crm|zapier|n8n|make\.com|twilio|sendgrid|mailchimp|"
    r"migrat\w+|export|import|sync\w*|ocr|dataset|cms)\b",
)


def app_names(*groups: str) -> str:
    """A regex group, to embed in other patterns, matching any app name in the given
    vocabulary groups (messaging, social, meeting, payment)."""
    names: list[str] = [n for g in groups for n in vocabulary()["apps"][g]]
    # Longest first, so "wechat pay" wins over "wechat".
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


@cache
def app_pattern(*groups: str) -> re.Pattern[str]:
    """Any app name of the given vocabulary groups, as a whole word."""
    return re.compile(rf"\b{app_names(*groups)}\b")


def declined_after(text: str, draft: Draft) -> bool:
    """Whether ``text``, the words right after a proposal, turn it down ("We won't do
    that: all payments stay on Upwork"), in one of the languages the draft shows."""
    return bool(_read_in(draft.languages, "refusal", "after").search(text))


def reported(clause: str, draft: Draft) -> bool:
    """Whether a clause reports what somebody else asked ("someone asked me to ..."), in
    one of the languages the draft shows."""
    return bool(_read_in(draft.languages, "refusal", "reported").search(clause))


def accepted(text: str, draft: Draft) -> bool:
    """Whether ``text``, the words right after somebody else's proposal was reported or
    quoted, take it up ("Sure, let's do that"), in one of the languages the draft shows."""
    return bool(_read_in(draft.languages, "refusal", "accepted").search(text))


_ASIDE = re.compile(r"\([^()]*\)")


def without_asides(clause: str) -> str:
    """A clause without its bracketed asides: "(they weren't in our contract) you can
    just Revolut me" is not a refusal."""
    return _ASIDE.sub(" ", clause) if "(" in clause else clause


@cache
def _refusals(languages: frozenset[str], leading: str | None) -> re.Pattern[str]:
    """The refusals and negations of these languages' files (``[refusal] before``): "I
    can't", "no need to", "no puedo", "nicht". In a draft written mostly in one of them
    (``leading``), an entry of another file that can be no more than one of its everyday
    words (``[refusal] false_friends``) is left out: in a Portuguese draft, English's
    "no" is "in the" ("no WhatsApp")."""
    friends = lexicon.words_of(leading, "refusal", "false_friends") if leading else []
    entries = [
        entry
        for code in sorted(languages | {lexicon.ANY_LANGUAGE})
        for entry in lexicon.words_of(code, "refusal", "before")
        if code == leading or not any(re.fullmatch(entry, word) for word in friends)
    ]
    return _whole_words(entries)


def _entries(languages: frozenset[str], section: str, key: str) -> list[str]:
    """``[section] key`` of these languages' files (and of the file read in every
    draft), once each."""
    return list(
        dict.fromkeys(
            entry
            for code in sorted(languages | {lexicon.ANY_LANGUAGE})
            for entry in lexicon.words_of(code, section, key)
        )
    )


@cache
def _read_in(languages: frozenset[str], section: str, key: str) -> re.Pattern[str]:
    """``[section] key`` of these languages' files as one pattern, its entries carrying
    their own word edges: a Korean "안 돼요" after a proposal turns it down in a Korean
    draft only."""
    return re.compile(lexicon.alternation(_entries(languages, section, key)))


@cache
def _words_in(languages: frozenset[str], section: str, key: str) -> re.Pattern[str]:
    """``[section] key`` of these languages' files, each entry as whole words."""
    return _whole_words(_entries(languages, section, key))


def _whole_words(entries: list[str]) -> re.Pattern[str]:
    """Any of ``entries``, not inside a longer word ("di" is no refusal in "building")."""
    edge = lexicon.WORD_CHAR
    spaced, glued = lexicon.by_spacing(entries)  # Thai, Japanese, Chinese: no word edges
    return re.compile(
        rf"(?<!{edge}){lexicon.alternation(spaced)}(?!{edge})|{lexicon.alternation(glued)}"
    )


def site_work(text: str) -> bool:
    """Whether ``text`` names work on a site or a fault of one (``[work] site_work``):
    "we want both moved to Webflow", "the slow page is the catalog"."""
    return lexicon.pattern("work", "site_work").search(text) is not None


def names_the_work(text: str, draft: Draft) -> bool:
    """Whether ``text`` holds one of the topic words of the draft's languages ("bot",
    "бот"), not counting a bot named as the filter a disguise is for ("so the bot
    doesn't eat it")."""
    topic = _words_in(draft.languages, "topic", "words")
    return bool(topic.search(lexicon.pattern("work", "evasion").sub(" ", text)))


def about_the_work(text: str, draft: Draft) -> bool:
    """Whether ``text`` (words around an app's name) makes it the subject of the work:
    "integrate", "bot", "integración", "бот", "小程序" (the topic words of the draft's
    languages)."""
    return bool(
        DEVELOPMENT.search(text) or _words_in(draft.languages, "topic", "words").search(text)
    )


def negated(clause: str, draft: Draft) -> bool:
    """Whether a clause of the draft holds a refusal or a negation, in one of the
    languages the draft shows."""
    return _refusals(draft.languages, draft.leading_language).search(clause) is not None


def deferred(sentence: str, draft: Draft) -> bool:
    """Whether a sentence puts something off until the contract starts, in one of the
    languages the draft shows."""
    return bool(_words_in(draft.languages, "refusal", "deferral").search(sentence))
