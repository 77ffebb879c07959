"""Any text in, a report out: arbitrary Unicode, huge drafts, adversarial runs."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from presend.core import check
from presend.core.engine import MAX_CHARS, InputTooLargeError
from presend.core.normalize import normalise

# Text biased towards what detectors look at: digits, separators, @, dots, app names.
_pieces = st.sampled_from(
    ["@", ".", " at ", " dot ", "+1", "415", "-", "555", "0132", "whatsapp", "pay", "me",
     "gmail", "com", "\u200b", "４", "️⃣", "İ", "ß", "😀", "\n", "(", ")", "[at]", "t.me/",
     "https://", "www.", "0x", "bc1q", "IBAN", "DE89", "one", "oh", "double", "my"]
)  # fmt: skip
_drafty = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), _drafty))
def test_any_text_gives_a_report_with_offsets_on_the_original(text: str) -> None:
    report = check(text)
    assert report.verdict in ("violation", "caution", "exception", "clean")
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _drafty))
def test_normalised_map_is_monotone_and_inside(text: str) -> None:
    norm = normalise(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert list(norm.starts) == sorted(norm.starts)
    assert list(norm.ends) == sorted(norm.ends)
    for a, b in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= a < b <= len(text)


def test_one_megabyte_draft_is_checked() -> None:
    paragraph = (
        "We shipped 1,234 orders in 2025 (v2.3.1). Contact us via Upwork only. "
        "Your store acmeshoes.com needs faster images and a Telegram bot for alerts.\n"
    )
    text = paragraph * (1_000_000 // len(paragraph))
    text += "By the way my number is +1 415 555 0132."
    report = check(text)
    assert report.verdict == "violation"
    assert [f.type for f in report.findings if f.severity == "violation"] == ["phone"]


def test_over_the_limit_is_a_clear_error() -> None:
    try:
        check("a" * (MAX_CHARS + 1))
    except InputTooLargeError as exc:
        assert "limit" in str(exc)
    else:
        raise AssertionError("expected InputTooLargeError")


def test_adversarial_runs_finish() -> None:
    # Shapes that make careless patterns backtrack; each is 20,000 characters. A
    # catastrophic pattern would hang here rather than fail, which CI's time limit
    # turns into a failure; the benchmark reports how long they take.
    units = ("1-2 3.4 5_6 ", "at at at dot ", "@", "a.", "http://a.b/", "ж𝐀\u200b٣",
             "a b c d e f ", "one two three four ", "x@y ", "+1 2 3 4 5 6 ", "((((")  # fmt: skip
    for unit in units:
        text = (unit * (20_000 // len(unit) + 1))[:20_000]
        report = check(text)
        for f in report.findings:
            assert f.text == text[f.start : f.end]


def test_lone_surrogates_and_controls() -> None:
    text = "call \ud800 415\x00555\x1b0132 \udfff"
    report = check(text)
    assert all(f.text == text[f.start : f.end] for f in report.findings)
