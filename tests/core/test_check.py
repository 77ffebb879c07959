"""presend.core.check: verdicts, offsets and messages for each kind of evidence."""

from __future__ import annotations

import pytest
from presend.core import ContextError, RulePackError, check


def types_at(text: str, severity: str = "violation", **context: str) -> set[str]:
    return {f.type for f in check(text, **context).findings if f.severity == severity}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call me on +1 (415) 555-0132", "phone"),
        ("my number is four one five five five five zero one three two", "phone"),
        ("email me at jane.doe@gmail.com", "email"),
        ("jane (at) outlook (dot) com", "email"),
        ("Telegram: @alex_dev92", "messaging_handle"),
        ("Can we move to WhatsApp?", "messaging_invite"),
        ("What's your email?", "contact_request"),
        ("https://wa.me/14155550132", "messaging_link"),
        ("Join https://zoom.us/j/95512345678", "meeting_link"),
        ("Let's have a quick Zoom call tomorrow", "meeting_invite"),
        ("Apply here: https://forms.gle/AbCdEf123", "external_application"),
        ("More about me: bit.ly/3xYzAbc", "shortened_link"),
        ("my website www.janedoe-design.com", "website"),
        ("linkedin.com/in/sara-lopez", "social_profile"),
        ("My address is 1600 Amphitheatre Parkway, Mountain View, CA 94043.", "address"),
        ("pay me directly and skip the fees", "off_platform_payment"),
        ("paypal.me/janedoe87", "payment_link"),
        ("My PayPal is jane@gmail.com", "payment_handle"),
        ("IBAN DE89 3704 0044 0532 0130 00", "bank_account"),
        ("BTC: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "crypto_wallet"),
    ],
)
def test_each_detector_flags_its_evidence(text: str, expected: str) -> None:
    assert expected in types_at(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can build a Telegram bot for your shop.",
        "I'll integrate PayPal checkout into WooCommerce.",
        "Sorry, I don't work outside of Upwork.",
        "Let's keep all communication on Upwork please.",
        "We can switch to Slack once the contract starts.",
        "Order #4155550132 shipped, ISBN 978-0-306-40615-7, version 2.14.3.",
        "Use os.path.join in rpc.py; bump to v2.3.1.",
        "Here is my profile: https://www.upwork.com/freelancers/~01abc",
        "Similar work: https://github.com/janedoe/shop-scraper",
        "I looked at your site acmeshoes.com and the checkout is broken.",
        "",
    ],
)
def test_clean_drafts_stay_clean(text: str) -> None:
    assert check(text).verdict == "clean"


def test_offsets_point_at_the_original_text() -> None:
    text = "Hi 😀😀 call +1 (415) 555-0132 now"
    (finding,) = [f for f in check(text).findings if f.type == "phone"]
    assert text[finding.start : finding.end] == "+1 (415) 555-0132"
    assert finding.text == "+1 (415) 555-0132"


def test_disguised_email_highlights_the_disguise() -> None:
    text = "write to sam{at}brightwave{dot}io today"
    (finding,) = check(text).findings
    assert finding.text == "sam{at}brightwave{dot}io"


def test_contact_is_fine_after_the_contract_starts_but_payment_is_not() -> None:
    text = "My WhatsApp is +44 7911 123456. Also, pay me via PayPal to save fees."
    report = check(text, stage="active_contract")
    assert report.verdict == "violation"
    kinds = {f.kind for f in report.findings if f.severity == "violation"}
    assert kinds == {"payment"}
    phone = next(f for f in report.findings if f.type == "phone")
    assert phone.severity == "info"


def test_profiles_never_allow_contact_details() -> None:
    report = check("Email me: jane@gmail.com", channel="profile", stage="active_contract")
    assert report.verdict == "violation"
    assert "never allowed in a profile" in report.findings[0].message


def test_scoping_access_exception_explains_what_it_still_requires() -> None:
    report = check("Please add me to the GitHub repo so I can scope it: jane.dev@gmail.com")
    assert report.verdict == "exception"
    (finding,) = [f for f in report.findings if f.severity == "exception"]
    assert finding.exception is not None
    assert finding.exception.id == "scoping_access"
    assert "keep the conversation on Upwork" in finding.exception.explanation


def test_a_stated_fact_explains_over_a_purpose_named_in_another_sentence() -> None:
    # The purpose's cue ("supplier registration") stands in another sentence than the
    # request; the draft gives being an Enterprise client as the reason.
    report = check(
        "We're on Upwork Enterprise and our supplier registration happens in our own"
        " procurement tool. What's the best email for our buyer to reach you on?",
        role="client",
    )
    assert report.verdict == "exception"
    (finding,) = [f for f in report.findings if f.severity == "exception"]
    assert finding.exception is not None
    assert finding.exception.id == "enterprise_private"


def test_a_purpose_named_beside_the_request_explains_it() -> None:
    report = check(
        "We're an Upwork Enterprise client. For the NDA, please send your full legal name"
        " and email address.",
        role="client",
    )
    assert report.verdict == "exception"
    (finding,) = [f for f in report.findings if f.severity == "exception"]
    assert finding.exception is not None
    assert finding.exception.id == "legal_document"


def test_exception_does_not_apply_in_a_job_post() -> None:
    report = check("Requires NDA. Send resumes to hr@acme.com", channel="job_post", role="client")
    assert report.verdict == "violation"


def test_finding_explains_itself() -> None:
    (finding,) = check("call me at 415-555-0132").findings
    assert finding.kind == "contact"
    assert finding.rule == "upwork.contact.pre_contract"
    assert "Phone number" in finding.message
    assert "contract starts" in finding.suggestion
    assert "360051749534" in finding.source


def test_report_json_shape_matches_the_contract() -> None:
    data = check("call me at 415-555-0132").to_dict()
    assert set(data) == {"verdict", "context", "findings"}
    assert data["context"] == {
        "marketplace": "upwork",
        "stage": "pre_contract",
        "role": "freelancer",
        "channel": "message",
    }
    assert set(data["findings"][0]) == {
        "kind", "type", "severity", "start", "end", "text", "rule", "message",
        "explanation", "source", "exception", "suggestion",
    }  # fmt: skip


def test_unknown_context_is_a_clear_error() -> None:
    with pytest.raises(ContextError, match="unknown stage"):
        check("hi", stage="after_lunch")
    with pytest.raises(RulePackError, match="no rule pack"):
        check("hi", marketplace="nowhere")


def test_non_text_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="must be str"):
        check(b"bytes")  # type: ignore[arg-type]
