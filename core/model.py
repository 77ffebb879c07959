"""The values that flow through the core: context in, matches in the middle, a report out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Stage = Literal["pre_contract", "active_contract"]
Role = Literal["freelancer", "client"]
Channel = Literal["message", "proposal", "job_post", "profile"]
Severity = Literal["violation", "caution", "exception", "info"]
Verdict = Literal["violation", "caution", "exception", "clean"]
Kind = Literal["contact", "payment"]
#: What a detector makes of a match: a breach, a mere topic, an allowed link, something
#: only worth a caution, or a refusal of what would otherwise be a breach.
Status = Literal["breach", "topic", "allowed", "uncertain", "refusal"]

STAGES: tuple[str, ...] = ("pre_contract", "active_contract")
ROLES: tuple[str, ...] = ("freelancer", "client")
CHANNELS: tuple[str, ...] = ("message", "proposal", "job_post", "profile")

#: Verdict rank: a report takes the highest-ranked severity among its findings.
SEVERITY_RANK: dict[str, int] = {"info": 0, "exception": 1, "caution": 2, "violation": 3}


class CoreError(Exception):
    """Base of every error the core raises on purpose."""


class ContextError(CoreError, ValueError):
    """A context value is not one the core knows."""


class RulePackError(CoreError):
    """A rule pack is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Context:
    """Where and by whom a draft is about to be sent."""

    marketplace: str = "upwork"
    stage: Stage = "pre_contract"
    role: Role = "freelancer"
    channel: Channel = "message"

    def __post_init__(self) -> None:
        for name, allowed in (("stage", STAGES), ("role", ROLES), ("channel", CHANNELS)):
            value = getattr(self, name)
            if value not in allowed:
                raise ContextError(
                    f"unknown {name} {value!r}; expected one of {', '.join(allowed)}"
                )

    def to_dict(self) -> dict[str, str]:
        """The context as the JSON report spells it."""
        return {
            "marketplace": self.marketplace,
            "stage": self.stage,
            "role": self.role,
            "channel": self.channel,
        }


@dataclass(slots=True)
class Match:
    """One piece of evidence a detector found, in normalised-text coordinates."""

    type: str
    start: int
    end: int
    status: Status = "breach"
    #: Facts the judge and the messages may use (the app's name, the domain, ...).
    evidence: dict[str, str] = field(default_factory=dict)
    #: A phrase-level match (an invitation or a request) can be undone by a refusal
    #: around it; a concrete detail (a number, an address) cannot.
    negatable: bool = False


@dataclass(frozen=True, slots=True)
class AppliedException:
    """An exception in the rules that turns a finding from a breach into an allowance."""

    id: str
    explanation: str

    def to_dict(self) -> dict[str, str]:
        """The exception as the JSON report spells it."""
        return {"id": self.id, "explanation": self.explanation}


@dataclass(frozen=True, slots=True)
class Finding:
    """A judged match: what it is, how serious here, and what to do instead."""

    kind: Kind
    type: str
    severity: Severity
    start: int
    end: int
    text: str
    rule: str
    message: str
    explanation: str
    source: str
    exception: AppliedException | None
    suggestion: str
    #: The language the evidence was read in (BCP 47), when not English.
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON report spells it."""
        extra = {"lang": self.lang} if self.lang else {}
        return {
            "kind": self.kind,
            "type": self.type,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "message": self.message,
            "explanation": self.explanation,
            "source": self.source,
            "exception": self.exception.to_dict() if self.exception else None,
            "suggestion": self.suggestion,
            **extra,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The verdict on one draft and the findings behind it."""

    context: Context
    findings: tuple[Finding, ...]

    @property
    def verdict(self) -> Verdict:
        """The most serious severity among the findings; info alone is clean."""
        top = max((SEVERITY_RANK[f.severity] for f in self.findings), default=0)
        verdicts: tuple[Verdict, ...] = ("clean", "exception", "caution", "violation")
        return verdicts[top]

    def to_dict(self) -> dict[str, Any]:
        """The report as the JSON contract in docs/design.md spells it (code-point offsets)."""
        return {
            "verdict": self.verdict,
            "context": self.context.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }
