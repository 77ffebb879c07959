"""Which languages a draft is read in (``lexicon.reading``): a short draft made of a
language's own request, refusal and postponement words is read in that language, typed
with or without its diacritics; an English draft holding one foreign word (a greeting,
a thank-you, a name) stays English only."""

from __future__ import annotations

import random

import pytest
from presend.core import lexicon

#: Languages written in Latin letters with spaces, told apart by their words alone.
LATIN = [
    lang
    for lang in lexicon.languages()
    if lang.spaced
    and lang.code not in ("en", lexicon.ANY_LANGUAGE)
    and not lang.data.get("lang", {}).get("scripts")
    and lang.data.get("lang", {}).get("markers")
]
#: Sections holding what a language says to ask, refuse and postpone.
VOCABULARY = (
    ("phrases", "request"),
    ("phrases", "invite"),
    ("refusal", "before"),
    ("refusal", "deferral"),
    ("ask", "contact_nouns"),
)
#: Short English drafts (a long one needs two words of a language, however few its
#: English ones: a Spanish sentence quoted in an English brief is read in Spanish).
ENGLISH = (
    "Thanks for the quick reply, {word}! I will send them today.",
    "Hi {word}, could you look at the new logo for me?",
    "{word}, the draft is ready and uploaded here for you.",
    "Sure, that works for me. We can start on Monday {word}",
)
#: Names and courtesy words that English drafts hold.
STRAY = ("ciao", "gracias", "grazie", "merci", "danke", "salamat", "hvala", "dzięki", "Marco",
         "Anna", "Jan", "Sara", "Maria", "Pedro", "Ana", "Tomasz", "Ion", "Kaisa")  # fmt: skip


def _own_words(lang: lexicon.Language) -> list[str]:
    """Words of the language's own vocabulary that count as a sign of it, as written in
    its file (diacritics and all)."""
    evidence = lexicon.evidence_words(lang.code)
    found: dict[str, None] = {}
    for section, key in VOCABULARY:
        for entry in lang.data.get(section, {}).get(key, []):
            for word in lexicon.plain_words(entry):
                if lexicon.fold(word) in evidence:
                    found.setdefault(word, None)
    if len(found) < 4:  # its cues are written in another script (ja-Latn): its markers
        for word in lang.data.get("lang", {}).get("markers", []):
            if lexicon.fold(word) in evidence:
                found.setdefault(word, None)
    return list(found)


@pytest.mark.parametrize("lang", LATIN, ids=lambda lang: lang.code)
def test_a_short_draft_of_its_own_cue_words_is_read_in_the_language(
    lang: lexicon.Language,
) -> None:
    words = _own_words(lang)
    assert len(words) >= 4, f"{lang.code}: too few cue words count as a sign of it"
    rng = random.Random(lang.code)
    for _ in range(40):
        picked = rng.sample(words, 2)
        draft = f"{picked[0]} {rng.choice(('WhatsApp', 'Upwork', 'email', '5'))} {picked[1]}"
        for typed in (draft, lexicon.fold(draft)):
            assert lang.code in lexicon.present(typed.lower()), typed


@pytest.mark.parametrize("lang", LATIN, ids=lambda lang: lang.code)
def test_an_english_draft_with_one_of_its_words_stays_english(lang: lexicon.Language) -> None:
    evidence = lexicon.evidence_words(lang.code)
    function = {lexicon.fold(w) for w in lang.data.get("lang", {}).get("function_words", [])}
    words = [w for w in evidence if w not in function and len(w) >= 3]
    rng = random.Random(lang.code)
    for word in [*rng.sample(words, min(40, len(words))), *STRAY]:
        for template in ENGLISH:
            draft = template.format(word=word).lower()
            assert lang.code not in lexicon.present(draft), draft


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nemuzu", "cs"),
        ("nemůžu to poslat", "cs"),
        ("nu pot", "ro"),
        ("nie moge", "pl"),
        ("nie mogę teraz", "pl"),
        ("mozes li mi poslati", "hbs"),
        ("posalji mi mejl", "hbs"),
        ("irj inkabb messengeren", "hu"),
        ("ok, ik stuur het morgen", "nl"),
        ("kalhspera, mporw na to kanw", "el"),
        ("to kinhto mou einai", "el"),
    ],
)
def test_native_drafts_typed_without_diacritics(text: str, code: str) -> None:
    assert code in lexicon.present(text)


def test_a_long_english_draft_with_one_foreign_word_stays_english() -> None:
    text = " ".join([ENGLISH[0].format(word="ciao"), *ENGLISH[1:]] * 5).lower()
    assert lexicon.present(text.replace("{word}", "")) == {"en"}


def test_the_words_are_read_once_each() -> None:
    # Evidence counts a word once however often it stands in the draft.
    once = lexicon.scores("nemůžu poslat")[0]
    assert lexicon.scores("nemůžu nemůžu nemůžu poslat poslat")[0] == once


def _one_word_app_names() -> list[str]:
    from presend.core.rulepack import vocabulary

    names = set()
    for entries in vocabulary()["apps"].values():
        for entry in entries:
            names |= lexicon._app_names(str(entry))
    return sorted(names)


def test_app_names_are_no_language_s_words() -> None:
    """A regional wallet or app named in an English request ("JazzCash or Easypaisa")
    is a name, not a word of the language whose file also cites it."""
    names = _one_word_app_names()
    assert {"easypaisa", "jazzcash", "bkash"} <= set(names)
    for first, second in zip(names, names[1:] + names[:1], strict=True):
        text = f"Please do the next payment on {first} or {second}, the withdrawal is late."
        assert lexicon.present(text.lower()) == {"en"}, (first, second)
