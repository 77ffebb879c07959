"""The words of every language Presend reads, from ``rules/lang/*.toml``.

Grammar lives in the detectors; the words they are filled with live in one data file per
language, so adding a language or a word never touches code. A hand-written file
(``rules/lang/<code>.toml``) is merged with the generated one of the same language
(``rules/lang/generated/<code>.toml``: number words and the words for "@" and ".", see
``tools/gen_lang.py``). Every language is read and their lists are merged, so a draft
that mixes languages is read with the words of each.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
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
        code_of = str(meta.get("code", code))
        found.append(Language(code_of, str(meta.get("name", code)), as_read(data)))
    return tuple(found)


def as_read(data: dict[str, Any]) -> dict[str, Any]:
    """A parsed language file (as cached) in the form drafts are read with: its letters
    as drafts' letters are normalised, and its entries also spelled in Cyrillic, in
    Greeklish or without diacritics, as its ``[lang]`` table says."""
    meta = data.get("lang", {})
    data = _as_drafts_read(data)
    if meta.get("cyrillic"):
        data = _with_cyrillic(data)  # the same table, in both scripts
    if meta.get("greeklish"):
        data = _with_greeklish(data)  # and in Latin letters
    if meta.get("typed_plain", True):
        data = _with_plain_spellings(data)  # and typed without diacritics
    return data


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


#: Sections whose entries are also read typed without diacritics ("nemuzu" for
#: "nemůžu", "zavinac" for "zavináč"), and the lists of [numbers] that are cues, not
#: number words (a plain "piec" is no "pięć").
_PLAIN_SECTIONS = frozenset(
    ("phrases", "refusal", "ask", "exception_cues", "exception_not_asked", "payment",
     "work", "topic", "email", "apps", "invite")
)  # fmt: skip
_PLAIN_NUMBER_KEYS = frozenset(("cues", "other_cues", "pieces"))


def _with_plain_spellings(data: dict[str, Any]) -> dict[str, Any]:
    """A language file's cue words also spelled without the diacritics of their Latin
    letters, as many type them on an English keyboard ("nie moge", "nu pot", "mozes"):
    each entry with such a letter gets its plain twin beside it. Letters are all a
    pattern's syntax leaves alone, so the twin is a pattern too."""
    return _with_twins(data, _plain_twin, _PLAIN_SECTIONS)


def _with_twins(
    data: dict[str, Any], twin: Callable[[str], str | None], sections: frozenset[str]
) -> dict[str, Any]:
    """``data`` with each string entry of ``sections`` (and of the number cues) followed
    by its ``twin`` where that differs and is not listed already."""

    def both(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: both(v) for k, v in value.items()}
        if isinstance(value, list):
            spelled = [twin(v) for v in value if isinstance(v, str)]
            return value + [v for v in dict.fromkeys(spelled) if v and v not in value]
        return value

    out = dict(data)
    for section, table in data.items():
        if not isinstance(table, dict):
            continue
        if section in sections:
            out[section] = both(table)
        elif section == "numbers":
            out[section] = {k: both(v) if k in _PLAIN_NUMBER_KEYS else v for k, v in table.items()}
    return out


#: Greek letters as Greek typed in Latin letters (Greeklish) spells them, pairs first:
#: "η" as "h" or "i", "ω" as "w" or "o", "θ" as "th" or "8", "ου" as "ou" or "u".
_GREEKLISH = {
    "ου": "(?:ou|u)", "ει": "(?:ei|i)", "οι": "(?:oi|i)", "αι": "(?:ai|e)",
    "αυ": "(?:au|av|af)", "ευ": "(?:eu|ev|ef)", "μπ": "(?:mp|b)", "ντ": "(?:nt|d)",
    "γγ": "(?:gg|ng)", "γκ": "(?:gk|g)", "α": "a", "β": "[bv]", "γ": "g", "δ": "d",
    "ε": "e", "ζ": "z", "η": "[hi]", "θ": "(?:th|8)", "ι": "i", "κ": "k", "λ": "l",
    "μ": "m", "ν": "n", "ξ": "(?:ks|x)", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s",
    "τ": "t", "υ": "[yui]", "φ": "f", "χ": "(?:x|ch|h)", "ψ": "(?:ps)", "ω": "[wo]",
}  # fmt: skip


def _greek_base(ch: str) -> str:
    """A Greek letter without its accent ("ά" -> "α")."""
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def to_greeklish(entry: str) -> str | None:
    """A pattern written in Greek letters, as Greek typed in Latin letters matches it
    ("στείλε μου" -> "steile m(?:ou|u)" and the like), or None when it holds no Greek
    letter or a class this cannot spell."""
    out: list[str] = []
    behind: list[int] = []  # the depth of each open look-behind: fixed width, kept Greek
    i, n, greek, depth = 0, len(entry), False, 0
    while i < n:
        ch = entry[i]
        if ch == "\\":
            out.append(entry[i : i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
            if entry.startswith(("(?<=", "(?<!"), i):
                behind.append(depth)
        elif ch == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        if behind and ch not in "()":
            if _GREEKLISH.get(_greek_base(ch)):
                return None
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            j = i + 1
            while j < n and entry[j] != "]":
                j += 2 if entry[j] == "\\" else 1
            body = entry[i + 1 : j]
            if any(_GREEKLISH.get(_greek_base(c)) for c in body):
                if body.startswith("^") or "-" in body or "\\" in body:
                    return None
                options = [_GREEKLISH.get(_greek_base(c), re.escape(c)) for c in body]
                out.append("(?:" + "|".join(dict.fromkeys(options)) + ")")
                greek = True
            else:
                out.append(entry[i : j + 1])
            i = j + 1
            continue
        pair = _greek_base(ch) + _greek_base(entry[i + 1 : i + 2])
        if pair in _GREEKLISH and entry[i + 2 : i + 3] not in ("?", "*", "+", "{"):
            out.append(_GREEKLISH[pair])
            greek = True
            i += 2
            continue
        spelled = _GREEKLISH.get(_greek_base(ch))
        out.append(spelled if spelled is not None else ch)
        greek = greek or spelled is not None
        i += 1
    return "".join(out) if greek else None


#: Sections read in Greeklish too: what is typed as patterns (not the words for "@" and
#: ".", nor the number words, which are listed words).
_GREEKLISH_SECTIONS = _PLAIN_SECTIONS - {"email"}


def _with_greeklish(data: dict[str, Any]) -> dict[str, Any]:
    """A language file written in Greek letters (``[lang] greeklish = true``), each cue
    entry also spelled as Greek typed in Latin letters: "kalhspera, steile mou to kinhto
    sou" is Greek."""
    return _with_twins(data, to_greeklish, _GREEKLISH_SECTIONS)


def _plain_twin(entry: str) -> str | None:
    """``entry`` typed without diacritics ("nemůžu" -> "nemuzu"), or None when nothing it
    matches has any. A look-around keeps both spellings ("(?<!thông )" becomes
    "(?<!th[ôo]ng )"): what it rules out stays ruled out, typed either way."""
    folds = _latin_folds()
    out: list[str] = []
    guards: list[int] = []  # the depth of each open look-around
    depth, i, n, changed = 0, 0, len(entry), False
    while i < n:
        ch = entry[i]
        if ch == "\\":
            out.append(entry[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = i + 1
            while j < n and entry[j] != "]":
                j += 2 if entry[j] == "\\" else 1
            body = entry[i + 1 : j]
            plain = "".join(
                dict.fromkeys(
                    p for c in body if len(p := folds.get(ord(c), "")) == 1 and p not in body
                )
            )
            # (a letter with a diacritic at a range's end keeps its class as it is)
            if plain and "-" not in body and not body.startswith("^"):
                out.append(f"[{body}{plain}]")
                changed = changed or not guards
            else:
                out.append(entry[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
            if entry.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                guards.append(depth)
        elif ch == ")":
            if guards and guards[-1] == depth:
                guards.pop()
            depth -= 1
        folded = folds.get(ord(ch))
        if folded is None:
            out.append(ch)
        elif guards:
            out.append(f"[{ch}{folded}]" if len(folded) == 1 else f"(?:{ch}|{folded})")
        else:
            out.append(folded)
            changed = True
        i += 1
    return "".join(out) if changed else None


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


#: How much a word of the draft weighs as evidence of a language written with spaces
#: (its marker words, ``[lang] markers``, and the words of its own cues): a word of
#: three letters or more weighs two; a two-letter one ("nu", "je") one, as such words
#: are shared by many languages; one of its few distinctive function words
#: (``[lang] function_words``: Polish "się", Tagalog "namin") four, as one is enough.
_WEIGHT_WORD = 2
_WEIGHT_SHORT = 1
_WEIGHT_FUNCTION = 4
#: Evidence a draft must hold before it is read as a language written in Latin letters
#: (in the units above: two words, or one function word).
_EVIDENCE_NEEDED = 2 * _WEIGHT_WORD
_SHORT_DRAFT_WORDS = 12
#: A short draft holding a single word of a language is read in it only while it holds
#: no more than this many everyday English words ("gracias" or "ciao" in an English
#: draft, or a name that is some language's word, leaves it English), and one holding
#: more only while they do not outnumber the language's words.
_STRAY_ENGLISH = 1
#: Words of a language's cues shorter than this count only as half of a two-word cue
#: ("nu pot"); alone they are too often some other language's words.
_CUE_WORD_LETTERS = 4
#: Sections whose entries are a language's own words: its requests, refusals,
#: postponements and exceptions, and the words it calls a number a phone number by.
_CUE_SECTIONS = ("phrases", "refusal", "ask", "exception_cues", "exception_not_asked")
_CUE_KEYS = (
    ("numbers", "cues"),
    ("numbers", "other_cues"),
    ("payment", "arranged"),
    ("email", "at"),
    ("email", "dot"),
)
#: A cue word found in the files of this many languages or more is international
#: ("iban", "online"), no sign of any one of them.
_INTERNATIONAL = 6
#: A word written plainly in a pattern: letters, a class of letters ("n[úu]mero") or an
#: optional letter ("meros?"), standing between spaces, group edges or "|" and running
#: on into nothing else ("retir\w*" holds no word "retir").
_PLAIN_WORD = r"(?:[^\W\d_]|\[[^\W\d_]+\])(?:[^\W\d_]|\[[^\W\d_]+\]|(?<=[^\W\d_\]])\?)*"
_CUE_WORD = re.compile(rf"(?:(?<![^\s(|:])|(?<=\\b))({_PLAIN_WORD})(?:\\b)?(?=[\s)|]|$)")
_SPELLING_PIECE = re.compile(r"\[([^\]]+)\]|(.)\?|(.)")
#: At most this many spellings of one word are read ("[aá]" doubles them).
_SPELLINGS = 16


@cache
def _latin_folds() -> dict[int, str]:
    """Latin letters with diacritics, each to its plain letter(s): "ę" -> "e", "ł" -> "l",
    "ů" -> "u", "ș" -> "s". Other scripts are left alone (a Devanagari vowel sign is a
    letter of its word, not an accent)."""
    extra = {"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "ħ": "h"}
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        plain = extra.get(ch) or "".join(
            c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
        )
        if plain != ch and plain.isascii() and plain.isalpha():
            table[code] = plain
    return table


def fold(word: str) -> str:
    """``word`` with the diacritics of its Latin letters taken off ("nemůžu" -> "nemuzu",
    "mogę" -> "moge"), as many people type their language on an English keyboard."""
    return word if word.isascii() else word.translate(_latin_folds())


def _is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in word)


def _spelled(word: str) -> list[str]:
    """The spellings of a word written plainly in a pattern ("n[úu]meros?" -> "número",
    "numero", "números", "numeros")."""
    out = [""]
    for m in _SPELLING_PIECE.finditer(word):
        if m.group(1) is not None:
            options = list(m.group(1))
        elif m.group(2) is not None:
            options = ["", m.group(2)]
        else:
            options = [m.group(3)]
        out = [a + b for a in out for b in options][:_SPELLINGS]
    return out


def _cue_texts(data: dict[str, Any]) -> list[str]:
    """A language file's cue entries: what its requests, refusals and exceptions say."""
    texts: list[str] = []
    for section in _CUE_SECTIONS:
        for value in data.get(section, {}).values():
            if isinstance(value, list):
                texts.extend(v for v in value if isinstance(v, str))
    for section, key in _CUE_KEYS:
        texts.extend(v for v in data.get(section, {}).get(key, []) if isinstance(v, str))
    # Its number words ("twaalf", "vijf"): numbers read out are a sign of the language.
    numbers = data.get("numbers", {})
    for group in ("digits", "pairs", "extra"):
        for spelled in numbers.get(group, {}).values():
            texts.extend(v for v in spelled if isinstance(v, str))
    return texts


def _cue_words(entry: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The whole words, and the pairs of words in a row, an entry spells plainly
    (folded, lower case; never a piece cut off a longer word, "retir" of "retir\\w*")."""
    singles: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    last: tuple[int, list[str]] | None = None
    source = entry.replace("\\s+", " ")
    for m in _CUE_WORD.finditer(source):
        spelled = [fold(w.lower()) for w in _spelled(m.group(1))]
        singles.update(spelled)
        if last is not None and source[last[0] : m.start()] in (" ", " \\b"):
            pairs.update((a, b) for a in last[1] for b in spelled if a and b)
        last = (m.end(), spelled)
    singles.discard("")
    return singles, pairs


@dataclass(frozen=True, slots=True)
class _Evidence:
    #: Each word (folded) to the languages it is evidence of, with its weight.
    words: dict[str, tuple[tuple[str, int], ...]]
    #: Each pair of words in a row (folded, joined by a space) to the languages whose
    #: cue it is.
    pairs: dict[str, tuple[str, ...]]
    #: Everyday English words that are no other language's words.
    english: frozenset[str]
    #: Languages told by their letters: code, letters.
    scripts: tuple[tuple[str, re.Pattern[str]], ...]


def _evidence_tables() -> dict[str, Any]:
    """Each word, and each pair of words, to the languages it is evidence of, from the
    language files (kept between runs with the parsed files: see ``rulecache``)."""
    common = frozenset(fold(w) for w in words("lang", "common_words"))
    # Words of English or of every language (product names, "NDA"), and app names.
    shared: set[str] = set(common)
    for language in languages():
        if language.code in ("en", ANY_LANGUAGE):
            for text in _cue_texts(language.data):
                shared |= _cue_words(text)[0]
        for entries in language.data.get("apps", {}).values():
            for entry in entries if isinstance(entries, list) else ():
                shared |= _cue_words(entry)[0]
    # The apps and rails every draft is read for ("JazzCash", "Easypaisa" in an English
    # request): names, not one language's words, wherever a language file also cites them.
    for entries in _vocabulary_apps().values():
        for entry in entries if isinstance(entries, list) else ():
            shared |= _app_names(str(entry))
    weights: dict[str, dict[str, int]] = {}
    pairs: dict[str, set[str]] = {}
    heard: dict[str, set[str]] = {}
    foreign: set[str] = set()  # every marker word of another language, English or not
    for language in languages():
        code, meta = language.code, language.data.get("lang", {})
        if code in ("en", ANY_LANGUAGE):
            continue
        own = weights.setdefault(code, {})
        ranked = [
            *((fold(str(m).lower()), _WEIGHT_WORD) for m in meta.get("markers", [])),
            *((fold(str(m).lower()), _WEIGHT_FUNCTION) for m in meta.get("function_words", [])),
        ]
        for word, weight in ranked:
            foreign.add(word)
            if len(word) >= 2 and word not in shared:
                weight = weight if len(word) >= 3 else _WEIGHT_SHORT  # noqa: PLW2901
                own[word] = max(own.get(word, 0), weight)
        if not language.spaced:
            continue
        for text in _cue_texts(language.data):
            singles, twos = _cue_words(text)
            for word in singles:
                if len(word) >= _CUE_WORD_LETTERS and _is_latin(word) and word not in shared:
                    heard.setdefault(word, set()).add(code)
            for a, b in twos:
                if _is_latin(a + b) and not (a in common and b in common) and a != b:
                    pairs.setdefault(f"{a} {b}", set()).add(code)
    for word, codes in heard.items():
        if len(codes) < _INTERNATIONAL:
            for code in codes:
                weights[code].setdefault(word, _WEIGHT_WORD)
    by_word: dict[str, list[list[Any]]] = {}
    for code, own in weights.items():
        for word, weight in own.items():
            by_word.setdefault(word, []).append([code, weight])
    return {
        "words": by_word,
        "pairs": {p: sorted(c) for p, c in pairs.items() if len(c) < _INTERNATIONAL},
        "english": sorted(common - foreign),
    }


#: What a name in vocabulary.toml's [apps] may hold between its letters: an optional
#: space or dash ("easy\\s?paisa", "e-?transfer").
_NAME_GAP = re.compile(r"\\s[?*+]|\[[^\]]*\][?*]|\\?[-.]\?|\(\?:|[()?]")


def _app_names(entry: str) -> set[str]:
    """The one-word names an app entry of vocabulary.toml matches, written together
    ("easy\\s?paisa" gives "easypaisa"), folded."""
    names = set()
    for choice in entry.split("|"):
        glued = _NAME_GAP.sub("", choice).lower()
        if glued.isalpha():
            names.add(fold(glued))
    return names


def _vocabulary_apps() -> dict[str, Any]:
    from presend.core.rulepack import vocabulary  # noqa: PLC0415 - import cycle

    apps: dict[str, Any] = vocabulary().get("apps", {})
    return apps


@cache
def _evidence() -> _Evidence:
    from presend.core import __version__, rulecache  # noqa: PLC0415 - import cycle

    folder = resources.files("presend.core").joinpath("rules", "lang")
    files = [p for p in folder.iterdir() if p.name.endswith(".toml")]
    files.append(resources.files("presend.core").joinpath("rules", "vocabulary.toml"))
    made = folder.joinpath("generated")
    if made.is_dir():
        files += [p for p in made.iterdir() if p.name.endswith(".toml")]
    key = rulecache.fingerprint(files, f"{__version__}/evidence")
    tables = rulecache.load(
        "evidence",
        key,
        _evidence_tables,
        lambda t: isinstance(t, dict) and {"words", "pairs", "english"} <= t.keys(),
    )
    scripts: list[tuple[str, re.Pattern[str]]] = []
    for language in languages():
        meta = language.data.get("lang", {})
        # Letters of its own script, or letters only it uses ("ş", "ğ", "ơ", "ư").
        ranges = "".join(_SCRIPTS.get(s, "") for s in meta.get("scripts", []))
        ranges += re.escape(str(meta.get("letters", "")))
        if ranges:
            scripts.append((language.code, re.compile(f"[{ranges}]")))
    return _Evidence(
        {w: tuple((str(c), int(n)) for c, n in found) for w, found in tables["words"].items()},
        {p: tuple(codes) for p, codes in tables["pairs"].items()},
        frozenset(tables["english"]),
        tuple(scripts),
    )


_LATIN_WORD = re.compile(r"[^\W\d_]+")
#: Letters of a script a draft must hold to be read in it: one look-alike letter of it
#: in an English draft is a disguise, not a language.
_SCRIPT_LETTERS = 4
#: In a long draft, one more word of a language is needed for every this many words.
_WORDS_PER_MARKER = 300


def _holds_letters(script: re.Pattern[str], lower: str) -> bool:
    """Whether the draft holds enough letters of the script: a few in a short draft, one
    in a hundred and fifty characters of a long one."""
    needed = max(_SCRIPT_LETTERS, len(lower) // 150)
    return any(found >= needed for found, _ in enumerate(script.finditer(lower), start=1))


def scores(lower: str) -> tuple[dict[str, int], int]:
    """How much evidence a lower-case draft holds of each language written with spaces,
    and how many everyday English words it holds, in one pass over its words: each word
    (or pair of words of a cue) counts once, with or without its diacritics."""
    evidence = _evidence()
    tokens = [fold(t) for t in _LATIN_WORD.findall(lower)]
    held = set(tokens)
    found: dict[str, int] = {}
    for word in held:
        for code, weight in evidence.words.get(word, ()):
            found[code] = found.get(code, 0) + weight
    if evidence.pairs and len(tokens) > 1:
        for pair in {f"{a} {b}" for a, b in itertools.pairwise(tokens)}:
            for code in evidence.pairs.get(pair, ()):
                found[code] = found.get(code, 0) + _WEIGHT_WORD
    return found, len(held & evidence.english)


def reading(lower: str) -> tuple[frozenset[str], str | None]:
    """The languages a lower-case draft shows signs of (English always; see ``present``),
    and of those other than English the one it holds the most evidence of, or None when
    none is ahead of every other: a Portuguese draft holds "que" and "para", which
    Spanish shares, but also "você" and "não", which it does not."""
    evidence = _evidence()
    codes = {"en"}
    if not lower.isascii():
        codes.update(code for code, script in evidence.scripts if _holds_letters(script, lower))
    found, english = scores(lower)
    spaces = lower.count(" ")
    if spaces < _SHORT_DRAFT_WORDS:
        # A short draft: one word of the language is enough, unless English words stand
        # around it ("thanks for the update, ciao"); two are not, when English words
        # outnumber them ("thanks, I will send the files later", "later" being Dutch too).
        # A single word is no sign of a second language beside one the draft holds
        # enough words of ("po", "lang", "tayo" ... and a Spanish "mas").
        alone = max(found.values(), default=0) < _EVIDENCE_NEEDED
        for code, weight in found.items():
            if (weight >= _EVIDENCE_NEEDED and weight >= _WEIGHT_WORD * english) or (
                alone and weight >= _WEIGHT_WORD and english <= _STRAY_ENGLISH
            ):
                codes.add(code)
    else:
        # In a long English text, a few words of some language turn up by chance.
        needed = _EVIDENCE_NEEDED + _WEIGHT_WORD * (spaces // _WORDS_PER_MARKER)
        codes.update(code for code, weight in found.items() if weight >= needed)
    ranked = sorted(((n, code) for code, n in found.items() if code in codes), reverse=True)
    lead = None
    if ranked and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
        lead = ranked[0][1]
    return frozenset(codes), lead


def present(lower: str) -> frozenset[str]:
    """The languages a lower-case draft shows signs of: English always; another when the
    draft holds letters of its script (or letters only it uses), or enough of its words,
    with or without their diacritics: its marker words ("que", "para") and the words of
    its own cues ("nemůžu", "nu pot"). Two are needed, or one of its few distinctive
    function words, or in a short draft one that stands among next to no English words."""
    return reading(lower)[0]


def plain_words(entry: str) -> list[str]:
    """The words an entry of a language file spells plainly, each way it spells them
    ("nie mog[eę]" -> "nie", "moge", "mogę"), lower case."""
    return [
        word
        for m in _CUE_WORD.finditer(entry.replace("\\s+", " "))
        for word in _spelled(m.group(1).lower())
        if word
    ]


@cache
def evidence_words(code: str) -> frozenset[str]:
    """The words (folded) a draft may hold as a sign of language ``code``, one or two
    of them enough (two-letter words, which count half, left out)."""
    return frozenset(
        word
        for word, found in _evidence().words.items()
        if any(c == code and n >= _WEIGHT_WORD for c, n in found)
    )
