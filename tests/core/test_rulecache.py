"""The parsed rule files kept between runs: used when they fit, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest
from presend.core import lexicon, rulecache, standarddir


@pytest.fixture
def base(tmp_path: Path) -> object:
    standarddir.init(tmp_path)
    yield tmp_path
    standarddir.init(None)


def _count(calls: list[int]) -> dict[str, object]:
    calls.append(1)
    return {"en": {"lang": {}}}


def test_second_load_reads_the_cache_and_damage_means_parsing_again(base: Path) -> None:
    calls: list[int] = []
    for _ in range(2):
        assert rulecache.load("lang", "k1", lambda: _count(calls), lexicon._well_formed)
    assert len(calls) == 1
    stored = base / "cache" / "lang-k1.json"
    for damage in (b"{not json", b"[1, 2]", b'{"en": 5}', b"\xff\xfe", b"[" * 100_000):
        stored.write_bytes(damage)
        assert rulecache.load("lang", "k1", lambda: _count(calls), lexicon._well_formed) == {
            "en": {"lang": {}}
        }
    assert len(calls) == 6
    # Another fingerprint replaces the old file rather than piling up beside it.
    rulecache.load("lang", "k2", lambda: _count(calls), lexicon._well_formed)
    assert sorted(p.name for p in (base / "cache").iterdir()) == ["lang-k2.json"]


def test_unwritable_cache_folder_still_gives_the_rules(base: Path) -> None:
    (base / "cache").write_text("a file where the folder should be")
    calls: list[int] = []
    for _ in range(2):
        assert rulecache.load("lang", "k", lambda: _count(calls), lexicon._well_formed)
    assert len(calls) == 2


def test_fingerprint_follows_the_files(tmp_path: Path) -> None:
    rules = tmp_path / "x.toml"
    rules.write_text("a = 1")
    first = rulecache.fingerprint([rules], "1")
    assert first == rulecache.fingerprint([rules], "1")
    assert first != rulecache.fingerprint([rules], "2")
    rules.write_text("a = 12")
    assert first != rulecache.fingerprint([rules], "1")
    assert rulecache.fingerprint([tmp_path / "gone.toml"], "1") is None


def test_the_cached_languages_are_the_parsed_ones() -> None:
    # What this process read (from the cache or the files) equals a fresh parse.
    fresh = {}
    folder = Path(lexicon.__file__).parent / "rules" / "lang"
    for language in lexicon.languages():
        data: dict[str, object] = {}
        for path in (
            folder / "generated" / f"{language.code}.toml",
            folder / f"{language.code}.toml",
        ):
            if path.exists():
                lexicon._merge(data, lexicon._read(path))
        # (letters as drafts are read, and other spellings, come after the cache)
        fresh[language.code] = lexicon.as_read(data)
    assert fresh == {language.code: language.data for language in lexicon.languages()}
