"""The words of every language Presend reads, from ``rules/lang/*.toml``.

Grammar lives in the detectors; the words they are filled with live in one data file per
language, so adding a language or a word never touches code. Every file is read, and
the lists of all languages are merged, so a draft that mixes languages is read with the
words of each.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from presend.core.model import RulePackError


@dataclass(frozen=True, slots=True)
class Language:
    """One language's data file."""

    code: str
    name: str
    data: dict[str, Any]


@cache
def languages() -> tuple[Language, ...]:
    """Every language file shipped with Presend, English first."""
    folder = resources.files("presend.core").joinpath("rules", "lang")
    found: list[Language] = []
    for entry in sorted(folder.iterdir(), key=lambda p: (p.name != "en.toml", p.name)):
        if not entry.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(entry.read_text("utf-8"))
            meta = data["lang"]
            found.append(Language(str(meta["code"]), str(meta["name"]), data))
        except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
            raise RulePackError(f"language file {entry.name}: {exc}") from exc
    return tuple(found)


def words(section: str, key: str) -> list[str]:
    """The entries of ``[section] key`` across every language, in file order, once each."""
    seen: dict[str, None] = {}
    for language in languages():
        for entry in language.data.get(section, {}).get(key, []):
            seen.setdefault(str(entry), None)
    return list(seen)


def prefixes(entries: list[str]) -> tuple[str, ...]:
    """A literal each entry's matches begin with ("what'?s" -> "what"), for patterns
    searched only where one of their first words begins a word."""
    found = []
    for entry in entries:
        literal = re.match(r"[^\\?*+()\[\]{}|.]*", entry)
        head = literal.group(0) if literal else ""
        if entry[len(head) : len(head) + 1] in ("?", "*"):
            head = head[:-1]
        found.append(head.split(" ")[0] or entry[:1])
    return tuple(sorted(set(found)))


def alternation(entries: list[str]) -> str:
    """A regex group matching any of ``entries`` (longest first, spaces as white space)."""
    ordered = sorted(set(entries), key=len, reverse=True)
    return "(?:" + "|".join(e.replace(" ", r"\s+") for e in ordered) + ")"
