"""Checking time grows in step with the draft, whatever the draft is made of.

Each adversarial class below is one short unit repeated; it is checked at four sizes,
each twice the last, and the CPU time of successive sizes is compared, for the whole
check and for each stage of it (the normaliser, every detector), so a quadratic
detector shows even while the linear stages around it cost more. Linear time doubles
per doubling; a detector that reads the rest of the draft for every match quadruples
it. No absolute time is asserted: only ratios between sizes measured in the same run,
and a class that looks super-linear is measured once more before it fails (another
process can steal the CPU for a moment).
"""

from __future__ import annotations

import itertools
import math
import time

import pytest
from presend.core import Context, check, detectors, engine, rulepack
from presend.core.draft import Draft
from presend.core.engine import InputTooLargeError
from presend.core.normalize import TooLongError, normalise

# One unit per way a draft can make a careless detector or rewrite re-read it.
CLASSES = {
    # NFKC turns U+FDFA into 18 characters (with spaces) and every "." is a token.
    "expanding_dotted": "o\ufdfa.",
    "dotted_words": "a.b ",
    "domains": "gmail.com ",
    "pay_requests": "paypal me ",
    "requests_and_cues": "paypal me. back in 2019. ",
    "handles": "@janedoe ",
    "id_is": "id: janedoe ",
    "emails_and_apps": "jane@x.com paypal ",
    "phones": "+1 415 555 0132 ",
    "digits": "1",
    "numbers_with_cues": "licence no. 100482317 ",
    "hex": "0x1f",
    "spelled_digits": "one two three ",
    "bracketed": "[at] ",
    "spaced_letters": "a b c d ",
    "invisible_between_digits": "1\u200b",
    "keycaps": "1\ufe0f\u20e3",
    "mixed_scripts": "\u0436\U0001d400\u200b\u0663",
    "arabic_words": "\u0627\u0644\u0644\u0647 ",
    "spaced_chat_links": "t . me / ",
    "app_schemes": "skype:",
    "ibans": "DE89 ",
    "brackets": "((((",
}
#: Geometric mean of the ratios per doubling above which growth counts as super-linear
#: (linear is 2, n log n a little more, quadratic approaches 4).
LIMIT = 2.5
#: The whole check at the smallest size takes at least this long, so timer noise is small.
_FLOOR = 0.01
_LARGEST = 512_000
#: A stage faster than this at the largest size is too quick to time reliably.
_STAGE_FLOOR = 0.003


def _draft(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _stage_times(text: str) -> dict[str, float]:
    """CPU time of each stage of a check: the normaliser, each detector (in the
    engine's order, sharing one Draft as the engine does) and the whole check."""
    pack = rulepack.load("upwork")
    best: dict[str, float] = {}

    def keep(stage: str, since: float) -> None:
        best[stage] = min(best.get(stage, math.inf), time.process_time() - since)

    for _ in range(2):
        since = time.process_time()
        norm = normalise(text)
        keep("normalise", since)
        draft = Draft(norm, Context(), pack.platform_domains)
        for detect in detectors.ALL:
            since = time.process_time()
            list(detect(draft))
            keep(detect.__module__.rsplit(".", 1)[-1], since)
        since = time.process_time()
        check(text)
        keep("check", since)
    return best


def _growth(unit: str) -> tuple[list[int], dict[str, list[float]]]:
    """Sizes, doubling, and each stage's ratios of successive times."""
    size = 1_000
    check(_draft(unit, size))  # patterns compiled on first use are not the draft's cost
    while _stage_times(_draft(unit, size))["check"] < _FLOOR and size * 8 < _LARGEST:
        size *= 2
    sizes = [size, size * 2, size * 4, size * 8]
    times = [_stage_times(_draft(unit, n)) for n in sizes]
    return sizes, {
        stage: [b[stage] / a[stage] for a, b in itertools.pairwise(times)]
        for stage in times[0]
        if times[-1][stage] >= _STAGE_FLOOR
    }


def _per_doubling(ratios: list[float]) -> float:
    return math.prod(ratios) ** (1 / len(ratios))


def _super_linear(stages: dict[str, list[float]]) -> dict[str, list[float]]:
    return {stage: r for stage, r in stages.items() if _per_doubling(r) > LIMIT}


@pytest.mark.parametrize("name", CLASSES)
def test_time_grows_linearly(name: str) -> None:
    sizes, stages = _growth(CLASSES[name])
    if _super_linear(stages):
        sizes, stages = _growth(CLASSES[name])
    slow = {stage: ", ".join(f"{x:.2f}" for x in r) for stage, r in _super_linear(stages).items()}
    assert not slow, f"{name}, {sizes[0]:,} to {sizes[-1]:,} characters: time per doubling {slow}"


def test_limit_holds_after_normalising(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_CHARS", 1_000)
    check("\ufdfa" * 50)  # 900 characters once written out
    for text in ("\ufdfa" * 100, "a" * 990 + "\ufdfa"):
        with pytest.raises(InputTooLargeError, match="limit of 1,000"):
            check(text)


def test_normaliser_refuses_a_form_over_its_limit() -> None:
    with pytest.raises(TooLongError):
        normalise("\ufdfa" * 100_000, limit=1_000)
    assert len(normalise("\ufdfa" * 10, limit=1_000).text) == 180
