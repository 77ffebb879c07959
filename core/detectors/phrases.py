"""Invitations to move apps, requests for details and proposals to pay outside, in every
language, from the ``[phrases]`` of each language file (``rules/lang/SCHEMA.md``).

English has its own grammar (``apps``, ``asks``, ``payment``); other languages are read
as whole phrases with the app names, contact nouns and payment words of every language
filled in, so "pásame tu WhatsApp", "скинь номер" and "加我微信" are found in drafts that
mix them with English. Each finding names the language it was read in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from presend.core import cues, lexicon
from presend.core.draft import Draft
from presend.core.model import Match
from presend.core.rulepack import vocabulary
from presend.core.scan import WordPattern, required_literal, words

#: The phrase lists of a language file and the type a match of each becomes.
_KINDS = {
    "invite": "messaging_invite",
    "request": "contact_request",
    "payment": "off_platform_payment",
}
_WORD_CHAR = r"[\w\u0600-\u06ff\u0900-\u0dff]"
_PLACEHOLDER = re.compile(r"\{(app|contact|pay)\}")


@dataclass(frozen=True, slots=True)
class _Phrases:
    lang: str
    type: str
    #: Phrases with a literal every match holds, searched only near one of them...
    anchored: WordPattern | None
    #: ...and the rest, scanned whole (few: a phrase that is all placeholders).
    loose: re.Pattern[str] | None


@cache
def _all() -> tuple[_Phrases, ...]:
    fill = _fillers()
    found: list[_Phrases] = []
    for language in lexicon.languages():
        phrases = language.data.get("phrases", {})
        for key, type_ in _KINDS.items():
            entries = [str(p) for p in phrases.get(key, [])]
            if entries:
                found.append(_compile(language, type_, entries, fill))
    return tuple(found)


def _fillers() -> dict[str, str]:
    apps = vocabulary()["apps"]
    chat = apps["messaging"] + apps["social"]
    money = apps["payment"] + lexicon.words("ask", "payment_nouns")
    contact = lexicon.words("ask", "contact_nouns") + chat
    return {
        "app": lexicon.alternation(chat),
        "contact": lexicon.alternation(contact),
        "pay": lexicon.alternation(money),
    }


def _compile(
    language: lexicon.Language, type_: str, entries: list[str], fill: dict[str, str]
) -> _Phrases:
    before, after = (rf"(?<!{_WORD_CHAR})", rf"(?!{_WORD_CHAR})") if language.spaced else ("", "")

    def filled(phrase: str) -> str:
        spaced = phrase.replace(" ", r"\s+")
        return "(?:" + _PLACEHOLDER.sub(lambda m: fill[m.group(1)], spaced) + ")"

    def source(phrases: list[str]) -> str:
        return f"{before}(?:{'|'.join(filled(p) for p in phrases)}){after}"

    literals = {p: required_literal(_PLACEHOLDER.sub("|", p)) for p in entries}
    anchored = [p for p in entries if len(literals[p]) >= 2]
    loose = [p for p in entries if len(literals[p]) < 2]
    return _Phrases(
        language.code,
        type_,
        words(source(anchored), tuple(literals[p] for p in anchored)) if anchored else None,
        re.compile(source(loose)) if loose else None,
    )


def detect(draft: Draft) -> Iterator[Match]:
    """Yield the phrases of every language found in the draft."""
    for phrases in _all():
        found = [] if phrases.anchored is None else list(draft.find(phrases.anchored))
        if phrases.loose is not None:
            found += phrases.loose.finditer(draft.lower)
        for m in found:
            around = draft.lower[max(0, m.start() - 24) : m.end() + 24]
            if m.end() > m.start() and not cues.names_the_work(around):
                yield Match(
                    phrases.type, m.start(), m.end(), evidence={"lang": phrases.lang},
                    negatable=True,
                )  # fmt: skip
