"""Scoring the core on a labelled corpus: ``presend eval``.

The corpus is plain text so that drafts read as they would be sent. Each entry starts
with a header line and runs to the next one::

    ### phone-001 | violation | contact | stage=pre_contract role=freelancer channel=message
    Call me on +1 415 555 0132.

The header gives an id, the expected verdict, the kinds expected at that verdict (comma
separated, ``-`` for none) and optional context settings.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from presend.core import check
from presend.core.model import Report

VERDICTS = ("violation", "caution", "exception", "clean")
KINDS = ("contact", "payment")


class CorpusError(ValueError):
    """A corpus file is malformed."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled draft."""

    id: str
    text: str
    verdict: str
    kinds: frozenset[str]
    context: dict[str, str]
    origin: str
    #: The language the draft is written in (``lang=`` in the header), "en" by default.
    lang: str = "en"


@dataclass(slots=True)
class Scores:
    """Counts behind the figures ``presend eval`` prints."""

    total: int = 0
    verdict_hits: int = 0
    by_verdict: Counter[str] = field(default_factory=Counter)
    verdict_right: Counter[str] = field(default_factory=Counter)
    clean_flagged: int = 0
    #: per kind: true positives, false positives, false negatives, true negatives
    kind_counts: dict[str, Counter[str]] = field(
        default_factory=lambda: {k: Counter() for k in KINDS}
    )
    misses: list[tuple[Case, Report]] = field(default_factory=list)
    #: per language: cases, verdicts right, violations, violations caught
    by_lang: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, case: Case, report: Report) -> None:
        """Count one case against its report."""
        self.total += 1
        lang = self.by_lang.setdefault(case.lang, Counter())
        lang["cases"] += 1
        lang["right"] += report.verdict == case.verdict
        if case.verdict == "violation":
            lang["violations"] += 1
            lang["caught"] += report.verdict == "violation"
        if case.verdict == "clean":
            lang["clean"] += 1
            lang["flagged"] += report.verdict == "violation"
        self.by_verdict[case.verdict] += 1
        if report.verdict == case.verdict:
            self.verdict_hits += 1
            self.verdict_right[case.verdict] += 1
        else:
            self.misses.append((case, report))
        if case.verdict == "clean" and report.verdict == "violation":
            self.clean_flagged += 1
        level = case.verdict if case.verdict in ("violation", "exception") else "violation"
        found = {f.kind for f in report.findings if f.severity == level}
        expected = case.kinds if case.verdict == level else frozenset()
        for kind in KINDS:
            key = (
                ("tp" if kind in found else "fn")
                if kind in expected
                else ("fp" if kind in found else "tn")
            )
            self.kind_counts[kind][key] += 1

    def rate(self, verdict: str) -> float:
        """Share of cases labelled ``verdict`` that got it."""
        n = self.by_verdict[verdict]
        return self.verdict_right[verdict] / n if n else float("nan")


def parse(text: str, origin: str = "<corpus>") -> list[Case]:
    """Read cases from corpus text."""
    cases: list[Case] = []
    header: str | None = None
    body: list[str] = []
    for lineno, line in enumerate([*text.splitlines(), "### end"], start=1):
        if not line.startswith("### "):
            body.append(line)
            continue
        if header is not None:
            cases.append(_case(header, "\n".join(body).strip("\n"), f"{origin}:{lineno}"))
        header, body = line[4:], []
    ids = Counter(c.id for c in cases)
    if dupes := [i for i, n in ids.items() if n > 1]:
        raise CorpusError(f"{origin}: duplicate ids {', '.join(dupes[:5])}")
    return cases


def _case(header: str, text: str, origin: str) -> Case:
    parts = [p.strip() for p in header.split("|")]
    if len(parts) < 3:
        raise CorpusError(f"{origin}: header needs 'id | verdict | kinds'")
    case_id, verdict, kinds = parts[:3]
    if verdict not in VERDICTS:
        raise CorpusError(f"{origin}: unknown verdict {verdict!r}")
    kind_set = frozenset() if kinds == "-" else frozenset(k.strip() for k in kinds.split(","))
    if not kind_set <= set(KINDS):
        raise CorpusError(f"{origin}: unknown kinds {kinds!r}")
    context: dict[str, str] = {}
    for setting in " ".join(parts[3:]).split():
        key, _, value = setting.partition("=")
        context[key] = value
    lang = context.pop("lang", "en")
    if not text:
        raise CorpusError(f"{origin}: case {case_id} has no text")
    return Case(case_id, text, verdict, kind_set, context, origin, lang)


def load(paths: Iterable[Path]) -> list[Case]:
    """Read and merge the cases of several corpus files."""
    cases: list[Case] = []
    for path in paths:
        cases.extend(parse(path.read_text("utf-8"), str(path)))
    return cases


def score(cases: Iterable[Case]) -> Scores:
    """Run the core on every case."""
    scores = Scores()
    for case in cases:
        scores.add(case, check(case.text, **case.context))
    return scores


def format_scores(scores: Scores) -> str:
    """The figures as a small table."""
    lines = [f"cases: {scores.total}   verdict accuracy: {scores.verdict_hits / scores.total:.3f}"]
    lines.append(
        f"recall on violations: {scores.rate('violation'):.3f}   "
        f"exceptions recognised: {scores.rate('exception'):.3f}   "
        f"clean drafts flagged as violations: {scores.clean_flagged}/{scores.by_verdict['clean']}"
        f" = {scores.clean_flagged / max(scores.by_verdict['clean'], 1):.3%}"
    )
    lines.append(f"{'kind':<10}{'precision':>10}{'recall':>10}{'FP rate':>10}{'tp':>6}{'fp':>6}"
                 f"{'fn':>6}{'tn':>6}")  # fmt: skip
    for kind, c in scores.kind_counts.items():
        tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        fpr = fp / (fp + tn) if fp + tn else float("nan")
        lines.append(
            f"{kind:<10}{precision:>10.3f}{recall:>10.3f}{fpr:>10.3f}{tp:>6}{fp:>6}{fn:>6}{tn:>6}"
        )
    for verdict in VERDICTS:
        lines.append(
            f"  {verdict:<10} {scores.verdict_right[verdict]}/{scores.by_verdict[verdict]} right"
        )
    if len(scores.by_lang) > 1:
        lines.append(f"{'language':<10}{'cases':>7}{'right':>7}{'caught':>10}{'flagged':>10}")
        for lang, c in sorted(scores.by_lang.items()):
            caught = f"{c['caught']}/{c['violations']}"
            flagged = f"{c['flagged']}/{c['clean']}"
            lines.append(f"{lang:<10}{c['cases']:>7}{c['right']:>7}{caught:>10}{flagged:>10}")
    return "\n".join(lines)


def default_corpus() -> list[Path]:
    """The corpus files in a source checkout (tests/corpus/*.txt)."""
    folder = Path(__file__).resolve().parent.parent / "tests" / "corpus"
    return sorted(folder.glob("*.txt"))


def main(corpus: Sequence[str] = (), *, show_errors: bool = False) -> int:
    """Print the scores; exit 2 when there is no corpus to read."""
    paths = [Path(c) for c in corpus] if corpus else default_corpus()
    if not paths or not all(p.is_file() for p in paths):
        print("presend: no corpus found; pass a corpus file", file=sys.stderr)
        return 2
    try:
        cases = load(paths)
    except (OSError, CorpusError) as exc:
        print(f"presend: {exc}", file=sys.stderr)
        return 2
    scores = score(cases)
    print(format_scores(scores))
    if show_errors:
        for case, report in scores.misses:
            got = ", ".join(f"{f.type}:{f.severity}:{f.text!r}" for f in report.findings)
            print(f"\n{case.id} ({case.origin}) expected {case.verdict}, got {report.verdict}")
            print(f"  {case.text[:300]!r}\n  findings: {got}")
    return 0
