"""Families read the same for every member: every chat app's short name, every payment
rail, every way a sum is written, every place told by the filters it lacks, every
favour asked, every legal paper one's details go into; each form with its clean twin
(a refusal, a postponement, the work), generated so no member is left out."""

from __future__ import annotations

import re

import pytest
from presend.core import check
from presend.core.rulepack import vocabulary


def _verdict(text: str, **context: str) -> str:
    return check(text, **context).verdict


#: Chat apps by a short name ("tg", "wa", "ig"): only read as an app where one would stand.
SHORT_NAMES = [n for n in vocabulary()["app_nicknames"]["names"] if len(n) <= 5]

ASKED_ON = (
    "u on {n}? easier to send the vids there",
    "r u on {n} by any chance",
    "hey, are you on {n}?",
    "move to {n} so the words dont get flagged",
    "ok. switch to {n}, i explain everything there",
    "Sure, hop over to {n} and I'll send the files",
)
NOT_ASKED_ON = (
    "Our ads move to {n} next month.",
    "I won't move to {n}, let's keep it here on Upwork.",
    "The posts you liked on {n} are in the brief.",
    "Once the contract starts we can switch to {n}.",
    "Which of your posts did well on {n}?",
)


@pytest.mark.parametrize("name", SHORT_NAMES)
def test_a_chat_app_by_its_short_name_in_a_bare_question_or_command(name: str) -> None:
    for form in ASKED_ON:
        assert _verdict(form.format(n=name)) == "violation", form.format(n=name)
    for form in NOT_ASKED_ON:
        assert _verdict(form.format(n=name)) != "violation", form.format(n=name)


#: Payment rails by their plain names (the vocabulary's entries that are a name, not a
#: pattern), capitalised as people write them.
RAILS = [e.title() for e in vocabulary()["apps"]["payment"] if re.fullmatch(r"[a-z][a-z ]+", e)]

SLOW_PAYOUT = (
    "please do next payment on {n}, Upwork withdrawal is coming very late these days",
    "can you send the remaining R$ 2.400 via {n}? upwork payouts take forever",
    "kindly release next milestone on {n}, the withdrawal keeps getting delayed",
)
PLATFORM_KEPT = (
    "I withdraw my Upwork earnings to {n}, but withdrawals are slow lately.",
    "Please send the remaining R$ 2.400 through Upwork, not via {n}.",
    "Please release the milestone on Upwork when you're ready, not via {n}.",
)


@pytest.mark.parametrize("rail", RAILS)
def test_a_rail_asked_for_with_the_platforms_payout_as_the_reason(rail: str) -> None:
    for form in SLOW_PAYOUT:
        text = form.format(n=rail)
        assert _verdict(text, stage="active_contract") == "violation", text
    for form in PLATFORM_KEPT:
        text = form.format(n=rail)
        assert _verdict(text, stage="active_contract") != "violation", text


@pytest.mark.parametrize(
    "amount", ["R$ 2.400", "R$2.400,00", "€1.250,50", "$2.400", "2.400 reais", "£ 1.200"]
)
def test_a_sum_with_a_point_between_its_digits_is_sent_whole(amount: str) -> None:
    assert _verdict(f"Can you send the remaining {amount} via Wise?") == "violation"
    assert _verdict(f"I'll send the remaining {amount} through Upwork, not via Wise.") == "clean"


VERBS = ("Let's continue this", "Can we move this convo", "Could we take the chat")
PLACES = ("somewhere", "to a place", "to another app", "to a platform")
LACKS = (
    "less restricted",
    "a bit less monitored",
    "without these filters",
    "with no restrictions",
    "where we can talk freely",
)


@pytest.mark.parametrize("lack", LACKS)
def test_the_talk_moved_to_a_place_told_by_the_filters_it_lacks(lack: str) -> None:
    for verb in VERBS:
        for place in PLACES:
            if verb.startswith("Let's") and place.startswith("to "):
                continue
            text = f"{verb} {place} {lack}?"
            assert _verdict(text) == "violation", text
    assert _verdict(f"I'd rather not continue this somewhere {lack}, Upwork is fine.") != (
        "violation"
    )
    assert _verdict(f"We want to move the store to a platform {lack}.") == "clean"


FAVOURS = (
    "Would you be comfortable sharing",
    "Are you willing to share",
    "Would you be open to sharing",
    "will u be ok to give me",
    "Are you happy to send",
)
DETAILS = ("a phone number", "an email address", "a WhatsApp number", "your Telegram")


@pytest.mark.parametrize("favour", FAVOURS)
def test_a_detail_asked_for_as_a_favour(favour: str) -> None:
    for detail in DETAILS:
        assert _verdict(f"{favour} {detail}?") == "violation", f"{favour} {detail}?"
    assert _verdict(f"{favour} a few samples of your email newsletters?") == "clean"
    assert _verdict("I wouldn't be comfortable sharing a phone number before a contract.") == (
        "clean"
    )


PAPERS = ("the NDA", "the attached background check form", "the signed agreement")
PUT = (
    "I've put my phone number and home address in {p} as your legal team asked.",
    "Your legal team asked for my home address and phone number in {p}, so they're in.",
)


@pytest.mark.parametrize("paper", PAPERS)
def test_ones_details_put_in_a_legal_paper(paper: str) -> None:
    for form in PUT:
        assert _verdict(form.format(p=paper)) == "exception", form.format(p=paper)
    assert _verdict(f"I added my email to {paper} template as a placeholder.") != "exception"
