"""Detectors that try a pattern only where a match can start find what a scan of the
whole draft finds: phone candidates, IBANs, street addresses and email addresses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presend.core import evaluation
from presend.core.detectors import address, bank, email, phone
from presend.core.draft import DIGITS, Draft
from presend.core.model import Context
from presend.core.normalize import normalise


def _draft(text: str) -> Draft:
    return Draft(normalise(text), Context(), ("upwork.com",))


def _spans(matches) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [m.span() for m in matches]


def _same(text: str) -> None:
    draft = _draft(text)
    norm = draft.text
    assert _spans(phone._candidates(draft)) == _spans(phone._CANDIDATE.finditer(norm))
    assert _spans(bank._ibans(draft)) == _spans(bank._IBAN.finditer(norm))
    whole = [(m.start, m.end) for m in email._detect_in(draft, None)]
    assert [(m.start, m.end) for m in email.detect(draft)] == whole
    starts = draft.where(DIGITS, word_start=True)
    for pattern in (address._FULL, address._STREET_ONLY):
        assert _spans(address._matches_at(pattern, norm, starts)) == _spans(pattern.finditer(norm))


@pytest.mark.parametrize("chunk", range(0, 500, 50))
def test_on_the_corpus(chunk: int) -> None:
    cases = evaluation.load(evaluation.default_corpus())[chunk : chunk + 50]
    for case in cases:
        _same(case.text)
    _same("\n".join(c.text for c in cases))


_pieces = st.sampled_from(
    ["+", "+ ", "(", ")", "00", "0", "1", "44", "415", "555", "0132", "-", ".", " ", "/",
     "_", "a", "x", "GB", "DE89", "NWBK", "12", "Main St", "Springfield, IL 62704", ", ",
     "$", "#", ":", "%", "\n", " at ", "@", "john", " dot ", "gmail", "com", "me"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=30).map("".join))
def test_on_generated_numbers(text: str) -> None:
    _same(text)
