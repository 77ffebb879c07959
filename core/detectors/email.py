"""Email addresses, including "name at gmail dot com" and spaces around @ and dots."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache
from itertools import chain

from presend.core import domains, lexicon, work
from presend.core.draft import Draft
from presend.core.model import Match, Status
from presend.core.rulepack import vocabulary
from presend.core.scan import scan

# A letter of a name part: any script's ("josé.garcia@", "иван.петров@", as mail servers
# allow since RFC 6531), but not that of the scripts written without spaces, where the
# name part of an address is written in Latin letters.
_NAME_CHAR = rf"[^\W{lexicon.GLUED_LETTERS}]"
_LOCAL = rf"[^\W_{lexicon.GLUED_LETTERS}](?:{_NAME_CHAR}|[%+\-]|\.(?={_NAME_CHAR}|[%+\-])){{0,63}}"
# Domain labels may hold accented Latin letters ("lumière-studio.fr"), as registries allow.
_LABEL_CHAR = "a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_LABEL = rf"[{_LABEL_CHAR}](?:[{_LABEL_CHAR}\-]{{0,61}}[{_LABEL_CHAR}])?"
# "@", " @ ", " at " (word), with the bracketed forms already turned into "@".
# An address broken over two lines right after its "@" ("ana@\ndesign.co") reads whole,
# and so does a spoken one broken before or after its "at" ("j.webdev\nat gmail"; the name
# part must then hold a dot, underscore or digit: _address_end).
_AT = (
    r"(?:[ ]{0,2}(?P<sym>@)(?:[ ]{0,2}|[ ]?\n)|[ ]{1,2}at[ ]{1,2}"
    r"|[ ]?\n[ ]?at[ ]{1,2}|[ ]{1,2}at[ ]?\n[ ]?)"
)
_AT_WORDS = ("@", " at ", "\nat ", " at\n")  # one of which every address holds
# "." with optional spaces, or the word "dot" (or "period", after an "at": "ann at
# proton period me"); inside the name part only the word "dot", so "Thanks. john@..."
# does not pull "Thanks" into the address.
_DOT = r"(?:[ ]?\.[ ]?|[ ]{1,2}(?:d[o0]t|period)[ ]{1,2})"
_LOCAL_DOT = r"(?:[ ]{1,2}d[o0]t[ ]{1,2})"
# What must follow a two-word name after "@": an unspaced dot or the word "dot" (not
# ". " ending a sentence: "thanks @Anna Lee. Net revenue is up").
_TWO_WORD_END = r"(?=\.[a-z]|[ ]{1,2}d[o0]t[ ])"
# Spoken, with "at", the name may run to three words before a dot ("anna.k at
# blue river studio dot com"); _address_end then asks for a name-shaped name part or a
# word of mailing before it ("write to maria at green leaf dot com").
_EMAIL = re.compile(
    rf"(?<!{_NAME_CHAR})(?<![@.])(?P<local>{_LOCAL}(?:{_LOCAL_DOT}{_LOCAL}){{0,3}}){_AT}"
    # After an "@", a company's name may be written as two words ("tom.b @ hartwell group
    # dot com"): read whole, so the safe version takes the whole address out.
    rf"(?P<domain>{_LABEL}(?(sym)(?:[ ]{_LABEL}{_TWO_WORD_END})?|"
    rf"(?P<words>(?:[ ]{_LABEL}){{1,2}}{_TWO_WORD_END})?)(?:{_DOT}{_LABEL}){{0,4}})"
    rf"(?!{_NAME_CHAR}|@)",
)
# Regional mail providers, named bare as often as the global ones ("kim.ha at naver"). Most
# are also companies people work at ("she works at naver"), so named bare they need another
# sign of an address, as the everyday names below do.
_REGIONAL = (
    "naver daum hanmail nate rambler seznam libero virgilio tiscali foxmail sina sohu "
    "laposte wanadoo onet interia bigpond btinternet comcast bluewin posteo t-online"
)
# Mail providers people name without a suffix: "john.smith at gmail".
_PROVIDERS = frozenset(
    (
        "gmail googlemail yahoo ymail hotmail outlook live msn icloud me proton protonmail pm "
        "aol gmx mail yandex zoho fastmail tutanota hey qq 163 126 rediffmail " + _REGIONAL
    ).split()
)
# Providers whose names are everyday words or too short to stand alone ("yelled at me",
# "at live", "at 163"): named bare, they need another sign of an address.
_EVERYDAY_PROVIDERS = frozenset(
    ("live", "msn", "me", "pm", "mail", "hey", "qq", "163", "126", *_REGIONAL.split())
)
_STANDALONE_PROVIDERS = _PROVIDERS - _EVERYDAY_PROVIDERS
_SPOKEN_DOMAIN = re.compile(
    r"[ \n]at[ \n] ?(?:[a-z0-9][a-z0-9\-]*(?: [a-z0-9][a-z0-9\-]*){0,2}"
    r"(?: ?\. ?| {1,2}(?:d[o0]t|period) {1,2})[a-z0-9]|(?:"
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
# Names of things on a site, which stand before " at " when a page is given ("our contact
# form at acme.com/contact"): not a name part when they are the whole of it.
_PAGE_WORDS = frozenset("form forms page pages site website portal button widget link".split())


# Words just before a spoken "name at company.com" that say it is an address.
_EMAIL_CUE = re.compile(r"\b(?:e-?mail|mail|gmail|write|reach|contact)\w*\b[^.!?\n]{0,30}$")
_SEPARATOR = re.compile(r"\s*(?:\.|\bd[o0]t\b|\bperiod\b)\s*")


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
    yield from _detect_in(draft, draft.sentences_around(spots))


def _detect_in(draft: Draft, windows: list[tuple[int, int]] | None) -> Iterator[Match]:
    """The addresses found inside ``windows`` (the whole draft when None)."""
    found: dict[int, int] = {}

    def accept(m: re.Match[str]) -> bool:
        end = _address_end(m, draft)
        if end is not None:
            found[m.start()] = end
        return end is not None

    for m in scan(_EMAIL, draft.lower, accept, windows):
        match = _match(m, found[m.start()], draft)
        if match is not None:
            yield match


def _labels(domain: str, offset: int) -> list[tuple[str, int, int, bool]]:
    """The domain's labels with their spans, and whether white space came before each."""
    labels: list[tuple[str, int, int, bool]] = []
    pos, spaced = 0, False
    for sep in [*_SEPARATOR.finditer(domain), None]:
        end = sep.start() if sep else len(domain)
        if end > pos:
            labels.append((domain[pos:end].lower(), offset + pos, offset + end, spaced))
        if sep:
            pos, spaced = sep.end(), any(c.isspace() for c in sep.group(0))
    return labels


def _address_end(m: re.Match[str], draft: Draft) -> int | None:
    """Where the address ends: its domain is the longest run of labels with a real
    suffix, never running on past a dot followed by white space once it has one, so
    "anna@outlook.com. I am free" ends at "com" and "gmail. com" still reads whole."""
    labels = _labels(m.group("domain"), m.start("domain"))
    best: int | None = None
    for k in range(2, len(labels) + 1):
        # "gmail. com" reads whole; "outlook.com. I am", "@travelwithtom. Talk" do not.
        if labels[k - 1][3] and (best is not None or not domains.is_common_tld(labels[k - 1][0])):
            break
        if domains.is_known_suffix(".".join(label for label, *_ in labels[:k])):
            best = k
    if best is None and labels and _provider(labels[0][0]):
        best = 1
    if best is None:
        return None
    local = m.group("local")
    if _mention(m, local):
        return None
    if "@" not in m.group(0):
        if draft.lower.startswith("/", labels[best - 1][2]):
            return None  # "the guide at docs.python.org/3": a page's path, a link
        words = local.lower().split()
        if "\n" in m.group(0)[len(local) :] and not any(c.isdigit() or c in "._" for c in local):
            return None  # "Jonas\nat Gmail": a signature's name and employer, not an address
        if words[-1] in _NOT_LOCAL or (len(words) == 1 and words[0] in _PAGE_WORDS):
            return None
        if _provider_list(local):
            return None
        if not _spoken_email_is_plausible(m, local, [lb for lb, *_ in labels[:best]], draft):
            return None
        if m.group("words") and not _spoken_words_are_a_name(m, local, draft):
            return None
    return labels[best - 1][2]


@cache
def _mentions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocabulary()["mentions"]["verbs"])


def _mention(m: re.Match[str], local: str) -> bool:
    """ "Ping @ab.team", "cc @ops.lead": a word, white space, then an @name glued to it is
    somebody tagged in a tracker or chat; the word before is no address's name part."""
    joined = m.group(0)[len(local) :]
    return (
        joined[:1].isspace()
        and joined.lstrip().startswith("@")
        and not joined.lstrip()[1:2].isspace()
        and (local.lower() in _mentions() or _app_name().fullmatch(local.lower()) is not None)
    )


@cache
def _app_name() -> re.Pattern[str]:
    """An app's name: "Instagram @copper.cafe" is a handle on it (the handle detector
    judges it), not an address with the app's name as its name part."""
    apps = vocabulary()["apps"]
    return re.compile("(?:" + "|".join(apps["messaging"] + apps["social"]) + ")")


def _provider_list(local: str) -> bool:
    """Whether a spoken "name at domain" names a mail provider as its name part: "Gmail
    at Outlook" is two services listed (Tagalog "at" is "and"), nobody's address."""
    return local.lower() in _STANDALONE_PROVIDERS


def _provider(label: str) -> bool:
    # "gmai1", "0utlook": digits standing in for the letters they look like.
    return label in _PROVIDERS or label.translate(_DIGIT_LETTERS) in _PROVIDERS


_DIGIT_LETTERS = str.maketrans("013", "ole")


# An address a pattern or a field is said to take or refuse: "the regex rejects
# first.last+tag@sub.domain.co.uk, which is valid".
_PATTERN_INPUT = re.compile(
    r"\b(?:regex\w*|pattern|validator|validation|field|input)\s+(?:\w+\s+)?"
    r"(?:rejects?|refuses?|accepts?|fails?|passes|allows?|blocks?|chokes on)\b"
)


def _match(m: re.Match[str], end: int, draft: Draft) -> Match | None:
    labels = [label for label, *_ in _labels(draft.lower[m.start("domain") : end], 0)]
    host = ".".join(labels)
    if domains.is_placeholder(host):
        return None  # "jane@example.com", "noreply@yourapp.io": part of a spec, not you
    address = _SEPARATOR.sub(".", m.group("local").lower()) + "@" + host
    if m.group("local").lower() in _unattended_locals() and not _provider(host.split(".")[0]):
        return None  # "from noreply@ourapp.io": a system's sender, nobody to reach
    # "git@github.com:org/repo.git" is a repository's address, not a person's.
    if draft.lower.startswith(":", end) and m.group("local").lower() == "git":
        return None
    platform = domains.is_platform(host, draft.platform_domains)
    status: Status = "allowed" if platform else "breach"
    if status == "breach" and (
        work.quoted_content(draft, m.start())
        or work.sample_value(draft, m.start())
        or _PATTERN_INPUT.search(draft.sentence(m.start()))
        or work.data_row(draft, m.start(), end)
        or _typed_to_test(draft, m.start(), end, address)
        or work.beside_fiction(draft, m.start(), end)
        # "chapter 7 lists support@acme.eu; I'll leave it as it is": the manual's address
        or work.verbatim(draft, m.start())
        # 'emails typed as "store at brand dot com"': a quoted example of a format
        or (work.in_quotes(draft.text, m.start()) and work.format_example(draft, m.start()))
        or _yours_on_a_page(draft, m.start())
    ):
        status = "topic"  # "translate: 'Call us ... or email info@acme.de'": the page's
    return Match("email", m.start(), end, status=status, evidence={"address": address})


# The reader's own address, named as theirs: "On the contact page your address
# info@greenleaf.com is in plain text", "your email (hello@...) in the footer".
_YOUR_ADDRESS = re.compile(
    r"\byour\s+(?:[\w'-]+\s+){0,2}(?:e-?mail(?:\s+address)?|address|inbox|mailbox)\s*[:(,]?\s*$"
)
_THEIR_PAGE = re.compile(
    r"\b(?:page|site|website|footer|header|listing|profile|store|shop|form|signature|"
    r"template|invoice)\b"
)


def _yours_on_a_page(draft: Draft, start: int) -> bool:
    """Whether the address is the reader's own, told back to them about a page or a
    piece of theirs (the site being quoted for): theirs already, nothing shared."""
    a, b = draft.sentence_bounds(start)
    return bool(
        _YOUR_ADDRESS.search(draft.lower, max(a, start - 40), start)
        and _THEIR_PAGE.search(draft.lower, a, b)
    )


@cache
def _unattended_locals() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["placeholder"]["unattended_locals"])


@cache
def _test_locals() -> frozenset[str]:
    return frozenset(vocabulary()["domains"]["placeholder"]["test_locals"])


# Words around an address that say it was typed into a form or a field.
_FORM_WORDS = re.compile(
    r"\b(?:type[sd]?|typing|enter(?:s|ed|ing)?|submit\w*|sign\s?(?:up|in)|signup|log\s?in|"
    r"login|forms?|fields?|inputs?|checkout|test(?:ing|ed)?)\b"
)


def _typed_to_test(draft: Draft, start: int, end: int, address: str) -> bool:
    """ "when I type test@ourshop.com and hit submit": an address with a test name,
    typed into a form, at no mail provider; a test value, not how to reach anyone."""
    local, _, host = address.partition("@")
    if local.rstrip("0123456789") not in _test_locals() or _provider(host.split(".")[0]):
        return False
    if host.split(".")[0].rstrip("0123456789") in _test_locals():
        return True  # "test@test.com", "asdf@asdf.com": junk on both sides, anywhere
    lower = draft.lower
    return (
        _FORM_WORDS.search(lower, max(0, start - 60), start) is not None
        or _FORM_WORDS.search(lower, end, min(len(lower), end + 60)) is not None
    )


def _spoken_email_is_plausible(
    m: re.Match[str], local: str, labels: list[str], draft: Draft
) -> bool:
    # "name at domain" with a plain word "at" is also how people say where they are
    # ("I am at work.com"?), so ask for one more sign it is an address.
    return (
        (_provider(labels[0]) and (len(labels) > 1 or labels[0] not in _EVERYDAY_PROVIDERS))
        or "dot" in m.group(0).lower()
        or "d0t" in m.group(0).lower()
        or any(c.isdigit() or c in "._" for c in local)
        or _EMAIL_CUE.search(draft.lower, max(0, m.start() - 40), m.start()) is not None
        # "bookings at calebvoice dot com": the normaliser rewrote a spoken dot
        or draft.norm.original_text(m.start(), m.end()).lower() != m.group(0)
    )


def _spoken_words_are_a_name(m: re.Match[str], local: str, draft: Draft) -> bool:
    """Whether "x at two words dot com" is an address: the words may be a company's
    name, or a place ("meet at the old mill dot com"?), so the name part must look like
    one (a dot, an underscore or digits in it) or a word of mailing stand before it."""
    return (
        any(c.isdigit() or c in "._" for c in local)
        or _LOCAL_DOT_WORD.search(local) is not None
        or _EMAIL_CUE.search(draft.lower, max(0, m.start() - 40), m.start()) is not None
    )


_LOCAL_DOT_WORD = re.compile(r" d[o0]t ")


# An address given in pieces with how to join them, so no "@" ever stands in the draft:
# "first half of my email: ana.lind / second half: at proton", "'k.ahmed' 'outlook'
# 'com', put the @ and the dot where they go", "my first name and last name with a dot
# between them, the google one". Three things within a few lines of each other: a mail
# provider (named, or by a riddle: vocabulary.toml [mail_riddles]), words that say how
# the pieces join, and the writer's claim to it (or a piece shaped like a name part).
# (The providers above, less the names that are everyday words or too short to stand
# alone in a sentence: "live", "me", "mail", "hey", "126".)
_PIECE_PROVIDERS = sorted(_STANDALONE_PROVIDERS, key=lambda name: (-len(name), name))
_JOIN = re.compile(
    r"\b(?:put|stick|glue|join|combine|merge)\s+(?:them|it|these|those|both|everything|it all|"
    r"the (?:pieces|parts|bits|halves|two(?: parts| halves)?))\s+together\b|"
    r"\bput (?:the|an?) (?:@(?!\w)|(?:at sign|at symbol|dot)\b)|"
    r"\bwhere (?:they|it) (?:go|goes|belongs?)\b|"
    r"\b(?:first|second|other|last) (?:half|part|bit|piece) of (?:my|the|our) "
    r"(?:e-?mail|g-?mail|mail|address)\s*(?::|is\b|=)|"
    r"\b(?:first|second|other|last) (?:half|part|bit|piece)\s*(?:[:=]|is\b)|"
    # "kofi dot asante, the domain is gmail": the name part given, then its provider
    r"\b(?:the|my|our) (?:e-?mail |mail )?domain(?: part)? (?:is|=|:)"
    r"(?= (?:just |simply )?(?:the )?\w+(?: \w+)?(?: one)?\s*(?:[.,;!)]|$))|"
    r"\b(?:part|bit|half) (?:before|after) the (?:@|at\b)|\bin (?:two |2 )?pieces\b|"
    r"\b(?:with|and|plus) a (?:dot|period|full stop|underscore) (?:between|in (?:the )?"
    r"(?:middle|between))|\bno (?:spaces?|dots?|gaps)\b|"
    # dictated a piece a line: "first bit is kwame / then a dot / then asante"
    r"\bthen (?:a|an|the) (?:dot|period|full stop|underscore|@|at sign)\b|"
    # ... the same after the normaliser read "a dot in" as a spoken ".in" suffix
    r"\b(?:with|and|plus) a\.in (?:the )?middle\b|"
    r"\byou(?:'ll| will| can)? (?:know|figure out|guess|work out|get) the rest\b|"
    r"\b(?:the|add the) usual (?:ending|end|suffix|domain)\b|\bfirst letter of\b|"
    r"\b(?:my|the|our) (?:[a-z]+ )?name (?:here |from (?:this|my|the) profile )?"
    r"(?:\([^)\n]{0,20}\) )?"
    # "my full name with no dot at gmail": how the name is written, then the provider
    # (the normaliser reads "no dot at" as "no.at")
    r"(?:,? ?(?:with |and )?(?:no|without)(?: any)?"
    r"(?: (?:spaces?|dots?|gaps?),? |(?=\.at\b)\.))?at\b|"
    # "jakub dot wrobel at the polish o2 domain", "r.kim.design — at — the microsoft
    # one": a name part, then the provider described
    r"\b[a-z][a-z0-9]*(?:[._]| dot )[a-z0-9]+ ?(?:[\u2014\u2013-] ?)?at"
    r" ?(?:[\u2014\u2013-] ?)?the\b|"
    # "ana.lind.cv — yes, gmail —": a name part, then a provider set off by a dash
    # and closed there (not "next.js - gmail api", "my.report - outlook crashed")
    r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?<!\.js)(?<!\.ts)(?<!\.py)(?<!\.net)(?<!\.io)"
    r" ?(?:—|–|--|-) ?(?:(?P<yes>(?:yes|yeah|yep|yup|it'?s)\b),? ?)?"
    r"(?:" + "|".join(_PIECE_PROVIDERS) + r")\b"
    # (a comma closes it only after "yes": "x.y — yep, hotmail, talk soon", not
    # "my.report - outlook, crashed")
    r"(?= ?(?:[—–;:!?)\n\"'\u201d\u2019]|-|\.(?!\w)|$)|(?(yes),|(?!)))|"
    # "firstname dot lastname (mine are on my profile)": the name part's template, one's own
    r"\bfirst\s?name\s*(?:[._]|dot|underscore)\s*(?:last\s?name|surname)\b"
    r"(?=[^.!?\n]{0,30}\b(?:mine|my|me)\b)"
)
# The writer's claim to the pieces: "my email", "my first name", "I use Gmail", or a
# piece shaped like an address's name part ('k.ahmed', marco_rossi, "jo dot west").
_CLAIM = re.compile(
    r"\b(?:my|our)\s+(?:[a-z-]+\s+){0,2}(?:e-?mail|g-?mail|mail|inbox|address|name|surname)\b|"
    r"\bi(?: use| am on|'?m on)\b|\bmine\b|"
    # "the name on my profile": the name one's own
    r"\bname (?:on|from|in) (?:my|our|this) (?:upwork )?profile\b|"
    r"[\"'\u2018\u201c][a-z0-9][a-z0-9._-]{1,30}[\"'\u2019\u201d]|"
    # (one-letter parts before the last: "anna.k.writes", "j.m.okafor")
    r"\b[a-z][a-z0-9]*(?:(?:[._]| dot )[a-z0-9]+)*(?:[._]| dot )[a-z0-9]{2,}\b|"
    # a name with digits glued on, as handles are made: "jakubnowak88"
    r"\b[a-z]{3,}[a-z._-]*\d{2,4}\b"
)
_REACH = 220


@cache
def _piece_provider() -> re.Pattern[str]:
    riddles = [str(r) for r in vocabulary()["mail_riddles"]["names"]]
    return re.compile(r"\b(?:" + "|".join(riddles + _PIECE_PROVIDERS) + r")\b")


# An address whose domain is one's own name, described in brackets rather than written:
# "careers at [our company name above, one word] dot io", "me@(my surname).com". "Your"
# is no stand-in here: "you@[your domain].com" is a template, not anybody's address.
_DESCRIBED_DOMAIN = re.compile(
    r"(?<![\w@.])[a-z0-9][a-z0-9._\-]{0,40} ?(?:@| at ) ?[\[(<{] ?(?:our|my)\b[^\])}>\n]{0,50}"
    r"\b(?:name|surname|brand|company|studio|agency|business|domain)\b[^\])}>\n]{0,40}[\])}>]"
    r" ?(?:\.|dot) ?(?:com|net|org|io|co|dev|me|ai|app|info|biz|studio|agency|design)\b"
)

# ... or with no brackets, both halves one's own names: "my first name at my surname dot
# com" ("firstname at yoursurname dot com" is a template, and says "your").
_NAMES_ADDRESS = re.compile(
    r"\b(?:my|our) (?:first |given |full |last )?name ?(?:@|at) ?(?:my|our) "
    r"(?:sur ?name|last ?name|family name|first ?name|full name|company name|brand name|name)"
    r" ?(?:\.|dot) ?[a-z]{2,10}\b"
)


# An address dictated step by step: "it's info, then the at sign, then our studio name
# (brightmoss) dot agency", "sam, then @, then the shop's name dot com". "Your" in the
# steps makes it a template ("your name, then the at sign, then your domain").
_STEPPED = re.compile(
    r"(?<![\w@.])[a-z0-9][a-z0-9._\-]{0,40},? (?:and )?then (?:the |an? )?(?:@|at)"
    r"(?: ?(?:sign|symbol))?,? (?:and )?(?:then )?(?P<rest>[^.!?\n@]{1,60}?) ?(?:\.|\bdot) ?"
    r"(?:com|net|org|io|co|dev|me|ai|app|info|biz|studio|agency|design|de|uk|fr|es|it|nl|pl)\b"
)


# Words of an address's shape described in general ("username, then @, then the server
# name dot com"): steps made only of these name nobody's address.
_GENERIC_STEPS = frozenset(
    (
        "username user name first last firstname lastname handle login something anything "
        "whatever then the a an and at sign symbol server domain provider company website "
        "site host mail email e-mail service dot com net org io co"
    ).split()
)


def detect_described(draft: Draft) -> Iterator[Match]:
    """Addresses whose domain is described in brackets, or dictated step by step (see
    above)."""
    if "then" in draft.lower:
        for m in _STEPPED.finditer(draft.lower):
            if (
                "your" not in m.group(0)
                and not _GENERIC_STEPS.issuperset(re.findall(r"[a-z0-9\-]+", m.group(0)))
                and not work.quoted_content(draft, m.start())
            ):
                yield Match(
                    "email", m.start(), m.end(), status="breach", evidence={"address": m.group(0)}
                )
    if "our" not in draft.lower and "my" not in draft.lower:
        return
    for m in chain(_DESCRIBED_DOMAIN.finditer(draft.lower), _NAMES_ADDRESS.finditer(draft.lower)):
        if not work.quoted_content(draft, m.start()):
            yield Match(
                "email", m.start(), m.end(), status="breach", evidence={"address": m.group(0)}
            )


def detect_pieces(draft: Draft) -> Iterator[Match]:
    """The address given in pieces, at most one per draft. Each pattern is searched once
    over the draft and the nearest join and claim looked up by position, so a long draft
    full of provider names costs no more than one pass each."""
    lower = draft.lower
    providers = list(_piece_provider().finditer(lower))
    if not providers:
        return
    joins = list(_JOIN.finditer(lower))
    claims = [m.start() for m in _CLAIM.finditer(lower)] if joins else []
    join_starts = [j.start() for j in joins]
    for m in providers:
        lo, hi = max(0, m.start() - _REACH), min(len(lower), m.end() + _REACH)
        k = bisect.bisect_left(join_starts, lo)
        c = bisect.bisect_left(claims, lo)
        if k == len(joins) or joins[k].end() > hi or c == len(claims) or claims[c] >= hi:
            continue
        join = joins[k]
        if work.quoted_content(draft, m.start()) or work.sample_value(draft, m.start()):
            continue
        start, end = min(m.start(), join.start()), max(m.end(), join.end())
        yield Match("email", start, end, status="breach", evidence={"address": m.group(0)})
        return
