"""Presend's core: checks a marketplace draft for contact details and off-platform payment.

Pure Python and cheap to import: the detectors, rule packs and their data load on the
first call to :func:`check`.
"""

from __future__ import annotations

from presend.core.model import (
    AppliedException,
    Context,
    ContextError,
    CoreError,
    Finding,
    Report,
    RulePackError,
)

__all__ = [
    "AppliedException",
    "Context",
    "ContextError",
    "CoreError",
    "Finding",
    "Report",
    "RulePackError",
    "__version__",
    "check",
]

__version__ = "0.1.0"


def check(
    text: str,
    *,
    marketplace: str = "upwork",
    stage: str = "pre_contract",
    role: str = "freelancer",
    channel: str = "message",
) -> Report:
    """Check a draft before it is sent and return the verdict with its findings."""
    from presend.core import engine  # noqa: PLC0415 - keeps `import presend.core` cheap

    context = Context(marketplace, stage, role, channel)  # type: ignore[arg-type]
    return engine.check(text, context)
