"""A safe version of a draft: what breaks the rules replaced by a polite placeholder."""

from __future__ import annotations

from presend.core import rulepack
from presend.core.model import Report

#: Findings at these severities are replaced; exceptions and infos stay as written.
REPLACED = frozenset({"violation", "caution"})


def safe_version(text: str, report: Report) -> str:
    """``text`` with every violating or doubtful finding replaced by the rule pack's
    placeholder for its kind (findings must come from ``check(text)``)."""
    placeholders = rulepack.load(report.context.marketplace).placeholders
    pieces: list[str] = []
    last = 0
    for finding in sorted(report.findings, key=lambda f: f.start):
        if finding.severity not in REPLACED or finding.start < last:
            continue
        pieces.append(text[last : finding.start])
        pieces.append(placeholders[finding.kind])
        last = finding.end
    pieces.append(text[last:])
    return "".join(pieces)
