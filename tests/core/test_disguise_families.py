"""Families of disguises, each tried in every separator, spelling and position it comes
in, with the look-alike that must stay as it is."""

from __future__ import annotations

import re

import pytest
from presend.core import check
from presend.core.normalize import normalise
from presend.core.rulepack import vocabulary


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# A number said in groups, a line break falling between two of them.
@pytest.mark.parametrize("gap", [", ", " ", " - ", "; ", ",  "])
@pytest.mark.parametrize("cut", [1, 2])
def test_spelled_groups_broken_over_a_line(gap: str, cut: int) -> None:
    groups = ["three one two", "five five five", "oh one four seven"]
    said = gap.join(groups[:cut]) + gap.rstrip() + "\n" + gap.join(groups[cut:])
    text = f"Ask me anything before you decide, I answer fastest over there: {said}. Thanks"
    assert "3125550147" in _digits(normalise(text).text), text


def test_one_number_word_a_line_stays_a_list() -> None:
    text = "Rank the routines you liked:\none\ntwo\nthree\nfour\nfive\nsix\nseven"
    assert normalise(text).text == text


# A number given as a list's items, with every list mark, the digits spaced or not.
_MARKS = ["- ", "* ", "\u2022 ", "\u00b7 ", "> ", "\u2013 ", ""]


@pytest.mark.parametrize("mark", _MARKS)
@pytest.mark.parametrize("spaced", [True, False])
def test_number_as_list_items(mark: str, spaced: bool) -> None:
    groups = ["0", "4", "12", "345", "678"] if mark else ["0412", "345", "678"]
    items = [" ".join(g) if spaced else g for g in groups]
    text = "Best way to reach me:\n" + "\n".join(mark + item for item in items) + "\nThanks"
    assert "0412345678" in _digits(normalise(text).text), text
    assert check(text).verdict == "violation", text


@pytest.mark.parametrize("mark", _MARKS[:-1])
def test_figures_as_list_items_stay(mark: str) -> None:
    for head, values in (
        ("Call counts for the last four weeks:", ["120", "95", "143", "88"]),
        ("Call volume tiers for the pricing page:", ["100", "250", "500", "1200"]),
    ):
        text = head + "\n" + "\n".join(mark + v for v in values)
        assert check(text).verdict == "clean", text


# A name with a four-digit tag, every character spaced out, the "#" too.
@pytest.mark.parametrize("name", ["pixelforge", "moonlit", "k0rvo", "neo_dev"])
@pytest.mark.parametrize("tag", ["4402", "0017"])
def test_spaced_out_tag(name: str, tag: str) -> None:
    spaced = " ".join(name) + " # " + " ".join(tag)
    text = f"discord is easier for builds, add me: {spaced} (no spaces)"
    assert f"{name}#{tag}" in normalise(text).text
    assert check(text).verdict == "violation", text


def test_spaced_out_headline_with_a_tag_stays() -> None:
    text = "For the poster I'd set the letters wide, like S U M M E R # 2 0 2 4, in the brand font."
    assert check(text).verdict == "clean"


# A handle after "@" with spaces round its dots, wherever the "@" stands.
@pytest.mark.parametrize("before", ["insta \u2192 ", "IG: ", "\U0001f449 ", "(ig) "])
@pytest.mark.parametrize(
    "pieces", [["sofi", "ink"], ["sofi", "ink", "studio"], ["mara", "k", "draws"], ["jo", "b", "9"]]
)
def test_handle_with_spaced_dots(before: str, pieces: list[str]) -> None:
    text = f"More sketches {before}@ {' . '.join(pieces)} \u2728 DM for commissions"
    assert "@" + ".".join(pieces) in normalise(text).text, text


@pytest.mark.parametrize("pieces", [["mara", "k", "draws"], ["kate", "draws", "things"]])
def test_handle_with_spaced_dots_after_a_word(pieces: list[str]) -> None:
    text = f"find me on instagram @ {' . '.join(pieces)} for daily sketches"
    assert "@" + ".".join(pieces) in normalise(text).text, text


@pytest.mark.parametrize(
    "address", ["anna @ gmail . com", "hi @ studiofern . co", "ben_r @ proton . me"]
)
def test_an_address_with_a_spaced_at_stays_an_address(address: str) -> None:
    text = f"write to {address} please"
    assert check(text).verdict == "violation", text


# Emoji between the words of every nickname that starts with "the".
_THE_NICKNAMES = [n for n in vocabulary()["app_nicknames"]["names"] if n.startswith("the ")]


@pytest.mark.parametrize("nickname", _THE_NICKNAMES)
@pytest.mark.parametrize("emoji", ["\U0001f4f8", "\u2728", "\U0001f49a", "\U0001f426 \u2728"])
def test_emoji_inside_a_nickname(nickname: str, emoji: str) -> None:
    rest = nickname.removeprefix("the ")
    text = f"more work on the {emoji} {rest} if you want to see it"
    assert f"the {rest}" in normalise(text).text


def test_an_arrow_inside_the_green_one_stays() -> None:
    text = "Pick the \u2192 green one for option B."
    assert normalise(text).text == text


# LinkedIn's profile path with its first slash left out, however it is spaced.
@pytest.mark.parametrize(
    "path",
    ["in / dana-okafor-pmp", "in/ dana-okafor-pmp", "in /dana-okafor-pmp", "in/dana-okafor-88"],
)
@pytest.mark.parametrize("label", ["LinkedIn \u2014 ", "LinkedIn: ", "on LinkedIn, "])
def test_profile_path_without_its_first_slash(path: str, label: str) -> None:
    name = path.rsplit("/", 1)[1].strip()
    assert f"linkedin.com/in/{name}" in normalise(f"References {label}{path}").text


def test_in_out_beside_linkedin_stays() -> None:
    text = "On LinkedIn I post in / out checklists for warehouse teams."
    assert normalise(text).text == text


# A revision's or a file's number is no phone, whatever the label's spelling.
@pytest.mark.parametrize("label", ["rev", "Rev", "rev.", "revision", "filename"])
def test_revision_numbers_are_no_phone(label: str) -> None:
    text = f'The footer says "{label} 07-2024-118", is that the latest? Renders in 4 days.'
    assert check(text).verdict == "clean", text
