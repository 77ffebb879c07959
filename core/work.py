"""Text that is part of the work itself: a script to record, a page to translate, a
mockup's sample data. A number or address quoted there belongs to somebody else's
content, not to the writer."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from presend.core import cues, lexicon
from presend.core.draft import REACH, Draft
from presend.core.scan import WordPattern, words

#: The word lists of ``[work]`` in the language files: whether a word must end where
#: the entry ends, and whether it must start a word ("regex" may begin "regexes").
_LISTS = {
    "content": (True, True),
    "format_examples": (False, False),
    "data": (True, True),
    "sample_values": (False, True),
    "hotlines": (True, True),
    "verbatim": (False, True),
    "artefacts": (True, True),
}


@cache
def _word_lists(key: str) -> tuple[WordPattern, ...]:
    """One ``[work]`` list, from every language file, as patterns: one for the words of
    languages with spaces, at word edges, and one for Thai, Japanese and Chinese words,
    which stand glued to the words around them ("いただいた原稿の")."""
    whole, word_start = _LISTS[key]
    spaced, glued = lexicon.by_spacing(lexicon.words("work", key))
    tail = r"\b" if whole else ""
    found = [
        words(
            rf"\b{lexicon.alternation(spaced)}{tail}",
            lexicon.prefixes(spaced),
            word_start=word_start,
        )
    ]
    if glued:
        found.append(words(lexicon.alternation(glued), lexicon.prefixes(glued)))
    return tuple(found)


def _mentions(draft: Draft, key: str) -> bool:
    """Whether a word of the ``[work] key`` list stands anywhere in the draft (looked
    for once per draft, up to the first one)."""
    memo = "work:any:" + key
    if memo not in draft.memo:
        draft.memo[memo] = any(
            next(draft.find(pattern), None) is not None for pattern in _word_lists(key)
        )
    return bool(draft.memo[memo])


def _found(draft: Draft, key: str, *, ends: bool = False) -> list[int]:
    """Where the words of the ``[work] key`` list start (or end), sorted; found once per
    draft, so a draft with many numbers stays linear."""
    memo = f"work:{'ends' if ends else 'starts'}:{key}"
    if memo not in draft.memo:
        draft.memo[memo] = sorted(
            m.end() if ends else m.start()
            for pattern in _word_lists(key)
            for m in draft.find(pattern)
        )
    return draft.memo[memo]  # type: ignore[return-value]


#: How far before a verb ("includes", "lists") the piece of content it tells of may be named.
_HOLDER_REACH = 40


# A part of the content named as the subject of the verb: "the back (includes ...)",
# "the copy (lists ...)".
_A_PART_BEFORE = re.compile(r"\b(?:the|this|that|its|each)\s+(?:[\w-]+\s+){0,2}$")
_THING_FIRST = re.compile(r"\s*(?:[-*\u2022]\s*)?(?:[a-z][\w'-]*\s+){1,3}")
_IT_BEFORE = re.compile(r"\b(?:it|they|both|these|those)\s+(?:also\s+|already\s+)?$")
# Somebody asked to get in touch in the sentence: then the details are for that.
_REACH_US = re.compile(
    r"\b(?:call|text|email|e-mail|contact|reach|message|ring|ping|dm)\s+(?:me|us)\b"
)


def held_by_content(draft: Draft, start: int, *, ours: bool = False) -> bool:
    """Whether, in a draft about content to produce, the verb at ``start`` ("includes",
    "lists") tells what a piece of that content holds: a piece of it (a script, a footer,
    a flyer: ``[work] content`` or ``artefacts``) is named just before it in its sentence
    ("Script includes our phone number"), or, for the business's own details (``ours``),
    a part of it is ("the back includes our phone and email"), nobody being asked in
    the sentence to get in touch."""
    if not about_content(draft):
        return False
    a = draft.sentence_bounds(start)[0]
    lo = max(a, start - _HOLDER_REACH)
    # (on its line: a dash may end a sentence, "... our phone - call us to go over it")
    # ('read naturally: "Call us at ..."' is the content's own wording)
    line_end = draft.lower.find("\n", start, start + REACH)
    asks = _REACH_US.finditer(draft.lower, a, line_end if line_end >= 0 else start + REACH)
    if any(not in_quotes(draft.text, m.start()) for m in asks):
        return False
    for key in ("content", "artefacts"):
        found = _found(draft, key)
        i = bisect.bisect_left(found, lo)
        if i < len(found) and found[i] < start:
            return True
    return ours and (
        _A_PART_BEFORE.search(draft.lower, lo, start) is not None
        # "Translate our privacy policy. It includes our registered address"
        or _IT_BEFORE.search(draft.lower, lo, start) is not None
        # "Lines include our address": a thing opening the sentence, nobody
        or (
            start - a <= _HOLDER_REACH
            and _THING_FIRST.fullmatch(draft.lower, a, start) is not None
            and not mine().search(draft.lower, a, start)
        )
    )


# Just before a detail, the content said to hold the business's own one: "Lines include
# our address (", "the label lists our phone:".
_OURS_HELD = re.compile(
    r"\b(?P<verb>includes?|contains?|lists?|shows?|has|have)\s+our\s+(?:[\w-]+\s+){0,2}?"
    r"(?:address|location|phone(?:\s+number)?|number|hotline|line|e-?mail(?:\s+address)?)"
    r"\s*(?:\(|:|-|\u2014|,)?\s*$"
)


def ours_held_by_content(draft: Draft, start: int) -> bool:
    """Whether the detail at ``start`` comes right after words saying a piece of the
    content holds the business's own such detail ("Lines include our address (14 Baker
    Lane ...)"): see held_by_content."""
    found = _OURS_HELD.search(draft.lower, max(0, start - 60), start)
    return found is not None and held_by_content(draft, found.start("verb"), ours=True)


def about_records(draft: Draft) -> bool:
    """Whether the draft speaks of records to clean, convert or enter (once per draft)."""
    return _mentions(draft, "data")


def about_content(draft: Draft) -> bool:
    """Whether the draft speaks of content that is part of the work (once per draft)."""
    return _mentions(draft, "content")


#: How far before a number a word for a business's hotline still names it.
_HOTLINE_REACH = 60


def hotline(draft: Draft, start: int) -> bool:
    """Whether a word for a business's hotline ("гаряча лінія", "numero verde", "客服电话")
    stands just before ``start`` in its sentence, in a draft about content to produce:
    the number of a manual or script being translated or read, not the writer's."""
    found = _found(draft, "hotlines", ends=True)
    a = max(draft.sentence_bounds(start)[0], start - _HOTLINE_REACH)
    i = bisect.bisect_left(found, a)
    # The words first: most drafts name no hotline, and the content words cost more.
    if not (i < len(found) and found[i] <= start and about_content(draft)):
        return False
    # "our hotline isn't on the label, so call me at ...": words in between claim it.
    return not claims(draft.lower[found[bisect.bisect_right(found, start) - 1] : start], draft)


#: How far before a detail an instruction to keep the text as it is ("use exactly this:")
#: still covers it, across the lines of the text it introduces.
_VERBATIM_REACH = 200


def verbatim(draft: Draft, start: int) -> bool:
    """Whether, in a draft about content to produce, words say the text holding ``start``
    is kept exactly as it is ("UPC, lot numbers and the phone number stay unchanged",
    "please use exactly this:", "keep all of those exactly as they are"): in its sentence
    or the next, or up to 200 characters before it with no word claiming it in between. The
    detail is then the content's (a label, a card, a document to translate)."""
    found = _found(draft, "verbatim")
    if not found or not about_content(draft):
        return False
    a, b = draft.sentence_bounds(start)
    # the sentence after: "... (notary phone +34 ...). Please keep all of those as they are."
    if b < len(draft.text):
        b = draft.sentence_bounds(min(len(draft.text) - 1, b + 1))[1]
    lo = bisect.bisect_left(found, min(a, start - _VERBATIM_REACH))
    for cue in found[lo:]:
        if cue >= b:
            return False
        if cue >= a:
            return True
        if not claims(draft.lower[cue:start], draft):
            return True  # "Text is final, please use exactly this:\n\nFront: ..."
    return False


_DASH_BREAKS = frozenset((" \u2014 ", " \u2013 "))


def format_example(draft: Draft, start: int) -> bool:
    """Whether the sentence holding ``start`` gives numbers as examples of a format the
    work must handle ("the phone field should accept +44 20 7946 0958")."""
    if _EXAMPLE_BEFORE.search(draft.lower, max(0, start - 16), start):
        return True  # "(e.g. 0044 20 7946 0958 → +442079460958)"
    if _quoted_in_example(draft, start):
        return True  # 'e.g. typing "1600 Amph" suggests "1600 Amphitheatre Pkwy, ..."'
    found = _found(draft, "format_examples")
    if not found:
        return False

    def holds_cue(a: int, b: int) -> bool:
        i = bisect.bisect_left(found, a)
        return i < len(found) and found[i] < b

    a, b = draft.sentence_bounds(start)
    # A dash sets a list of examples off from the words saying what they are: "accepts
    # every format your users type — (212) 555-0173, 212.555.0173 — and ...".
    if a >= 3 and draft.lower[a - 3 : a] in _DASH_BREAKS:
        a = draft.sentence_bounds(a - 3)[0]
    # "It must accept:" and then the numbers one per line: the list's opening line says so.
    return holds_cue(a, b) or _in_list_intro(draft, start, holds_cue)


def format_cue_before(draft: Draft, start: int, reach: int) -> bool:
    """Whether a word saying the work handles a format ("validation", "must reject",
    "validacija") stands in the ``reach`` characters before ``start``, in any sentence:
    weaker evidence than ``format_example``'s, for details that are weak evidence too."""
    found = _found(draft, "format_examples")
    i = bisect.bisect_left(found, max(0, start - reach))
    return i < len(found) and found[i] < start


# Words placing a detail inside a document's text: "in clause 7", "§1", "as in the original".
_DOCUMENT_PART = re.compile(
    r"(?:\b(?:clause|section|article|annex|schedule|appendix|exhibit|art\.)\s*(?:\d|[a-h]\b)|"
    # a clause named by its subject: "the payment clause (\"Buyer shall remit ...\")"
    r"\b(?:payment|fees?|late[- ]fee|pricing|billing|invoicing|termination)\s+"
    r"(?:clause|provision)s?\b|\u00a7\s*\d|"
    r"\bas (?:in|on) the original\b|\bparty details\b|\bparties\W? details\b|"
    # a numbered clause heading opening its line: "- 7.2 Payment Terms: changed ..."
    r"(?<![^\n])[ \t]*[-*\u2022]?[ \t]*\d{1,2}\.\d{1,2}\.?[ \t]+[a-z][a-z ]{2,30}:|"
    # a numbered clause cited by what it says: "7.2 says payment ...", "11 (Notices) needs"
    r"(?<![\w.$\u20ac\u00a3])\d{1,2}(?:\.\d{1,2}){0,2}\s+(?:\([a-z][^()\n]{0,30}\)\s+)?"
    r"(?:says|said|states|reads|requires|provides|sets out|lists|allows|mentions|specifies|"
    r"stipulates|needs)\b)"
)


def document_part(draft: Draft, start: int) -> bool:
    """Whether ``start`` is in a part of a document the work handles (translated, drafted,
    proofread): its sentence, or the opening line of its list, names the clause or says
    it is kept as in the original ("Party details in \u00a71 kept as in the original:")."""
    if not about_content(draft):
        return False

    def names_part(a: int, b: int) -> bool:
        return _DOCUMENT_PART.search(draft.lower, a, b) is not None

    return names_part(*draft.sentence_bounds(start)) or _in_list_intro(draft, start, names_part)


def _in_list_intro(draft: Draft, start: int, holds: Callable[[int, int], bool]) -> bool:
    """Whether ``start`` is an item of a list whose opening line (its sentence) ``holds``
    what is looked for."""
    intro = _list_intro(draft.text, start)
    return intro is not None and holds(*draft.sentence_bounds(intro))


#: The longest line of a list that an opening line ending in a colon still covers.
_LIST_LINE = 80
#: How many lines such a list may run to.
_LIST_LINES = 12


def _list_intro(text: str, start: int) -> int | None:
    """Where the line ending in a colon that opens the list holding ``start`` begins, when
    ``start`` is on one of the short lines right below it ("It must accept:\n(555) ...")."""
    # Every search is bounded: a long draft without line breaks costs no more per number.
    line_start = text.rfind("\n", max(0, start - REACH), start) + 1
    for _ in range(_LIST_LINES):
        if line_start == 0:
            return None
        above_end = line_start - 1
        reach = max(0, above_end - REACH)
        above_start = max(text.rfind("\n", reach, above_end) + 1, reach)
        above = text[above_start:above_end].rstrip()
        if above.endswith(":"):
            return above_start + len(above) - 1
        if not above or len(above) > _LIST_LINE:
            return None
        line_start = above_start
    return None


def data_row(draft: Draft, start: int, end: int | None = None) -> bool:
    """Whether ``start`` is on a row of records the work is about: a line with fields
    between commas, semicolons, pipes or tabs ("John Doe, (555) 010-4432, 12 Main St")
    in a draft that speaks of rows, records or a spreadsheet. Given the detail's ``end``
    (an address, with commas of its own), only separators outside it count, and a comma
    only without a space after it, as a file has them: prose has commas too."""
    line_start = draft.text.rfind("\n", max(0, start - REACH), start) + 1
    line_end = draft.text.find("\n", start, start + REACH)
    line_stop = line_end if line_end >= 0 else start + REACH
    if end is None:
        line = draft.text[line_start:line_stop]
        separators = sum(line.count(c) for c in ",;|\t")
    else:
        end = min(max(end, start), line_stop)
        line = draft.text[line_start:start] + " " + draft.text[end:line_stop]
        separators = sum(line.count(c) for c in ";|\t") + len(_FILE_COMMA.findall(line))
        if separators < 2 and _short_fields(draft.text[line_start:line_stop]):
            separators = line.count(",")  # "Priya Nair, priya@..., +91 ..., Pune"
    if separators < 2:
        return False
    return _mentions(draft, "data") and _among_rows(draft.text, line_start, line_stop)


_FILE_COMMA = re.compile(r",(?=\S)")

# A statement's line: a date first ("12.09", "2025-09-12", "09/12/25", "Sep 12"), then
# a signed or currency amount on the line ("-2,380.00", "+4,000.00", "EUR 149.90").
_STATEMENT_DATE = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]*)?(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b"
)
_STATEMENT_AMOUNT = re.compile(
    r"(?:^|\s)(?:[-+\u2212]\s?[$\u20ac\u00a3]?\d[\d,.\u202f ]*\d|"
    r"[$\u20ac\u00a3]\s?\d[\d,.]*\d|\d[\d,.]*\d\s?(?:eur|usd|gbp|chf))\b"
)


# Somebody speaking or asking on the line: no statement's line says "send it to me".
_ON_THE_LINE = re.compile(
    r"\b(?:i|me|my|mine|we|us|our|you|your|u|ur|please|pls|send|pay|wire|transfer\s+to)\b"
)


@cache
def _keeping_books() -> re.Pattern[str]:
    """The words of ``[payment] books`` (every language): the draft keeps books."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('payment', 'books'))})")


def statement_row(draft: Draft, start: int) -> bool:
    """Whether ``start`` is on a line of a bank or card statement the draft goes through
    (it speaks of the books: ``[payment] books``, "reconciliation", "bank statement"): a
    line opening with a date and holding an amount, nobody on it speaking, where an
    account recorded is the payee's of a past transfer, not one given to be paid to."""
    memo = "work:keeping_books"
    if memo not in draft.memo:
        draft.memo[memo] = _keeping_books().search(draft.lower) is not None
    if not draft.memo[memo]:
        return False
    line_start = draft.text.rfind("\n", 0, start) + 1
    line_end = draft.text.find("\n", start)
    line = draft.lower[line_start : line_end if line_end >= 0 else len(draft.text)]
    return (
        _STATEMENT_DATE.match(line) is not None
        and _STATEMENT_AMOUNT.search(line) is not None
        and _ON_THE_LINE.search(line) is None
    )


def _short_fields(line: str) -> bool:
    """Whether every comma-separated field of the line is a few words (a record's
    fields), not a clause of prose."""
    fields = line.split(",")[:-1]  # the last may run on into a sentence
    return len(fields) >= 2 and all(
        0 < len(f.split()) <= 3 and not _SPEAKER.search(f.lower()) for f in fields
    )


# Words of somebody talking rather than of a record's field.
_SPEAKER = re.compile(r"\b(?:i|me|my|you|your|ur|u|we|us|our|mail|email|reach|contact|call|text)\b")


def _signed_off(text: str, a: int, b: int) -> bool:
    """Whether the line text[a:b] is a signature's: it closes the draft (only short lines
    without fields after it) and comes after a sign-off ("Best," "Thanks!" "--") or a
    name on a line of its own."""
    rest = [line.strip() for line in text[b:].splitlines() if line.strip()]
    if len(rest) > 2 or any(len(r) > 40 or re.search(r"[|;\t@]", r) for r in rest):
        return False
    before = [line.strip() for line in text[:a].splitlines() if line.strip()]
    return bool(before) and _SIGN_OFF.fullmatch(before[-1]) is not None


# A sign-off line: short and closed by a comma, a bang or a dash ("Best regards,"
# "Thanks!"), or dashes alone; for a signature's own lines, also a name of two or three
# capitalised words.
_SIGN_OFF_WORDS = r"[^\n.?:]{1,30}[,!\u2014-]|-{2,}|\u2014"
_SIGN_OFF = re.compile(_SIGN_OFF_WORDS + r"|(?:[A-Z][\w.'-]*\s?){1,3}")
_SIGN_OFF_LINE = re.compile(_SIGN_OFF_WORDS)
_NOT_SPACE = re.compile(r"\S")


# "Sample row: ...", "e.g. ...", "Input -> ...": a line that labels itself as data.
_ROW_LABEL = re.compile(r"\s*(?:[\w ()#-]{1,30}:|e\.g\.|i\.e\.|[\w ]{1,20}(?:->|=>|=))\s")


def _among_rows(text: str, a: int, b: int) -> bool:
    """Whether the line text[a:b] is a row of the records, not a signature's one line
    ("Ana Reyes | ana@... | +63 ..." under a proposal that mentions data entry): it has a
    neighbour (the line before or after) with two separators of a kind it has too, or a
    line introducing it, or it does not close the draft as a signature does."""
    line = text[a:b]
    if not _signed_off(text, a, b) or _ROW_LABEL.match(line):
        return True  # "a record such as Jane Doe; 555-0101; Leeds" in the brief's middle
    # (A line introducing it, "One row looks like this:", is no sign-off: handled above.)
    neighbours = []
    if a:
        neighbours.append(text[text.rfind("\n", 0, a - 1) + 1 : a - 1])
    if b < len(text) and text[b] == "\n":
        nxt = text.find("\n", b + 1)
        neighbours.append(text[b + 1 : nxt if nxt >= 0 else len(text)])
    return any(
        line.count(sep) >= 2 and any(n.count(sep) >= 2 for n in neighbours) for sep in "|;\t,"
    )


# Talk of a price around "send me the number": the figure, not a phone number.
_PRICE_TALK = re.compile(
    r"\b(?:estimate|quote|quotation|price|pricing|cost|budget|rate|figure|ballpark|bid)\b"
)


#: A number given before the work is seen is a quote: "before you give me a number".
_BEFORE_A_QUOTE = re.compile(
    r"\bbefore\s+(?:you|u)\s+(?:give|send|tell|quote)\s+(?:me|us)\s+(?:a|the|your)\s+"
    r"(?:final\s+|rough\s+)?number\s*$"
)


def a_figure(draft: Draft, start: int, end: int) -> bool:
    """Whether a request draft[start:end] ending "the number" asks for a price: the bare
    noun after "the", in a draft that talks of an estimate or a quote."""
    if _BEFORE_A_QUOTE.search(draft.lower, max(0, start - 16), end):
        return True  # "before you give me a number I'd like you to see the code": a quote
    yours = re.search(r"\b(?:your|ur)\s+number\s*$", draft.lower[start:end])
    if not yours and not re.search(r"\bthe\s+number\s*$", draft.lower[start:end]):
        return False
    if re.search(r"\b(?:call|ring|text|sms|whats\s?app|dial)\b", draft.lower[end : end + 60]):
        return False  # "send me the number, I'll call you tonight"
    if yours:
        # "Fixed price, tell us your number": only with the price said right there
        a = max(draft.sentence_bounds(start)[0], start - 60)
        return _PRICE_TALK.search(draft.lower, a, end + 30) is not None
    return _PRICE_TALK.search(draft.lower, max(0, start - 300), end + 60) is not None


#: Words naming somebody else just before a detail's noun: "the clinic's (address)",
#: "their (office)", "the landlord's (bank details)"; never after "my" or "our". (A dash
#: between is no word: "details are at the bottom - IBAN ..." names nobody's IBAN.)
THEIRS_BEFORE = r"(?<!my )(?<!our )\b(?:the|its|their|his|her|[a-z]+'s)\s+(?:\w[\w-]*\s+){0,2}"

#: How far back a "use these test values:" still speaks of what follows.
SAMPLE_REACH = 200
#: The language every draft is read in (``lexicon.present``): its [work] mine words
#: claim a detail in any draft.
_EVERY_DRAFT = "en"


@cache
def mine() -> re.Pattern[str]:
    """Words claiming a detail as the writer's own, in English, read in every draft
    (en.toml ``[work] mine``: "my", "our", "me")."""
    words = lexicon.words_of(_EVERY_DRAFT, "work", "mine")
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else "(?!)")


# A sentence's end and the start of a new one in prose ("placeholder). You can ..."), not
# a label line ("test values. Email: ...").
_NEW_SENTENCE = re.compile(r"[.!?][)\"'\u201d]*[ \t]+[A-Z][a-z]* [a-z]")


@cache
def _mine_local(languages: frozenset[str]) -> re.Pattern[str]:
    """The words of these languages claiming a detail as one's own (``[work] mine``): "mi
    móvil", "mein Handy", "私の携帯"; Thai, Japanese and Chinese ones stand glued to the
    rest. Only the draft's languages: French "mon" in "Mon to Fri" claims nothing."""
    entries = [
        entry
        for code in sorted(languages - {_EVERY_DRAFT})  # (English's: ``mine``)
        for entry in lexicon.words_of(code, "work", "mine")
    ]
    spaced, glued = lexicon.by_spacing(entries)
    edge = lexicon.WORD_CHAR
    source = rf"(?<!{edge}){lexicon.alternation(spaced)}(?!{edge})"
    return re.compile(source + (f"|{lexicon.alternation(glued)}" if glued else ""))


def claims(text: str, draft: Draft) -> bool:
    """Whether lower-case ``text``, words of the draft, holds a word claiming a detail as
    one's own, in English or another of the draft's languages ("my", "our", "mi", "mein",
    "私の")."""
    return mine().search(text) is not None or _mine_local(draft.languages).search(text) is not None


def sample_value(draft: Draft, start: int) -> bool:
    """Whether words just before ``start``, in its paragraph, say that what follows is a
    stand-in ("use these test values:", "placeholder text for now", "this sample
    address ... nobody's real wallet"), with nothing in between claiming it as one's own."""
    found = _found(draft, "sample_values", ends=True)
    lo = bisect.bisect_left(found, start - SAMPLE_REACH)
    hi = bisect.bisect_right(found, start)
    for end in found[lo:hi]:
        between = draft.lower[end:start]
        parts = between.split("\n\n")
        # "... test values:" then a blank line, then the list: still the same list.
        if (
            (len(parts) == 1 or (len(parts) == 2 and parts[0].rstrip().endswith(":")))
            and not claims(between, draft)
            # "(I'll leave the UPC placeholder). You can mail them to ...": a new
            # sentence that is no list of values speaks of something else.
            and _NEW_SENTENCE.search(draft.text, end, start) is None
        ):
            return True
    # "T9yD...b: it's the public burn address": the words may follow on the same line,
    # in the same sentence and not in an aside about something else ("... @gmail.com (I
    # kept the script placeholder)").
    line_end = draft.lower.find("\n", start)
    limit = min(start + 120, line_end if line_end >= 0 else start + 120)
    return any(
        start < end - 1 < limit
        and not _in_aside(draft.text[start:end])
        and _NEW_SENTENCE.search(draft.text, start, end) is None
        for end in found[hi : hi + 3]
    )


def _in_aside(text: str) -> bool:
    """Whether ``text`` ends inside brackets it opens after its first word."""
    rest = text.partition(" ")[2]
    return rest.rfind("(") > rest.rfind(")")


_EXAMPLE_BEFORE = re.compile(
    r"(?:\be\.g\.|\bi\.e\.|\bexample:|\bfor (?:example|instance)|\u2192|->|=>|"
    # 'e.g. "0171 2345678" + Germany > +491712345678': what the value is converted to (a
    # mail quote's ">" opens its line instead)
    r"[^\s>]\s+>)\s*[:(,]?\s*[\"\u201c']?$"
)


# Words opening an example, earlier in the sentence than the quotation holding a detail.
_EXAMPLE_OPENS = re.compile(r"\be\.g\.|\bfor (?:example|instance)\b|\bexample:")
#: How far before a detail an example's opening word still covers its quotations.
_EXAMPLE_REACH = 100


def _quoted_in_example(draft: Draft, start: int) -> bool:
    """Whether ``start`` is inside a quotation that an "e.g." or "for example" earlier in
    its sentence introduces, with no word claiming the detail between them: what a
    product shows or accepts, given as an example, not the writer's own."""
    if not in_quotes(draft.text, start):
        return False
    # (from the line's start: a sentence may seem to end at "e.g.")
    a = draft.text.rfind("\n", max(0, start - _EXAMPLE_REACH), start) + 1
    opens = [
        m.end() for m in _EXAMPLE_OPENS.finditer(draft.lower, max(a, start - _EXAMPLE_REACH), start)
    ]
    return (
        bool(opens)
        and not claims(draft.lower[opens[-1] : start], draft)
        and _NEW_SENTENCE.search(draft.text, opens[-1], start) is None
    )


# A list item's mark: a bullet, or in a proposal also "1." or "2)".
_ITEM = re.compile(r"\s*(?:[-\u2022*\u00b7\u2013]|\d{1,2}[.)])\s*")
_STEP = re.compile(
    r"(?:add|replace|keep|set up|setup|integrate|configure|test|build|create|connect|migrate|"
    r"implement|install|enable|remove|update|fix|design|wire up|hook up)\b"
)


def feature_item(draft: Draft, start: int) -> bool:
    """An item of a job post's or a profile's list, under lines naming the thing to
    build or the services offered ("Zalo Mini App for a café chain: ... - pay with MoMo
    and VNPay", "- send the Zoom links and reminders", "• Payment gateways: Stripe,
    PayPal"): the product's users paying, a duty or a skill, not the writer proposing."""
    channel = draft.context.channel
    if channel not in ("job_post", "profile", "proposal"):
        return False
    line_start = draft.text.rfind("\n", max(0, start - REACH), start) + 1
    item = _ITEM.match(draft.lower, line_start)
    if item is None or item.end() > start:
        return False
    # A proposal's plan: "3. keep the bank transfer option ...": only a step of the work
    # (its terms, "5. payment by bank transfer to me", are no feature).
    if channel == "proposal" and not _STEP.match(draft.lower, item.end()):
        return False
    line_end = draft.lower.find("\n", start)
    if "upwork" in draft.lower[line_start : line_end if line_end >= 0 else None]:
        return False
    # The lines above (the list's heading, the items before) name what is built.
    return cues.about_the_work(draft.lower[max(0, line_start - 2 * REACH) : line_start], draft)


def quoted_content(draft: Draft, start: int) -> bool:
    """Whether ``start`` is inside quotes in a draft about content that is part of the
    work, or about records: a number, address or IBAN there belongs to that content."""
    return (in_quotes(draft.text, start) or in_quoted_block(draft, start)) and (
        about_content(draft)
        # 'lines like "my insta is same as here" are SPAM' in a labelling task: a record
        or about_records(draft)
        or _opened_after_theirs(draft, start)
        or _ui_label(draft, start)
        or _screened(draft, start)
    )


# Between a screening word and the quotation: what the messages hold, then at most a few
# other things listed ('delete messages that contain wallet addresses or "DM me" scams',
# 'flag comments with phrases like "text me on WhatsApp"').
_HOLDING = re.compile(
    r"\b(?:contain(?:s|ing)?|with|mention(?:s|ing)?|say(?:s|ing)?|including|like|such as|"
    r"match(?:es|ing)?|keywords?|phrases?)\b\s*:?\s*(?:[^.!?\n\"\u201c]{0,40}\b(?:or|and|,)\s*)?"
    # ... after other quoted examples: 'like "text me on WhatsApp" or "add me on tg"'
    # ('"аpple.com" (a Cyrillic а) and "paypa1.com"': an aside after one)
    r"(?:[\"\u201c][^\"\u201c\u201d\n]{1,60}[\"\u201d]\s*(?:\([^()\n]{0,60}\)\s*)?"
    r"(?:,|/|or|and)\s*(?:or\s+|and\s+)?)*$"
)
# A filter that is the platform's, not the work: "Upwork blocks messages with ..."
_PLATFORM_FILTER = re.compile(r"\b(?:upwork|the platform|the site|here|get(?:s|ting)?|got)\b")


def _screened(draft: Draft, start: int) -> bool:
    """Whether the quotation holding ``start`` is an example of the messages a filter or
    a moderation bot of the work is to catch: a screening word (``[work] screening``)
    before it in its sentence, then words for what those messages hold."""
    a = draft.sentence_bounds(start)[0]
    line_start = draft.text.rfind("\n", max(0, start - REACH), start) + 1
    opening = max(draft.text.rfind(q, max(a, line_start), start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    lo = max(a, line_start, opening - 120)
    ends = [
        m.end() for m in lexicon.pattern("work", "screening").finditer(draft.lower, lo, opening)
    ]
    if not ends or _PLATFORM_FILTER.search(draft.lower, lo, opening):
        return False
    return _HOLDING.search(draft.lower, ends[-1], opening) is not None


# After a closing quote, a part of a screen: 'a "Join by phone" fallback', 'the "Chat
# with us on WhatsApp" button'.
_UI_PART = re.compile(
    r"[^\"\u201d\u00bb\u300d\u300f\n]{0,200}[\"\u201d\u00bb\u300d\u300f]\s*"
    r"(?:button|option|link|tab|screen|label|feature|flow|fallback|menu|toggle|field|banner|"
    r"pop-?up|modal|cta|widget|section|message|text|copy|prompt|icon|badge)s?\b"
)


# Before a quotation (or a list of them), words naming a screen's wording as the thing
# quoted: 'UI strings like "Enter your email address", "Verify phone number"', 'button
# labels such as "Message us on WhatsApp"'.
_UI_INTRO = re.compile(
    r"\b(?:strings?|labels?|buttons?|placeholders?|prompts?|error messages?|microcopy|"
    r"ui (?:text|copy)|tooltips?|captions?|menu items?|headings?|field names?)\s*"
    r"(?:\([^()\n]{0,30}\)\s*)?(?:like|such as|e\.g\.,?|including|as)?\s*:?\s*"
    r"(?:[\"\u201c][^\"\u201c\u201d\n]{1,80}[\"\u201d]\s*[,;/]?\s*(?:and\s+|or\s+)?)*$"
)


def ui_string(draft: Draft, start: int) -> bool:
    """Whether ``start`` is inside a quoted piece of a screen's wording (a button's
    label, a string to translate): the product's words, not the writer's."""
    return in_quotes(draft.text, start) and _ui_label(draft, start)


def _ui_label(draft: Draft, start: int) -> bool:
    """Whether the quotation holding ``start`` names a part of a screen to build, or is
    one of the screen's strings named as such."""
    if _UI_PART.match(draft.lower, start) is not None:
        return True
    line_start = draft.text.rfind("\n", max(0, start - REACH), start) + 1
    opening = max(draft.text.rfind(q, line_start, start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    return _UI_INTRO.search(draft.lower, max(line_start, opening - 2 * 80), opening) is not None


# Words before a quotation saying it is the reader's own published text: "your end screen
# still says", "your footer reads", "your bio has".
_THEIRS_SAYS = re.compile(
    r"\byour\b[^.!?\n]{0,40}\b(?:says|said|shows|showed|reads|lists|displays|has|had|"
    r"mentions|contains)\s*:?\s*$"
)
_OPENING_QUOTES = '"\u201c\u201e\u00ab\u300c\u300e'


def quoted_back(draft: Draft, start: int) -> bool:
    """Whether ``start`` is inside a quotation of the reader's own text: "your end screen
    still says 'follow @kaylasaves on IG'" quotes their handle back to them."""
    return in_quotes(draft.text, start) and _opened_after_theirs(draft, start)


def _opened_after_theirs(draft: Draft, start: int) -> bool:
    """Whether the quotation open at ``start`` follows words saying it is the reader's."""
    line_start = draft.text.rfind("\n", max(0, start - REACH), start) + 1
    opening = max(draft.text.rfind(q, line_start, start) for q in _OPENING_QUOTES)
    if opening < 0:
        return False
    return _THEIRS_SAYS.search(draft.lower, max(line_start, opening - 60), opening) is not None


#: The longest line of a block of content (an address, a receipt's line) below its intro.
_BLOCK_LINE = 100
# How an intro ends when it presents the block under it or the quotation after it: a
# colon, "is below", "reads", "the contact page you want".
_INTRODUCES = re.compile(
    r"(?::|\b(?:below|as follows|reads|says|(?:you|we) (?:want|need|have)(?: now)?)\W*)\s*$"
)
# Words claiming what follows as the writer's own: "here are my details:".
# So do a destination ("can you mail one printed box to:"): somewhere to send things.
_MINE_INTRO = re.compile(r"\b(?:my|me|mine)\b|\b(?:to|at)\s*:\s*$")


def content_block(draft: Draft, start: int) -> bool:
    """Whether ``start`` is in a block that a line naming a piece of the work's content
    introduces: a quotation after 'Payment line reads', or the short lines of the
    paragraph below "the footer text ... on the contact page you want", "receipt we have
    now (text):", "the 'contact us' block is below". Such a block holds a business's
    published details as the content to work on; an intro claiming them ("here are my
    details:") does not count."""
    intro = _block_intro(draft.text, start)
    if intro is None:
        return False
    a, b = intro
    if not _INTRODUCES.search(draft.lower, a, b):
        return False  # a line that only mentions a page, above a paragraph of prose
    if _MINE_INTRO.search(draft.lower, a, b) or _mine_local(draft.languages).search(
        draft.lower, a, b
    ):
        return False
    found = _found(draft, "artefacts")
    i = bisect.bisect_left(found, a)
    return i < len(found) and found[i] < b


def _block_intro(text: str, start: int) -> tuple[int, int] | None:
    """Where the words introducing the block that holds ``start`` are: before the
    quotation's opening mark on its line, or the line just above the block's paragraph
    (one blank line between them at most), or a line ending in a colon right above."""
    line_start = text.rfind("\n", max(0, start - REACH), start) + 1
    if in_quotes(text, start):
        opening = max(text.rfind(q, line_start, start) for q in _OPENING_QUOTES)
        if opening > line_start and text[line_start:opening].strip():
            return line_start, opening  # 'Payment line reads "Interac ...'
    # Up the block's short lines to its first, then the intro above it.
    first = line_start
    for _ in range(_LIST_LINES):
        if first == 0:
            return None
        above_start = text.rfind("\n", max(0, first - 1 - REACH), first - 1) + 1
        above = text[above_start : first - 1].strip()
        if not above:  # a blank line: the intro is the line above it
            if above_start == 0:
                return None
            intro_start = text.rfind("\n", max(0, above_start - 1 - REACH), above_start - 1) + 1
            if not text[intro_start : above_start - 1].strip():
                return None
            return intro_start, above_start - 1
        if above.endswith(":"):
            return above_start, first - 1
        if len(above) > _BLOCK_LINE:
            return None
        first = above_start
    return None


def in_quotes(text: str, start: int) -> bool:
    """Whether an opening quote before ``start`` on its line (at most ``REACH``
    characters back, so a long line costs no more) is still open."""
    line_start = text.rfind("\n", max(0, start - REACH), start) + 1
    before = text[max(line_start, start - REACH) : start]
    if before.count('"') % 2 == 1:
        return True
    # Paired quotes: English “”, German „“ (its closing mark is the English
    # opening one), French and Russian «», Japanese 「」 and 『』.
    low = before.count("\u201e")
    if low > before.count("\u201c") + before.count("\u201d"):
        return True
    if not low and before.count("\u201c") > before.count("\u201d"):
        return True
    # Finnish and Swedish open a quotation with the closing mark: ”Soita numeroon ...”
    if not low and not before.count("\u201c") and before.count("\u201d") % 2 == 1:
        return True
    if any(before.count(a) > before.count(b) for a, b in _PAIRS):
        return True
    # Single quotes: one that opens a quotation follows a space or a line's start and
    # comes before a word; an apostrophe ("it's", "students'") does neither.
    opened = len(_SINGLE_OPENS.findall(before)) - len(_SINGLE_CLOSES.findall(before))
    return opened > 0


# A quotation of several lines: opened at a line's start ('"This week Mel sits down
# ...'), closed at a later line's end ('... at (503) 555-0102."').
_BLOCK_OPEN = re.compile(r"^[ \t]*[\"\u201c]", re.MULTILINE)
# (closed at the line's end, or before the writer's next sentence: '..." Let me know.')
_BLOCK_CLOSE = re.compile(r"[\"\u201d][ \t]*[.,;:!?)]?(?:[ \t]*$|[ \t]+[A-Z])", re.MULTILINE)
#: The most lines one quoted block may run over.
_BLOCK_LINES = 40


def _quoted_blocks(draft: Draft) -> list[tuple[int, int]]:
    """The spans of quotations running over several lines (found once per draft)."""
    memo = draft.memo.get("work:quoted_blocks")
    if isinstance(memo, list):
        return memo
    text = draft.text
    spans: list[tuple[int, int]] = []
    pos = 0
    while (opened := _BLOCK_OPEN.search(text, pos)) is not None:
        line_end = text.find("\n", opened.end())
        if line_end < 0:
            break
        first = text[opened.end() - 1 : line_end]
        if (first.count('"') + first.count("\u201c") + first.count("\u201d")) % 2 == 0:
            pos = line_end + 1  # opened and closed on its own line: in_quotes' case
            continue
        stop = line_end
        for _ in range(_BLOCK_LINES):
            nxt = text.find("\n", stop + 1)
            line = text[stop + 1 : nxt if nxt >= 0 else len(text)]
            if _BLOCK_OPEN.match(line):
                break  # another quotation opens: this one was never closed
            if _BLOCK_CLOSE.search(line):
                spans.append((opened.end(), nxt if nxt >= 0 else len(text)))
                break
            if nxt < 0:
                break
            stop = nxt
        pos = line_end + 1
    draft.memo["work:quoted_blocks"] = spans
    return spans


def in_quoted_block(draft: Draft, start: int) -> bool:
    """Whether ``start`` is inside a quotation of several lines (show notes, a script's
    part, a post's text quoted whole), past its first line."""
    return any(a < start < b for a, b in _quoted_blocks(draft))


_PAIRS = (("\u00ab", "\u00bb"), ("\u300c", "\u300d"), ("\u300e", "\u300f"))
_SINGLE_OPENS = re.compile(r"(?:^|(?<=[\s(:\[]))['\u2018](?=\w)")
_SINGLE_CLOSES = re.compile(r"(?<=[\w.!?,])['\u2019](?=[\s.,;:!?)\]]|$)")


# A template's stand-in for the reader's own name, as a link's path or a handle has it:
# "boards.greenhouse.io/yourcompany", "tiktok.com/@yourbrand", "Instagram @yourhandle"
# (with the names a host begins with when it is a stand-in, [domains.placeholder]
# stand_in_prefixes: "yourdomain.com").
_STAND_IN_NAME = re.compile(
    r"your[-_]?(?:number|handle|name|username|user|id|account|page|profile|channel)"
)


@cache
def _stand_in_prefixes() -> tuple[str, ...]:
    from presend.core.rulepack import vocabulary  # noqa: PLC0415  (as domains, below)

    return tuple(vocabulary()["domains"]["placeholder"]["stand_in_prefixes"])


def stand_in_name(name: str) -> bool:
    """Whether a name in a link's path or a handle ("@yourbrand", "yourcompany") stands
    in for the reader's own, filled in later: nobody's name to reach."""
    name = name.lower().lstrip("@")
    return name.startswith(_stand_in_prefixes()) or _STAND_IN_NAME.match(name) is not None


# Stand-ins for a phone number or an email in a sentence: the numbers reserved for
# fiction (555-0100 to 555-0199, area code or not) and addresses at example names.
_FICTION_NUMBER = re.compile(r"(?<!\d)555[\s.\-]?01\d\d(?!\d)")
_AN_ADDRESS = re.compile(r"(?P<local>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)")


_CLAIM_BEFORE = re.compile(
    r"\b(?:my|our|me|us|mine|reach|contact|call|text|email|e-mail|ping|message|write)\b"
)


def beside_fiction(draft: Draft, start: int, end: int) -> bool:
    """Whether the sentence holding a detail also holds a stand-in one ("Row 17
    (jane.k@gmail.com / 312-555-0182) appears 4 times", "reach us at info@yourdomain.com
    or +44 20 7946 0000"): made-up records keep company, so the detail is sample data
    too. A number in fiction's range counts only in a draft about records (people give
    such numbers as their own too, even in a voice actor's profile); an example address
    also in one about content. Words claiming the detail right before it ("my email is",
    "reach our lead at") still make it somebody's way to be reached."""
    from presend.core import domains  # noqa: PLC0415  (domains reads the vocabulary)

    records = about_records(draft)
    if not (records or about_content(draft)):
        return False
    a, b = draft.sentence_bounds(start)
    a, b = max(a, start - REACH), min(b, end + REACH)
    before = draft.lower[max(a, start - 60) : start]
    # (only since the last bracket or colon: "our export has it twice: row 8 (jo@...")
    if _CLAIM_BEFORE.search(before[max(before.rfind(c) for c in "(:;[") + 1 :]):
        return False
    lower = draft.lower
    for m in _FICTION_NUMBER.finditer(lower, a, b) if records else ():
        if not start <= m.start() < end:
            return True
    for m in _AN_ADDRESS.finditer(lower, a, b):
        # (the detail itself may be the made-up one: "john.doe@gmail.com")
        if domains.is_stand_in_local(m.group("local")) or (
            not start <= m.start() < end and domains.is_placeholder(m.group("host"))
        ):
            return True
    return False


#: The longest line a signature has.
_SIGNATURE_LINE = 80


def signature_start(draft: Draft, pos: int) -> int | None:
    """Where the signature holding ``pos`` starts, if ``pos`` is in one: below a sign-off
    line ("Respectfully,") among the draft's last few short lines. Cues above the
    sign-off (the letter's talk of an engagement letter or an NDA) are not about it."""
    text = draft.text
    # At most four lines of at most 80 characters to the end: a detail early in a long
    # draft is no signature's, and the searches below run only for the last few.
    end = len(text)
    while end > pos and text[end - 1].isspace():
        end -= 1  # (the draft's end without its trailing blanks, with no copy of it)
    if end - pos > 4 * (_SIGNATURE_LINE + 1):
        return None
    line_start = text.rfind("\n", 0, pos) + 1
    rest = text[line_start:].rstrip().split("\n")
    if len(rest) > 4 or any(len(line) > _SIGNATURE_LINE for line in rest):
        return None
    cursor = line_start
    for _ in range(4):
        if cursor == 0:
            return None
        prev = text.rfind("\n", 0, cursor - 1) + 1
        line = text[prev : cursor - 1].strip()
        if len(line) > _SIGNATURE_LINE:
            return None
        if _SIGN_OFF_LINE.fullmatch(line):
            # (a draft's first line is its greeting, "Hi Anna,", not a sign-off)
            return cursor if _NOT_SPACE.search(text, 0, prev) else None
        cursor = prev
    return None
