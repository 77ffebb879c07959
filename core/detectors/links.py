"""Links and bare domains, sorted by what they lead to: a chat, a call, a payment, a
form, a profile, a portfolio, the project itself or the marketplace's own pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from presend.core import cues, domains
from presend.core.draft import Draft
from presend.core.model import Match, Status

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
_RESERVED = ("example.com", "example.org", "example.net")
_CAREERS_PATH = re.compile(r"/(?:careers?|jobs?|apply|join-us|join|vacanc\w*|hiring)\b")
_CAREERS_HOST = re.compile(r"^(?:careers?|jobs|apply|hiring|recruit\w*)\.")
_CONTACT_PATH = re.compile(r"/(?:contact|contact-us|contactus|get-in-touch|reach-us)\b")


def detect(draft: Draft) -> Iterator[Match]:
    """Yield every link or bare domain, with what it leads to."""
    yield from _app_links(draft)
    for m in _URL.finditer(draft.lower):
        path = (m.group("path") or "").rstrip(_TRAILING)
        host = m.group("host").lower()
        explicit = bool(m.group("scheme") or m.group("www") or path)
        if not explicit and not domains.bare_name_is_site(host):
            continue
        if explicit and not (domains.is_known_suffix(host) or host[0].isdigit()):
            continue
        if any(host == r or host.endswith("." + r) for r in _RESERVED):
            continue
        end = m.start("path") + len(path) if path else m.end("host")
        if m.group("path") is None and m.end() > end:
            end = m.end()
        type_, status = _classify(draft, host, path, m.start())
        yield Match(type_, m.start(), end, status=status, evidence={"domain": host})


def _app_links(draft: Draft) -> Iterator[Match]:
    for m in _APP_SCHEME.finditer(draft.lower):
        scheme = m.group("scheme").lower()
        type_ = _SCHEME_TYPES.get(scheme, "messaging_link")
        yield Match(type_, m.start(), m.end(), evidence={"domain": scheme})


def _classify(draft: Draft, host: str, path: str, start: int) -> tuple[str, Status]:
    if domains.is_platform(host, draft.platform_domains):
        return "platform_link", "allowed"
    group = domains.group_of(host, path)
    owner = _owner(draft, start)
    if group == "portfolio":
        return "portfolio_link", "allowed"
    if group == "social":
        return ("project_link", "allowed") if owner == "other" else ("social_profile", "breach")
    if group is not None:
        return _GROUP_TYPES[group], "breach"
    if owner == "other":
        return "project_link", "allowed"
    if _CONTACT_PATH.search(path):
        return "contact_form", "breach"
    if _CAREERS_PATH.search(path) or _CAREERS_HOST.match(host):
        return "external_application", "breach"
    if owner == "self":
        return "website", "breach"
    if draft.context.role == "client":
        return "project_link", "allowed"
    return "outside_link", "uncertain"


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
        if cues.OWNER_SELF.search(after):
            return "self"
        return "unknown"
    return "self" if max(mine, default=-1) > max(theirs, default=-1) else "other"
