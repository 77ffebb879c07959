"""The normaliser undoes disguises and keeps a map back to the original characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presend.core.normalize import normalise


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("４１５", "415"),  # full-width digits
        ("4️⃣1️⃣5️⃣", "415"),  # keycap emoji
        ("➍➊➎", "415"),  # dingbat digits
        ("٤١٥", "415"),  # Arabic-Indic digits
        ("4\u200b1\u200d5", "415"),  # zero-width characters
        ("gmаil", "gmail"),  # Cyrillic а
        ("Ꮃhatsapp", "Whatsapp"),  # Cherokee look-alike
        ("john[at]gmail[dot]com", "john@gmail.com"),
        ("john (at) gmail (dot) com", "john@gmail.com"),
        ("j o h n d o e", "johndoe"),
        ("six oh one five five five zero one nine nine", "6015550199"),
        # hundreds said as a word, then the rest: 501 203 405, 064 123 45 67
        ("pięćset jeden, dwieście trzy, czterysta pięć", "501203405"),
        ("nula šest četiri, sto dvadeset tri, četrdeset pet", "06412345"),
        ("nul zes, twaalf, vierendertig, zesenvijftig", "06123456"),
        ("double five one two three four five six", "55123456"),
        ("4I5-55O-O132", "415-550-0132"),
        ("janedoe dot com", "janedoe.com"),
        ("🅼🅸🅺🅴", "mike"),  # letters in black squares
        ("m·a·r·t·a·@·x·.·i·o", "marta@x.io"),
        ("0 6 • 1 2 • 3 4", "06.12.34"),
        ("ann (a) outlook • com", "ann@outlook . com"),
        ("four-one-six / nine-nine-two / three", "4169923"),
        ("facebook . com / ann.lee", "facebook.com/ann.lee"),
        ("moc.oohay@eel.nna", "ann.lee@yahoo.com"),  # written backwards
        ("ann at gee mail dot com", "ann at gmail.com"),
        ("cell 4 1 6\n9 9 2\n3 3 8 1", "cell 4169923381"),  # groups on lines of their own
    ],
)
def test_disguises_are_undone(original: str, expected: str) -> None:
    assert normalise(original).text == expected


@pytest.mark.parametrize(
    "prose",
    [
        "one or two ideas",
        "I have one question about the two pages",
        "Hello World",
        "Iso 9001 and H2O",
        "(a) the logo, (b) the site",
        "Logo • Branding · 3 days",
        "ed.smith@gmail.com",
        "we looked at hot mail. Then",
        "the same settings. com / net / org",
    ],
)
def test_ordinary_prose_is_left_alone(prose: str) -> None:
    assert normalise(prose).text == prose


def test_every_normalised_character_maps_into_the_original() -> None:
    original = "call ６０１ five five five 😀 0️⃣1️⃣9️⃣9️⃣ jо\u200bhn[at]gmail[dot]com"
    norm = normalise(original)
    assert len(norm.starts) == len(norm.text) == len(norm.ends)
    for a, b in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= a < b <= len(original)
    assert list(norm.starts) == sorted(norm.starts)


def test_span_points_at_the_users_own_characters() -> None:
    original = "mail: j\u200bo\u200bh\u200bn@gmаil.com!"
    norm = normalise(original)
    at = norm.text.index("john@gmail.com")
    start, end = norm.span(at, at + len("john@gmail.com"))
    assert original[start:end] == "j\u200bo\u200bh\u200bn@gmаil.com"


def test_empty_text() -> None:
    norm = normalise("")
    assert norm.text == ""
    assert norm.span(0, 0) == (0, 0)


def _ungated(text: str) -> tuple[str, list[int], list[int]]:
    from presend.core import normalize

    saved = normalize._REWRITES
    normalize._REWRITES = tuple((p, r, lambda *_: True) for p, r, _ in saved)
    try:
        norm = normalize.normalise(text)
    finally:
        normalize._REWRITES = saved
    return norm.text, list(norm.starts), list(norm.ends)


_number_pieces = st.sampled_from(
    ["one", "two", "oh", "o", "double", "five", "nine", "4", "15", "555", "0132", " ", ", ",
     "-", ".", "[at]", "(dot)", " dot ", "com", "a", "b", "l", "I", "O", "\u0665", "someone",
     "\u2022", "\u00b7", " . ", "/", "@", "moc.", "(a)", "\U0001f170",
     " at ", "gee mail", "hot mail", "\n", "\n1 2", "cell "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_number_pieces, max_size=25).map("".join))
def test_skipping_a_rewrite_never_changes_the_result(text: str) -> None:
    norm = normalise(text)
    assert (norm.text, list(norm.starts), list(norm.ends)) == _ungated(text)


def test_skipping_rewrites_on_the_corpus_changes_nothing() -> None:
    from presend.core import evaluation

    for case in evaluation.load(evaluation.default_corpus()):
        norm = normalise(case.text)
        assert (norm.text, list(norm.starts), list(norm.ends)) == _ungated(case.text), case.id


def test_bracketed_words_for_at_and_dot_in_every_language() -> None:
    from presend.core import lexicon
    from presend.core.normalize import normalise

    at_words = [w for w in lexicon.words("email", "at") if "\\" not in w and w != "@"]
    dot_words = [w for w in lexicon.words("email", "dot") if "\\" not in w and w != "."]
    assert len(at_words) > 10 and len(dot_words) > 10
    for at in at_words:
        for dot in dot_words[:: max(1, len(dot_words) // 5)]:
            text = normalise(f"mail ana.k ({at}) studio [{dot}] com").text
            assert "ana.k@studio.com" in text, (at, dot, text)
    # Letters in brackets that are no such word stay as they are.
    assert normalise("(a) first (e) second (o) third").text == "(a) first (e) second (o) third"
