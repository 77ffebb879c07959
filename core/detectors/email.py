"""Email addresses, including "name at gmail dot com" and spaces around @ and dots."""

from __future__ import annotations

import re
from collections.abc import Iterator

from presend.core import domains
from presend.core.draft import Draft
from presend.core.model import Match, Status
from presend.core.scan import scan

_LOCAL = r"[a-z0-9](?:[a-z0-9_%+\-]|\.(?=[a-z0-9_%+\-])){0,63}"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
# "@", " @ ", " at " (word), with the bracketed forms already turned into "@".
_AT = r"(?:[ ]{0,2}@[ ]{0,2}|[ ]{1,2}at[ ]{1,2})"
_AT_WORDS = ("@", " at ")  # one of which every address holds
# "." with optional spaces, or the word "dot"; inside the name part only the word, so
# "Thanks. john@..." does not pull "Thanks" into the address.
_DOT = r"(?:[ ]?\.[ ]?|[ ]{1,2}dot[ ]{1,2})"
_LOCAL_DOT = r"(?:[ ]{1,2}dot[ ]{1,2})"
_EMAIL = re.compile(
    rf"(?<![\w@.])(?P<local>{_LOCAL}(?:{_LOCAL_DOT}{_LOCAL}){{0,3}}){_AT}"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{0,4}})(?![\w@])",
)
# Mail providers people name without a suffix: "john.smith at gmail".
_PROVIDERS = frozenset(
    (
        "gmail googlemail yahoo ymail hotmail outlook live msn icloud me proton protonmail pm "
        "aol gmx mail yandex zoho fastmail tutanota hey qq 163 126 rediffmail"
    ).split()
)
_SPOKEN_DOMAIN = re.compile(
    r" at {1,2}(?:[a-z0-9][a-z0-9\-]*(?: ?\. ?| {1,2}dot {1,2})[a-z0-9]|(?:"
    + "|".join(sorted(_PROVIDERS, key=len, reverse=True))
    + r")\b)"
)
# Words before " at " that are not the local part of an address ("look at", "best at").
_NOT_LOCAL = frozenset(
    (
        "i we you he she it they me us him her them this that these those look looking looked "
        "good great best better bad worse worst arrive arrived arriving stay staying start "
        "starting started be been am is are was were work working worked available aim aimed "
        "aiming glance glanced hint hinted laugh smile point pointing expert skilled angry "
        "fine here there one both all not only just even also home office meeting and or but "
        "so then now"
    ).split()
)


def detect(draft: Draft) -> Iterator[Match]:
    """Yield every email address in the draft."""
    lower = draft.lower
    # Around every "@", and around a spoken " at " only when what follows can be a
    # domain: a name with a dot or " dot " in it, or a mail provider's name.
    spots = [
        at
        for at in draft.where(_AT_WORDS)
        if lower[at] == "@" or _SPOKEN_DOMAIN.match(lower, at) is not None
    ]
    for m in scan(_EMAIL, lower, _accept, draft.sentences_around(spots)):
        yield _match(m, draft)


def _accept(m: re.Match[str]) -> bool:
    raw = m.group(0)
    local, domain = m.group("local"), m.group("domain")
    plain_at = "@" not in raw
    labels = _labels(domain)
    if not labels:
        return False
    if plain_at and local.lower().split()[-1] in _NOT_LOCAL:
        return False
    has_suffix = len(labels) > 1 and domains.is_known_suffix(".".join(labels))
    if not has_suffix and not (labels[0] in _PROVIDERS and len(labels) == 1):
        return False
    return not plain_at or _spoken_email_is_plausible(raw, local, labels)


def _labels(domain: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:\.|\bdot\b)\s*", domain.lower()) if p]


def _match(m: re.Match[str], draft: Draft) -> Match:
    labels = _labels(m.group("domain"))
    address = (
        re.sub(r"\s*(?:\.|\bdot\b)\s*", ".", m.group("local").lower()) + "@" + ".".join(labels)
    )
    platform = domains.is_platform(".".join(labels), draft.platform_domains)
    status: Status = "allowed" if platform else "breach"
    return Match("email", m.start(), m.end(), status=status, evidence={"address": address})


def _spoken_email_is_plausible(raw: str, local: str, labels: list[str]) -> bool:
    # "name at domain" with a plain word "at" is also how people say where they are
    # ("I am at work.com"?), so ask for one more sign it is an address.
    return (
        labels[0] in _PROVIDERS
        or " dot " in raw.lower()
        or any(c.isdigit() or c in "._" for c in local)
    )
