"""The words the desktop app shows, read from ``wording.toml`` beside this module so
they can be edited without touching code."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _table() -> dict[str, Any]:
    text = resources.files("presend.desktop").joinpath("wording.toml").read_text("utf-8")
    return tomllib.loads(text)


def word(section: str, key: str, **fill: str) -> str:
    """The text at ``[section] key``, with ``{placeholders}`` filled in."""
    node: Any = _table()
    for part in section.split("."):
        node = node[part]
    text = str(node[key])
    return text.format(**fill) if fill else text


def label(name: str, value: str) -> str:
    """How a context value (stage, role, channel) reads in the app."""
    return word(f"labels.{name}", value)


def context_phrase(context: dict[str, str]) -> str:
    """A check's context in a few plain words: "assuming before the contract, ..."."""
    from presend.core import rulepack  # noqa: PLC0415 - loaded once the app runs

    return word(
        "tray",
        "context",
        stage=label("stage", context["stage"]).lower(),
        role=label("role", context["role"]).lower(),
        marketplace=rulepack.load(context["marketplace"]).name,
    )
