"""A safe version of a draft: what breaks the rules taken out, in words that still read.

A detail (a number, an address, a handle) is replaced where it stands by the rule pack's
placeholder for its kind. A sentence that asks, invites or offers ("can we move to
WhatsApp?", "pay me directly") would not read with a placeholder in its middle, so the
whole sentence is replaced by the pack's safe sentence for its kind.
"""

from __future__ import annotations

import re

from presend.core import rulepack
from presend.core.model import Finding, Report

#: Findings at these severities are replaced; exceptions and infos stay as written.
REPLACED = frozenset({"violation", "caution"})

# Where a sentence ends in the user's own text: a run of [!?;] or line breaks, a full
# stop before white space, or a dash between spaces (as the core's sentences end).
_SENTENCE_END = re.compile(
    r"[!?;]+(?=\s|$)|[\n\u3002\u061f\u06d4\u0964]+|\.(?=\s|$)|\s[-\u2013\u2014]\s"
)
#: A detail may have been introduced by words that only show once it is gone ("text
#: me at <number>"): the safe version is checked again, at most this many times.
_PASSES = 3


def safe_version(text: str, report: Report) -> str:
    """``text`` with every violating or doubtful finding taken out (findings must come
    from ``check(text)``); the result checks clean of them."""
    from presend.core import check  # noqa: PLC0415 - the package imports this module's users

    context = report.context.to_dict()
    for _ in range(_PASSES):
        if not any(f.severity in REPLACED for f in report.findings):
            break
        text = _one_pass(text, report)
        report = check(text, **context)
    return text


def _one_pass(text: str, report: Report) -> str:
    pack = rulepack.load(report.context.marketplace)
    pieces: list[str] = []
    last = 0
    for start, end, replacement in _replacements(text, report, pack):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _replacements(text: str, report: Report, pack: rulepack.RulePack) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every finding to take out, in order."""
    sentences: dict[tuple[int, int], set[str]] = {}
    details: list[Finding] = []
    for finding in report.findings:
        if finding.severity not in REPLACED:
            continue
        if pack.types[finding.type].whole_sentence:
            sentences.setdefault(_sentence(text, finding), set()).add(finding.kind)
        else:
            details.append(finding)
    spans: list[tuple[int, int, str]] = []
    for detail in details:
        inside = [k for k in sentences if k[0] <= detail.start and detail.end <= k[1]]
        if inside:  # a detail inside a sentence replaced anyway goes with it
            sentences[inside[0]].add(detail.kind)
        else:
            spans.append((detail.start, detail.end, pack.placeholders[detail.kind]))
    for (start, end), kinds in sentences.items():
        said = [pack.safe_sentences[k] for k in ("contact", "payment") if k in kinds]
        spans.append((start, end, " ".join(said)))
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def _sentence(text: str, finding: Finding) -> tuple[int, int]:
    """The span of the sentence around a finding, from its first word to its end mark."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, finding.start):
        start = m.end()
    end_mark = _SENTENCE_END.search(text, finding.end)
    end = len(text) if end_mark is None else end_mark.start()
    if (end_mark is not None and end_mark.group(0) in (".", "!", "?")) or (
        end_mark is not None and end_mark.group(0)[0] in "!?"
    ):
        end = end_mark.end()
    while start < finding.start and text[start].isspace():
        start += 1
    return start, max(end, finding.end)


def replacement(text: str, report: Report, finding: Finding) -> tuple[int, int, str]:
    """Where one finding would be replaced in ``text`` and by what: the same span and
    words :func:`safe_version` uses (a detail alone, or its whole sentence)."""
    pack = rulepack.load(report.context.marketplace)
    one = Report(report.context, (finding,))
    spans = _replacements(text, one, pack) if finding.severity in REPLACED else []
    return spans[0] if spans else (finding.start, finding.end, pack.placeholders[finding.kind])
