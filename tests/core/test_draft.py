"""The draft's fast lookups (one literal pass) against the regexes they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from presend.core.draft import DIGITS, REACH, Draft
from presend.core.model import Context
from presend.core.normalize import normalise

SENTENCE_END = re.compile(r"[!?;\n\u3002\u061f\u06d4\u0964]+|\.(?=\s|$)|\s[-\u2013\u2014]\s")
CLAUSE_END = re.compile(r",|:\s|\b(?:but|so|and then|however|though|although|because)\b")
PHONE_WORDS = ("call", "no.", "whats app", "#", "so")
PHONE_WORDS_RE = re.compile(r"\b(?:call|whats app|so)\b|\bno\.|#")

_pieces = st.sampled_from(
    ["!", "?", ";", "\n", ".", ". ", " - ", " \u2013\n", "\u2014", " ", ",", ": ", "so",
     "also", "but", "and then", "though", "although", "call", "calls", "no.", "whats app",
     "#", "a", "1", "_", "é"]
)  # fmt: skip
_texts = st.lists(_pieces, max_size=30).map("".join)


def _draft(text: str) -> Draft:
    return Draft(normalise(text), Context(), ("upwork.com",))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_sentence_ends_are_the_regex_ends(text: str) -> None:
    draft = _draft(text)
    expected = [0] + [m.end() for m in SENTENCE_END.finditer(draft.lower)]
    for pos in range(len(draft.lower)):
        i = max(i for i, s in enumerate(expected) if s <= pos)
        end = expected[i + 1] if i + 1 < len(expected) else len(draft.lower)
        assert draft.sentence_bounds(pos) == (expected[i], end)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_clause_starts_are_the_regex_ends(text: str) -> None:
    draft = _draft(text)
    lower = draft.lower
    ends = sorted(
        {0}
        | {m.end() for m in SENTENCE_END.finditer(lower)}
        | {m.end() for m in CLAUSE_END.finditer(lower)}
    )
    for pos in range(len(lower) + 1):
        start = max(e for e in ends if e <= pos)
        assert draft.clause_before(pos) == lower[max(start, pos - REACH) : pos]


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_whole_words_are_the_regex_words(text: str) -> None:
    draft = _draft(text)
    found = [s for s in draft.word_spans(PHONE_WORDS) if draft.is_whole_word(*s)]
    expected = sorted(m.span() for m in PHONE_WORDS_RE.finditer(draft.lower))
    assert found == expected


def test_word_within_a_stretch() -> None:
    draft = _draft("Order 12, so call me")
    at = draft.lower.index("call")
    assert draft.has_word_within(PHONE_WORDS, at, at + 4)
    assert not draft.has_word_within(PHONE_WORDS, at, at + 3)  # cut short
    assert not draft.has_word_within(("call",), 0, at)


def test_near_digits_merges_close_numbers() -> None:
    draft = _draft("abc 12 de 3" + " " * 50 + "4")
    assert draft.near(DIGITS, 2, 5) == [(2, 15), (59, 62)]


def test_long_words() -> None:
    draft = _draft("short 1BoatSLRHtKNngkdXEeobR76b53LETtpyT and x")
    assert draft.long_words(25) == [(6, 40)]


def test_anchored_searches_find_what_a_full_scan_finds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every word pattern's claim about where it can match (anchors, leading words,
    reach, other literals it needs) holds on every draft of the corpus: the restricted
    search finds exactly the matches of a scan of the whole draft."""
    from presend.core import check, evaluation
    from presend.core.draft import Draft as RealDraft

    real = RealDraft.find
    checked = 0

    def compare(self, words):  # type: ignore[no-untyped-def]
        nonlocal checked
        found = [m.span() for m in real(self, words)]
        whole = [m.span() for m in words.pattern.finditer(self.lower)]
        assert found == whole, (words.pattern.pattern[:60], words.anchors)
        checked += 1
        return iter(real(self, words))

    monkeypatch.setattr(RealDraft, "find", compare)
    cases = evaluation.load(evaluation.default_corpus())
    for case in cases:
        check(case.text, **case.context)
    # Longer drafts, where only the sentences around anchors are searched.
    for i in range(0, len(cases), 6):
        check("\n\n".join(c.text for c in cases[i : i + 6]))
    assert checked > 1000


def test_anchor_offset_and_the_rarest_groups() -> None:
    from presend.core.scan import anchor_offset, needed_by_any, words

    assert anchor_offset(["pay\\s?pal", "m-?pesa", "venmo"]) == 3  # "m-?" before "pesa"
    assert anchor_offset(["x\\s*\\(twitter\\)"]) == 64  # "\\s*" can stretch without end
    mine = words(r"\bmy\s+paypal\b", ("my",), leading=True, also=(("paypal",),))
    assert needed_by_any([mine]) == frozenset({"paypal"})  # "my" is the commoner group
