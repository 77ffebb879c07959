"""Properties that hold for every draft, checked over the corpus, the blind splits in
eval/ and drafts generated from them: a detail is found the same wherever it stands, a
clean sentence stays clean wherever it stands, and the safe version of any draft
re-checks with no violation, keeps none of what it took out and never cuts a word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from presend.core import check, evaluation, lexicon, rulepack
from presend.core.model import Report
from presend.core.redact import safe_version

EVAL = Path(__file__).resolve().parents[2] / "eval"

#: Types that are a concrete detail: the finding's text is the detail itself.
DETAILS = frozenset(
    ("phone phone_lookalike email messaging_handle payment_handle bank_account crypto_wallet "
     "website social_profile messaging_link payment_link meeting_link external_application "
     "shortened_link contact_form").split()
)  # fmt: skip

_FILLER = (
    "I have eight years of experience building web applications for small businesses, "
    "from the first sketch to deployment and support. I write tests, document what I "
    "build and keep you updated every day. "
)
#: Where a detail can stand: start, middle and end of a sentence, before another
#: sentence, in brackets, in quotes, in a signature, in a list, deep in a proposal.
PLACES = (
    "{x}",
    "Contact: {x}. I am free Monday.",
    "Sure, {x}, talk soon",
    "My details ({x}) are below.",
    'Details: "{x}" as discussed.',
    "Thanks for the brief.\n\nBest regards,\nJane Doe\n{x}\n",
    "Next steps:\n- review the brief\n- {x}\n- agree on milestones",
    "Dear client,\n\n" + _FILLER * 3 + "\n{x}\n\n" + _FILLER * 3 + "\nKind regards,\nJane",
    "{x}. Talk soon!",
    "{x}\nSee you!",
)


def _cases() -> list[evaluation.Case]:
    files = [*evaluation.default_corpus(), *sorted(EVAL.glob("*.txt"))]
    return evaluation.load(files)


CASES = _cases()
CORPUS = evaluation.load(evaluation.default_corpus())


def _self_contained_details() -> list[tuple[str, str, dict[str, str]]]:
    """Every detail of a violating corpus draft that is found the same on its own."""
    items: dict[tuple[str, str], dict[str, str]] = {}
    for case in CORPUS:
        if case.verdict != "violation":
            continue
        for f in check(case.text, **case.context).findings:
            # (A detail read through another language's phrases, "meu skype é x.y",
            # needs that language's signs, which the long English places drown.)
            if f.severity != "violation" or f.type not in DETAILS or f.lang:
                continue
            alone = check(f.text, **case.context)
            if any(g.type == f.type and g.text == f.text for g in alone.findings):
                items[(f.type, f.text)] = case.context
    return [(t, x, ctx) for (t, x), ctx in sorted(items.items())]


DETAIL_ITEMS = _self_contained_details()


def test_enough_details_to_place() -> None:
    assert len(DETAIL_ITEMS) >= 80
    assert {t for t, _, _ in DETAIL_ITEMS} >= {"phone", "email", "messaging_handle"}


def _not_found_whole(
    place: str, items: list[tuple[str, str, dict[str, str]]]
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The details of ``items`` that, put in ``place``, are not found with their span."""
    wrong = []
    for type_, text, context in items:
        draft = place.format(x=text)
        at = draft.index(text)
        found = check(draft, **context).findings
        if not any(f.type == type_ and f.start == at and f.end == at + len(text) for f in found):
            wrong.append((type_, text, [(f.type, f.text) for f in found]))
    return wrong


@pytest.mark.parametrize("place", PLACES)
def test_a_detail_is_found_whole_wherever_it_stands(place: str) -> None:
    wrong = _not_found_whole(place, DETAIL_ITEMS)
    assert not wrong, wrong[:5]


#: Scripts written without spaces between words (and Korean particles) touch a detail
#: typed in Latin letters or digits directly: it must be found whole all the same.
GLUED_PLACES = (
    "联系我{x}谢谢",
    "メールは{x}です",
    "연락처는 {x}으로 부탁드립니다",
    "ติดต่อ{x}ครับ",
)
#: Details typed as one plain token (or a phone number of digits), as a writer of those
#: scripts would type them; spelled-out or look-alike disguises in English are not.
_PLAIN_DETAIL = re.compile(r"[A-Za-z0-9._%+@/:#=?&-]+")
_PLAIN_PHONE = re.compile(r"\+?[0-9][0-9 ()-]{6,}[0-9]")


@pytest.mark.parametrize("place", GLUED_PLACES)
def test_a_detail_glued_to_an_unspaced_script_is_found_whole(place: str) -> None:
    items = [
        (type_, text, context)
        for type_, text, context in DETAIL_ITEMS
        if (_PLAIN_PHONE if type_ == "phone" else _PLAIN_DETAIL).fullmatch(text)
    ]
    assert len(items) >= 60
    wrong = _not_found_whole(place, items)
    assert not wrong, wrong[:5]


CLEAN_PLACES = (
    "Hi Anna,\n\n{x}\n\nBest regards,\nJane",
    "Thanks! {x} Let me know.",
    "Dear client,\n\n" + _FILLER * 2 + "{x}\n\n" + _FILLER,
    "- {x}\n- the rest as agreed",
)


@pytest.mark.parametrize("place", CLEAN_PLACES)
def test_a_clean_draft_stays_clean_wherever_it_stands(place: str) -> None:
    flagged = []
    for case in CORPUS:
        if case.verdict != "clean":
            continue
        report = check(place.format(x=case.text), **case.context)
        if report.verdict == "violation":
            flagged.append((case.id, [(f.type, f.text) for f in report.findings]))
    assert not flagged, flagged[:5]


def _safe_version_problems(text: str, context: dict[str, str]) -> list[str]:
    report = check(text, **context)
    safe = safe_version(text, report)
    problems = []
    again = check(safe, **context)
    if again.verdict == "violation":
        problems.append(f"re-checks as a violation: {safe!r}")
    for f in report.findings:
        if f.severity == "violation" and f.type in DETAILS and f.text.strip() in safe:
            problems.append(f"keeps {f.text!r}")
    problems += _cut_words(safe, report)
    return problems


def _continues_word(ch: str) -> bool:
    # In the scripts written without spaces (Chinese, Japanese, Thai) and beside Korean
    # syllables, a detail touches letters anyway: no word is cut beside one.
    return ch.isalnum() and not re.match(f"[{lexicon.GLUED_LETTERS}]", ch)


def _cut_words(safe: str, report: Report) -> list[str]:
    pack = rulepack.load(report.context.marketplace)
    problems = []
    for said in {*pack.placeholders.values(), *pack.safe_sentences.values()}:
        for m in re.finditer(re.escape(said), safe):
            before = safe[m.start() - 1 : m.start()]
            after = safe[m.end() : m.end() + 1]
            if _continues_word(before) or _continues_word(after):
                problems.append(f"cuts a word at {safe[max(0, m.start() - 10) : m.end() + 10]!r}")
    return problems


@pytest.mark.parametrize("chunk", range(0, len(CASES), 100))
def test_safe_version_rechecks_clean_and_keeps_nothing(chunk: int) -> None:
    problems = []
    for case in CASES[chunk : chunk + 100]:
        for problem in _safe_version_problems(case.text, case.context):
            problems.append((case.id, problem))
    assert not problems, problems[:5]


def test_safe_version_of_placed_details() -> None:
    problems = []
    for place in PLACES:
        for _, text, context in DETAIL_ITEMS:
            for problem in _safe_version_problems(place.format(x=text), context):
                problems.append((text, problem))
    assert not problems, problems[:5]


def test_safe_version_replaces_a_request_by_a_sentence() -> None:
    text = "Could you pay me through PayPal instead of through Upwork? Thanks!"
    assert safe_version(text, check(text)) == "Payment will go through Upwork. Thanks!"


def test_several_breaches_show_at_once() -> None:
    report = check("Great work. Can we move to WhatsApp (+1 646 555 0199)? I am free today.")
    assert {f.type for f in report.findings if f.severity == "violation"} == {
        "messaging_invite",
        "phone",
    }


def test_exceptions_say_allowed_and_never_remove() -> None:
    report = check("For the GitHub invite so I can scope it, my email is jane.dev@gmail.com")
    (finding,) = [f for f in report.findings if f.type == "email"]
    assert finding.severity == "exception"
    assert "allowed" in finding.message
    assert "Remove" not in finding.suggestion and "remove" not in finding.explanation.lower()
