"""The language files: well formed, generated tables up to date, their own examples
judged as their authors said, and drafts that mix languages read with both."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
from presend.core import check, lexicon

ROOT = Path(__file__).resolve().parents[2]
LANG = ROOT / "core" / "rules" / "lang"
CLDR = Path("/usr/share/unicode/cldr/common/annotations")
FILES = sorted(LANG.glob("*.toml"))
#: Languages with a hand-written file (the others have generated tables only).
LANGUAGES = [
    lang
    for lang in lexicon.languages()
    if lang.code != "en" and (LANG / f"{lang.code}.toml").is_file()
]
PLACEHOLDER = re.compile(r"\{(?:app|contact|pay)\}")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_entry_is_a_valid_pattern(path: Path) -> None:
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["lang"]["code"] == path.stem
    for section, table in data.items():
        if section in ("lang", "examples") or not isinstance(table, dict):
            continue
        for key, entries in table.items():
            if not isinstance(entries, list):
                continue
            for entry in entries:
                re.compile(PLACEHOLDER.sub("x", entry))
                assert not re.search(r"(?<!\\)\((?!\?)", entry), f"{section}.{key}: capturing group"


def test_generated_tables_are_up_to_date(tmp_path: Path) -> None:
    if not CLDR.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CLDR} is missing: apt-get install unicode-cldr-core")
        pytest.skip(f"{CLDR} is missing: apt-get install unicode-cldr-core")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import gen_lang
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert gen_lang.main([str(tmp_path)]) == 0
    for made in sorted(tmp_path.glob("*.toml")):
        checked_in = LANG / "generated" / made.name
        assert checked_in.read_text("utf-8") == made.read_text("utf-8"), made.name


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.code)
def test_a_language_file_judges_its_own_examples(language: lexicon.Language) -> None:
    examples = language.data["examples"]
    assert len(examples["violation"]) >= 6 and len(examples["clean"]) >= 5
    missed = [t for t in examples.get("violation", []) if check(t).verdict != "violation"]
    flagged = [t for t in examples.get("clean", []) if check(t).verdict == "violation"]
    assert not flagged, flagged
    assert not missed, missed


def test_findings_name_the_language_they_were_read_in() -> None:
    report = check("Hola! pásame tu WhatsApp y seguimos por ahí")
    assert {f.lang for f in report.findings if f.severity == "violation"} == {"es"}
    assert "lang" not in check("Call me on +1 415 555 0132").findings[0].to_dict()


MIXED = {
    # English with Hindi number words, Spanish with English app names, Russian email words.
    "call me: saat do paanch, chaar teen, nau aath ek do": "violation",
    "Te paso mi número por WhatsApp: seis cinco cero dos dos uno tres cuatro": "violation",
    "ivan собака yandex точка ru": "violation",
    "напиши мне в телеграм @ivan_dev": "violation",
    "Necesito un bot de Telegram que publique precios": "clean",
    "No puedo compartir mi WhatsApp antes del contrato, seguimos por Upwork": "clean",
    "We need 2 do 3 pages by Friday, 4 5 revisions max": "clean",
}


@pytest.mark.parametrize("text", MIXED)
def test_mixed_language_drafts(text: str) -> None:
    assert check(text).verdict == MIXED[text]


def test_look_alike_digits_are_read_by_value_and_flagged() -> None:
    # A Gujarati five looks like a four: the number is read as what it is, and the trick
    # is named; digits of a script used plainly are just a phone number.
    (finding,) = check("Call me: ૯૮૭૬૫ ૪૩૨૧૦").findings
    assert finding.type == "phone_lookalike"
    assert finding.severity == "violation"
    (plain,) = check("मेरा नंबर +९१ ९८७६५ ४३२१० है").findings
    assert plain.type == "phone"


def test_digits_of_the_drafts_own_script_are_no_trick() -> None:
    # An Arabic draft writes its numbers in Arabic-Indic digits (whose five looks like a
    # zero): a plain phone number, which an exception may then cover. The same digits in
    # an English draft are still a look-alike trick.
    (native,) = check("مرحباً، هذا رقمي للتواصل ٠٥٥ ١٢٣ ٤٥٦٧ شكراً").findings
    assert native.type == "phone"
    (trick,) = check("Call me at ٠٥٥ ١٢٣ ٤٥٦٧ tonight").findings
    assert trick.type == "phone_lookalike"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("majmunče", "мајмунче"),
        ("izbegavamo proviziju", "избегавамо провизију"),
        # escapes and placeholders stay as they are; digraphs are one letter
        (
            r"(?:pošalji|daj) (?:mi )?(?:\w+ ){0,2}na {pay}\b",
            r"(?:пошаљи|дај) (?:ми )?(?:\w+ ){0,2}на {pay}\b",
        ),
        ("njegov džep", "његов џеп"),
    ],
)
def test_a_language_written_in_two_scripts_is_read_in_both(latin: str, cyrillic: str) -> None:
    assert lexicon.to_cyrillic(latin) == cyrillic


def test_serbian_words_are_read_in_cyrillic_drafts() -> None:
    latin = check("Zdravo, pišite mi na Viber, tamo brže odgovaram.")
    cyrillic = check("Здраво, пишите ми на Вибер, тамо брже одговарам.")
    assert latin.verdict == cyrillic.verdict == "violation"
    assert {f.lang for f in cyrillic.findings if f.severity == "violation"} == {"hbs"}
