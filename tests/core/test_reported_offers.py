"""The other side's offer to pay outside, named back to them: turned down it is their
proposal, not the writer's ("I appreciate your offer to pay by bank transfer. However,
payments stay on Upwork"); taken up it is the writer's too ("I accept your offer to pay by
bank transfer"). Each shape is generated in many wordings and contexts."""

from __future__ import annotations

import itertools

import pytest
from presend.core import check

# Proposals to pay outside the platform, each caught on its own.
_PROPOSALS = (
    "pay by bank transfer",
    "pay the rest via PayPal",
    "settle the last milestone by wire transfer",
    "send the bonus through Wise",
    "pay the deposit with Zelle",
    "pay me directly and skip the fees",
)
# Words naming the proposal as the reader's, before it.
_THEIRS = (
    "I appreciate your offer to",
    "Thank you for your kind offer to",
    "Regarding your offer to",
    "About your generous offer to",
    "I understand your request to",
    "Thanks for the suggestion to",
    "I disagree with your suggestion to",
    "I have a problem with your idea to",
)
# What follows: the proposal turned down or answered with the platform's way.
_DECLINED = (
    ". However, I'm required to keep all payments for this work on Upwork.",
    ", but I'd rather keep everything on the contract here.",
    ". Unfortunately that isn't something I can do before or during a contract.",
    ". I'll send a milestone on Upwork instead so it stays protected.",
)
# Words taking the proposal up.
_TAKEN_UP = (
    "I accept your offer to",
    "Happy to go with your suggestion to",
    "I'll take you up on your offer to",
    "Sure, I'm fine with your request to",
    "I'd love to take up your offer to",
    "Great, I agree to your proposal to",
)
_AFTER_TAKEN_UP = (
    ", I'll send my details tonight.",
    ". Let me know once it's sent.",
    ".",
)
_CONTEXTS = (
    {"stage": "pre_contract", "role": "freelancer", "channel": "message"},
    {"stage": "active_contract", "role": "freelancer", "channel": "message"},
    {"stage": "active_contract", "role": "client", "channel": "message"},
)


def _proposal_breaches(text: str, context: dict[str, str]) -> bool:
    return any(
        f.kind == "payment" and f.severity == "violation" for f in check(text, **context).findings
    )


@pytest.mark.parametrize("proposal", _PROPOSALS)
def test_each_proposal_is_caught_on_its_own(proposal: str) -> None:
    text = f"We could {proposal}, it saves us both the fees."
    assert _proposal_breaches(text, dict(_CONTEXTS[0]))


@pytest.mark.parametrize("proposal", _PROPOSALS)
def test_their_offer_turned_down_stays_clean(proposal: str) -> None:
    wrong = [
        (text, context["stage"])
        for theirs, after, context in itertools.product(_THEIRS, _DECLINED, _CONTEXTS)
        if _proposal_breaches(text := f"{theirs} {proposal}{after}", dict(context))
    ]
    assert not wrong


@pytest.mark.parametrize("proposal", _PROPOSALS)
def test_their_offer_taken_up_is_caught(proposal: str) -> None:
    missed = [
        (text, context["stage"])
        for taken, after, context in itertools.product(_TAKEN_UP, _AFTER_TAKEN_UP, _CONTEXTS)
        if not _proposal_breaches(text := f"{taken} {proposal}{after}", dict(context))
    ]
    assert not missed


@pytest.mark.parametrize("proposal", _PROPOSALS)
def test_their_offer_accepted_in_the_next_sentence_is_caught(proposal: str) -> None:
    missed = [
        (text, context["stage"])
        for theirs, context in itertools.product(_THEIRS, _CONTEXTS)
        if not _proposal_breaches(
            text := f"{theirs} {proposal}. Sure, let's do that this week.", dict(context)
        )
    ]
    assert not missed
