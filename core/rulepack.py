"""Rule packs and the shared vocabulary: data files read once and checked on load."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from presend.core import lexicon
from presend.core.model import SEVERITY_RANK, RulePackError
from presend.core.scan import needed_literals


@dataclass(frozen=True, slots=True)
class Situation:
    """How serious a finding is in one situation, and the words used to say so."""

    severity: str
    rule: str
    message: str
    explanation: str
    suggestion: str


@dataclass(frozen=True, slots=True)
class TypeText:
    """What one type of finding is called and why it matters."""

    kind: str
    label: str
    why: str
    suggest: str
    #: "Copy safe version" replaces the whole sentence, not just the words found
    #: (an invitation or a request reads wrong with a placeholder in its middle).
    whole_sentence: bool = False


@dataclass(frozen=True, slots=True)
class CueSet:
    """One language's words for an exception, as one pattern."""

    lang: str
    #: The cues one by one, each a regex matched against the draft's lower-case form.
    cues: tuple[str, ...]

    @property
    def literals(self) -> tuple[str, ...]:
        """A literal of each cue: a draft holding none of them meets no cue (empty: some
        cue has no literal, so the draft is always searched). Worked out the first time a
        draft in the language needs them."""
        return _cue_literals(self.cues)

    @property
    def groups(self) -> tuple[CueGroup, ...]:
        """The cues as patterns, one per set of literals its cues need (the last with
        none, searched everywhere): a draft is searched near each set's literals for its
        own cues only, so a common word one cue needs does not send every cue through
        the sentences that hold it. Compiled the first time a draft in the language
        needs them."""
        return _cue_groups(self.cues)


@dataclass(frozen=True, slots=True)
class CueGroup:
    #: A draft holds one of these wherever ``pattern`` matches (empty: anywhere).
    literals: tuple[str, ...]
    pattern: re.Pattern[str]


@cache
def _cue_groups(cues: tuple[str, ...]) -> tuple[CueGroup, ...]:
    by_literals: dict[tuple[str, ...], list[str]] = {}
    for cue in cues:
        needed = needed_literals(cue)
        by_literals.setdefault(tuple(sorted(needed or ())), []).append(cue)
    return tuple(
        CueGroup(literals, re.compile("|".join(f"(?:{c})" for c in group)))
        for literals, group in sorted(by_literals.items(), key=lambda item: not item[0])
    )


@dataclass(frozen=True, slots=True)
class ExceptionRule:
    """An exception in the rules, recognised from the draft's own wording."""

    id: str
    kinds: frozenset[str]
    types: frozenset[str]
    channels: frozenset[str]
    explanation: str
    #: A few words naming the exception, and what it still requires of the writer.
    name: str = ""
    requires: str = ""
    #: Each language's cues, searched only in drafts that show signs of the language.
    cues: tuple[CueSet, ...] = field(default=(), repr=False)
    #: Wording that rules the exception out wherever it is in the draft.
    blocker: re.Pattern[str] = field(default=re.compile("(?!)"), repr=False)
    #: Literals of which a draft must hold one for ``blocker`` to match (none: it can
    #: match anywhere); most drafts hold none and the blocker is not run.
    blocker_literals: tuple[str, ...] = field(default=(), repr=False)
    #: A fact about the relationship (Enterprise, a history from before the platform):
    #: said once, it covers every finding of the draft it can cover, not only the details
    #: of its own sentence.
    whole_draft: bool = False
    #: App groups of vocabulary.toml ("messaging", "social") whose apps the exception
    #: never covers: access to a work tool needs an email, never a Telegram handle.
    not_for_apps: tuple[str, ...] = ()
    #: Each language's words for details the exception never covers, looked for in a
    #: request's own words ([exception_not_asked] in rules/lang): access to a work tool is
    #: granted to an email address, never to "your phone number".
    not_asked: re.Pattern[str] = field(default=re.compile("(?!)"), repr=False)

    def covers(self, kind: str, type_: str, channel: str) -> bool:
        """Whether this exception can apply to a finding of this kind and type here."""
        return (
            kind in self.kinds
            and (not self.types or type_ in self.types)
            and channel in self.channels
        )


@dataclass(frozen=True, slots=True)
class RulePack:
    """One marketplace's rules as data."""

    id: str
    name: str
    platform_domains: tuple[str, ...]
    sources: dict[str, str]
    placeholders: dict[str, str]
    safe_sentences: dict[str, str]
    situations: dict[str, Situation]
    types: dict[str, TypeText]
    exceptions: tuple[ExceptionRule, ...]
    _covering: dict[tuple[str, str, str], tuple[ExceptionRule, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def exceptions_for(self, kind: str, type_: str, channel: str) -> tuple[ExceptionRule, ...]:
        """The exceptions that can apply to a finding of this kind and type here
        (worked out once per combination)."""
        key = (kind, type_, channel)
        rules = self._covering.get(key)
        if rules is None:
            rules = self._covering[key] = tuple(
                rule for rule in self.exceptions if rule.covers(kind, type_, channel)
            )
        return rules


def available() -> list[str]:
    """Ids of the rule packs shipped with Presend."""
    folder = resources.files("presend.core").joinpath("rules")
    return sorted(
        p.name.removesuffix(".toml")
        for p in folder.iterdir()
        if p.name.endswith(".toml") and p.name != "vocabulary.toml"
    )


@cache
def load(marketplace: str) -> RulePack:
    """Read and check the rule pack for ``marketplace``."""
    if marketplace not in available():
        raise RulePackError(
            f"no rule pack for marketplace {marketplace!r}; available: {', '.join(available())}"
        )
    data = _read_toml(f"{marketplace}.toml")
    try:
        return _build(data)
    except (KeyError, TypeError, re.error) as exc:
        raise RulePackError(f"rule pack {marketplace!r} is malformed: {exc}") from exc


@cache
def vocabulary() -> dict[str, Any]:
    """The marketplace-neutral lists of apps, domains and suffixes. (The local names of
    apps in each language file fill that language's phrases instead: merged in here
    they would make every English pattern try them, at every word.)"""
    return _read_toml("vocabulary.toml")


def _read_toml(name: str) -> dict[str, Any]:
    text = (resources.files("presend.core") / "rules" / name).read_text("utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{name}: {exc}") from exc


def _cue_sets(exception: str) -> tuple[CueSet, ...]:
    found = []
    for language in lexicon.languages():
        cues = [str(c) for c in language.data.get("exception_cues", {}).get(exception, [])]
        if cues:
            found.append(CueSet(language.code, tuple(cues)))
    return tuple(found)


def _any_of(entries: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``entries``, or nothing when there are none."""
    return re.compile("|".join(f"(?:{c})" for c in entries) or "(?!)")


def _blockers(exception: dict[str, Any]) -> tuple[str, ...]:
    """The wording that rules ``exception`` out, in every language."""
    return tuple(
        str(c)
        for key in (exception["id"], *exception.get("also_blocked_by", []))
        for c in lexicon.words("exception_blockers", key)
    )


@cache
def _cue_literals(cues: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for cue in cues:
        needed = needed_literals(cue)
        if needed is None:
            return ()  # this cue can match anywhere: the draft is always searched
        found.extend(needed)
    return tuple(dict.fromkeys(found))


def _build(data: dict[str, Any]) -> RulePack:
    pack = data["pack"]
    situations = {name: Situation(**fields) for name, fields in data["situations"].items()}
    for name, situation in situations.items():
        if situation.severity not in SEVERITY_RANK:
            raise TypeError(f"situation {name} has unknown severity {situation.severity!r}")
    types = {name: TypeText(**fields) for name, fields in data["types"].items()}
    for name, text in types.items():
        if text.kind not in data["sources"]:
            raise TypeError(f"type {name} has kind {text.kind!r} with no source")
    exceptions = tuple(
        ExceptionRule(
            id=e["id"],
            kinds=frozenset(e["kinds"]),
            types=frozenset(e["types"]),
            channels=frozenset(e["channels"]),
            explanation=e["explanation"],
            name=e.get("name", e["id"]),
            requires=e.get("requires", ""),
            whole_draft=bool(e.get("whole_draft", False)),
            not_for_apps=tuple(e.get("not_for_apps", [])),
            # The cues are each language's words for the exception (rules/lang/*.toml).
            cues=_cue_sets(e["id"]),
            blocker=_any_of(_blockers(e)),
            blocker_literals=_cue_literals(_blockers(e)),
            not_asked=_any_of(lexicon.words("exception_not_asked", e["id"])),
        )
        for e in data.get("exceptions", [])
    )
    return RulePack(
        id=pack["id"],
        name=pack["name"],
        platform_domains=tuple(pack["platform_domains"]),
        sources=dict(data["sources"]),
        placeholders=dict(data["placeholders"]),
        safe_sentences=dict(data.get("safe_sentences", data["placeholders"])),
        situations=situations,
        types=types,
        exceptions=exceptions,
    )
