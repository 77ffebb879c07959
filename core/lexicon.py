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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from presend.core.model import RulePackError

#: The code of the file of words that hold in a draft of any language (product names,
#: "NDA", "Upwork Enterprise", "24" with a word for months): read in every draft.
ANY_LANGUAGE = "mul"


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

    def parse() -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for code in sorted(hand.keys() | made.keys(), key=lambda c: (c != "en", c)):
            data = merged[code] = {}
            for entry in (made.get(code), hand.get(code)):
                if entry is not None:
                    _merge(data, _read(entry))
        return merged

    from presend.core import __version__, rulecache  # noqa: PLC0415 - import cycle

    key = rulecache.fingerprint([*hand.values(), *made.values()], __version__)
    merged = rulecache.load("lang", key, parse, _well_formed)
    found: list[Language] = []
    for code, data in merged.items():  # English first, as parsed
        meta = data.get("lang", {})
        data = _as_drafts_read(data)  # noqa: PLW2901 - the same table, as drafts are read
        if meta.get("cyrillic"):
            data = _with_cyrillic(data)  # noqa: PLW2901 - the same table, in both scripts
        found.append(Language(str(meta.get("code", code)), str(meta.get("name", code)), data))
    return tuple(found)


#: Serbian's Latin letters and digraphs to its Cyrillic ones, one to one (Vuk's and
#: Gaj's alphabets): a language written in both keeps its words in Latin only.
_LATIN_TO_CYRILLIC = {
    "lj": "љ", "nj": "њ", "dž": "џ", "dj": "ђ", "a": "а", "b": "б", "c": "ц", "č": "ч",
    "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш",
    "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip
#: What a pattern says that is not a word: an escape ("\w", "\b") or a placeholder
#: ("{app}"), kept as it is; else a letter or digraph to spell in Cyrillic.
_PATTERN_PIECE = re.compile(
    r"\\.|\{[a-z]+\}|" + "|".join(sorted(map(re.escape, _LATIN_TO_CYRILLIC), key=len, reverse=True))
)


def to_cyrillic(entry: str) -> str:
    """A word or pattern written in Serbian's Latin letters, in its Cyrillic ones."""
    return _PATTERN_PIECE.sub(lambda m: _LATIN_TO_CYRILLIC.get(m.group(0), m.group(0)), entry)


def _with_cyrillic(data: dict[str, Any]) -> dict[str, Any]:
    """A language file written in Latin letters (``[lang] cyrillic = true``), each word
    also spelled in Cyrillic: Serbian is written in both, word for word the same."""

    def both(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: both(v, k) for k, v in value.items()}
        if isinstance(value, list) and key not in _ONE_SCRIPT:
            spelled = [to_cyrillic(v) for v in value if isinstance(v, str)]
            return value + [v for v in spelled if v not in value]
        return value

    meta = data.get("lang", {})
    out: dict[str, Any] = {k: both(v) for k, v in data.items() if k not in ("lang", "examples")}
    out["lang"] = {**meta, "markers": both(meta.get("markers", []), "markers")}
    if "examples" in data:
        out["examples"] = data["examples"]
    return out


def _as_drafts_read(data: dict[str, Any]) -> dict[str, Any]:
    """The words of a language file with their letters in the form a draft's letters
    take once normalised (NFKC, lower case): Thai "ทำ" is read as "ทํา" (sara am split
    in two), so a pattern written "ทำงาน" as people type it would never match;
    full-width "ｉｄ" is read as "id". Only letters, marks and digits are rewritten:
    punctuation may be a regex's own syntax ("？" would turn into a quantifier)."""

    def fixed(value: Any) -> Any:
        if isinstance(value, str):
            if value.isascii() or unicodedata.is_normalized("NFKC", value):
                return value
            return "".join(_letter_as_read(ch) for ch in value)
        if isinstance(value, list):
            return [fixed(v) for v in value]
        if isinstance(value, dict):
            return {k: fixed(v) for k, v in value.items()}
        return value

    return {k: (v if k == "examples" else fixed(v)) for k, v in data.items()}


def _letter_as_read(ch: str) -> str:
    if ch.isascii() or unicodedata.category(ch)[0] not in "LMN":
        return ch
    expanded = unicodedata.normalize("NFKC", ch).lower()
    if all(c.isalnum() or unicodedata.category(c)[0] == "M" for c in expanded):
        return expanded
    return ch


#: Lists that are not words of the language (region codes).
_ONE_SCRIPT = frozenset(("regions",))


def _well_formed(stored: Any) -> bool:
    """Whether a cached copy of the parsed files has their shape."""
    return (
        isinstance(stored, dict)
        and "en" in stored
        and all(
            isinstance(data, dict) and isinstance(data.get("lang", {}), dict)
            for data in stored.values()
        )
    )


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


def _word_char_class() -> str:
    """A regex class for the characters a word is made of: ``\\w`` plus the vowel signs
    and other combining marks of the scripts of South Asia and the Arabic script, which
    Python's ``\\w`` leaves out (so "\\b" would cut "दो" in two), but not their
    punctuation ("؟", "।")."""
    marks = [chr(c) for c in range(0x0600, 0x0E00) if unicodedata.category(chr(c)) in ("Mn", "Mc")]
    return "[\\w" + "".join(re.escape(m) for m in marks) + "]"


#: A character of a word, in any script (see ``_word_char_class``).
WORD_CHAR = _word_char_class()


def words(section: str, key: str) -> list[str]:
    """The entries of ``[section] key`` across every language, in file order, once each."""
    seen: dict[str, None] = {}
    for language in languages():
        for entry in language.data.get(section, {}).get(key, []):
            seen.setdefault(str(entry), None)
    return list(seen)


def words_of(code: str, section: str, key: str) -> list[str]:
    """The entries of ``[section] key`` in one language's file."""
    for language in languages():
        if language.code == code:
            return [str(e) for e in language.data.get(section, {}).get(key, [])]
    return []


@cache
def numbers_by_language() -> dict[str, dict[str, str]]:
    """Each language's words for digits and two-digit numbers (lower case, single
    spaces), each to its digits."""
    tables: dict[str, dict[str, str]] = {}
    for language in languages():
        table = tables.setdefault(language.code, {})
        section = language.data.get("numbers", {})
        for group in ("digits", "pairs", "extra"):
            for value, spelled in section.get(group, {}).items():
                for word in spelled:
                    table.setdefault(" ".join(str(word).lower().split()), str(value))
    return tables


@cache
def hundreds_by_language() -> dict[str, dict[str, str]]:
    """Each language's words for a number of hundreds ("sto", "pięćset", "दो सौ"), each
    to the digit of its hundreds: said before the rest of a three-digit number."""
    tables: dict[str, dict[str, str]] = {}
    for language in languages():
        section = language.data.get("numbers", {}).get("hundreds", {})
        table = tables.setdefault(language.code, {})
        for value, spelled in section.items():
            for word in spelled:
                table.setdefault(" ".join(str(word).lower().split()), str(value))
    return tables


def numbers() -> dict[str, str]:
    """Every language's words for digits and two-digit numbers, each to its digits."""
    table: dict[str, str] = {}
    for words_of_language in numbers_by_language().values():
        for word, value in words_of_language.items():
            table.setdefault(word, value)
    return table


def prefixes(entries: list[str]) -> tuple[str, ...]:
    """A literal each entry's matches begin with ("what'?s" -> "what"), for patterns
    searched only where one of their first words begins a word."""
    found: list[str] = []
    for entry in map(_without_leading_lookarounds, entries):
        # "(?:phone|number) field": each alternative of a leading group is a beginning.
        group = re.match(r"\(\?:([^()]*)\)(?![?*])", entry)
        if group is not None:
            found.extend(prefixes(group.group(1).split("|")))
            continue
        literal = re.match(r"[^\\?*+()\[\]{}|.]*", entry)
        head = literal.group(0) if literal else ""
        if entry[len(head) : len(head) + 1] in ("?", "*"):
            head = head[:-1]
        found.append(head.split(" ")[0] or entry[:1])
    return tuple(sorted(set(found)))


def _without_leading_lookarounds(entry: str) -> str:
    """``entry`` without the look-behinds and look-aheads it opens with, which match no
    text ("(?<!\\bon\\W)records?" begins where "records?" does)."""
    while entry.startswith(("(?<!", "(?<=", "(?!", "(?=")):
        depth = 0
        for i, char in enumerate(entry):
            if char == "(" and (i == 0 or entry[i - 1] != "\\"):
                depth += 1
            elif char == ")" and entry[i - 1] != "\\":
                depth -= 1
                if depth == 0:
                    entry = entry[i + 1 :]
                    break
        else:
            return entry  # unbalanced: leave it to the regex compiler to complain
    return entry


def alternation(entries: list[str]) -> str:
    """A regex group matching any of ``entries`` (longest first, spaces as white space)."""
    if not entries:
        return "(?!)"  # matches nothing, as an empty list should
    ordered = sorted(set(entries), key=len, reverse=True)
    return "(?:" + "|".join(e.replace(" ", r"\s+") for e in ordered) + ")"


@cache
def pattern(section: str, key: str, *, edges: bool = True) -> re.Pattern[str]:
    """``[section] key`` of every language as one pattern, matched at word edges unless
    ``edges`` is false (entries that carry their own edges)."""
    group = alternation(words(section, key))
    return re.compile(rf"\b{group}\b" if edges else group)


#: Letters of each script a language file may name as its own (``[lang] script``).
_SCRIPTS = {
    "Cyrl": "\u0400-\u04ff",
    "Arab": "\u0600-\u06ff",
    "Deva": "\u0900-\u097f",
    "Beng": "\u0980-\u09ff",
    "Hani": "\u3400-\u4dbf\u4e00-\u9fff",
    "Hang": "\uac00-\ud7af\u1100-\u11ff",
    "Grek": "\u0370-\u03ff\u1f00-\u1fff",
    "Hebr": "\u0590-\u05ff",
    "Thai": "\u0e00-\u0e7f",
}
#: Letters of the scripts written without spaces between words: Thai, kana and Han.
UNSPACED_LETTERS = _SCRIPTS["Thai"] + "\u3040-\u30ff" + _SCRIPTS["Hani"]
#: Those, and Hangul syllables, whose particles run on without a space too: letters a
#: detail in Latin letters can touch ("联系我abc@gmail.com", "tanaka@gmail.comです",
#: "abc@gmail.com으로"); with the compatibility ideographs.
GLUED_LETTERS = UNSPACED_LETTERS + "\uac00-\ud7af\uf900-\ufaff"
#: An entry that begins (after any "\w*") with an unspaced letter (Hangul is not one:
#: Korean words stand between spaces): matched anywhere, not at word edges
#: ("ระบบชำระเงิน" is a topic word inside "เชื่อมต่อระบบชำระเงินพร้อมเพย์").
_UNSPACED_ENTRY = re.compile(rf"^[\\w*]*[{UNSPACED_LETTERS}]")


def by_spacing(entries: Iterable[str]) -> tuple[list[str], list[str]]:
    """``entries`` split by how a draft is searched for them: those of languages written
    with spaces, to match at word edges, and those written in Thai, kana or Han letters,
    which stand glued to the words around them ("いただいた原稿の"), to match anywhere."""
    spaced: list[str] = []
    glued: list[str] = []
    for entry in entries:
        (glued if _UNSPACED_ENTRY.match(entry) else spaced).append(entry)
    return spaced, glued


#: Distinct marker words of a language written in Latin letters that a draft must hold
#: before it is read as that language; a short draft ("whatsapp karo") needs one.
_MARKERS_NEEDED = 2
_SHORT_DRAFT_WORDS = 12


@cache
def _evidence() -> tuple[tuple[str, re.Pattern[str] | None, frozenset[str]], ...]:
    english = frozenset(words("lang", "common_words"))
    found = []
    for language in languages():
        meta = language.data.get("lang", {})
        # Letters of its own script, or letters only it uses ("ş", "ğ", "ơ", "ư").
        ranges = "".join(_SCRIPTS.get(s, "") for s in meta.get("scripts", []))
        ranges += re.escape(str(meta.get("letters", "")))
        script = re.compile(f"[{ranges}]") if ranges else None
        # Two-letter markers say little and would be found everywhere as parts of words.
        markers = frozenset(m for m in meta.get("markers", []) if len(m) >= 3) - english
        found.append((language.code, script, markers))
    return tuple(found)


_LATIN_WORD = re.compile(r"[^\W\d_]+")
#: Letters of a script a draft must hold to be read in it: one look-alike letter of it
#: in an English draft is a disguise, not a language.
_SCRIPT_LETTERS = 4
#: In a long draft, one more marker word is needed for every this many words.
_WORDS_PER_MARKER = 300


def _holds_letters(script: re.Pattern[str], lower: str) -> bool:
    """Whether the draft holds enough letters of the script: a few in a short draft, one
    in a hundred and fifty characters of a long one."""
    needed = max(_SCRIPT_LETTERS, len(lower) // 150)
    return any(found >= needed for found, _ in enumerate(script.finditer(lower), start=1))


def present(lower: str, held: Iterable[str] | None = None) -> frozenset[str]:
    """The languages a lower-case draft shows signs of: English always; another when the
    draft holds letters of its script (or letters only it uses), or two of its marker
    words ("que", "para"; one in a short draft). ``held``, when given, are the marker
    words the draft is known to hold as whole words."""
    codes = {"en"}
    spaces = lower.count(" ")
    # A short draft needs one marker word, a long one more: in a long English text, two
    # marker words of some language turn up by chance.
    needed = 1 if spaces < _SHORT_DRAFT_WORDS else _MARKERS_NEEDED + spaces // _WORDS_PER_MARKER
    ascii_only = lower.isascii()
    draft_words = frozenset(held) if held is not None else frozenset(_LATIN_WORD.findall(lower))
    for code, script, markers in _evidence():
        if (script is not None and not ascii_only and _holds_letters(script, lower)) or len(
            markers & draft_words
        ) >= needed:
            codes.add(code)
    return frozenset(codes)


def leading(codes: Iterable[str], held: Iterable[str]) -> str | None:
    """Of the languages ``codes`` other than English, the one the draft holds the most
    marker words of (``held``: its marker words, as whole words), or None when none is
    ahead of every other: a Portuguese draft holds "que" and "para", which Spanish shares,
    but also "você" and "não", which it does not."""
    words = frozenset(held)
    counts = sorted(
        ((len(markers & words), code) for code, _, markers in _evidence() if code in codes),
        reverse=True,
    )
    counts = [(n, code) for n, code in counts if code != "en"]
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def all_markers() -> tuple[str, ...]:
    """Every language's marker words, for the quick first look of ``present``."""
    return tuple(sorted({m for _, _, markers in _evidence() for m in markers}))
