"""The words of every language Presend reads, from ``rules/lang/*.toml``.

Grammar lives in the detectors; the words they are filled with live in one data file per
language, so adding a language or a word never touches code. A hand-written file
(``rules/lang/<code>.toml``) is merged with the generated one of the same language
(``rules/lang/generated/<code>.toml``: number words and the words for "@" and ".", see
``tools/gen_lang.py``). Every language is read and their lists are merged, so a draft
that mixes languages is read with the words of each.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from presend.core.model import RulePackError


@dataclass(frozen=True, slots=True)
class Language:
    """One language's words, hand-written and generated, merged."""

    code: str
    name: str
    data: dict[str, Any]

    @property
    def spaced(self) -> bool:
        """Whether words are separated by spaces, so patterns may use word edges."""
        return bool(self.data.get("lang", {}).get("spaces", True))


@cache
def languages() -> tuple[Language, ...]:
    """Every language shipped with Presend, English first."""
    folder = resources.files("presend.core").joinpath("rules", "lang")
    hand = {p.name[:-5]: p for p in folder.iterdir() if p.name.endswith(".toml")}
    made_folder = folder.joinpath("generated")
    made = (
        {p.name[:-5]: p for p in made_folder.iterdir() if p.name.endswith(".toml")}
        if made_folder.is_dir()
        else {}
    )
    found: list[Language] = []
    for code in sorted(hand.keys() | made.keys(), key=lambda c: (c != "en", c)):
        data: dict[str, Any] = {}
        for entry in (made.get(code), hand.get(code)):
            if entry is not None:
                _merge(data, _read(entry))
        meta = data.get("lang", {})
        found.append(Language(str(meta.get("code", code)), str(meta.get("name", code)), data))
    return tuple(found)


def _read(entry: Traversable) -> dict[str, Any]:
    try:
        data = tomllib.loads(entry.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulePackError(f"language file {entry.name}: {exc}") from exc
    if not isinstance(data.get("lang", {}), dict):
        raise RulePackError(f"language file {entry.name}: [lang] must be a table")
    return data


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    """Tables merged key by key, lists joined, anything else replaced."""
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + [v for v in value if v not in into[key]]
        else:
            into[key] = value


def words(section: str, key: str) -> list[str]:
    """The entries of ``[section] key`` across every language, in file order, once each."""
    seen: dict[str, None] = {}
    for language in languages():
        for entry in language.data.get(section, {}).get(key, []):
            seen.setdefault(str(entry), None)
    return list(seen)


def numbers() -> dict[str, str]:
    """Every language's words for digits and two-digit numbers, each to its digits."""
    table: dict[str, str] = {}
    for language in languages():
        section = language.data.get("numbers", {})
        for group in ("digits", "pairs", "extra"):
            for value, spelled in section.get(group, {}).items():
                for word in spelled:
                    table.setdefault(str(word).lower(), str(value))
    return table


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
    if not entries:
        return "(?!)"  # matches nothing, as an empty list should
    ordered = sorted(set(entries), key=len, reverse=True)
    return "(?:" + "|".join(e.replace(" ", r"\s+") for e in ordered) + ")"
