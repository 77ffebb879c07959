"""The labelled corpus: the targets from the core issue, measured on every run."""

from __future__ import annotations

import pytest
from presend.core import evaluation


@pytest.fixture(scope="module")
def cases() -> list[evaluation.Case]:
    return evaluation.load(evaluation.default_corpus())


@pytest.fixture(scope="module")
def scores(cases: list[evaluation.Case]) -> evaluation.Scores:
    return evaluation.score(cases)


def test_corpus_is_large_and_covers_every_context(cases: list[evaluation.Case]) -> None:
    assert len(cases) >= 400
    verdicts = {c.verdict for c in cases}
    assert {"violation", "exception", "clean"} <= verdicts
    assert {c.context.get("stage", "pre_contract") for c in cases} == {
        "pre_contract",
        "active_contract",
    }
    assert {c.context.get("role", "freelancer") for c in cases} == {"freelancer", "client"}
    assert {c.context.get("channel", "message") for c in cases} == {
        "message",
        "proposal",
        "job_post",
        "profile",
    }


def test_recall_on_violations(scores: evaluation.Scores) -> None:
    assert scores.rate("violation") >= 0.98


def test_clean_drafts_rarely_flagged(scores: evaluation.Scores) -> None:
    assert scores.clean_flagged / scores.by_verdict["clean"] <= 0.01


def test_exceptions_recognised(scores: evaluation.Scores) -> None:
    assert scores.rate("exception") >= 0.90


def test_corpus_parser_rejects_bad_headers() -> None:
    with pytest.raises(evaluation.CorpusError, match="unknown verdict"):
        evaluation.parse("### x | maybe | -\ntext")
    with pytest.raises(evaluation.CorpusError, match="duplicate"):
        evaluation.parse("### x | clean | -\na\n### x | clean | -\nb")


def _all_cases() -> list[evaluation.Case]:
    return evaluation.load(evaluation.default_corpus())


@pytest.mark.parametrize("case", _all_cases(), ids=lambda c: c.id)
def test_each_case_keeps_its_verdict(case: evaluation.Case) -> None:
    # Every draft is also a regression test: each disguise caught and each false
    # positive fixed stays that way.
    from presend.core import check

    report = check(case.text, **case.context)
    assert report.verdict == case.verdict
    level = case.verdict if case.verdict in ("violation", "exception") else None
    if level:
        assert {f.kind for f in report.findings if f.severity == level} >= case.kinds
