"""Links and bare domains, sorted by what they lead to: a chat, a call, a payment, a
form, a profile, a portfolio, the project itself or the marketplace's own pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from presend.core import cues, domains, lexicon, work
from presend.core.draft import REACH, Draft
from presend.core.model import Match, Status
from presend.core.scan import finditer_in, words

_URL = re.compile(
    r"(?<![\w@.\-/])"
    r"(?P<scheme>https?://|ftp://)?(?P<www>www\d?\.)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,8}[a-z][a-z0-9\-]{1,23}"
    r"|(?<=//)(?:\d{1,3}\.){3}\d{1,3})"
    r"(?![\w\-@])(?::\d{2,5})?(?P<path>[/?#][^\s<>\"'`]{0,2000})?",
)
# App links that are not web addresses: "skype:live:jane?chat", "tg://resolve?domain=x".
_APP_SCHEME = re.compile(
    r"\b(?P<scheme>skype|tg|whatsapp|viber|weixin|line|discord|zoommtg|zoomus|msteams|"
    r"facetime|sms|tel|callto|mailto|signal|sgnl|threema|kik):(?://)?[^\s<>\"']{1,300}",
)
_APP_SCHEME_WORDS = tuple(
    f"{scheme}:"
    for scheme in "skype tg whatsapp viber weixin line discord zoommtg zoomus msteams facetime "
    "sms tel callto mailto signal sgnl threema kik".split()
)
_APP_SCHEME_WHERE = words(_APP_SCHEME.pattern, _APP_SCHEME_WORDS)
# Chat links written with spaces to slip past filters: "t . me / name", "wa . me/ 92...".
_SPACED_CHAT_LINK = re.compile(
    r"(?<![\w.])(?:t|wa|m)\s+\.\s*me\s*/\s*\+?[\w.\-]*\w|(?<![\w.])(?:t|wa|m)\s*\.\s+me\s*/\s*"
    r"\+?[\w.\-]*\w|(?<![\w.])(?:t|wa|m)\.me\s+/\s*\+?[\w.\-]*\w",
)
_SPACED_ME = re.compile(r"\.\s*me\s*/")
_SCHEME_TYPES = {
    "zoommtg": "meeting_link",
    "zoomus": "meeting_link",
    "msteams": "meeting_link",
    "facetime": "meeting_link",
    "tel": "phone",
    "sms": "phone",
    "callto": "phone",
    "mailto": "email",
}
_GROUP_TYPES = {
    "messaging": "messaging_link",
    "meeting": "meeting_link",
    "payment": "payment_link",
    "application": "external_application",
    "shortener": "shortened_link",
    "social": "social_profile",
}
_TRAILING = ".,;:!?)]}'\"*"
# A name after a personal-link host, however it is written: "paypal.me / anna", "t.me slash x".
_NAME_FOLLOWS = re.compile(r"\s*(?:/|slash\b|\()")
# An application asked to be sent to the link that follows.
_SEND_THERE = re.compile(
    r"\b(?:send|submit|email|upload|apply|forward)\b[^.!?\n]{0,50}\b(?:to|at|via|through|on)\s*"
    # "send ur cv to careers page: acme.io/jobs/apply"
    r"(?:(?:our|my|the|this)\s+)?(?:(?:careers?|jobs?|application|hiring)\s+)?(?:page|site|website|"
    r"portal|form|link)?\s*:?\s*$"
)


@cache
def _careers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A careers page's path ("/careers", "/kariera") and host ("jobs.", "karriere."), in
    the words of every language ([work] careers)."""
    group = lexicon.alternation(lexicon.words("work", "careers"))
    return re.compile(rf"/{group}\b"), re.compile(rf"^{group}\.")


# An application sent to the careers page that the words before the link name: "To
# apply, please use our careers page so HR sees your application: careers.acme.io/jobs"
# ("your application" is the reader's, yet the page is where it goes).
_APPLY_WORD = re.compile(
    r"\b(?:to|please|pls|kindly|just|only)\s+apply\b|\bapply\s+(?:only\s+)?(?:via|through|on|at|"
    r"using|with|here)\b|\bapplications?\s+(?:go|must|should|only|are\s+(?:only\s+)?"
    r"(?:accepted|reviewed|considered))\b"
)
_CAREERS_PAGE_NAMED = re.compile(
    r"\b(?:careers?|jobs?|hiring|application|recruiting)\s+(?:page|site|website|portal|form)\b"
)
_PLACEHOLDER_PATH = re.compile(
    r"(?:<|\{|\[|x{3,}\b|your[-_]?(?:number|handle|name|username|id)|\.\.\.)"
)


def _stand_in_segment(path: str) -> bool:
    """Whether a part of a link's path stands in for the reader's own name: "the iframe
    from boards.greenhouse.io/yourcompany", "tiktok.com/@yourbrand"."""
    return any(work.stand_in_name(part) for part in _PATH_PARTS.split(path) if part)


_PATH_PARTS = re.compile(r"[/?#&=]")


# A later part of a link's path that a template fills in: "/j/{{meeting_id}}",
# "/rooms/<room>", "/j/:id", "/j/${id}", "/j/[id]", "/j/xxxxxxxxx".
_TEMPLATE_SEGMENT = re.compile(r"/(?:\{|<|\[|\$\{?[a-z_]|:[a-z_]\w*(?![^/?#])|x{3,}(?![^/?#]))")
# An address described before its domain: "email my first name at the studio name".
_EMAIL_DESCRIBED = re.compile(
    r"\be-?mail\b[^.!?\n]{0,40}\b(?:my|our|the)\s+(?:first\s+|last\s+|full\s+|user\s*)?name\s+"
    r"at\s+(?:[\w-]+\s+){0,3}$"
)
# What a product named by its domain is used for: "Originality.ai check", "Canva.com
# subscription".
_PRODUCT_WORDS = (
    r"(?:check|checks|checker|checking|score|scores|detector|detection|account|"
    r"subscription|plan|api|credits?|reports?|plugin|integration|extension|dashboard|app|"
    r"widgets?|collections?|tool|licen[cs]e|seats?|pro|premium|workspace|template|templates|"
    r"scan|scans)\b"
)
_PRODUCT_AFTER = re.compile(r"\s+" + _PRODUCT_WORDS)
# The same with a word or two between: "Judge.me duplicate widget", "the Canva.com team
# plan".
_PRODUCT_AFTER_WORDS = re.compile(r"\s+(?:[\w-]+\s+){1,2}?" + _PRODUCT_WORDS)
# Another product's name beside it in a list: "Docusaurus, ReadMe.com, Postman",
# "(Doxy.me, Zoom for Healthcare)".
_NAME_ITEM_BEFORE = re.compile(r"(?<![\w.@])[A-Z][\w+#-]*\)?\s*(?:,|/|\+|&|\band|\bor)\s*$")
_NAME_ITEM_AFTER = re.compile(r"\s*(?:,|/|\+|&|\band\b|\bor\b)\s*[A-Z][\w+#-]*(?![\w.@])")
# What comes before a list's first name when the list is of tools: a bracket opened after
# a word ("data migration (Data Loader, ..."), or two items already listed ("Flows,
# Sales Cloud, Data Loader, ...").
_TOOL_LIST_BEFORE = re.compile(
    r"\w\s*\(\s*(?:[A-Z][\w+#-]*\s+)*$|,[^,.!?\n]{1,30},\s*(?:[A-Z][\w+#-]*\s+)*$"
)
# Words saying the writer can be found at the list that follows: "find me on", "email us
# at", "I'm also on", "visit". A verb counts with its person ("email me at", not "I'll
# email you the mockups made in Canva.com, Figma") and with nothing between it and the
# list's first item but a preposition or a colon.
_REACH_ME = re.compile(
    r"\b(?:(?:find|reach|contact|follow|connect\s+with|dm|message|ping|e-?mail|text|call)\s+"
    r"(?:me|us)(?:\s+(?:also|too|anytime|directly))?|(?:i'?m|i am|we'?re|we are)\s+(?:also\s+)?"
    r"(?:on|at)\b|visit)(?:\s+(?:on|at|via|through|over|here|there)\b)?\s*:?\s*"
)
# After the list, the same said of its places: "..., Dribbble: find me there".
_REACH_ME_THERE = re.compile(
    r"\b(?:find|reach|contact|follow|connect\s+with|dm|message|ping|e-?mail|text|call)\s+"
    r"(?:me|us)\s+(?:there|on\s+(?:it|them|those|either|any|all))\b"
)
# Between such words and the domain, only other items of the list: "find me on Behance,
# Dribbble and JaneDoe.com".
_LIST_SO_FAR = re.compile(
    r"(?:[^\s,;:!?()]+(?:\s+[^\s,;:!?()]+){0,2}\s*(?:,|/|&|\band\b|\bor\b)\s*)*"
)


def _reached_there(draft: Draft, start: int) -> bool:
    """Whether the domain at ``start`` is where the writer says they are reached: in the
    list that "find me on", "email us at" or "I'm also on" opens, or that "find me
    there" follows (a claim by "my" is ``_owner``'s)."""
    lo, hi = draft.sentence_bounds(start)
    if _REACH_ME_THERE.search(draft.lower, start, min(hi, start + 120)):
        return True
    return any(
        _LIST_SO_FAR.fullmatch(draft.lower, reach.end(), start)
        for reach in _REACH_ME.finditer(draft.lower, max(lo, start - 120), start)
    )


def _named_as_product(draft: Draft, start: int, end: int) -> bool:
    """Whether a capitalised bare domain is used as a product's name: a product word
    a word or two after it, or another capitalised name beside it in a list, with
    nothing claiming it or saying the writer is reached there (``_reached_there``)."""
    text = draft.text
    listed = _NAME_ITEM_BEFORE.search(text, max(0, start - 40), start) or _NAME_ITEM_AFTER.match(
        text, end
    )
    if not listed and not _PRODUCT_AFTER_WORDS.match(draft.lower, end):
        return False
    name = draft.lower[start:end].split(".")[0]
    beside = listed.group(0).strip(" ,/+&()").split()[0].lower() if listed else ""
    if (
        len(beside) >= 3
        and beside in name
        and not _TOOL_LIST_BEFORE.search(
            text, max(0, start - 80), listed.start() if listed else start
        )
    ):
        # "Jane Rivera, JaneRivera.com": a person and their own site (not "data migration
        # (Data Loader, Dataloader.io)": a tool beside its web version, in a list of tools)
        return False
    if work.signature_start(draft, start) is not None:
        return False  # a sign-off's lines are the writer's own
    return _owner(draft, start) != "self" and not _reached_there(draft, start)


# A contact page, in English and the slugs sites in other languages use for it.
_CONTACT_PATH = re.compile(
    r"/(?:contact|contact-us|contactus|get-in-touch|reach-us"
    r"|contatt[io]|contact[oe]s?|contatos?|kontakt[ey]?|kontakty|kontaktai|contactez-nous"
    r"|nous-contacter|iletisim|kapcsolat|yhteystiedot|hubungi-kami|lien-he|contacteer"
    r"|kontaktiere-uns|contacta|contactanos|fale-conosco)\b",
    re.IGNORECASE,
)


# A page to book a call or a meeting with the site's owner: "harperlab.com/book",
# "/book-a-call", "/schedule", "/appointments" (a call arranged outside the platform).
_BOOKING_PATH = re.compile(
    r"/(?:book(?:ing)?|book-?a-?(?:call|meeting|session|consultation|chat)|schedule(?:-a-call)?"
    r"|appointments?|consultation|discovery-?call|free-?call|calendar)/?(?:$|[?#])",
    re.IGNORECASE,
)

_SHOWN_AS_WORK = re.compile(
    r"\b(?:demo|sample|example|mock-?up|prototype|staging|test site|"
    r"(?:one|site|page) (?:i|we) (?:did|built|made|designed|set up))\b"
)


def detect(draft: Draft) -> Iterator[Match]:
    """Yield every link or bare domain, with what it leads to."""
    yield from _app_links(draft)
    found = list(_web_links(draft))
    # "northfield-coffee.com (the domain in your post) ... a sending subdomain (e.g.
    # send.northfield-coffee.com)": another host of a site already named as the
    # project's is the project's too.
    projects = {
        domains.registered_domain(m.evidence["domain"])
        for m in found
        if m.type == "project_link" and m.status == "allowed"
    }
    projects.discard("")
    for m in found:
        if m.status == "uncertain" and domains.registered_domain(m.evidence["domain"]) in projects:
            m = replace(m, type="project_link", status="allowed")  # noqa: PLW2901
        yield m


def _web_links(draft: Draft) -> Iterator[Match]:
    """Every web link or bare domain, sorted by what it leads to."""
    for m in finditer_in(_URL, draft.lower, _dotted_tokens(draft)):
        path = (m.group("path") or "").rstrip(_TRAILING)
        host = m.group("host").lower()
        explicit = bool(m.group("scheme") or m.group("www") or path)
        if not explicit and (
            not (
                domains.bare_name_is_site(host)
                or (
                    domains.site_if_named(host)
                    and _NAMED_SITE.search(draft.lower, max(0, m.start() - 30), m.start())
                )
            )
            or domains.is_brand(host)
            or domains.is_institution_or_company(host)
            or (
                draft.text[m.start()].isupper()
                and (
                    _PRODUCT_AFTER.match(draft.lower, m.end())
                    or _named_as_product(draft, m.start(), m.end())
                )
            )
        ):
            # "Tools: Xero, Bill.com", "a Originality.ai check", "I know Grants.gov":
            # a product or an institution named by its domain, not anybody's own site
            continue
        if explicit and not (domains.is_known_suffix(host) or host[0].isdigit()):
            continue
        if domains.is_placeholder(host):
            continue
        end = m.start("path") + len(path) if path else m.end("host")
        if (
            _PLACEHOLDER_PATH.match(path or "/", 1)
            or _TEMPLATE_SEGMENT.search(path)
            or _stand_in_segment(path)
            or draft.lower.startswith(("<", "{", "["), end)
        ):
            # "wa.me/<our number>", "t.me/yourhandle", "zoom.us/j/{{meeting_id}}",
            # "boards.greenhouse.io/yourcompany": a stand-in or a template's link, filled
            # in later for each user, nobody's own
            continue
        if m.group("path") is None and m.end() > end:
            end = m.end()
        type_, status = _classify(draft, host, path, m.start())
        if status == "uncertain" and _EMAIL_DESCRIBED.search(
            draft.lower, max(0, m.start() - 60), m.start()
        ):
            # "email my first name at the agency name dot com": an address in words
            type_, status = "email", "breach"
        if (
            status == "breach"
            and domains.names_nobody(host, path)
            and not _NAME_FOLLOWS.match(draft.lower, end)
        ):
            status = "topic"  # "I noticed a PayPal.me link in your portfolio"
        if status == "breach" and domains.service_host(host):
            # "posts it back to ipnpb.paypal.com", "developer.paypal.com/docs/checkout/":
            # where code talks to PayPal or its docs for coders, nobody's link to pay
            status = "topic"
        elif (
            type_ == "payment_link"
            and status == "breach"
            and not path
            and not _NAME_FOLLOWS.match(draft.lower, end)
            and not _pay_here(draft, m.start(), end)
        ):
            # "Wise.com charges less than PayPal.com for conversion": the company's public
            # site, named in talk of fees or tools, is nobody's account to pay
            status = "topic"
        elif status == "uncertain" and not explicit and domains.machine_host(host):
            status = "topic"  # "SMTP_HOST (currently smtp.mailgun.org)": a server, no site
        elif status == "uncertain" and not explicit and _dns_value(draft, m.start()):
            status = "topic"  # "SPF: includes mailgun.org and sendgrid.net": a record's value
        if status != "allowed" and work.quoted_content(draft, m.start()):
            status = "topic"  # "... email support at brightpath dot com" in a script to read
        elif (
            status == "breach"
            and _TO_REMOVE.search(sentence := draft.sentence(m.start()))
            and not _CLAIMED.search(sentence)
        ):
            status = "topic"  # "remove the old PayPal donate button (paypal.com/donate?...)"
        yield Match(type_, m.start(), end, status=status, evidence={"domain": host})


# An offer to be paid at a payment company's site, said around it: "just settle it
# there", "wise.com please", "... instead".
_PAY_THERE = re.compile(
    r"\b(?:pay|paying|paid|send|sending|settle|transfer|wire|tip|invoice|bill)\b[^.!?\n]{0,40}"
    r"\b(?:there|on it|through it|via it|that way)\b|\b(?:please|pls|plz|instead)\b"
)
#: How far after a payment company's domain a word claiming it is read ("paypal.com to
#: my account").
_CLAIM_AFTER = 40


def _pay_here(draft: Draft, start: int, end: int) -> bool:
    """Whether a payment company's bare domain is tied to the writer or an offer: a word
    claiming it in its clause or just after it ("pay me on wise.com", "paypal.com to my
    account"), their own by ``_owner``, or an offer to pay there in its sentence."""
    lo, hi = draft.sentence_bounds(start)
    after = draft.lower[end : min(hi, end + _CLAIM_AFTER)]
    return bool(
        work.mine().search(draft.clause_before(start))
        or work.mine().search(after)
        or _owner(draft, start) == "self"
        or _PAY_THERE.search(draft.lower, lo, min(hi, lo + 2 * REACH))
    )


# A mail or DNS record named before a bare domain in its sentence: "SPF: present, but
# includes both mailgun.org and sendgrid.net", "the DKIM CNAME points at
# s1.domainkey.u123.wl.sendgrid.net" (not a site to visit: "more on dnsfix.io").
_DNS_RECORD = re.compile(r"\b(?:spf|dkim|dmarc|bimi|cname|mx|txt|ptr|srv|aaaa|dns|nameservers?)\b")
_VISIT_BEFORE = re.compile(r"\b(?:at|on|visit|see|via|from)\s*:?\s*$")


def _dns_value(draft: Draft, start: int) -> bool:
    """Whether a bare domain is a value of a DNS or mail record named just before it,
    with nothing in its sentence claiming it ("dnsfix.io has my case studies")."""
    lo = max(draft.sentence_bounds(start)[0], start - 80)
    return bool(
        _DNS_RECORD.search(draft.lower, lo, start)
        and not _VISIT_BEFORE.search(draft.lower, max(lo, start - 12), start)
        and not _CLAIMED.search(draft.sentence(start))
    )


# A link on a page the work is to change: "remove the old donate button (the one linking
# to ...)", "replace the Calendly link in the footer".
_TO_REMOVE = re.compile(
    r"\b(?:remove|delete|replace|swap out|take down|take out|get rid of|fix|update|change)\s+"
    r"(?:the\s+|that\s+|this\s+|our\s+|all\s+(?:the\s+)?)?(?:old\s+|broken\s+|outdated\s+|"
    r"existing\s+)?(?:[\w-]+\s+){0,2}(?:buttons?|links?|widgets?|embeds?|banners?|footers?|"
    r"headers?|icons?)\b"
)


_CLAIMED = re.compile(r"\b(?:my|me|mine)\b")

# Words that name what follows as one's site: "my site kaminska.pl", "website: rossi.it".
# A suffix that is also a file's or a word's ("pl", "it") reads as a site only after them.
_NAMED_SITE = re.compile(
    r"\b(?:(?:my|our)\s+(?:own\s+|personal\s+|new\s+)?(?:web\s?site|site|homepage|portfolio)"
    r"|web\s?site|homepage)\s*(?:is\s+|:\s*|-\s*|at\s+)?$"
)


_DOT_THEN_ALNUM = tuple("." + c for c in "abcdefghijklmnopqrstuvwxyz0123456789")


def _dotted_tokens(draft: Draft) -> list[tuple[int, int]]:
    """The white-space-separated tokens holding a dot followed by a letter or digit:
    every host name has one ("acme.com", "10.0.0.1"), so links can only be there."""
    lower = draft.lower
    size = len(lower)
    found: list[tuple[int, int]] = []
    # Each look starts where the last token ended and each break found ahead is kept
    # until passed, so a draft without spaces or line breaks is still read once.
    done = 0
    space = newline = -1
    for at in draft.where(_DOT_THEN_ALNUM):
        if at < done:
            continue
        start = max(lower.rfind(" ", done, at), lower.rfind("\n", done, at), done - 1) + 1
        if space < at:
            space = lower.find(" ", at) % (size + 1)  # not found: the end of the draft
        if newline < at:
            newline = lower.find("\n", at) % (size + 1)
        end = min(space, newline)
        found.append((start, end))
        done = end
    return found


def _app_links(draft: Draft) -> Iterator[Match]:
    for m in draft.find(_APP_SCHEME_WHERE):
        scheme = m.group("scheme").lower()
        type_ = _SCHEME_TYPES.get(scheme, "messaging_link")
        yield Match(type_, m.start(), m.end(), evidence={"domain": scheme})
    if "/" in draft.lower and _SPACED_ME.search(draft.lower):
        for m in _SPACED_CHAT_LINK.finditer(draft.lower):
            yield Match("messaging_link", m.start(), m.end(), evidence={"domain": "chat link"})


def _classify(draft: Draft, host: str, path: str, start: int) -> tuple[str, Status]:
    if domains.is_platform(host, draft.platform_domains):
        return "platform_link", "allowed"
    group = domains.group_of(host, path)
    owner = _owner(draft, start)
    if group == "portfolio":
        return "portfolio_link", "allowed"
    if group == "social":
        return ("project_link", "allowed") if owner == "other" else ("social_profile", "breach")
    if (
        group == "shortener"
        and draft.context.role == "client"
        and owner != "other"
        and lexicon.pattern("work", "link_metrics").search(draft.sentence(start))
    ):
        # "comparing clicks on our two shortened links (bit.ly/...)": the client's own
        # campaign links, measured in the work, not a way to reach anybody.
        return "project_link", "allowed"
    if group is not None:
        return _GROUP_TYPES[group], "breach"
    careers_path, careers_host = _careers()
    careers = bool(careers_path.search(path) or careers_host.match(host))
    if careers and (
        _SEND_THERE.search(draft.lower, max(0, start - 80), start) or _apply_there(draft, start)
    ):
        # "send your CV and portfolio to careers.acme.io/apply": "your" is the reader's
        # CV, and the link is where the application is to go, off the platform.
        return "external_application", "breach"
    if owner == "other":
        return "project_link", "allowed"
    if _CONTACT_PATH.search(path) or _BOOKING_PATH.search(path):
        if _BOOKING_PATH.search(path) and not _CONTACT_PATH.search(path):
            if _page_at_work(draft, start) or _SHOWN_AS_WORK.search(draft.sentence(start)):
                # "our /booking page is slow", "one I did for a clinic (demo site)": the
                # page is the work, not a call with the writer
                return "project_link", "allowed"
            return "meeting_link", "breach"  # one's own page to book a call with
        if draft.context.role == "client" and lexicon.pattern("work", "form_faults").search(
            draft.sentence(start)
        ):
            # "Our contact form at acme.com/contact stopped sending emails": the client's
            # broken form is the work, not a way to reach them.
            return "project_link", "allowed"
        return "contact_form", "breach"
    if careers:
        if draft.context.role == "client" and _page_at_work(draft, start):
            # "our careers page (careers.acme.io/jobs) is slow and its filters are
            # broken": the client's page is the work to fix, not where to apply.
            return "project_link", "allowed"
        return "external_application", "breach"
    if owner == "self":
        # A client's own site that the work is about ("our blog at blog.acme.co; we
        # want it moved to Webflow") is the project, not a way to reach them.
        if draft.context.role == "client" and _work_on_site(draft):
            return "project_link", "allowed"
        return "website", "breach"
    if draft.context.role == "client":
        return "project_link", "allowed"
    return "outside_link", "uncertain"


def _page_at_work(draft: Draft, start: int) -> bool:
    """Whether the link's sentence names a fault of the page or work on it."""
    sentence = draft.sentence(start)
    return bool(lexicon.pattern("work", "form_faults").search(sentence) or cues.site_work(sentence))


def _apply_there(draft: Draft, start: int) -> bool:
    """Whether the words just before a careers link send applications to the careers page
    it is, and do not name a fault of that page to fix."""
    clause = draft.lower[max(draft.sentence_bounds(start)[0], start - 120) : start]
    return bool(
        _APPLY_WORD.search(clause)
        and _CAREERS_PAGE_NAMED.search(clause)
        and not _page_at_work(draft, start)
    )


def _work_on_site(draft: Draft) -> bool:
    """Whether the draft asks for work on a site (once per draft)."""
    if "site_work" not in draft.memo:
        draft.memo["site_work"] = bool(
            cues.OWNER_OTHER.search(draft.lower) or cues.site_work(draft.lower)
        )
    return bool(draft.memo["site_work"])


def _contact_there_next(draft: Draft, start: int) -> bool:
    """Whether the sentence right after the link's says the writer is reached on
    that site ("The contact page there is the fastest way to get me"), and not a
    fault to fix on someone else's site."""
    end = draft.sentence_bounds(start)[1]
    if end >= len(draft.text):
        return False
    nxt = draft.sentence(end)  # (at most REACH of it, like every sentence read)
    return bool(
        cues.CONTACT_THERE.search(nxt)
        and not cues.OWNER_OTHER.search(nxt)
        and not lexicon.pattern("work", "form_faults").search(nxt)
    )


# After a link, the reader sent there to book or sign up: "mathwithdev.io - sign up there
# and pick a time" (not somebody else doing it: "customers book there").
_BOOK_THERE = re.compile(
    r"(?<!customers )(?<!clients )(?<!users )(?<!patients )(?<!students )(?<!members )"
    r"(?<!people )(?<!guests )(?<!visitors )\b(?:book|sign\s+up|register|enrol+|subscribe|"
    r"reserve|grab|pick|schedule)\b(?:\s+(?:a|an|the|your|my|free|trial|slot|lesson|session|"
    r"call|time|spot|seat)){0,3}\s+(?:there|on\s+it|through\s+it|via\s+it)\b"
)


def _book_there(draft: Draft, start: int) -> bool:
    """Whether, after the link and on its line, the reader is sent there to book."""
    line_end = draft.lower.find("\n", start, start + 120)
    return (
        _BOOK_THERE.search(draft.lower, start, line_end if line_end >= 0 else start + 120)
        is not None
    )


def _owner(draft: Draft, start: int) -> str:
    """Whose link this is, from the words just before it: "self", "other" or "unknown"."""
    sentence_start = draft.sentence_bounds(start)[0]
    clause = draft.lower[max(sentence_start, start - 80) : start]
    mine = [m.end() for m in cues.OWNER_SELF.finditer(clause)]
    theirs = [m.end() for m in cues.OWNER_OTHER.finditer(clause)]
    if not mine and not theirs:
        # "acme.com (your site)": look a little after the link too.
        after = draft.lower[start : min(draft.sentence_bounds(start)[1], start + 120)]
        if cues.OWNER_OTHER.search(after):
            return "other"
        if cues.OWNER_SELF.search(after) or _book_there(draft, start):
            return "self"
        return "self" if _contact_there_next(draft, start) else "unknown"
    return "self" if max(mine, default=-1) > max(theirs, default=-1) else "other"
