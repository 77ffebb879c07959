"""Domain names: real suffixes from the public-suffix list, and what a site is for."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from presend.core.rulepack import vocabulary

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

#: The order groups are tried in: the first whose domain (and path) fits wins.
GROUPS = ("messaging", "meeting", "payment", "application", "shortener", "social", "portfolio")


@cache
def _psl() -> PublicSuffixList:
    # The list ships inside the package: nothing is downloaded, ever. Loading it takes
    # about 100 ms, so it waits until a draft holds something that looks like a domain.
    from publicsuffixlist import PublicSuffixList  # noqa: PLC0415

    return PublicSuffixList(accept_unknown=False)


def is_known_suffix(host: str) -> bool:
    """Whether ``host`` ends in a real public suffix with a name in front of it."""
    host = host.lower().strip(".")
    return bool(host) and _psl().privatesuffix(host) is not None


def is_placeholder(host: str) -> bool:
    """Whether ``host`` is a name reserved for examples (RFC 2606 and 6761) or one
    people write as a stand-in ("yourdomain.com")."""
    host = host.lower().strip(".")
    listed = vocabulary()["domains"]["placeholder"]
    labels = host.split(".")
    return (
        any(
            host == entry or host.endswith("." + entry) or labels[-1] == entry
            for entry in listed["reserved"]
        )
        or any(label.startswith(p) for label in labels[:-1] for p in listed["stand_in_prefixes"])
        or (_registered_name(host) in listed["reserved_names"])
    )


def is_stand_in_local(local: str) -> bool:
    """Whether an address's name part is everybody's made-up person ("john.doe"), digits
    after it allowed."""
    return local.lower().rstrip("0123456789") in _stand_in_locals()


@cache
def _stand_in_locals() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["placeholder"]["stand_in_locals"])


def _registered_name(host: str) -> str:
    """The name just before the public suffix ("example" in "mail.example.co.uk")."""
    private = _psl().privatesuffix(host)
    return private.split(".", 1)[0] if private else ""


def registered_domain(host: str) -> str:
    """The name people register, with its public suffix ("example.co.uk" for
    "mail.example.co.uk"); "" when ``host`` has no known suffix."""
    return _psl().privatesuffix(host.lower().strip(".")) or ""


def is_platform(host: str, platform_domains: tuple[str, ...]) -> bool:
    """Whether ``host`` is one of the marketplace's own domains or a subdomain of one."""
    host = host.lower().strip(".")
    return any(host == d or host.endswith("." + d) for d in platform_domains)


@cache
def _group_entries() -> tuple[tuple[str, str, str], ...]:
    """(group, host, path prefix) for every listed domain, most specific first."""
    entries: list[tuple[str, str, str]] = []
    for group in GROUPS:
        for entry in vocabulary()["domains"][group]:
            host, _, path = entry.partition("/")
            entries.append((group, host, "/" + path if path else ""))
    # A longer path or host is more specific ("docs.google.com/forms" before
    # "docs.google.com"), so it is tried first whatever its group.
    entries.sort(key=lambda e: (-len(e[2]), -len(e[1])))
    return tuple(entries)


@cache
def _needs_a_name() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["needs_a_name"])


@cache
def _brand_names() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["brand_names"])


def is_brand(host: str) -> bool:
    """A company known by its domain ("Bill.com", "Monday.com"), written bare."""
    return host.lower().removeprefix("www.") in _brand_names()


@cache
def _company_hosts() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["company_hosts"])


@cache
def _institution_suffixes() -> tuple[str, ...]:
    return tuple(vocabulary()["domains"]["institution_suffixes"])


def is_institution_or_company(host: str) -> bool:
    """A government's or international body's site ("Grants.gov", "hmrc.gov.uk"), or a
    page of a company whose every subdomain is its own ("learn.microsoft.com"): where a
    certificate is checked or a form is filed, nobody's own site."""
    host = host.lower().strip(".").removeprefix("www.")
    if group_of(host, "") is not None:
        return False  # "teams.microsoft.com" is still a meeting link
    if any(host.endswith("." + suffix) for suffix in _institution_suffixes()):
        return True
    # Only its subdomains: "microsoft.com" alone may still be written as anybody's link.
    return any(host.endswith("." + listed) for listed in _company_hosts())


def names_nobody(host: str, path: str) -> bool:
    """A personal-link host or a link shortener with no name after it ("a PayPal.me
    link", "the bit.ly links in the emails"): the service."""
    if path:
        return False
    host = host.lower().removeprefix("www.")
    return host in _needs_a_name() or group_of(host, "") == "shortener"


def service_host(host: str) -> bool:
    """A payment provider's machine host ("ipnpb.paypal.com", "api-m.sandbox.paypal.com"):
    every label before the provider's listed domain is a service label."""
    if group_of(host, "") != "payment":
        return False
    for listed in _payment_hosts():
        if host.endswith("." + listed):
            labels = host[: -len(listed) - 1].split(".")
            return all(label in _service_labels() for label in labels)
    return False


def machine_host(host: str) -> bool:
    """A host a program connects to, by its first label: "smtp.mailgun.org", "api.acme.io"
    (``[domains] machine_labels``), with a registered domain after that label."""
    label, _, rest = host.lower().partition(".")
    return label in _machine_labels() and "." in rest


@cache
def _machine_labels() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["machine_labels"])


@cache
def _service_labels() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["service_labels"])


@cache
def _payment_hosts() -> tuple[str, ...]:
    return tuple(sorted(vocabulary()["domains"]["payment"], key=len))


def group_of(host: str, path: str) -> str | None:
    """The vocabulary group a link belongs to (messaging, payment, ...), if any."""
    host = host.lower().strip(".").removeprefix("www.")
    path = path.lower()
    for group, listed, prefix in _group_entries():
        if (host == listed or host.endswith("." + listed)) and path.startswith(prefix):
            return group
    return None


@cache
def _tld_sets() -> tuple[frozenset[str], frozenset[str]]:
    tlds = vocabulary()["tlds"]
    return frozenset(tlds["common"]), frozenset(tlds["ambiguous"])


def is_common_tld(label: str) -> bool:
    """Whether ``label`` is a top-level domain people commonly write ("com", "io")."""
    return label.lower() in _tld_sets()[0] or (len(label) == 2 and label.isalpha())


# Suffixes that are also code files' extensions. Serbia's .rs or Moldova's .md is a site
# when the words before call it one's site ("my site nikoladesign.rs"), unless its name is
# one a project's files go by ("my portfolio README.md").
_CODE_EXTENSIONS = frozenset("py md sh rs js ts rb cs hs mk so ps ml".split())
_FILE_NAMES = frozenset(
    "readme changelog license licence contributing index main app lib mod build setup "
    "manage install deploy run start test tests utils util config settings server client "
    "script scripts package module models views routes".split()
)


def site_if_named(host: str) -> bool:
    """Whether a bare name whose suffix is ambiguous ("kaminska.pl", "rossi.it") reads as a
    website when the words before call it one's site."""
    labels = host.lower().split(".")
    if len(labels) != 2 or len(labels[0]) < 3 or not labels[0].replace("-", "").isalnum():
        return False
    name, tld = labels
    if tld in _CODE_EXTENSIONS and name in _FILE_NAMES:
        return False
    return tld in _tld_sets()[1] and is_known_suffix(host)


def bare_name_is_site(host: str) -> bool:
    """Whether a bare name with no scheme, "www." or path reads as a website.

    "acme.com" does; "os.path", "rpc.py", "user.name" and "v2.3.1" do not.
    """
    host = host.lower()
    labels = host.split(".")
    if len(labels) < 2 or any(not label for label in labels):
        return False
    if group_of(host, "") is not None:
        return True
    common, ambiguous = _tld_sets()
    tld = labels[-1]
    listed = tld in common or (len(tld) == 2 and tld not in ambiguous)
    return listed and is_known_suffix(host)
