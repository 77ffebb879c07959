"""Turn a draft into a searchable form while remembering where every character came from.

Disguises are undone here once, so detectors can stay simple: look-alike letters, keycap
and full-width digits, zero-width characters, spelled-out digits, "[at]"/"(dot)" and
spaced-out handles all become plain ASCII. Each normalised character keeps the span of
original characters it stands for, so findings point at what the user actually typed.
"""

from __future__ import annotations

import base64
import codecs
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from presend.core import confusables, lexicon
from presend.core.literals import DRAFT
from presend.core.rulepack import vocabulary

# Characters that render as nothing but can split a word or a number in two.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f")
# Categories dropped outright: format controls, combining marks (accents, keycap frames,
# variation selectors) and unassigned or private-use code points.
_DROPPED_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cn", "Co", "Cs"})
_SPACE_LIKE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc"})
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# What the character-by-character pass must look at: all but printable ASCII and "\n".
_NEEDS_FOLDING = re.compile(r"[^\x20-\x7e\n]")


@dataclass(frozen=True, slots=True)
class Normalised:
    """A searchable form of a draft plus the map back to the original text."""

    original: str
    text: str
    #: starts[i] / ends[i]: the original span the i-th normalised character stands for
    #: (ranges while the text is plain ASCII and nothing was rewritten).
    starts: Sequence[int]
    ends: Sequence[int]
    #: The detectors' literals found in the final text's lower-case form, and the
    #: version of the literal set they were found with (see Draft): one pass serves both.
    found: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)
    found_version: int = field(default=-1, repr=False, compare=False)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original text's span."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        a, b = self.starts[start], self.ends[end - 1]
        # The marks dropped after the last character belong to it: the keycap frame of
        # "8️⃣", an accent typed after its letter.
        if b < len(self.original) and not self.original[b].isascii():
            mark = _DISGUISING_MARKS.match(self.original, b)
            if mark is not None:
                b = mark.end()
        return (a, b)

    def original_text(self, start: int, end: int) -> str:
        """The user's own characters behind a normalised span."""
        a, b = self.span(start, end)
        return self.original[a:b]


class TooLongError(ValueError):
    """The searchable form would be longer than the ``limit`` given to ``normalise``."""


def normalise(text: str, limit: int | None = None) -> Normalised:
    """Build the searchable form of ``text`` (see the module header for what is undone).

    With ``limit``, raise TooLongError as soon as the form grows past that many
    characters: one character can stand for many ("\ufdfa" for 18)."""
    out, starts, ends = _fold_characters(text, limit)
    norm = Normalised(text, out, starts, ends)
    lower = lower_same_length(out)
    found: dict[str, list[int]] | None = DRAFT.find_all(lower)
    for pattern, replace, gate in _REWRITES:
        # Each rewrite first asks a cheap question that every match would answer yes
        # (once the text has changed, the literals found no longer fit it, and the
        # questions that need them answer yes: disguised drafts are few).
        if not gate(lower, found):
            continue
        if pattern is _SPELLED:
            # The spelled-number rewrite reads the draft in the languages it holds words
            # of (their regex is compiled the first time a draft needs it).
            if found is None:
                found = DRAFT.find_all(lower)
            languages = _number_languages(found)
            lifted = _lifted_weak(lower) & _WEAK
            run, tokens = _spelled_pattern(languages, lifted)
            spelled = partial(_spelled, tokens=tokens, weak=_WEAK - lifted)
            rewritten = _rewrite(norm, run, spelled, lower)
        elif pattern is _JOIN_RUN:
            rewritten = _rewrite(norm, _join_pattern(lexicon.present(lower)), replace, lower)
        else:
            rewritten = _rewrite(norm, pattern, replace, lower)
        if rewritten is not norm:
            norm = rewritten
            lower = lower_same_length(norm.text)
            found = None
    if found is None:
        found = DRAFT.find_all(lower)
    return Normalised(norm.original, norm.text, norm.starts, norm.ends, found, DRAFT.version)


def _fold_characters(
    text: str, limit: int | None = None
) -> tuple[str, Sequence[int], Sequence[int]]:
    """Character by character: drop invisibles, NFKC, fold digits and look-alike letters."""
    if text.isascii():
        # Fast path for the common case: same length, so the map is the identity.
        folded = _ASCII_CONTROLS.sub(" ", text.replace("\r", " ").replace("\t", " "))
        return folded, range(len(text)), range(1, len(text) + 1)
    fold = confusables.fold_table()
    native = _native_words(text, fold)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    # Runs of printable ASCII are copied whole; only the characters between them are
    # looked at one by one.
    for m in _NEEDS_FOLDING.finditer(text):
        i = m.start()
        if i > last:
            pieces.append(text[last:i])
            starts.extend(range(last, i))
            ends.extend(range(last + 1, i + 1))
        last = i + 1
        ch = text[i]
        if ch.isascii():
            piece = " "  # a control character other than a line break
        elif ch in _INVISIBLE:
            continue
        elif ch in _CIRCLED_A and _circled_at(text, i):
            piece = "@"
        else:
            piece = _fold_one(ch, _NO_FOLD if i in native else fold)
            if not piece:
                continue
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([i + 1] * len(piece))
        if len(piece) > 1 and limit is not None and len(starts) > limit:
            raise TooLongError(f"over {limit:,} characters once expanded")
    if last < len(text):
        pieces.append(text[last:])
        starts.extend(range(last, len(text)))
        ends.extend(range(last + 1, len(text) + 1))
    return "".join(pieces), starts, ends


_NO_FOLD: dict[str, str] = {}
# A circled "a" right after a name and before a domain stands for "@": "castingⓐ studio.fr",
# "jan ⓐ gmail ⊙ com"
# (not inside a word spelled in circled letters: "ⓙⓞⓗⓝⓐ").
_CIRCLED_A = frozenset("\u24d0\u24b6")
_CIRCLED_AT_DOMAIN = re.compile(
    r" {0,2}[^\W_][\w\-]{0,62} {0,2}[.\u00b7\u2022\u2219\u22c5\u2027\u30fb\u2299\u2a00\u29bf]"
)


def _circled_at(text: str, i: int) -> bool:
    # (a space may stand between: "jan ⓐ gmail ⊙ com")
    before = text[i - 2] if i > 1 and text[i - 1] == " " else text[i - 1] if i else ""
    return (
        before.isascii()
        and (before.isalnum() or before in "._-")
        and _CIRCLED_AT_DOMAIN.match(text, i + 1) is not None
    )


#: Letters of words of another script after which a draft counts as written in it.
_NATIVE_LETTERS = 6
# Marks that only decorate a letter or digit, and so can hide it: accents, keycap
# frames, enclosing circles, variation selectors.
_DISGUISING_MARK = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\U000e0100-\U000e01ef]"
)
_DISGUISING_MARKS = re.compile(_DISGUISING_MARK.pattern + "+")
# A run of letters (no digits or underscore).
_LETTERS = re.compile(r"[^\W\d_]+")


def _native_words(text: str, fold: dict[str, str]) -> set[int]:
    """Positions of the letters of words written wholly in another script ("телеграм",
    "собака"): their look-alike letters are the language's own, not a disguise, so they
    are not folded. A word mixing scripts ("gmаil" with a Cyrillic "а") or made only of
    look-alikes ("раураl") is folded."""
    native: set[int] = set()
    look_alike_only: list[re.Match[str]] = []
    other_letters = 0
    for m in _LETTERS.finditer(text):
        word = m.group(0)
        if word.isascii() or any(c.isascii() for c in word):
            continue
        if all(c in fold for c in word):
            look_alike_only.append(m)
            continue
        native.update(range(m.start(), m.end()))
        other_letters += len(word)
    # "го", "у", "сахар" are Russian in a Russian draft; "раураl" in an English one is
    # a disguise: words made only of look-alikes stay as written when the draft has
    # words of their script that no look-alike could make.
    if other_letters >= _NATIVE_LETTERS:
        for m in look_alike_only:
            native.update(range(m.start(), m.end()))
    return native


def _fold_one(ch: str, fold: dict[str, str]) -> str:
    category = unicodedata.category(ch)
    if category in ("Mn", "Me") and not _DISGUISING_MARK.match(ch):
        return ch  # a vowel sign or virama of Devanagari, Bengali, Arabic: part of the word
    if category in _DROPPED_CATEGORIES:
        return ""
    if category in _SPACE_LIKE_CATEGORIES:
        return "\n" if category in ("Zl", "Zp") else " "
    # decimal() covers the digits of other scripts; digit() adds circled and dingbat
    # digits ("➍", "⓿") that people use to slip a number past a filter.
    digit = unicodedata.decimal(ch, None)
    if digit is None:
        digit = unicodedata.digit(ch, None)
    if digit is not None:
        return str(digit)
    if ch in fold:
        return fold[ch]
    expanded = unicodedata.normalize("NFKC", ch)
    if expanded.isascii():
        return expanded
    return "".join(fold.get(c, c) for c in expanded)


#: Given a match on the lower-case copy and the text in its own case, the replacement
#: (None: leave this match alone).
Replacer = Callable[[re.Match[str], str], str | None]


def _rewrite(
    norm: Normalised, pattern: re.Pattern[str], replace: Replacer, lower: str
) -> Normalised:
    """Replace every match for which ``replace`` gives a string; the new characters map
    to the whole original span of the text they replace.

    Patterns are lower case and run on a lower-case copy of the same length
    (re.IGNORECASE is several times slower); a replacer that needs the user's own case
    reads it from the text it is given, at the match's positions.
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    changed = False
    for m in pattern.finditer(lower):
        new = replace(m, norm.text)
        if new is None:
            continue
        changed = True
        a, b = m.span()
        pieces.append(norm.text[last:a])
        starts.extend(norm.starts[last:a])
        ends.extend(norm.ends[last:a])
        if new:
            o_start, o_end = norm.starts[a], norm.ends[b - 1]
            pieces.append(new)
            starts.extend([o_start] * len(new))
            ends.extend([o_end] * len(new))
        last = b
    if not changed:
        return norm
    pieces.append(norm.text[last:])
    starts.extend(norm.starts[last:])
    ends.extend(norm.ends[last:])
    return Normalised(norm.original, "".join(pieces), starts, ends)


# --- the rewrites, applied in order -------------------------------------------------


# "[at]", "(at)", "{at}", "<at>", "(@)" and the same for "dot".
# "(a)" is the "@" only before a domain ("sara (a) outlook.com"), not in a list ("(a) the logo").
def _bracketed(m: re.Match[str], _: str) -> str | None:
    word = m.group(1).lower()
    if word == "a":
        return "@" if _DOMAIN_AHEAD.match(m.string, m.end()) else None
    before = _LAST_WORD.search(m.string, max(0, m.start() - 20), m.start())
    after = _FIRST_WORD.match(m.string, m.end())
    if (
        before is not None
        and after is not None
        and before.group(0) in _SIGN_PROSE
        and after.group(1) in _SIGN_PROSE
    ):
        return None  # "write it with (at) and (dot) so it gets through": the signs named
    return "@" if word in _AT_SET else "."


_FIRST_WORD = re.compile(r"\W{0,3}([a-z]+)\b")
# Words around a bracketed sign that say the sign itself is talked about, not used.
_SIGN_PROSE = frozenset(
    "with and or the a an of to in is use using write written type typed say such like "
    "so then but for instead plus".split()
)


# Middle dot, bullet and their kin, and a dot in a circle (the "@" of "ⓐ" has its dot too);
# small squares, circles and diamonds typed as bullets ("514 ▪555▪ 0196", "acme ● com").
_DOT_LIKE = (
    "\u00b7\u2022\u2219\u22c5\u2027\u30fb\u2299\u2a00\u29bf"
    "\u25aa\u25ab\u25fe\u25fd\u25cf\u25e6\u2981\u2218\u26ab\U0001f538\U0001f539"
)
_DOMAIN_AHEAD = re.compile(
    rf" {{0,2}}[a-z0-9][a-z0-9\-]{{0,62}} {{0,2}}"
    # (the dot may be bracketed itself, not yet read: "ines(a)proton[.]me")
    rf"(?:[.{_DOT_LIKE}]|[\[({{<]?dot\b|[\[({{<] {{0,2}}(?:\.|period\b))"
)


# Letters or digits joined by middle dots or bullets: "m·a·r·t·a·@·x·.·i·o".
_DOT_LIKE_RUN = re.compile(rf"(?<![\w@])(?:[a-z0-9@_.] ?[{_DOT_LIKE}] ?){{4,}}[a-z0-9@_.](?![\w@])")


def _dot_like_run(m: re.Match[str], text: str) -> str:
    return re.sub(rf"[\s{_DOT_LIKE}]", "", text[m.start() : m.end()])


def _dot_like_as_dot(m: re.Match[str], text: str) -> str:
    return re.sub(f"[{_DOT_LIKE}]", ".", text[m.start() : m.end()])


def _has_dot_like(lower: str, _: Found | None) -> bool:
    return not lower.isascii() and not _DOT_LIKE_SET.isdisjoint(lower)


# HTML character references for the characters addresses are made of: "&#64;",
# "&#x40;", "&commat;", "&period;" (pasted from a web page, or typed to dodge a filter).
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));")
_NAMED_ENTITIES = {
    "commat": "@", "period": ".", "amp": "&", "lowbar": "_", "hyphen": "-", "dash": "-",
    "plus": "+", "colon": ":", "sol": "/", "lpar": "(", "rpar": ")", "nbsp": " ",
}  # fmt: skip


def _entity(m: re.Match[str], _: str) -> str | None:
    if m.group(3):
        return _NAMED_ENTITIES.get(m.group(3))
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    return chr(code) if 32 <= code < 0x110000 and not 0xD800 <= code < 0xE000 else None


def _has_entity(lower: str, _: Found | None) -> bool:
    return "&" in lower and ";" in lower


# A 0x address written in spaced groups ("0x71C7 656E C7ab ..."), joined when the groups
# make the 40 hex digits of one.
_SPACED_HEX = re.compile(r"(?<![\w])0x(?:[0-9a-f]{2,10} ){3,19}[0-9a-f]{2,10}(?![\w])")


def _spaced_hex(m: re.Match[str], text: str) -> str | None:
    run = text[m.start() : m.end()].replace(" ", "")
    return run if len(run) == 42 else None


def _has_spaced_hex(lower: str, _: Found | None) -> bool:
    return "0x" in lower


# A bech32 address (Bitcoin, Litecoin) written in spaced groups ("bc1q 9h7 w3x ..."),
# over one line or two,
# joined when every group holds only bech32 letters and together they are long enough
# to be one (the checksum and the wallet words are the crypto detector's to judge).
# A group without a digit joins only before one with a digit, so the words after the
# address ("... 7cu 3a send the rest") stay words.
_BECH32_GROUP = r"[02-9ac-hj-np-z]{2,12}"
# Letter groups join when a group with a digit follows within three: "gdyg jrsq tzq2".
_BECH32_LETTERS_THEN_DIGIT = r"(?:[ \n][02-9ac-hj-np-z]{2,12}){0,2}[ \n][a-z]*\d"
_SPACED_BECH32 = re.compile(
    r"(?<![\w])(?:bc|ltc|tb)1[02-9ac-hj-np-z]{0,12}"
    rf"(?:[ \n](?:(?=[a-z]*\d){_BECH32_GROUP}|"
    rf"{_BECH32_GROUP}(?={_BECH32_LETTERS_THEN_DIGIT}))){{3,30}}"
    # the last group, letters only, where the line, the sentence or a quotation ends:
    # "... kkfj hx0w lh", '"... wf5m dq" as agreed'
    r"(?:[ ](?:[02-9ac-hj-np-z]{1,4})(?=[ ]*(?:$|\n|[.,;!?)\]\"'\u201d\u2019])))?(?![\w])",
    re.MULTILINE,
)


def _spaced_bech32(m: re.Match[str], text: str) -> str | None:
    # (its groups may run on to the next line: "bc1q 9h7g z4yx\nwq8e 0n5t ...")
    run = re.sub(r"[ \n]", "", text[m.start() : m.end()])
    return run if 14 <= len(run) <= 90 else None


def _has_spaced_bech32(lower: str, _: Found | None) -> bool:
    return "c1" in lower or "tb1" in lower


# A Discord tag's "#" said in words: "kai.moon (hash) 0 4 2 7", "nikodesign hash 4471",
# "rena [pound] 0042": a name, the sign's name, four digits (spaced or not).
_SPOKEN_HASH = re.compile(
    r"(?<=[a-z0-9_.])[ ]{0,2}(?:[\[({<][ ]?)?(?:hashtag|hash|pound(?: sign)?|number sign)"
    r"(?:[ ]?[\])}>])?[ ]{0,2}(\d(?:[ ]?\d){3})(?![\w])"
)


def _spoken_hash(m: re.Match[str], _: str) -> str | None:
    name = _NAME_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    if name is None or not any(c.isalpha() for c in name.group(0)):
        return None  # "12 pound 2345": a weight and a number, no name
    return "#" + m.group(1).replace(" ", "")


_NAME_BEFORE = re.compile(r"[\w.]+$")


def _has_spoken_hash(lower: str, _: Found | None) -> bool:
    return "hash" in lower or "pound" in lower or "number sign" in lower


# A detail written in pieces, the draft saying to join them: "$ jay  dub  designs (no
# spaces)", "/in/ tomas - ferreira - 9b2 (remove the spaces)", "jobs at pixelforge studio
# (one word) dot io" (the words of every language, [email] join). The pieces are the
# words right before the words that say so, back to the first everyday word, punctuation
# or the line's start: at most eight, and two at least. Where the detail goes on after
# the words ("(one word) dot io"), they are taken out too.
_JOIN_WORDS = lexicon.alternation(lexicon.words("email", "join")).replace(r"\s+", " ")
_JOIN_TOLD = (
    rf"[ ]{{0,2}}(?:[(\[][ ]?(?:(?:all|just|written|write it|it'?s) )?(?:{_JOIN_WORDS})"
    rf"(?:[ ,][^)\]\n]{{0,25}})?[)\]]"
    rf"|[,\-\u2013\u2014][ ]{{0,2}}(?:{_JOIN_WORDS})(?=[ ]{{0,2}}(?:[.,;:!)\n]|$)))"
)
_JOIN_GOES_ON = (
    r"(?=[ ]{1,2}"
    + lexicon.alternation(
        ["dot", "period", "at", *lexicon.words("email", "dot"), *lexicon.words("email", "at")]
    )
    + r"[ ]|[ ]{0,2}[.@][a-z])"
)


@cache
def _join_pattern(languages: frozenset[str]) -> re.Pattern[str]:
    """The pattern for the draft's languages: their everyday words end the pieces."""
    stops = sorted(
        {
            *lexicon.words("lang", "common_words"),
            *(m for code in languages for m in lexicon.words_of(code, "lang", "markers")),
            *(w for w in _AT_SET if " " not in w),
            "dot",
            "period",
        },
        key=len,
        reverse=True,
    )
    stop = "|".join(re.escape(w) for w in stops)
    # (two characters at least, or a sign: a run of single letters is spaced out, for
    # the spaced-out rewrite to read, "t . m e / hasan_codes (remove spaces)", and the
    # pieces never start right after one)
    piece = rf"(?:[$@/#.\-]|(?!(?:{stop})(?![\w'\u2019]))[\w$@/#.+\-]{{2,}})"
    return re.compile(
        rf"(?<![\w$@/#.+\-'\u2019])(?<!(?<!\S)\S ){piece}(?:[ ]{{1,2}}{piece}){{1,7}}"
        rf"(?:(?P<told>{_JOIN_TOLD}){_JOIN_GOES_ON}|(?={_JOIN_TOLD}))"
    )


def _joined(m: re.Match[str], text: str) -> str | None:
    end = m.start("told") if m.group("told") else m.end()
    run = m.string[m.start() : end]
    if not _DETAIL_SIGN.search(run) and not _DETAIL_BEFORE.search(
        m.string, max(0, m.start() - 30), m.start()
    ):
        return None  # "my name at google's mail service, no spaces": words about it
    return text[m.start() : end].replace(" ", "")


# What makes the pieces a detail's: a sign of one in them, or an "@" or a label before.
_DETAIL_SIGN = re.compile(r"[$@/#_.\d]")
_DETAIL_BEFORE = re.compile(
    rf"(?:[:@]|(?<![\w]){lexicon.alternation(['at', *lexicon.words('email', 'at')])})[ ]{{1,2}}$"
)


def _has_join_words(lower: str, _: Found | None) -> bool:
    return _JOIN_PROBE.search(lower) is not None


_JOIN_PROBE = re.compile(_JOIN_TOLD)


#: Stands in _REWRITES for the joined-pieces pattern, compiled the first time a draft
#: needs it (its list of everyday words of every language is long). It runs twice: before
#: the words for "@" and "." are read ("estudio luna (todo junto) punto com"), and after
#: the spaced-out runs are ("t . m e / hasan_codes (remove spaces)").
_JOIN_RUN = re.compile("(?!)joined")  # (not "(?!)": re would hand back _SPELLED)


# Single characters separated by single spaces: "j o h n d o e", "t . m e / x", and
# with spaced hyphens between the parts of a name: "x i a o - l i n - 2 0 2 3".
_SPACED = re.compile(
    # (not from the "s" of "it's": "it's v e n m o dot com")
    # (a tag's "#" before its digits too: "p i x e l # 4 4 0 2", Discord's old form)
    r"(?<![\w@./:])(?<!\w['\u2019])(?:(?:[A-Za-z0-9@_./:]|#(?= \d)) (?:- (?=\w))?){4,}"
    r"[A-Za-z0-9@_./:](?![\w@])"
)


def _spaced(m: re.Match[str], text: str) -> str | None:
    run = text[m.start() : m.end()]
    if "-" in run and sum(c.isalpha() for c in run) < 3:
        return None  # "1 - 2 - 3 - 4 - 5": a scale or a count, not a name
    return run.replace(" ", "")


# A handle typed in pieces joined by "+" signs, each piece a word or letters one at a
# time: "@ + l u n a + _ + p i x e l s", "tg: n o v a + _ + art". Read only after an "@"
# or a word or sign that introduces a name ("handle", "id", "tg:"), with three pieces or
# more, so "a + b + c" in a formula stays as it is.
_PLUS_PIECE = r"(?:[a-z0-9_.](?: [a-z0-9_.])+|[a-z0-9_.]+)"
_PLUS_JOINED = re.compile(
    rf"(?<![\w@+])(?:@ ?\+? ?)?{_PLUS_PIECE}(?: ?\+ ?{_PLUS_PIECE}){{2,}}(?![\w@+])"
)


def _plus_joined(m: re.Match[str], text: str) -> str | None:
    run = text[m.start() : m.end()]
    joined = re.sub(r"[ +]", "", run)
    if sum(c.isalpha() for c in joined) < 4 or not any(c in "_ " for c in run.replace(" + ", "")):
        return None  # "cats + dogs + birds", "1 + 2 + 3": a list or a sum
    if not run.startswith("@") and (
        _NAME_WORD_BEFORE.search(m.string, max(0, m.start() - 25), m.start()) is None
    ):
        return None
    return joined


def _has_plus_joined(lower: str, _: Found | None) -> bool:
    return " + " in lower or "+_+" in lower


# Digits one at a time, the groups on lines of their own: "5 5 5\n0 1 9\n2 2 3 4", after
# words that say "phone", so a column of figures stays a column. Also one digit a line
# ("phone:\n5\n4\n7..."), or digits between dashes ("8 — 0 — 1").
_SPACED_LINES = re.compile(r"(?<![\w@./:])(?:\d(?: |\n(?!\n)| ?[\u2013\u2014] ?)){6,}\d(?![\w@])")


def _spaced_lines(m: re.Match[str], text: str) -> str | None:
    run = text[m.start() : m.end()]
    if "\n" not in run and "\u2014" not in run and "\u2013" not in run:
        return None  # spaces alone: the plain spaced-characters rewrite reads those
    if _PHONE_WORD_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) is None:
        return None  # "1 2 3 / 4 5 6 / 7 8 9": a grid, unless words before say "phone"
    return re.sub(r"[ \n\u2013\u2014]", "", run)


def _has_spaced_lines(lower: str, _: Found | None) -> bool:
    if "\n" not in lower and "\u2014" not in lower and "\u2013" not in lower:
        return False
    return _SPACED_LINES_PROBE.search(lower) is not None


_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:call|phone|ph|tel|mobile|cell|number|no\.?|num|whats\s?app|text|sms|contact)\b"
)
_SPACED_LINES_PROBE = re.compile(
    r"\d \d\n\d|\d\n\d[ \n]\d|\d ?[\u2013\u2014] ?\d ?[\u2013\u2014] ?\d"
)


# A name read out with "underscore" between its parts, each part a word or letters
# between hyphens: "b-r-u-n-o underscore v-f-x", "kate underscore draws".
# A part may hold dots, typed or said ("luna punto art underscore 88"): every
# language's word for the dot, between the parts of a name with an underscore in it.
_NAME_DOT = (
    r"(?:\.| (?:"
    + "|".join(
        re.escape(w)
        for w in sorted(lexicon.words("email", "dot"), key=len, reverse=True)
        if w.isalpha() and not w.isupper() and " " not in w
    )
    + r") )"
)
_NAME_PART = rf"(?:[a-z0-9](?:-[a-z0-9])+|[a-z0-9]+(?:{_NAME_DOT}[a-z0-9]+)*)"
_SPOKEN_UNDERSCORE = re.compile(
    rf"(?<![\w@.\-]){_NAME_PART}(?: underscore {_NAME_PART})+(?![\w\-])"
)
_NAME_DOT_WORD = re.compile(_NAME_DOT)


def _spoken_underscore(m: re.Match[str], text: str) -> str | None:
    spelled = re.search(r"(?<![a-z0-9])[a-z0-9]-[a-z0-9]", m.group(0)) is not None
    if (
        not spelled
        and _NAME_WORD_BEFORE.search(m.string, max(0, m.start() - 25), m.start()) is None
    ):
        return None  # "use an underscore instead": a word about the character
    parts = text[m.start() : m.end()].split(" underscore ")
    if len(parts) == 1:  # the user's own case may differ from the lower-case copy
        parts = re.split(r" (?i:underscore) ", text[m.start() : m.end()])
    parts = [_NAME_DOT_WORD.sub(".", p) if " " in p else p for p in parts]
    return "_".join(p.replace("-", "") if len(p) > 1 and p[1] == "-" else p for p in parts)


# (and "find me as ...", in the languages that say "underscore" too: "mi trovi come ...")
_NAME_WORD_BEFORE = re.compile(
    r"(?:\b(?:handle|user\s?name|name|id|nick|is|as|come|como|comme|als)|[:@])\s*$"
)


def _has_underscore_word(lower: str, _: Found | None) -> bool:
    return " underscore " in lower


# Letters joined by hyphens or dots: "p-a-y-p-a-l", "s.k.y.p.e" (five letters or more, so
# "e.g." and "U.S.A." stay as they are; digits are the phone detector's).
# Digits may close the name, as in a handle ("y.u.k.i.h.a.r.u.9.2").
_HYPHENATED = re.compile(
    r"(?<![\w@./:\-])(?:[A-Za-z] ?[\-.] ?){4,}[A-Za-z](?: ?[\-.] ?[0-9]){0,4}(?![\w@\-])"
)
_HYPHENATED_PROBE = re.compile(r"[a-z] ?[\-.] ?[a-z] ?[\-.] ?[a-z] ?[\-.] ?[a-z] ?[\-.] ?[a-z]")


def _hyphenated(m: re.Match[str], text: str) -> str:
    return re.sub(r"[\s\-.]", "", text[m.start() : m.end()])


# An address broken over lines at its "@": "jordan.beck\n @ \nfastmail.com".
_BROKEN_AT = re.compile(
    r"(?<=[a-z0-9_.])[ ]*(?:\n[ \n]*@[ \n]*|@[ ]*\n[ \n]*)"
    r"(?=[a-z0-9][a-z0-9\-]*(?:[ ]*\n[ \n]*)?\.[a-z]{2})"
)


def _broken_at(m: re.Match[str], _: str) -> str:
    return "@"


def _has_broken_at(lower: str, _: Found | None) -> bool:
    return "@" in lower and "\n" in lower


# A handle typed in pieces after its "@": "@ nia _ edits", "@ sam r 7", "👉 @ boris", and
# one piece a line ("@ana\n_voice\n_over"). Pieces join where one is a lone character or
# an underscore stands between them; "@ sam and me" keeps its "and me".
_SPACED_HANDLE = re.compile(
    r"(?<![\w@.])@[ \t]*[a-z_][a-z0-9_]*"
    r"(?:(?:(?<=_)|(?<![a-z0-9][a-z0-9]))[ \t]+[a-z0-9_]+"
    r"|(?:[ \t]+|\n)(?=_|[a-z0-9](?![a-z0-9_]))[a-z0-9_]+"
    # (dots with spaces round them: "@ sofi . ink . studio")
    r"|[ \t]+\.[ \t]+[a-z0-9_]+)*"
    r"(?![a-z0-9_@]| ?\.\w| dot\b)"
)
_HANDLE_GAP = re.compile(r"[ \t\n]+")
_WORD_THEN_GAP = re.compile(r"[\w.][ \t]$")


def _spaced_handle(m: re.Match[str], text: str) -> str | None:
    run = text[m.start() : m.end()]
    if not _HANDLE_GAP.search(run):
        return None
    if not run[1:2].isspace():
        # "@anna 2 days": without a gap after the "@", only underscores join pieces.
        pieces = _HANDLE_GAP.split(run)
        if not all(a.endswith("_") or b.startswith("_") for a, b in itertools.pairwise(pieces)):
            return None
    joined = _HANDLE_GAP.sub("", run)
    if (
        "." in joined
        and _WORD_THEN_GAP.search(text, max(0, m.start() - 2), m.start())
        and _ADDRESS_END.fullmatch(joined.rsplit(".", 1)[1].lower())
    ):
        return None  # "hi @ studiofern . co": an address's "@", which the email detector reads
    if sum(c.isalnum() for c in joined) < 3:
        return None
    if not _HANDLE_GAP.search(run[1:].strip()):
        # One word after "@ ": a handle only right after a sign or an arrow ("👉 @ boris"),
        # not "I'll be @ home".
        before = text[: m.start()].rstrip(" \t")
        if before and (before[-1].isalnum() or before[-1] in ",;"):
            return None
    return joined


def _has_spaced_handle(lower: str, _: Found | None) -> bool:
    return "@" in lower


# Letters typed one at a time between the same emoji or symbol: "t🔹e🔹l🔹e🔹g🔹r🔹a🔹m".
_SYMBOL_SPACED = re.compile(
    r"(?<![\w@])[a-z0-9@_.] ?([^\x00-\x7f\w\s]) ?(?:[a-z0-9@_.] ?\1 ?){2,}[a-z0-9@_.](?![\w@])"
)


def _symbol_spaced(m: re.Match[str], text: str) -> str | None:
    if unicodedata.category(m.group(1)) != "So":
        return None  # "2×4×8×16": arithmetic, not a disguise
    return text[m.start() : m.end()].replace(m.group(1), "").replace(" ", "")


def _has_symbol_spaced(lower: str, _: Found | None) -> bool:
    return not lower.isascii()


# An address typed a character at a time between hyphens: "d-l-w-h-@-s-t-a-n-f-o-r-d-.-e-d-u".
_DASHED_ADDRESS = re.compile(r"(?<![\w@.\-])(?=[\w.\- ]*@)(?:[\w@.] ?- ?){5,}[\w@.](?![\w@\-])")


def _dashed_address(m: re.Match[str], text: str) -> str:
    return re.sub(r"[\s\-]", "", text[m.start() : m.end()])


def _has_dashed_address(lower: str, _: Found | None) -> bool:
    return "@" in lower and "-" in lower


# Markup between the parts of an address, to trip filters that read the page's text:
# "vladlen at <!-- die! --> stanford <!-- spam --> dot edu", "<b>ann</b>@x.com".
# Only the tags of page text: "<at>" and "<dot>" are the words for "@" and ".".
_MARKUP = re.compile(
    r"<!--.*?-->|</?(?:a|b|i|u|s|em|strong|span|div|p|br|hr|font|sup|sub|small|big|code|tt|"
    r"mark|del|ins|li|ul|ol|td|tr|th|table|img|label|wbr|h[1-6])(?:\s[^<>\n]{0,120})?/?>",
    re.DOTALL | re.IGNORECASE,
)


def _markup(_: re.Match[str], __: str) -> str:
    return ""


def _has_markup(lower: str, _: Found | None) -> bool:
    return "<" in lower and ">" in lower


def _is_char_digit(word: str) -> bool:
    """A digit written as one character of a script without spaces ("幺", "七", and the
    ideographic zero "〇", a letter-number rather than a letter)."""
    return len(word) == 1 and not word.isascii() and unicodedata.category(word) in ("Lo", "Nl")


_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
#: English's digit words that stand alone in a number said aloud ("o" alone is too short:
#: it is read only among other digit words).
SPOKEN_DIGITS = {w: d for w, d in _DIGIT_WORDS.items() if w != "o"}
# Every language's words for digits and two-digit numbers ("seis", "шесть", "saat",
# "sesenta y cinco"), from the language files; English's are above.
_SPOKEN_NUMBERS = {
    **{w: v for w, v in lexicon.numbers().items() if not _is_char_digit(w)},
    **_DIGIT_WORDS,
}
_SPOKEN_NUMBERS.pop("o")
# Words for a number of hundreds ("sto", "pięćset"), each to its digit: "sto dvadeset
# tri" is 123, "dwieście trzy" 203, "petsto" alone 500.
_HUNDREDS = {
    w: v
    for table in lexicon.hundreds_by_language().values()
    for w, v in table.items()
    if w not in _SPOKEN_NUMBERS
}
_DOUBLE = frozenset(("double", *lexicon.words("numbers", "double")))
_TRIPLE = frozenset(("triple", *lexicon.words("numbers", "triple")))
# Word edges for every script: Python counts the vowel signs of Indic scripts and some
# Arabic marks as non-word characters, so "\b" would cut "दो" in two.
_WORD_CHAR = lexicon.WORD_CHAR
_EDGE_BEFORE = rf"(?<!{_WORD_CHAR})"
_EDGE_AFTER = rf"(?!{_WORD_CHAR})"
# Each language's number words, so a draft is read with the words of the languages it
# uses only (one regex over a thousand words would cost every draft milliseconds).
_WORDS_BY_LANGUAGE = {
    "en": frozenset(w for w in _DIGIT_WORDS if w != "o"),
    **{
        code: frozenset(w for w in table if not _is_char_digit(w))
        | frozenset(lexicon.hundreds_by_language().get(code, {}).keys() & _HUNDREDS.keys())
        for code, table in lexicon.numbers_by_language().items()
        if code != "en"
    },
}
_MULTIPLIER = (
    "(?:" + "|".join(re.escape(w) for w in sorted(_DOUBLE | _TRIPLE, key=len, reverse=True)) + ")"
)
# A number word that is also an everyday word ("on" is ten in Turkish, "do" two in
# Hindi) may stand inside a run, never at its edge: "reach me on zero nine one ..."
_WEAK = frozenset(lexicon.words("numbers", "weak"))
# English lists some other languages' digit words as weak ("dos", "tres": an English
# draft's "dos and don'ts"). In a draft that shows such a language, and whose own file
# does not call them weak, they are its digits and may begin or end a number: a
# Colombian mobile said in Spanish starts with "tres".
_WEAK_BY_LANGUAGE = {
    code: frozenset(lexicon.words_of(code, "numbers", "weak"))
    for code in lexicon.numbers_by_language()
}
_DIGIT_WORDS_BY_LANGUAGE = {
    code: frozenset(w for w, v in table.items() if len(v) == 1)
    for code, table in lexicon.numbers_by_language().items()
    if code != "en"
}


def _alternatives(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " +") for w in ordered) + ")"


def _lifted_weak(lower: str) -> frozenset[str]:
    """Weak words that are plain digit words of a language the draft shows, which does
    not itself call them weak (see ``_WEAK_BY_LANGUAGE``)."""
    lifted: set[str] = set()
    for code in lexicon.present(lower) - {"en"}:
        digits = _DIGIT_WORDS_BY_LANGUAGE.get(code, frozenset())
        lifted |= (digits & _WEAK) - _WEAK_BY_LANGUAGE.get(code, frozenset())
    return frozenset(lifted)


@cache
def _spelled_pattern(
    languages: frozenset[str], lifted: frozenset[str] = frozenset()
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of four or more digit words or short digit groups in these languages ("six
    oh one, five five five", "seis cinco cero dos", "saat do paanch 4 1"), beginning and
    ending with a word that is no everyday word (``lifted`` are weak words the draft's
    language reads as digits); and one token of such a run."""
    words = frozenset().union(*(_WORDS_BY_LANGUAGE.get(code, frozenset()) for code in languages))
    word = _alternatives(words)
    token = rf"(?:{_MULTIPLIER}[ -]{word}|{word}|\d{{1,4}})"
    strong = rf"(?:{_MULTIPLIER}[ -]{word}|{_alternatives(words - (_WEAK - lifted))}|\d{{1,4}})"
    # (a middle dot or bullet between groups too: "nine-one-four · five-five-two")
    # Square brackets round each word too: "[one] [two] - [five]".
    # (four for a dash between spaces before a bracket: "514 - (two nine two)")
    # (the Arabic-script comma "،" and the ideographic "、" too: "صفر تین تین ایک، سات")
    gap = (
        rf"(?:[ ,;\u060c\u3001.\-()/\n{_DOT_LIKE}]{{1,4}}"
        rf"|\]?[ ,.\-/\n]{{0,3}}\[|\][ ,.\-/\n]{{0,3}})"
    )
    run = re.compile(
        rf"{_EDGE_BEFORE}{strong}(?:{gap}{token}{_EDGE_AFTER}){{2,}}{gap}{strong}{_EDGE_AFTER}"
    )
    return run, re.compile(token)


def _number_languages(found: Found | None) -> frozenset[str]:
    """English and the languages whose number words the draft holds."""
    if found is None:
        return frozenset(_WORDS_BY_LANGUAGE)
    held = found.keys()
    return frozenset(
        code
        for code, words in _WORDS_BY_LANGUAGE.items()
        if code == "en" or not words.isdisjoint(held)
    )


#: Stands in _REWRITES for the spelled-number rewrite, whose pattern normalise() picks
#: by the languages whose number words a draft holds.
_SPELLED = re.compile("(?!)")


# Mail providers named without a suffix, after an address's name part or in leetspeak.
_NAMED_MAIL = tuple(
    "gmail yahoo hotmail outlook icloud protonmail proton gmx yandex aol zoho".split()
)


# A name read out in the spelling alphabet, letter by letter, digits as words or figures:
# "echo lima india hotel alpha two two" -> "eliha22" (vocabulary.toml,
# [spelling_alphabet]). Only a run with at least four of its letter words, so "golf
# hotel in lima" or "alpha and delta" stay as they are. The signs of an address may be
# said between the letters, and its suffix after a dot, commas as pauses: "sierra alpha
# mike dot kilo, at, yankee alpha hotel oscar oscar, dot co dot uk" -> "sam.k@yahoo.co.uk".
_ALPHABET_LETTERS: dict[str, str] = dict(vocabulary()["spelling_alphabet"]["letters"])
_ALPHABET_WORD = "|".join(re.escape(w) for w in sorted(_ALPHABET_LETTERS, key=len, reverse=True))
_ALPHABET_TOKEN = rf"(?:{_ALPHABET_WORD}|{'|'.join(w for w in SPOKEN_DIGITS if len(w) > 2)}|\d)"
_ALPHABET_SIGNS = {
    **dict.fromkeys(["at", *lexicon.words("email", "at")], "@"),
    **dict.fromkeys(["dot", "period", *lexicon.words("email", "dot")], "."),
    "underscore": "_",
    "dash": "-",
    "hyphen": "-",
}
_ALPHABET_DOT = lexicon.alternation(
    [w for w, sign in _ALPHABET_SIGNS.items() if sign == "." and w.isascii()]
)
_ALPHABET_SIGN = lexicon.alternation([w for w in _ALPHABET_SIGNS if w.isascii()])
_ALPHABET_GAP = r"[ ,\-]{1,2}"
_ALPHABET_STEP = (
    rf"(?:{_ALPHABET_GAP}(?:{_ALPHABET_SIGN}{_ALPHABET_GAP})?{_ALPHABET_TOKEN}(?![\w-])"
    rf"|{_ALPHABET_GAP}{_ALPHABET_DOT}{_ALPHABET_GAP}"
    r"(?:com|net|org|io|co|uk|de|me|us|ca|au|fr|es|it|nl|pl|ru|in|info|biz)(?![\w-])"
    # (the provider said as a word after the "at": "..., at, proton, dot me")
    rf"|{_ALPHABET_GAP}at{_ALPHABET_GAP}(?:{'|'.join(_NAMED_MAIL)})(?![\w-]))"
)
_ALPHABET_RUN = re.compile(rf"(?<![\w-])(?:{_ALPHABET_WORD})(?:{_ALPHABET_STEP}){{3,}}")
_ALPHABET_PIECE = re.compile(rf"(?<![\w-])(?:{_ALPHABET_SIGN}|{_ALPHABET_TOKEN}|[a-z]+)(?![\w-])")


def _alphabet_run(m: re.Match[str], _: str) -> str | None:
    words = _ALPHABET_PIECE.findall(m.group(0).replace(",", " "))
    if sum(w in _ALPHABET_LETTERS for w in words) < 4:
        return None
    return "".join(
        _ALPHABET_LETTERS.get(w) or SPOKEN_DIGITS.get(w) or _ALPHABET_SIGNS.get(w, w) for w in words
    )


_ALPHABET_PROBE = re.compile(rf"\b(?:{_ALPHABET_WORD}) (?:{_ALPHABET_WORD})\b")


# Words before a column of digit words (one a line) that say a number follows.
_CONTACT_BEFORE_COLUMN = re.compile(
    r"\b(?:call|phone|ph|tel|mobile|cell|number|no\.?|num|whats\s?app|viber|signal|text|sms|"
    r"contact|reach|ring|dial)\b|\b(?:my|our|cell|phone|mobile)\s*#"
)


# A number with a dot between every digit, in groups: "0.3.0.0 - 4.1.2 - 7.7.9.5", beside
# words or a sign that say a number is there (a version range "1.2.3 - 1.2.9" stays).
_DOTTED_DIGITS = re.compile(
    r"(?<![\w.])\d(?:\.\d){1,4}(?:[ ]?[\-\u2013\u2014/][ ]?\d(?:\.\d){1,4}){1,4}(?![\w]|\.\d)"
)
_PHONE_SIGNS = "\U0001f4f1\U0001f4de\u260e\u260f\U0001f4f2"  # mobile, receiver, telephone
_CONTACT_AROUND = re.compile(
    rf"[{_PHONE_SIGNS}]|\b(?:call|phone|ph|tel|mobile|cell|whats\s?app|viber|signal|sms|text me)\b"
)


def _dotted_digits(m: re.Match[str], _: str) -> str | None:
    groups = re.findall(r"\d(?:\.\d)*", m.group(0))
    sizes = [len(g) // 2 + 1 for g in groups]
    if not 7 <= sum(sizes) <= 15 or max(sizes) < 4:
        return None  # (versions have three parts: "1.2.3 - 1.2.9 - 2.0.1")
    lower = m.string
    if not (
        _CONTACT_AROUND.search(lower, max(0, m.start() - 40), m.start())
        or _CONTACT_AROUND.search(lower, m.end(), m.end() + 30)
    ):
        return None
    return "-".join(g.replace(".", "") for g in groups)


_DOTTED_DIGITS_PROBE = re.compile(r"\d\.\d\.\d")


# A number given a group per line, after words that say a number follows: "Ring me on\n
# 07700\n900\n461" (a column of figures with no such words stays as it is). The lines may
# be a list's items and a group's digits spaced out: "reach me:\n- 0\n- 4\n- 1 2\n- 3 4 5".
_LINE_MARK = r"(?:[\-*\u2022\u00b7\u2013\u2014>][ ]+)?"
_LINE_GROUP = r"\d(?: ?\d){0,4}"
_DIGIT_LINES = re.compile(
    rf"(?<![\w.,]){_LINE_GROUP}(?:[ ]*\n[ ]*{_LINE_MARK}{_LINE_GROUP}){{2,7}}(?![\w.,])"
)
_LINE_MARKS = re.compile(r"[ ]*\n[ ]*" + _LINE_MARK)
# (the writer's own number: "reach me", "my cell", "call us")
_WRITER_BEFORE = re.compile(r"\b(?:me|my|us|our|mine)\b")
_MARKED_LINE = re.compile(r"\n[ ]*[\-*\u2022\u00b7\u2013\u2014>]")


def _digit_lines(m: re.Match[str], _: str) -> str | None:
    groups = [g.replace(" ", "") for g in _LINE_MARKS.split(m.group(0))]
    if not 7 <= sum(len(g) for g in groups) <= 15:
        return None
    if len(groups[0]) < 2 and _MARKED_LINE.search(m.group(0)) is None:
        return None  # one digit a line, unmarked: the spaced-lines rewrite reads those
    before = max(0, m.start() - 40)
    if not _CONTACT_BEFORE_COLUMN.search(m.string, before, m.start()):
        return None
    if not _WRITER_BEFORE.search(m.string, before, m.start()):
        return None  # "call counts for the last four weeks:\n120\n95\n...": figures
    return " ".join(groups)


_DIGIT_LINES_PROBE = re.compile(r"\d[ ]*\n[ ]*" + _LINE_MARK + r"\d[ \d]*\n")


# A mark between two number words that ends a group of digits.
_GROUP_BREAK = re.compile("[,;\u060c\u3001]")


def _spelled(
    m: re.Match[str],
    _: str,
    tokens: re.Pattern[str] | None = None,
    weak: frozenset[str] = frozenset(),
) -> str | None:
    if (
        "\n" in m.group(0)
        and not _CONTACT_BEFORE_COLUMN.search(m.string, max(0, m.start() - 40), m.start())
        and not _grouped_lines(m.group(0), tokens)
    ):
        return None  # "one\ntwo\nthree ...": a list, unless words before say "call me"
    digits: list[str] = []
    figures: list[str] = []
    words = strong = 0
    tokens = tokens or _spelled_pattern(frozenset(_WORDS_BY_LANGUAGE))[1]
    hundreds: str | None = None  # the digit of hundreds said last, waiting for the rest
    said = m.group(0)
    last = 0
    for found in tokens.finditer(said):
        tok = found.group(0)
        if hundreds is not None and _GROUP_BREAK.search(said, last, found.start()):
            # "zero oitocentos, quatro quatro dois": a comma closes the group, so the
            # hundreds stand alone (0800), not before the next word (0804)
            digits.append(hundreds + "00")
            hundreds = None
        last = found.end()
        low = " ".join(tok.lower().split())
        if low in _HUNDREDS:
            if hundreds is not None:
                digits.append(hundreds + "00")
            hundreds = _HUNDREDS[low]
            words += 1
            continue
        if low[0].isdigit():
            if hundreds is not None:
                digits.append(hundreds + "00")
                hundreds = None
            digits.append(low)
            figures.append(low)
            continue
        words += 1
        strong += low not in weak
        times = 1
        first, _, rest = low.replace("-", " ", 1).partition(" ")
        if rest and (first in _DOUBLE or first in _TRIPLE) and rest in _SPOKEN_NUMBERS:
            times = 2 if first in _DOUBLE else 3
            low = rest
        value = _SPOKEN_NUMBERS[low] * times
        if hundreds is not None:
            # "pięćset jeden" is 501: the rest fills the last two places
            value = hundreds + value.rjust(2, "0") if len(value) <= 2 else hundreds + "00" + value
            hundreds = None
        digits.append(value)
    if hundreds is not None:
        digits.append(hundreds + "00")
    joined = "".join(digits)
    # A phone number has at least seven digits; fewer is ordinary prose ("one or two").
    if words == 0 or len(joined) < 7:
        return None
    if strong == 0:
        # "a transfer of €830 on 10/22": figures with only everyday words between them
        # ("on" is ten in Turkish) are figures, not a number said in words
        return None
    if _DATE_IN_RUN.search(m.group(0)) and len(joined) - sum(map(len, figures)) < 7:
        # "due 02/12/2026", "three due on 19.03.2026": words that are digits in some
        # language before a date; only seven digits said in words make it a number
        return None
    return joined


def _grouped_lines(said: str, tokens: re.Pattern[str] | None) -> bool:
    """Whether a run broken over lines holds a group of three or more words on each
    line ("nine one six,\\nfour seven two, oh eight eight three"): a number said in
    groups that the line happens to break, not a list of one word a line."""
    tokens = tokens or _spelled_pattern(frozenset(_WORDS_BY_LANGUAGE))[1]
    lines = said.split("\n")
    return len(lines) <= 3 and all(len(tokens.findall(line)) >= 3 for line in lines)


# A date written with slashes, dots or dashes: read in a run of number words, the run is a
# date after a word ("due" is Italian for two), not a number said in words.
_DATE_IN_RUN = re.compile(
    r"(?<!\d)(?:\d{1,2}([/.\-])\d{1,2}\1(?:19|20)\d{2}|(?:19|20)\d{2}([/.\-])\d{1,2}\2\d{1,2})(?!\d)"
)


# Digit words glued to digits or to each other inside one token: "4one5", "oh1three2",
# "four15" (English words: other languages' spelled numbers come as separate words).
# English's digit words ("o" alone is too short to be read inside a token).
_GLUE_UNITS = "|".join(SPOKEN_DIGITS)
# Three digit words or more glued with no digit among them read as digits too:
# "fivefivefive", "zeroonetwo".
_GLUED = re.compile(
    rf"(?<![a-z0-9])(?:(?=[a-z]*\d)(?:\d|{_GLUE_UNITS}){{2,}}|(?:{_GLUE_UNITS}){{3,}})(?![a-z0-9])"
)
_GLUED_PROBE = re.compile(rf"\d(?:{_GLUE_UNITS})|(?:{_GLUE_UNITS})\d")
_GLUE_TOKEN = re.compile(rf"\d|{_GLUE_UNITS}")


def _glued(m: re.Match[str], text: str) -> str | None:
    units = _GLUE_TOKEN.findall(text[m.start() : m.end()].lower())
    if sum(len(u) > 1 for u in units) == 0:
        return None
    return "".join(u if u.isdigit() else SPOKEN_DIGITS[u] for u in units)


def _has_glued(lower: str, found: Found | None) -> bool:
    return _GLUED_PROBE.search(lower) is not None or _three_glued_words(found)


def _three_glued_words(found: Found | None) -> bool:
    """Whether three digit words stand one right after another ("fivefivefive"), from
    where the literals were found."""
    if found is None:
        return True
    words = _held(found, _GLUE_WORD_SET)
    if not words:
        return False
    starts = {at for word in words for at in found[word]}
    ends = {at: at + len(word) for word in words for at in found[word]}
    return any(e in starts and ends.get(e, -1) in starts for e in ends.values())


# Letters used as digits inside a number: "4I5-55O-O132", "S55" for 555.
# (Matched on the lower-case copy: "O" and "I" appear as "o" and "i" there.)
_LETTER_DIGITS = re.compile(r"\b(?=[0-9oilsbz]*[0-9])(?=[0-9oilsbz]*[oilsbz])[0-9oilsbz]{2,}\b")
_LETTER_DIGIT_TABLE = str.maketrans("OoIilSsBbZz", "00111558822")


def _letter_digits(m: re.Match[str], text: str) -> str | None:
    token = text[m.start() : m.end()]
    digits = sum(c.isdigit() for c in token)
    if digits < 2 and len(token) < 3 and not _inside_long_number(m.string, m.start(), m.end()):
        return None  # "i5", "O2", "l8r": two characters alone are rarely a digit pair
    if not _LETTER_DIGIT_RARE.isdisjoint(token) and not _beside_digits(
        m.string, m.start(), m.end()
    ):
        return None  # "S" for 5 only inside a number ("4l5 S55"), not in "MTLC AST0 01S"
    return token.translate(_LETTER_DIGIT_TABLE)


_LETTER_DIGIT_RARE = frozenset("sSbBzZ")
_DIGIT_GROUP_BEFORE = re.compile(r"(?:^|[^\w])[0-9oil]*\d[0-9oil]*[ .\-]{1,2}$")
_DIGIT_GROUP_AFTER = re.compile(r"[ .\-]{1,2}[0-9oil]*\d[0-9oil]*(?:[^\w]|$)")


# Groups of digits (or of the letters read as digits) before and after a short token:
# "+33 6 O4 12 77 9O" has "O4" and "9O" inside one number.
_CHAIN_BEFORE = re.compile(
    r"(?<![\w+])(?:\+|00)?[0-9oil]{1,5}(?:[ .\-]{1,2}[0-9oil]{1,5})*[ .\-]{1,2}$"
)
_CHAIN_AFTER = re.compile(r"(?:[ .\-]{1,2}[0-9oil]{1,5})+(?!\w)")


def _inside_long_number(lower: str, start: int, end: int) -> bool:
    """Whether ``lower[start:end]`` is one group of a number of seven digits or more,
    with groups on both sides of it, or at the end of one written with "+" or "00"."""
    before = _CHAIN_BEFORE.search(lower, max(0, start - 30), start)
    after = _CHAIN_AFTER.match(lower, end, end + 30)
    if before is None or (after is None and not before.group().startswith(("+", "00"))):
        return False
    chain = before.group() + (after.group() if after else "")
    return sum(c.isdigit() for c in chain) >= 7


def _beside_digits(lower: str, start: int, end: int) -> bool:
    """Whether a group of digits (or of the letters read as digits) stands right before
    or after ``lower[start:end]``."""
    return bool(
        _DIGIT_GROUP_BEFORE.search(lower, max(0, start - 12), start)
        or _DIGIT_GROUP_AFTER.match(lower, end, end + 12)
    )


# A lone "O", "l" or "I" typed for a digit among digits written one or a few at a time:
# "415 - O 7 2 - l l 9 3", "5 5 O - 3 9 2 1". Only with runs of digits on both sides
# that hold five digits or more, so "5 i think" and "plan B or 2" stay as they are.
_LONE_LETTER_DIGIT = re.compile(r"(?<![\w'’])[oil](?![\w'’])")
# English's digit names from the table above ("zero" .. "nine"; not "o" or "oh").
_DIGIT_NAMES = tuple(w for w in _DIGIT_WORDS if len(w) > 2)
_LONE_NUMBER = rf"(?:\d{{1,8}}|[oil]|{'|'.join(_DIGIT_NAMES)})"
# (groups said with a comma between: "nine-seven-three, 5-5-5, O-l-7-5")
_LONE_RUN_BEFORE = re.compile(rf"(?:^|[^\w])((?:{_LONE_NUMBER}[ .,\-()]{{1,3}})+)$")
_LONE_RUN_AFTER = re.compile(rf"((?:[ .,\-()]{{1,3}}{_LONE_NUMBER})+)(?!\w)")
_LONE_WORD = re.compile(r"\d|[a-z]{3,}")
_LONE_LETTER_PAIRS = tuple(
    pair
    for d in (*"0123456789", *(w for w in _DIGIT_NAMES if w != "zero"))
    for c in "oil"
    for pair in (d + " " + c, c + " " + d)
)
_LONE_LETTER_PAIR_SET = frozenset(_LONE_LETTER_PAIRS)


def _lone_letter_digit(m: re.Match[str], text: str) -> str | None:
    lower = m.string
    start, end = m.span()
    before = _LONE_RUN_BEFORE.search(lower, max(0, start - 24), start)
    after = _LONE_RUN_AFTER.match(lower, end, end + 24)
    if before is None or after is None:
        return None
    digits = len(_LONE_WORD.findall(before.group(1) + " " + after.group(1)))
    if digits < 5:
        return None
    return text[start:end].translate(_LETTER_DIGIT_TABLE)


def _has_lone_letter_digit(lower: str, found: Found | None) -> bool:
    if found is None or not found.keys().isdisjoint(_LONE_LETTER_PAIR_SET):
        return True
    # The pairs above are spaced; "0132-l-one" has its letter between other separators.
    return ("-" in lower or "." in lower or "(" in lower) and bool(_LONE_GLUED.search(lower))


# A lone letter and a digit (or a digit's name) with a separator other than a space alone
# between them: "0132-l-one", "7.o.4".
_LONE_SEPARATOR = r"[ .\-()]*[.\-()][ .\-()]*"
_LONE_GLUED = re.compile(
    rf"(?:\d|\b(?:{'|'.join(_DIGIT_NAMES)}))(?:{_LONE_SEPARATOR})[oil](?![\w'’])"
    rf"|(?<![\w'’])[oil](?:{_LONE_SEPARATOR})(?:\d|(?:{'|'.join(_DIGIT_NAMES)})\b)"
)


# Digits written as characters of a script without spaces ("一三八 幺二三四", "洞拐"): a
# run long enough for a phone number becomes its digits; "一个" stays as it is.
_CHAR_DIGITS = {w: v for w, v in lexicon.numbers().items() if _is_char_digit(w)}
_CHAR_DIGIT_SET = frozenset(_CHAR_DIGITS)
_CHAR_CLASS = "[" + "".join(sorted(_CHAR_DIGITS)) + "]" if _CHAR_DIGITS else "(?!)"
_CHAR_DIGIT_RUN = re.compile(rf"{_CHAR_CLASS}(?:[ \-]?(?:{_CHAR_CLASS}|\d)){{6,}}")


# An optional part of an app's name in the vocabulary ("signal(?:\\s+app)?",
# "kakao(?:\\s?talk)?"): left out, so the name itself is known as a plain word.
_OPTIONAL_PART = re.compile(r"\(\?:[^()]*\)\?")


def _plain_app_names(apps: dict[str, list[str]]) -> set[str]:
    """The apps' names as plain words: white-space tokens and optional parts dropped."""
    return {
        re.sub(r"\\s[?+*]?|\s", "", _OPTIONAL_PART.sub("", name))
        for group in ("messaging", "social", "meeting", "payment")
        for name in apps[group]
    }


# Characters typed for letters in an app's name or a contact word: "wh@tsapp", "t3l3gram",
# "sk¥pe", "em@il" (vocabulary.toml, [look_alike_letters]). Only a word that then reads as
# one of those names is rewritten, so "web3", "h264" and "kate@gmail" stay as they are;
# three letters only for a link's suffix ("l1nk3d1n . c0m").
def _look_alike_letters() -> tuple[dict[str, str], frozenset[str]]:
    data = vocabulary()["look_alike_letters"]
    apps = vocabulary()["apps"]
    names = _plain_app_names(apps)
    words = {n for n in names if n.isascii() and n.isalpha() and len(n) >= 4}
    return dict(data["letters"]), frozenset(words | set(data["extra_words"]))


_LOOK_ALIKE, _LOOK_ALIKE_WORDS = _look_alike_letters()
_LOOK_ALIKE_CLASS = "".join(re.escape(c) for c in _LOOK_ALIKE)
_LOOK_ALIKE_SYMBOLS = frozenset(c for c in _LOOK_ALIKE if not c.isdigit())
_LOOK_ALIKE_DIGITS = frozenset(c for c in _LOOK_ALIKE if c.isdigit())
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
DRAFT.register(tuple(_LOOK_ALIKE_SYMBOLS))
_LOOK_ALIKE_TOKEN = re.compile(
    rf"(?<![\w{_LOOK_ALIKE_CLASS}])(?=[{_LOOK_ALIKE_CLASS}]*[a-z])(?=[a-z]*[{_LOOK_ALIKE_CLASS}])"
    rf"[a-z{_LOOK_ALIKE_CLASS}]{{3,16}}(?![\w{_LOOK_ALIKE_CLASS}])"
)


def _look_alike_word(m: re.Match[str], _: str) -> str | None:
    readings = [""]
    for ch in m.group(0):
        options = _LOOK_ALIKE.get(ch, ch)
        readings = [r + o for r in readings for o in options][:16]
    return next((r for r in readings if r in _LOOK_ALIKE_WORDS), None)


def _has_look_alike_letters(lower: str, found: Found | None) -> bool:
    """Whether a look-alike symbol stands in the draft, or a digit touches a letter
    (worked out from where the literals were found, without a regex)."""
    if found is None:
        return _LOOK_ALIKE_TOKEN.search(lower) is not None
    if not found.keys().isdisjoint(_LOOK_ALIKE_SYMBOLS):
        return True
    size = len(lower)
    for digit in _held(found, _LOOK_ALIKE_DIGITS):
        for at in found[digit]:
            if (at and lower[at - 1] in _ASCII_LETTERS) or (
                at + 1 < size and lower[at + 1] in _ASCII_LETTERS
            ):
                return True
    return False


# An app's or a mail provider's name broken by a hyphen, underscore or dot so a filter
# misses it: "sk-ype", "tele_gram", "insta.gram". Only pieces that join into one of the
# single-word names above are joined ("wire-transfer", "e-mail" and "pre-sale" stay).
# Names that are also ordinary words, hyphenated as words are ("pay-roll", "multi-threads").
_ORDINARY_WORDS = frozenset(
    "element matrix teams threads crypto payroll gusto stripe insta messenger hangouts "
    "twitch tether".split()
)
_BROKEN_NAMES = frozenset(
    re.sub(r"\\s[?*]", "", name)
    for group in ("messaging", "social", "payment")
    for name in vocabulary()["apps"][group]
    if " " not in name and "\\s+" not in name
) & _LOOK_ALIKE_WORDS - {n for n in _LOOK_ALIKE_WORDS if len(n) < 5} - _ORDINARY_WORDS | {
    "telegram",
    "gmail",
    "hotmail",
    "outlook",
    "yahoo",
}
_BROKEN_WORD = re.compile(r"(?<![\w@./:\-])[a-z]{1,9}(?:[\-_.\u00b7][a-z]{1,9}){1,3}(?![\w@\-])")
_BROKEN_PROBE = re.compile(r"[a-z][\-_.\u00b7][a-z]")


def _broken_word(m: re.Match[str], _: str) -> str | None:
    joined = re.sub(r"[\-_.\u00b7]", "", m.group(0))
    return joined if joined in _BROKEN_NAMES else None


# A chat or social app's name written without its vowels: "my skp is daria_k", "add me on
# tlgrm", "wtsp: ..." (the first letter kept, a doubled letter written once; WhatsApp's
# "wh" may be a "w"). Read as the app only where an app's name stands: after "my", "your",
# "on", "via" ... or before "is", ":" or "id" ("the skp file" is a SketchUp model), never
# before a word that makes it a file or a format. Short forms that are other things'
# names stay as they are (vocabulary.toml [vowelless_names]).
def _vowelless_names() -> dict[str, str]:
    apps = vocabulary()["apps"]
    everyday = set(vocabulary()["vowelless_names"]["everyday"])
    short: dict[str, str] = {}
    for group in ("messaging", "social"):
        for entry in apps[group]:
            name = _OPTIONAL_PART.sub("", entry)
            if " " in name or "\\s+" in name:
                continue
            # ("tele[gq]ram": a class read as its first letter)
            plain = re.sub(r"\\s[?*]|\[(\w)\w*\]", r"\1", name)
            if not (plain.isascii() and plain.isalpha() and len(plain) >= 4):
                continue
            if plain in _ORDINARY_WORDS or plain[0] in "aeiouy":
                continue
            bare = re.sub(r"(.)\1+", r"\1", plain[0] + re.sub("[aeiouy]", "", plain[1:]))
            for form in {bare, "w" + bare[2:] if bare.startswith("wh") else bare}:
                if len(form) >= 3 and form != plain and form not in everyday:
                    # (the name the vocabulary lists first: "telegram", not "telegrem")
                    short.setdefault(form, plain)
    return short


_VOWELLESS = _vowelless_names()
DRAFT.register(tuple(_VOWELLESS))
_VOWELLESS_WORD = re.compile(
    rf"(?<![\w@./:\-])(?:{'|'.join(sorted(_VOWELLESS, key=len, reverse=True))})(?![\w@\-]|\.\w)"
)
_VOWELLESS_BEFORE = re.compile(
    r"\b(?:my|our|your|ur|yr|on|via|over|add me|find me|ping me|msg me|dm me)[ ]+$"
)
_VOWELLESS_AFTER = re.compile(r"[ ]*(?:[:=@]|->|(?:is|id|handle|user ?name|acc(?:ount)?)\b)")
_VOWELLESS_NOT_AFTER = re.compile(
    r"[ ]+(?:files?|format|models?|export\w*|versions?|plugins?|drawings?|projects?|"
    r"scenes?|components?|layers?|extension)\b"
)


def _vowelless(m: re.Match[str], text: str) -> str | None:
    lower = m.string
    if _VOWELLESS_NOT_AFTER.match(lower, m.end()):
        return None
    if not (
        _VOWELLESS_BEFORE.search(lower, max(0, m.start() - 12), m.start())
        or _VOWELLESS_AFTER.match(lower, m.end())
    ):
        return None
    return _VOWELLESS[m.group(0)]


def _has_vowelless(lower: str, found: Found | None) -> bool:
    if found is None:
        return _VOWELLESS_WORD.search(lower) is not None
    return any(form in found for form in _VOWELLESS)


# An app's short name or nickname written letter by letter with dots: "add me on L.I.N.E",
# "on i.g. (@ name)", "by W.U." (vocabulary.toml: the apps' one-word names, [app_nicknames]
# and [dotted_names]). Only letters that then read as one of those names are joined, so
# "e.g.", "i.e." and "U.S.A." stay as they are. A dot after the last letter goes too,
# unless it ends the sentence.
def _dotted_names() -> frozenset[str]:
    vocab = vocabulary()
    apps = vocab["apps"]
    names = _plain_app_names(apps)
    nicks = {n for n in vocab["app_nicknames"]["names"] if n.isalpha()}
    return frozenset(
        n
        for n in names | nicks | set(vocab["dotted_names"]["names"])
        if n.isascii() and n.isalpha()
    )


_DOTTED_NAMES = _dotted_names()
_DOTTED_READS: dict[str, str] = dict(vocabulary()["dotted_names"]["reads"])
_DOTTED_LETTERS = re.compile(
    r"(?<![\w@./:\-])[a-z](?:\.[a-z]){1,5}(?:\.(?=[ ]*[a-z(@,:\-\u2014]))?(?![\w@\-]|\.\w)"
)
_DOTTED_PROBE = re.compile(r"(?<![\w.])[a-z]\.[a-z]\b")


def _dotted_letters(m: re.Match[str], _: str) -> str | None:
    joined = m.group(0).replace(".", "")
    if joined in _DOTTED_READS:
        return _DOTTED_READS[joined]
    return joined if joined in _DOTTED_NAMES else None


# An app's name or a contact word typed a letter at a time, three or four letters (five
# and more are the spaced and hyphenated rewrites'): "W-i-s-e", "c a s h tag", "z_e_l_l_e"
# is long enough already. The same mark stands between all the letters; a word right
# after that completes a name is joined too ("c a s h tag" -> "cashtag"). Only letters
# that then read as a name are joined, so "A B C", "T-B-D" and "u i" stay as they are.
_SHORT_SPELLED = re.compile(
    r"(?<![\w@./:\-])[a-z]([ \-_\u00b7*])[a-z](?:\1[a-z]){1,2}(?: (?P<tail>[a-z]{2,8}))?(?![\w@\-])"
)
_SHORT_SPELLED_PROBE = re.compile(r"(?<![\w@./:\-])[a-z]([ \-_\u00b7*])[a-z]\1[a-z](?![\w@])")
_SHORT_NAMES = (_DOTTED_NAMES | _LOOK_ALIKE_WORDS) - {"com", "net", "org"}


def _short_spelled(m: re.Match[str], text: str) -> str | None:
    tail = m.group("tail")
    letters = text[m.start() : m.start("tail") - 1 if tail else m.end()]
    joined = letters.replace(m.group(1), "")
    if tail and (joined + tail).lower() in _SHORT_NAMES:
        return joined + text[m.start("tail") : m.end()]
    if joined.lower() not in _SHORT_NAMES:
        return None
    return joined + (text[m.start("tail") - 1 : m.end()] if tail else "")


# An app's or a mail provider's name broken in two by a space: "sk ype", "tele gram",
# "what sapp", "g mail". Names whose halves make an everyday phrase are left alone
# ("we chat every week", "the out look"), and so are splits the vocabulary spells as the
# name already ("pay pal", "tele gram"): vocabulary.toml, [split_names].
_EVERYDAY_SPLITS = frozenset(vocabulary()["split_names"]["everyday"])


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, shared prefixes factored out (fast to search)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_SPLIT_NAME = re.compile(
    r"(?<![\w@./:\-])(?:"
    + _trie_pattern(
        {
            f"{name[:i]} {name[i:]}"
            for name in _BROKEN_NAMES
            for i in range(1, len(name))
            if name.isascii() and name.isalpha()
        }
        - _EVERYDAY_SPLITS
    )
    + r")(?![\w@\-])"
)
_SPLIT_NAME_PROBE = re.compile(r"(?<![\w@./:\-])[a-z]{1,30} [a-z]{1,30}(?![\w@\-])")


def _split_name(m: re.Match[str], text: str) -> str:
    return text[m.start() : m.end()].replace(" ", "")


# A detail encoded so no filter reads it: as hexadecimal bytes ("2b3120363436..." for
# "+1 646..."), as base64 ("am9obkBnbWFpbC5jb20=") or as 8-bit binary groups. A run is
# decoded only when every byte is printable ASCII and the text then holds something a
# detail is made of (an "@", a run of digits, a link); commit hashes, keys and wallet
# addresses decode to unprintable bytes and stay as they are.
_HEX_RUN = re.compile(r"(?<![\w/.])(?:0x)?(?:[0-9a-f]{2}){8,}(?![\w/]|\.\w)")
_BASE64_RUN = re.compile(r"(?<![\w/+=.@-])[a-z0-9+/]{12,}={0,2}(?![\w/+=@-]|\.\w)")
_BINARY_RUN = re.compile(r"(?<![\w])[01]{8}(?: [01]{8}){5,}(?![\w])")
_DECODED_DETAIL = re.compile(
    r"@|\d[\d \-().]{5,}\d|https?:|www\.|t\.me/|wa\.me/|\.(?:com|net|org|io|me)\b"
)


def _readable(raw: bytes) -> str | None:
    # (a line end typed with the detail, as "echo ... | xxd -p" adds, is dropped)
    raw = raw.strip(b"\r\n\t ")
    if not raw or any(b < 0x20 or b > 0x7E for b in raw):
        return None
    decoded = raw.decode("ascii")
    return decoded if _DECODED_DETAIL.search(decoded.lower()) else None


def _hex_run(m: re.Match[str], _: str) -> str | None:
    digits = m.group(0).removeprefix("0x")
    if digits.isdigit():
        return None  # a plain long number: the phone and bank detectors' own
    return _readable(bytes.fromhex(digits))


def _base64_run(m: re.Match[str], text: str) -> str | None:
    token = text[m.start() : m.end()]
    if len(token) % 4 or token.isalpha() or token.isdigit():
        return None
    try:
        raw = base64.b64decode(token, validate=True)
    except ValueError:
        return None
    return _readable(raw)


def _binary_run(m: re.Match[str], _: str) -> str | None:
    return _readable(bytes(int(group, 2) for group in m.group(0).split()))


# An address or a link in ROT13, the letters shifted by thirteen: "wnzvr.pbqrf ng tznvy
# qbg pbz" is "jamie.codes at gmail dot com". Read only where the shifted suffix is a
# common one and the written one is not (".pbz" for ".com"), so a real address stays.
_ROT13_ADDRESS = re.compile(
    r"(?<![\w@.])[a-z0-9][a-z0-9._\-]{1,40}(?: ?@ ?| ng | \[ng\] | \(ng\) )"
    r"[a-z0-9\-]{2,30}(?:(?:\.| qbg | \[qbg\] | \(qbg\) )[a-z]{2,6}){1,2}(?![\w@])"
    r"|(?<![\w])uggcf?://[a-z0-9./_\-]+"
)
_ROT13_PROBE = re.compile(r"\bng\b|@|\bqbg\b|\.pbz\b|uggc")


def _rot13(m: re.Match[str], text: str) -> str | None:
    shifted = codecs.encode(text[m.start() : m.end()], "rot13")
    if shifted.lower().startswith("http"):
        return shifted
    written = re.split(r"[. ]", m.group(0))[-1]
    suffix = re.split(r"[. ]", shifted.lower())[-1]
    if suffix in _ROT13_SUFFIXES and written not in _ROT13_SUFFIXES:
        return shifted
    return None


_ROT13_SUFFIXES = frozenset(s for s in vocabulary()["tlds"]["common"] if len(s) >= 3)


# A number read out the way people say it, in tens and hundreds, after words that say a
# number follows or after its "+" and country code: "my cell is three hundred three, then
# one ninety-eight, then seventy-four twenty", "+380 sixty-seven, 221, 09 88". Each group
# keeps its digits ("one ninety-eight" is 198); seven to fifteen digits in all, and not a
# list of round or rising figures ("twenty, thirty, forty, fifty").
_TEENS = {
    w: str(10 + i)
    for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: str(20 + 10 * i)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_UNIT_RE = "|".join(SPOKEN_DIGITS)
_TWO = rf"(?:(?:{'|'.join(_TENS)})(?:[ \-](?:{_UNIT_RE}))?|{'|'.join(_TEENS)})"
_SAID_GROUP = (
    rf"(?:(?:{_UNIT_RE}) (?:hundred|thousand)(?: and)?(?: (?:{_TWO}|{_UNIT_RE}))?"
    # (the rest may follow in figures: "+92 three hundred, then 1234567")
    rf"|{_TWO}|{_UNIT_RE}|\d{{1,4}}|(?<=then )\d{{5,8}})"
)
_SAID_GAP = r"(?:,? (?:and )?then |,? followed by |[ ,.\-/]{1,3})"
_SAID_NUMBER = re.compile(
    rf"(?<![\w.])(?:\+ ?\d{{1,3}}{_SAID_GAP})?{_SAID_GROUP}(?:{_SAID_GAP}{_SAID_GROUP}){{1,7}}"
    r"(?![\w])"
)
_SAID_TOKEN = re.compile(rf"\+ ?\d{{1,3}}|{_SAID_GROUP}")
_SAID_COMPOUND = re.compile(rf"hundred|thousand|{'|'.join([*_TENS, *_TEENS])}")


def _said_group(group: str) -> str:
    words = group.replace("-", " ").split()
    if words[0].isdigit():
        return words[0]
    if len(words) > 1 and words[1] in ("hundred", "thousand"):
        rest = [w for w in words[2:] if w != "and"]
        tail = _said_group(" ".join(rest)) if rest else ""
        width = 2 if words[1] == "hundred" else 3
        return SPOKEN_DIGITS[words[0]] + tail.rjust(width, "0")
    if words[0] in _TENS:
        return _TENS[words[0]][0] + (SPOKEN_DIGITS[words[1]] if len(words) > 1 else "0")
    return _TEENS.get(words[0]) or SPOKEN_DIGITS[words[0]]


def _said_number(m: re.Match[str], text: str) -> str | None:
    tokens = _SAID_TOKEN.findall(m.group(0))
    plus = tokens[0].startswith("+")
    groups = [tokens[0].replace(" ", "")] if plus else []
    groups += [_said_group(t) for t in tokens[plus:]]
    if not any(_SAID_COMPOUND.search(t) for t in tokens[plus:]):
        return None  # digits one by one: the spelled-number rewrite reads those
    values = [int(g) for g in groups if g.isdigit()]
    # A number said from its trunk zero ("zero six, twelve, thirty-four ...") is dialled,
    # not counted: no list of figures starts at "zero six".
    trunk = not plus and len(groups) > 1 and groups[0] == "0" and groups[1] != "0"
    # (with its "+" and country code, rising groups are a number: "+92 300, then 1234567")
    if not 7 <= len("".join(groups).lstrip("+")) <= 15 or (
        all(v % 10 == 0 for v in values[plus:])
        or (not plus and not trunk and values == sorted(set(values)))
    ):
        return None
    # (the words saying a number follows may stand further back in the sentence before a
    # trunk zero: "send me an app (WhatsApp) and I call you back ...: zero six, ...")
    before = max(0, m.start() - 40)
    if trunk:
        before = min(before, _sentence_start(m.string, max(0, m.start() - 120), m.start()))
    if not plus and not _CONTACT_BEFORE_COLUMN.search(m.string, before, m.start()):
        return None
    return " ".join(groups)


def _sentence_start(lower: str, start: int, end: int) -> int:
    """Where the sentence holding ``end`` begins, not before ``start``."""
    cut = max(lower.rfind(mark, start, end) for mark in (". ", "! ", "? ", "\n"))
    return start if cut < 0 else cut + 1


_SAID_PROBE = re.compile(rf"\b(?:{'|'.join([*_TENS, *_TEENS])}|hundred)\b")


# A number given in pieces joined by "then": "it's 916 430 and then two-two-seven-eight",
# "07, then 946, then 0958": the joining words dropped (before the spelled digits are
# read), after words that say a number follows, seven to fifteen digits in all
# ("chapter 3 then 4" stays as it is).
_THEN_DIGIT = rf"(?:\d|{'|'.join(w for w in _DIGIT_WORDS if len(w) > 2)})"
_THEN_PIECE = rf"{_THEN_DIGIT}(?:[ \-]{{0,3}}{_THEN_DIGIT}){{0,14}}"
# ("+7 916 — rest is 555 12 34": the rest named is joined the same way)
_THEN_SEP = (
    r"(?:,? (?:and )?(?:then|followed by)|,? ?[\u2014\u2013-]? ?(?:and )?(?:the )?rest (?:is|=)) "
)
_THEN_JOINED = re.compile(rf"(?<![\w.,]){_THEN_PIECE}(?:{_THEN_SEP}{_THEN_PIECE})+(?![\w])")
_THEN_WORD = re.compile(_THEN_SEP)
_THEN_TOKEN = re.compile(_THEN_DIGIT)
# "country code 61, then 412 ...": the code said in words before the first piece.
_COUNTRY_CODE_BEFORE = re.compile(r"\bcountry code:? ?$")


def _then_joined(m: re.Match[str], text: str) -> str | None:
    if not 7 <= len(_THEN_TOKEN.findall(m.group(0))) <= 15:
        return None
    if not _CONTACT_BEFORE_COLUMN.search(m.string, max(0, m.start() - 40), m.start()):
        return None
    joined = _THEN_WORD.sub(" ", text[m.start() : m.end()].lower())
    if _COUNTRY_CODE_BEFORE.search(m.string, max(0, m.start() - 14), m.start()):
        return "+" + joined
    return joined


_THEN_PROBE = re.compile(rf"{_THEN_DIGIT}{_THEN_SEP}{_THEN_DIGIT}")


def _has_then(lower: str, _: Found | None) -> bool:
    return ("then " in lower or "followed by " in lower or "rest " in lower) and _THEN_PROBE.search(
        lower
    ) is not None


# A number told a group at a time, words between the groups: "first 3 are 917\nthen
# 555\nand 0143 at the end", "five one two, that's Austin. Rest is 555 and oh one four
# one", "9-7-3, 5-5-5, 0-1-7-5" (the words of every language, [numbers] pieces, or a
# comma; an aside naming the place, "that's Austin", may stand after a group). Groups of
# three to five digits, figures or words, seven to fifteen digits in all, with a word for
# calling or texting near: the words between are dropped, so the groups read as one
# number ("call between 10 and 12, then 14 and 18" has no such groups). A number whose
# parts are named ("the first part is ...") is the phone detector's (phone._in_parts).
_PIECE_TOKEN = rf"(?:\d|oh|{'|'.join(w for w in _DIGIT_WORDS if len(w) > 2)})"
_PIECE_GROUP = rf"{_PIECE_TOKEN}(?:[ \-]{{0,2}}{_PIECE_TOKEN}){{2,4}}"
_PIECE_WORDS = lexicon.alternation(lexicon.words("numbers", "pieces")).replace(r"\s+", " ")
_PIECE_ASIDE = r"(?:that'?s|that is|which is|it'?s)(?: the)?(?: [a-z]+){1,2}"
_PIECE_GAP = r"[ ,.;:\-\u2013\u2014\n]{1,4}"
_PIECE_SEP = rf"(?:{_PIECE_GAP}(?:{_PIECE_ASIDE}|{_PIECE_WORDS})(?![\w'\u2019])){{1,5}}{_PIECE_GAP}"
_PIECED_NUMBER = re.compile(
    rf"(?<![\w.,+])(?P<plus>(?:plus|\+)[ ]?)?"
    rf"{_PIECE_GROUP}(?:(?:{_PIECE_SEP}|[ ]*[\n,][ ]*){_PIECE_GROUP}){{1,3}}(?![\w])"
)
_PIECE_SPLIT = re.compile(rf"{_PIECE_SEP}|[ ]*[\n,][ ]*")
_PIECE_CUE = re.compile(
    r"\b(?:call(?:s|ing)?|phone|ph|tel|mobile|cell|number|num|whats\s?app|viber|signal|"
    r"text(?:s|ing)?|sms|ring|dial|reach)\b|" + "|".join(lexicon.words("numbers", "cues"))
)


def _pieced_number(m: re.Match[str], text: str) -> str | None:
    if _PARTS_NAMED.search(m.string, max(0, m.start() - 24), m.start()):
        return None  # "the first part is ..., the rest is ...": the phone detector's parts
    start = m.end("plus") if m.group("plus") else m.start()
    groups = [g.strip() for g in _PIECE_SPLIT.split(text[start : m.end()].lower())]
    groups = [g for g in groups if g]
    if not 7 <= sum(len(_PIECE_DIGIT.findall(g)) for g in groups) <= 15:
        return None
    if all(g.isdigit() for g in groups):
        if [int(g) for g in groups] == sorted({int(g) for g in groups}):
            return None  # "100, 250, then 500": amounts rising, a list
        if _PIECE_WORD_SEP.search(m.group(0)) is None and not (
            _PIECE_CLAIM.search(m.string, max(0, m.start() - 30), m.start())
            and _PIECE_END.match(m.string, m.end())
        ):
            return None  # "973, 555, 0175" only told as a number and ending there
    lower = m.string
    if not (
        _PIECE_CUE.search(lower, max(0, m.start() - 80), m.start())
        or _PIECE_CUE.search(lower, m.end(), m.end() + 60)
    ):
        return None
    return ("+" if m.group("plus") else "") + " ".join(groups)


_PARTS_NAMED = re.compile(r"\b(?:part|half|bit|area\s+code)\b(?:\s+is|\s*[=:])?\s*$")
_PIECE_WORD_SEP = re.compile(rf"[\n]|{_PIECE_GAP}(?:{_PIECE_ASIDE}|{_PIECE_WORDS})(?![\w'\u2019])")
_PIECE_CLAIM = re.compile(
    r"\b(?:call|text|ring|reach|whatsapp|dial)\s+(?:me|us)\b[^.!?\n\d]{0,12}$"
    r"|\b(?:my|our)\s+(?:number|phone|cell|mobile|#)[^.!?\n\d]{0,12}$"
)
_PIECE_END = re.compile(r"[ ]*(?:[.!?;)\n]|$)")


_PIECE_DIGIT = re.compile(rf"(?<![a-z]){_PIECE_TOKEN}(?![a-z])")


_PIECE_PROBE = re.compile(
    rf"\d[ \-]{{0,2}}\d[ \-]{{0,2}}\d{_PIECE_GAP}|{_PIECE_TOKEN}{_PIECE_GAP}(?:{_PIECE_WORDS})\b"
)


# An app named by its logo's emoji where an app's name would stand: "more active on ✈️
# than here", "my 👻 is ..." -> the app's name (vocabulary.toml, [app_emoji]). Not a
# trip: "I'll be on ✈️ Monday", "on ✈️ to Lisbon" stay as they are.
_APP_EMOJI: dict[str, str] = dict(vocabulary()["app_emoji"]["names"])
_APP_EMOJI_SLOT = re.compile(
    # (not "I'll be on ✈️", "we're on ✈️": someone flying)
    r"(?<!\bbe\s)(?<!\bam\s)(?<!\bare\s)(?<!\bwas\s)(?<!'m\s)(?<!'re\s)(?<!\u2019m\s)"
    r"\b(?:on|via|over|through|my|our|to|in)\s+(?:the\s+)?"
    rf"([{''.join(_APP_EMOJI)}])"
    r"(?!\s*(?:to|from|tomorrow|today|tonight|now|all|until|till|back|again|next|this|"
    r"for|at\s+\d|\d|ride|trip|flight|travel))"
)


def _app_emoji(m: re.Match[str], text: str) -> str:
    return text[m.start() : m.start(1)] + _APP_EMOJI[m.group(1)]


def _has_app_emoji(lower: str, _: Found | None) -> bool:
    return any(e in lower for e in _APP_EMOJI)


# Emoji set between the words of an app's nickname ("on the 📸 gram", "the 💚 green app"):
# dropped, so the nickname reads whole (vocabulary.toml, [app_nicknames]).
_THE_NICKNAMES = lexicon.alternation(
    [n.removeprefix("the ") for n in vocabulary()["app_nicknames"]["names"] if n.startswith("the ")]
)
_NICKNAME_EMOJI = re.compile(
    rf"\bthe((?:[ \t]*[^\x00-\x7f\w\s]\ufe0f?)+)[ \t]+(?={_THE_NICKNAMES}(?![\w]))"
)


def _nickname_emoji(m: re.Match[str], text: str) -> str | None:
    if any(
        unicodedata.category(c) != "So" for c in m.group(1) if not c.isspace() and c != "\ufe0f"
    ):
        return None  # "the → green one": an arrow, a sign of the text's own
    return text[m.start() : m.start(1)] + " "


def _has_nickname_emoji(lower: str, _: Found | None) -> bool:
    return not lower.isascii() and "the" in lower


# The local part of an address with its provider named after it instead of "@": "my
# email: ana.ruiz88 (the gmail one)", "mail me, ana_ruiz on outlook": read as "ana.ruiz88
# at gmail", after an email word, and only a local part with a dot, an underscore or a
# digit in it ("my mail (the gmail one)" stays as it is).
_PROVIDER_AFTER = re.compile(
    r"(?<![\w@.])(?=[a-z0-9._\-]*[._0-9])[a-z0-9][a-z0-9._\-]{1,40}[a-z0-9]"
    r"(,? (?:on |\((?:the |on |at )?|- ?)(?:the )?)"
    rf"({'|'.join(('googlemail', *_NAMED_MAIL))})"
    r"(?: (?:one|account|address|mail|box))?\)?(?![\w@.])"
)
_EMAIL_WORD_BEFORE = re.compile(
    r"(?:\b(?:my|our)\s+(?:e-?mail|mail|address|inbox)|\b(?:e-?mail|mail|write)\s+(?:me|us))\b"
    r"[^.!?\n]{0,30}$"
)


def _provider_after(m: re.Match[str], text: str) -> str | None:
    if not _EMAIL_WORD_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return None
    local = text[m.start() : m.start(1)]
    return f"{local} at {m.group(2)}"


# A line of its own giving an address as a name "on" its provider, the writer's signed
# name or a handle-shaped one: "— Pablo Ruiz | Voice Talent\npablo ruiz vo on gmail"
# -> "pabloruizvo at gmail" (not "calendar on outlook": no name of the writer's).
_PROVIDER_LINE = re.compile(
    # (a list's mark before it stays out of the match: "- dev.k88 on gmail")
    r"(?m)(?:^|(?<=^[\-\u2013\u2014>*] )|(?<=[:(,\"\u201c] )|(?<=[:(,\"\u201c]))"
    r"([a-z][a-z0-9._\-]*(?: [a-z0-9][a-z0-9._\-]*){0,3}) on (?:the )?"
    rf"({'|'.join(('googlemail', *_NAMED_MAIL))})(?: account| mail)?"
    # (ending its line, or its clause: "Contact: dev.k88 on the gmail account. ...")
    r"(?=[ \t]*(?:[.,;:)\"\u201d!?]|$))"
)
_VERSION = re.compile(r"v?\d[\d.]*")


_MEDIA_TYPES = frozenset(
    "mp3 mp4 mov wav avi mkv gif svg psd ai fig key pages numbers heic".split()
)


def _provider_line(m: re.Match[str], text: str) -> str | None:
    local = text[m.start(1) : m.end(1)]
    words = local.split()
    if _VERSION.fullmatch(local):
        return None  # "tested: v2.1 on outlook": a version
    if local.rsplit(".", 1)[-1] in _FILE_TYPES or local.rsplit(".", 1)[-1] in _MEDIA_TYPES:
        return None  # "- final_cut.pdf on icloud": a file kept there
    if not re.search(r"[._0-9]", local) and not (
        # the first two words the writer's name, signed above ("Pablo Ruiz")
        len(words) >= 2
        and re.search(
            rf"\b{re.escape(words[0].capitalize())}\s+{re.escape(words[1].capitalize())}\b",
            text[max(0, m.start() - 200) : m.start()],
        )
    ):
        return None  # "calendar on outlook", "shared slides on icloud": no name
    joined = "".join(local.split())
    return text[m.start() : m.start(1)] + f"{joined} at {m.group(2)}"


def _has_provider_line(lower: str, _: Found | None) -> bool:
    return " on " in lower


_PROVIDER_AFTER_PROBE = re.compile(
    r"(?:,? on |\((?:the |on |at )?|- ?)(?:the )?(?:gmail|googlemail|yahoo|hotmail|outlook|"
    r"icloud|proton|gmx|yandex|aol|zoho)"
)


def _char_digits(m: re.Match[str], text: str) -> str:
    return "".join(_CHAR_DIGITS.get(c, c) for c in text[m.start() : m.end()] if c not in " -")


# "ivan собака yandex точка ru", "maria arroba gmail punto com", "li艾特qq点com": the words
# of every language for "@" and "." between the parts of an address (English "at" and
# "dot" are read by the email detector and the rewrite below, with more care).
_AT_WORDS = [w for w in lexicon.words("email", "at") if w not in ("at", "@")]
_DOT_WORDS = [w for w in lexicon.words("email", "dot") if w not in ("dot", ".")]
_CJK = re.compile(r"^[\u3000-\u9fff\uac00-\ud7af]+$")


def _between(words: list[str]) -> str:
    """The words as they stand between the parts of an address: a word of a script
    with spaces needs a space either side ("et" is no "@" in "settings"); one of a
    script without may touch the letters ("li艾特qq")."""
    spaced = [w for w in words if not _CJK.match(w)]
    glued = [w for w in words if _CJK.match(w)]
    alt = lexicon.alternation(spaced).replace(r"\s+", " +")
    return rf"(?:[ ]{{1,2}}{alt}[ ]{{1,2}}|[ ]{{0,2}}{lexicon.alternation(glued)}[ ]{{0,2}})"


_AT_BETWEEN = _between(_AT_WORDS)
_DOT_BETWEEN = _between(_DOT_WORDS)
# Groups of digits between words for a separator: "06 dot 12 dot 48 dot 77 dot 30",
# "0161 dash 496 dash 0732" (seven digits or more; "2 dot 3" stays a version), also with
# the digits of each group spaced ("0 7 7 dot 0 0 dot 1 2 3 dot 4 5 6").
_SEPARATOR_WORDS = lexicon.alternation(
    ["dot", "dash", "hyphen", "point", "space", "slash"]
    + [w for w in _DOT_WORDS if not _CJK.match(w)]
)
_SEPARATOR_GROUP = r"\d(?:\d{1,4}|(?: \d){1,4})?"
# The word may stand in brackets, as a placeholder would: "0412 [space] 887 [space] 305".
_SEPARATOR_TOKEN = rf"(?:[\[(<]{_SEPARATOR_WORDS}[\])>]|{_SEPARATOR_WORDS})"
_WORDED_SEPARATORS = re.compile(
    rf"(?<![\w.])(?<!\d )(?<!\d  ){_SEPARATOR_GROUP}"
    rf"(?:[ ]{{1,2}}{_SEPARATOR_TOKEN}[ ]{{1,2}}{_SEPARATOR_GROUP}){{2,}}(?![\w])(?! \d)"
)
_SEPARATOR_PROBE = re.compile(rf"\d[ ]{{1,2}}{_SEPARATOR_TOKEN}[ ]{{1,2}}\d")
_SEPARATOR_SPLIT = re.compile(rf"[ ]{{1,2}}{_SEPARATOR_TOKEN}[ ]{{1,2}}")


def _worded_separators(m: re.Match[str], _: str) -> str | None:
    groups = [g.replace(" ", "") for g in _SEPARATOR_SPLIT.split(m.group(0))]
    return "-".join(groups) if sum(len(g) for g in groups) >= 7 else None


_SPOKEN_AT = re.compile(
    rf"(?<=[a-z0-9_.\-]){_AT_BETWEEN}"
    rf"(?=[a-z0-9][a-z0-9\-]*"
    rf"(?:[ ]{{0,2}}\.[ ]{{0,2}}|{_DOT_BETWEEN}|[ ]{{1,2}}(?:dot|period)[ ]{{1,2}})[a-z]{{2}})"
)
# A dot word only before a suffix people write ("yandex точка ru"): "the main point is"
# keeps its point.
_SUFFIXES = (
    r"(?:com|net|org|io|co|dev|me|ai|app|info|biz|xyz|us|uk|de|in|pk|ph|ng|ca|au|eu|fr|es|it|"
    r"nl|br|ru|ua|by|kz|cn|tw|hk|jp|kr|vn|id|my|sg|th|tr|ar|mx|cl|pe|bd|lk|np|eg|sa|ae|ma|pl|"
    r"ro|pt|store|shop|site|online|tech|studio|edu|gov|ac|mil|ch|se|no|dk|fi|be|ie|nz|za|ke|"
    r"gh|cz|gr|il|hu|sk|at|cc|tv|gg|design|agency|email|page|blog|pro|work)"
)
_ADDRESS_END = re.compile(_SUFFIXES)
# An address with one symbol put for both its "@" and its dot, the key given beside it:
# "d.nowak ☆ outlook ☆ com (first star = @, second = dot)"; or for the "@" alone before
# a domain, when the draft says what the symbol stands for ("☆ = @").
_SYMBOL_ADDRESS = re.compile(
    r"(?<![\w@.])([a-z0-9][a-z0-9._\-]{0,63}) ?([^\x00-\x7f\w\s]) ?([a-z0-9][a-z0-9\-]{0,62})"
    rf" ?(\2|\.|[^\x00-\x7f\w\s]) ?({_SUFFIXES})(?![\w@])"
)
# A file's name is no name part: "contacts.csv → outlook.com" is an import.
_FILE_TYPES = frozenset(
    "csv pdf doc docx xls xlsx txt json xml js ts py png jpg zip vcf pst".split()
)
_SYMBOL_PROBE = re.compile(r"[a-z0-9] ?[^\x00-\x7f\w\s] ?[a-z0-9]")
_KEY_VERB = r"\s*(?:=|means|is|for|stands? for|instead of)\s*[\"'“‘]?"
_SYMBOL_KEY = re.compile(rf"{_KEY_VERB}(?:@|at\b)")


def _symbol_address(m: re.Match[str], text: str) -> str | None:
    if unicodedata.category(m.group(2)) not in ("So", "Sm"):
        return None
    if m.group(4) not in (m.group(2), ".") and (
        unicodedata.category(m.group(4)) not in ("So", "Sm")
        or not re.search(re.escape(m.group(4)) + _KEY_VERB + r"(?:\.|dot\b)", m.string)
    ):
        return None  # "kevin🌀studio🔵com (🌀 = at, 🔵 = dot)": a second symbol, keyed too
    name_shaped = any(c in "._" or c.isdigit() for c in m.group(1))
    if (
        _SYMBOL_KEY.search(m.string) is None
        and (m.group(4) == "." or not name_shaped)
        # "hannah.ward ⟶ proton.me": a name part, a sign, a mail provider's domain
        and not (
            name_shaped
            and m.group(4) == "."
            and m.group(3) in _NAMED_MAIL
            and m.group(1).rpartition(".")[2] not in _FILE_TYPES
        )
    ):
        # "made with ♥ shopify.com", "five ★ rating ★ app": signs between
        # words, with no key saying what they stand for and no name in an address's shape
        return None
    local = text[m.start(1) : m.end(1)]
    domain = text[m.start(3) : m.end(3)]
    return f"{local}@{domain}.{text[m.start(5) : m.end(5)]}"


def _has_symbol_address(lower: str, _: Found | None) -> bool:
    return not lower.isascii() and _SYMBOL_PROBE.search(lower) is not None


# An address broken over lines before its dot too: "ana.ruiz\n@\nproton\n.me" (the
# "@" is joined by the rewrite above).
_BROKEN_DOT = re.compile(rf"@[a-z0-9][a-z0-9\-]{{0,62}}[ ]*\n[ \n]*\.{_SUFFIXES}(?![\w@])")


def _broken_dot(m: re.Match[str], text: str) -> str:
    return re.sub(r"\s", "", text[m.start() : m.end()])


# A middle dot or bullet standing for a dot: between digit groups ("080 • 1234 • 5678")
# or before an address's suffix ("gmail • com").
_DOT_LIKE_AS_DOT = re.compile(
    # one glued inside a name: "kai·moon", "ana•b@x.io" (not Catalan "col·lecció")
    rf"(?<=[a-z0-9])(?<!l)[{_DOT_LIKE}](?=[a-z0-9])|(?<=l)[{_DOT_LIKE}](?=[a-km-z0-9])|"
    rf"(?<=\d) ?[{_DOT_LIKE}] ?(?=\d)|(?<=[a-z0-9]) ?[{_DOT_LIKE}] ?"
    # (every dot of a longer host: "northgate ▪ build ▪ com")
    rf"(?=(?:[a-z0-9][a-z0-9\-]{{0,30}} ?[{_DOT_LIKE}] ?){{0,3}}{_SUFFIXES}(?![a-z0-9]))"
)
_DOT_LIKE_SET = frozenset(_DOT_LIKE)
# A link typed with spaces around its dot and slashes, so no filter reads it as one:
# "facebook . com / some.name", "linkedin .com/ in / ann-lee", "meet . google . com / abc",
# "l1nk3d1n . c0m / in / ann" (the look-alike letters are read after the join).
_SPACED_LINK = re.compile(
    rf"(?<![\w.@/])(?:[a-z0-9][a-z0-9\-]{{0,62}} \. ){{0,3}}[a-z0-9][a-z0-9\-]{{0,62}} \. ?"
    rf"(?:{_SUFFIXES}|ly|gl|gle|gd|c0m|n3t|0rg)"
    # ... a sub-domain spaced too, and a path whose hyphens are spaced ("meet . google .
    # com / abc - defg - hij")
    r"(?: {0,2}/ {0,2}(?:[\w.\-]{0,59}[\w\-])(?:(?: - [a-z0-9]{2,12}){2,}(?![\w\-]))?"
    r"(?![\w\-]|\.\w))+"
)


def _spaced_link(m: re.Match[str], text: str) -> str | None:
    return text[m.start() : m.end()].replace(" ", "")


def _has_spaced_link(lower: str, _: Found | None) -> bool:
    return " ." in lower and "/" in lower


# A link whose host is whole but whose path is spaced around its slashes, so no filter
# reads it as one: "docs.google.com / forms / d / e / 1FAIpQ / viewform" (two pieces of
# path at least: "acme.com / blog" may be two things listed).
_SPACED_PATH = re.compile(
    rf"(?<![\w.@/])(?:[a-z0-9][a-z0-9\-]{{0,62}}\.)+{_SUFFIXES}"
    r"(?=(?: {0,2}/ {0,2}[\w\-]+){2,}(?![\w/]|\.\w))"
    r"(?=[^\n]{0,200}? / )"
    r"(?: {0,2}/ {0,2}[\w\-]+)+(?![\w/]|\.\w)"
)


def _spaced_path(m: re.Match[str], text: str) -> str:
    return text[m.start() : m.end()].replace(" ", "")


def _has_spaced_path(lower: str, _: Found | None) -> bool:
    return " / " in lower or " /" in lower or "/ " in lower


# A site's address with a space for its dot and "slash" for its slash, the reader told to
# put the dot back: "priya-designs com slash contact". Only a name that cannot be a word
# of the sentence (a digit in it, or a hyphen between longer parts), so "the income slash
# expenses" and "hi-fi com slash audio" stay as they are.
_SLASHED_SITE = re.compile(
    r"(?<![\w.@/])(?:[a-z]*[0-9][a-z0-9]*|[a-z0-9]{3,}(?:-[a-z0-9]{3,})+) "
    r"(?:com|net|org|io|co|dev|me|ai|app|info|biz) slash (?=[a-z0-9])"
)


def _slashed_site(m: re.Match[str], text: str) -> str:
    name, rest = text[m.start() : m.end()].split(" ", 1)
    return name + "." + rest.replace(" slash ", "/")


def _has_slash_word(lower: str, _: Found | None) -> bool:
    return " slash " in lower


# A chat, payment, social, meeting, form or short link spoken out: "discord gg slash
# hT7vQ", "t me / kira_dev", "wa dot me slash 4479...", "bit ly / 3xK9", "calendly com
# slash ann": a known two-part host, "slash" or "/", and a name after it.
_SPOKEN_HOST_GROUPS = ("messaging", "payment", "social", "meeting", "application", "shortener")


def _spoken_host_list(*, slash_sign: bool) -> list[str]:
    domains = vocabulary()["domains"]
    needs_a_name = set(domains["needs_a_name"])
    hosts = [
        h
        for group in _SPOKEN_HOST_GROUPS
        for h in domains[group]
        # ("ko-fi com slash lena": a hyphen in the name too)
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)?(?:\.[a-z]+){1,2}", h)
        # One letter before the dot ("s id", "t co") is too often a word's tail.
        and (len(h.split(".")[0]) > 1 or h in needs_a_name)
    ]
    if slash_sign:
        # Before a bare "/", a host that is also an app's spoken name is a list of two
        # apps ("cash app / venmo"), not a link.
        names = [
            re.compile(rf"(?:{p})", re.IGNORECASE)
            for group in vocabulary()["apps"].values()
            if isinstance(group, list)
            for p in group
        ]
        hosts = [h for h in hosts if not any(n.fullmatch(h.replace(".", " ")) for n in names)]
    return sorted(set(hosts), key=len, reverse=True)


def _spoken_hosts(*, slash_sign: bool) -> str:
    # (three labels too: "meet google com / abc-defg-hij")
    return "|".join(
        "(?: dot | )".join(re.escape(label) for label in h.split("."))
        for h in _spoken_host_list(slash_sign=slash_sign)
    )


# A short site name typed a character at a time before its dot: "k o - f i dot com slash
# lena", "a b c 1 . io" (five characters at most; longer runs are the spaced rewrite's).
# Not inside a longer spaced run ("j o h n @ g m a i l dot com" is joined whole later).
_SPACED_SITE_NAME = re.compile(
    r"(?<![\w@./:\-])(?<!(?<![\w@.\-'\u2019])[\w@.] )"
    # (a dash that opens a list's line is no character of the run: "- k o - f i dot com")
    r"(?<!(?<![\w@.\-'\u2019\n])(?<!^)- )[a-z0-9](?: (?:- )?[a-z0-9]){2,4}"
    r"(?=(?: ?\. ?| dot )(?:com|net|org|io|co|me|dev|app|gg|ly|to|page|site|link|xyz)\b"
    r"(?![.\-]\w))"
)
_SPACED_SITE_NAME_PROBE = re.compile(r"\b[a-z0-9] (?:- )?[a-z0-9](?: ?\.| dot )")


def _spaced_site_name(m: re.Match[str], text: str) -> str:
    return text[m.start() : m.end()].replace(" ", "")


# The host and the slash are rewritten apart, so that each maps to its own words: an
# address read in "write me at calendly com / ann" ends at the host, not past the slash.
_SPOKEN_HOST_LINK = re.compile(
    rf"(?<![\w.@/])(?:(?:{_spoken_hosts(slash_sign=False)})(?= ?slash ?[\w$+])"
    rf"|(?:{_spoken_hosts(slash_sign=True)})(?= ?/ ?[\w$+]))(?! ?(?:slash|/) ?commands?\b)"
)
_SPOKEN_HOST_SLASH = re.compile(
    "(?:"
    + "|".join(
        rf"(?<={re.escape(h)})"
        for h in {*_spoken_host_list(slash_sign=False), *_spoken_host_list(slash_sign=True)}
    )
    # not before another domain: "paypal.com / stripe.com" lists two sites
    + r")(?: ?slash ?| / ?| ?/ )(?=[\w$+])(?!commands?\b|[\w\-]*\.[a-z])"
)


def _spoken_host_link(m: re.Match[str], text: str) -> str:
    words = text[m.start() : m.end()].lower().split()
    return ".".join(w for w in words if w != "dot")


def _spoken_host_slash(_: re.Match[str], __: str) -> str:
    return "/"


def _has_spoken_slash(lower: str, _: Found | None) -> bool:
    return "slash" in lower or "/" in lower


# A LinkedIn profile given by its path alone, spaced out: "li: /in/ priya - sharma - data",
# "LinkedIn → /in/ann-lee", or further on in the sentence that names LinkedIn: "my linked
# in if you want references: /in/ tomas - ferreira - 9b2".
_PROFILE_PATH = re.compile(
    r"(?<![\w.])(?:linked ?in|li) *(?::|->|\u2192|=>)? */ *in */ *[a-z0-9]+(?: *- *[a-z0-9]+)*"
    # (the first slash left out too, after LinkedIn: "LinkedIn — in / daniel-okafor")
    r"|(?<![\w./:])(?:/ *)?in */ *[a-z0-9]+(?: *- *[a-z0-9]+)*"
)
_LINKEDIN_BEFORE = re.compile(r"\blinked ?in\b[^.!?\n]{0,80}$")
_PROFILE_NAME = re.compile(r"[a-z0-9] *- *[a-z0-9]|\d")


def _profile_path(m: re.Match[str], text: str) -> str | None:
    if not m.group(0).startswith("l") and not (
        # (a profile's name has a hyphen or a digit in it: "/in/ paths to ids" has not)
        _PROFILE_NAME.search(m.group(0))
        and _LINKEDIN_BEFORE.search(m.string, max(0, m.start() - 100), m.start())
    ):
        return None  # "/in/progress": a path of something else
    name = text[m.start() : m.end()].rsplit("/", 1)[1].replace(" ", "")
    return f"linkedin.com/in/{name}"


def _has_profile_path(lower: str, _: Found | None) -> bool:
    return _IN_SLASH.search(lower) is not None


_IN_SLASH = re.compile(r"\bin */ *[a-z0-9]")


# An address written backwards ("moc.liamg@eod.nhoj", "read it backwards"): the part
# before "@" begins with a suffix spelt backwards, and the part after it ends in none.
_SUFFIX_WORDS = re.findall(r"[a-z]+", _SUFFIXES.removeprefix("(?:"))
_REVERSED_SUFFIXES = "|".join(sorted((w[::-1] for w in _SUFFIX_WORDS), key=len, reverse=True))
_BACKWARDS_ADDRESS = re.compile(
    rf"(?<![\w@.])(?:{_REVERSED_SUFFIXES})\.[a-z0-9\-]{{1,63}}(?:\.[a-z0-9\-]{{1,63}}){{0,3}}"
    r"@[a-z0-9_%+\-]{1,64}(?:\.[a-z0-9_%+\-]{1,64}){0,3}(?![\w@])"
)
_A_SUFFIX = re.compile(rf"{_SUFFIXES}")


# A number given backwards, the draft saying so: "read this backwards: 7 6 5 4 - 5 5 5 -
# 2 1 3 +" (its "+" last). Seven digits or more, so "count backwards from 5" stays.
_BACKWARDS_DIGITS = re.compile(r"(?<![\w+])\d(?:[ .\-]{0,3}\d){6,14}(?:[ ]*\+)?(?![\w])")
# Not a technical term: "a reversed-string index", "reverse proxy", "backwards compatible".
_BACKWARDS_CUE = re.compile(
    r"\b(?:backwards?|in reverse|reversed|right to left)\b(?![-\u2010\u2011]\w)"
    r"(?!\s+(?:compatib\w*|proxy|proxies|dns|lookups?|image|engineer\w*|chronological\w*|"
    r"index\w*|strings?|geocod\w*|auctions?|mortgages?|charges?|splits?|search\w*)\b)"
)
#: How far before the digits (and after them) the words saying they are backwards stand.
_BACKWARDS_BEFORE, _BACKWARDS_AFTER = 200, 80


def _backwards_digits(m: re.Match[str], text: str) -> str | None:
    lo, hi = max(0, m.start() - _BACKWARDS_BEFORE), m.end() + _BACKWARDS_AFTER
    if not _BACKWARDS_CUE.search(m.string, lo, hi):
        return None
    return text[m.start() : m.end()][::-1]


def _has_backwards_cue(lower: str, _: Found | None) -> bool:
    return "backward" in lower or "revers" in lower or "right to left" in lower


def _backwards_address(m: re.Match[str], text: str) -> str | None:
    last = m.group(0).rsplit(".", 1)[-1] if "." in m.group(0).partition("@")[2] else ""
    if _A_SUFFIX.fullmatch(last):
        return None  # "ed.smith@gmail.com" reads forwards
    return text[m.start() : m.end()][::-1]


def _has_at(lower: str, _: Found | None) -> bool:
    return "@" in lower


# An IBAN after its label with its digits spelled out, a few at a time between the
# letter groups: "IBAN: GB two nine NWBK six zero one six ...". The value becomes one run
# of letters and digits for the bank detector to check (its checksum decides). A letter
# group must be written in capitals, so the words after the number are not taken in.
_IBAN_DIGIT = "|".join(w for w in _DIGIT_WORDS if len(w) > 2)
_IBAN_SPELLED = re.compile(
    r"(?:(?<=\biban )|(?<=\biban: )|(?<=\biban:)|(?<=\biban - )|(?<=\biban# ))"
    rf"[a-z]{{2}}(?:[ \t]+(?:{_IBAN_DIGIT}|\d{{1,6}}|[a-z]{{4}})){{6,40}}\b"
)


def _iban_spelled(m: re.Match[str], text: str) -> str | None:
    tokens = text[m.start() : m.end()].split()
    out = [tokens[0].upper()]
    spelled = 0
    for token in tokens[1:]:
        if token.lower() in _DIGIT_WORDS:
            out.append(_DIGIT_WORDS[token.lower()])
            spelled += 1
        elif token.isdigit() or token.isupper():
            out.append(token)
        else:
            return None
    if spelled < 3 or not 15 <= len("".join(out)) <= 34:
        return None
    return "".join(out)


def _has_iban(lower: str, _: Found | None) -> bool:
    return "iban" in lower


# An address's "at" and provider in leetspeak: "r0b3rt0.m4ch4d0 4t gm4il", "ann at h0tm41l":
# read as "at" and the provider's name (only a word that then names a mail provider).
_LEET_AT = re.compile(r"(?<=[a-z0-9_.\-]) (4t|@t|at) ([a-z0-9]{3,12})(?![\w@])")
_LEET_LETTERS = (str.maketrans("01345789", "oieasrgg"), str.maketrans("01345789", "oleastbg"))
_LEET_PROVIDERS = frozenset(_NAMED_MAIL)


def _leet_at(m: re.Match[str], _: str) -> str | None:
    word = m.group(2)
    if word.isalpha() and m.group(1) == "at":
        return None  # nothing written in leetspeak
    for table in _LEET_LETTERS:
        if word.translate(table) in _LEET_PROVIDERS:
            return f" at {word.translate(table)}"
    return None


_LEET_PROBE = re.compile(r" (?:4t|@t|at) [a-z]*\d")


# "thru" for "through" ("send it thru paypal", "reach me thru whatsapp"), so the grammar of
# every detector reads the texting spelling as the word.
_THRU = re.compile(r"\bthru\b")


def _thru(_: re.Match[str], __: str) -> str:
    return "through"


def _has_thru(lower: str, _: Found | None) -> bool:
    return "thru" in lower


# An address or a handle stacked one piece a line, the "@" and the dots written as words
# or signs on lines of their own: "lena.vogt\nat\nposteo\nde", "hana\n.\ndraws\n.\ntokyo".
# The lines join into one: "at" with spaces around it (the email detector then judges the
# address), a dot or underscore line as its sign, and two labels after "at" with a dot
# between them; the address ends at its suffix's line. Without an "at" line, pieces join
# only across a dot or underscore line, so a column of words ("milk\neggs") stays as it is.
# The first piece may end a line of prose ("Contact: ana\nat\n..."), and a full stop may
# follow the last.
_STACK_SIGN = r"(?:\.|dot|period|_|underscore)"
_STACK_PIECE = r"[a-z0-9][a-z0-9._\-]{0,40}"
_STACKED = re.compile(
    rf"(?m)(?:^[ \t]*|(?<=[ \t(\"'\u201c])){_STACK_PIECE}"
    rf"(?:[ \t]*\n[ \t]*{_STACK_SIGN}[ \t]*\n[ \t]*{_STACK_PIECE})*"
    rf"(?:[ \t]*\n[ \t]*at[ \t]*\n[ \t]*"
    rf"(?:[a-z0-9][a-z0-9\-]{{0,62}}[ \t]*\n[ \t]*(?:(?:\.|dot|period)[ \t]*\n[ \t]*)?){{0,3}}"
    rf"(?:[a-z0-9][a-z0-9.\-]{{0,62}}\.)?{_SUFFIXES}"
    rf"|(?:[ \t]*\n[ \t]*{_STACK_SIGN}[ \t]*\n[ \t]*{_STACK_PIECE})+)"
    r"(?<![.\-_])(?=[ \t]*$|[.,!?;)\"'\u201d]*(?:\s|$))"
)
_STACKED_PROBE = re.compile(r"\n[ \t]*(?:at|\.|dot|period|_|underscore)[ \t]*\n")
_STACK_SIGNS = {".": ".", "dot": ".", "period": ".", "_": "_", "underscore": "_"}
# Words before a stacked "at" address that say it is one (a local part with a dot, an
# underscore or a digit says so itself).
_STACK_CUE = re.compile(r"\b(?:e-?mail|mail|write|send|reach|contact|inbox)\w*\b[^.!?]{0,40}$")


def _stacked(m: re.Match[str], text: str) -> str | None:
    lines = [line.strip() for line in text[m.start() : m.end()].split("\n")]
    words = [line.lower() for line in lines]
    if "at" in words:
        local = words[: words.index("at")]
        cue = _STACK_CUE.search(text.lower(), max(0, m.start() - 60), m.start())
        if not cue and not any(c in "._0123456789" for c in "".join(local)):
            return None
    out = lines[0]
    after_at = False
    for i in range(1, len(lines)):
        word, prev = words[i], words[i - 1]
        if word == "at" and not after_at:
            out += " at "
            after_at = True
        elif word in _STACK_SIGNS:
            out += _STACK_SIGNS[word]
        elif prev in _STACK_SIGNS or prev == "at":
            out += lines[i]
        else:
            out += "." + lines[i]
    return out


# A provider's name broken or sounded out after "@" or "at" and before the dot: "ann at
# gee mail dot com", "ann@hot mail.com" (vocabulary.toml, [split_providers]).
_SPLIT_PROVIDERS: dict[str, str] = {
    " ".join(k.lower().split()): str(v) for k, v in vocabulary()["split_providers"]["names"].items()
}
# A suffix after the provider: "gee mail dot com", "hot mail.com".
_SUFFIX_AFTER = rf" ?\. ?{_SUFFIXES}(?![a-z0-9])| dot "
_SPLIT_PROVIDER = re.compile(
    r"(?<=[a-z0-9_.])( ?@ ?| at )"
    + "("
    + "|".join(
        re.escape(k).replace(r"\ ", " ") for k in sorted(_SPLIT_PROVIDERS, key=len, reverse=True)
    )
    + ")"
    + rf"(?={_SUFFIX_AFTER}|(?![\w@\-]|[.\-]\w))"
)


def _split_provider(m: re.Match[str], text: str) -> str | None:
    name = m.group(2)
    if name in _NAMED_PROVIDERS and not _SUFFIX_AHEAD.match(m.string, m.end()):
        return None  # "our team at Google Mail": the product's own name, bare
    return m.group(1) + _SPLIT_PROVIDERS[name]


# The same sounded-out names after "my" or "your", where a provider is named as the
# place to write to: "send it to my gee mail" -> "my gmail" (not the providers' own names
# or two everyday words: "my hot mail" stays).
_SOUNDED_PROVIDER = re.compile(
    # (and after "on" at a line's end: "pablo ruiz vo on gee mail", see _PROVIDER_LINE)
    r"(?:(?<=\bmy\s)|(?<=\bur\s)|(?<=\bon\s)(?=[a-z \-]+[ \t]*(?:[.,;:)\"\u201d!?]|\n|$)))("
    + "|".join(
        re.escape(k).replace(r"\ ", " ")
        for k in sorted(_SPLIT_PROVIDERS, key=len, reverse=True)
        if k not in {" ".join(n.lower().split()) for n in vocabulary()["split_providers"]["named"]}
    )
    + r")(?![\w@\-])"
)


def _sounded_provider(m: re.Match[str], _: str) -> str:
    return _SPLIT_PROVIDERS[m.group(1)]


def _has_sounded_provider(lower: str, _: Found | None) -> bool:
    return _SOUNDED_PROBE.search(lower) is not None


_SOUNDED_PROBE = re.compile(r"\b(?:my|ur|on)\s")


# With no suffix after it ("ann at gee mail, or ..."), a name sounded out is enough, but
# not the provider's own name ("our team at Google Mail").
_NAMED_PROVIDERS = frozenset(
    " ".join(k.lower().split()) for k in vocabulary()["split_providers"]["named"]
)
_SUFFIX_AHEAD = re.compile(_SUFFIX_AFTER)


def _has_split_provider(lower: str, _: Found | None) -> bool:
    return ("mail" in lower or "hoo" in lower or "look" in lower or "cloud" in lower) and (
        "@" in lower or " at " in lower
    )


# Also a dot word between the labels of a longer domain: "cs dot stanford dot edu".
_SPOKEN_DOTS = re.compile(
    rf"(?<=[a-z0-9]){_DOT_BETWEEN}(?=(?:[a-z0-9][a-z0-9\-]{{0,30}}{_DOT_BETWEEN}){{0,3}}"
    rf"{_SUFFIXES}(?![a-z0-9]))"
)
_SPOKEN_WORDS = tuple(_AT_WORDS + _DOT_WORDS)


def _spoken_at(m: re.Match[str], _: str) -> str | None:
    before = _LAST_WORD.search(m.string, max(0, m.start() - 20), m.start())
    if before is not None and before.group(0) in _PROSE_BEFORE_SIGN:
        return None  # "type the at sign, gmail.com": the sign named, no name part before it
    return "@"


def _has_spoken_at_or_dot(lower: str, found: Found | None) -> bool:
    """Whether a word for "@" or "." stands between the parts of an address (looked at
    only around the words found, so "the main point is" costs next to nothing)."""
    if found is None:
        return True
    for word in _held(found, _SPOKEN_WORD_SET):
        for at in found[word]:
            lo, hi = max(0, at - 3), at + len(word) + 80
            if _SPOKEN_AT.search(lower, lo, hi) or _SPOKEN_DOTS.search(lower, lo, hi):
                return True
    return False


# "janedoe dot com": the word "dot" before a common suffix.
_SPOKEN_DOT = re.compile(
    rf"(?<=[a-z0-9])[ ]{{1,2}}dot[ ]{{1,2}}"
    rf"(?=(?:[a-z0-9][a-z0-9\-]{{0,30}}[ ]{{1,2}}dot[ ]{{1,2}}){{0,3}}{_SUFFIXES}\b)"
)


def _spoken_dot(_: re.Match[str], __: str) -> str:
    return "."


# "ayesha ایٹ جی میل ڈاٹ کام", "ivan собака яндекс точка ру": the spoken names of mail
# providers and suffixes in another script (``[email] names`` of the language files),
# read as their Latin spelling only between a word for "@" and one for ".", so the two
# rewrites above can then read the address.
def _domain_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in lexicon.languages():
        table = language.data.get("email", {}).get("names", {})
        for latin, spoken in table.items():
            for word in spoken:
                names[str(word).lower()] = str(latin).lower()
    return names


_DOMAIN_NAMES = _domain_names()
_DOMAIN_WORDS = lexicon.alternation(sorted(_DOMAIN_NAMES, key=len, reverse=True)).replace(
    r"\s+", " +"
)
_NATIVE_DOMAIN = re.compile(
    rf"(?<=[a-z0-9_.\-])({_AT_BETWEEN})({_DOMAIN_WORDS}|[a-z0-9][a-z0-9\-]*)"
    rf"({_DOT_BETWEEN})({_DOMAIN_WORDS}|{_SUFFIXES})(?!{_WORD_CHAR})"
)


def _native_domain(m: re.Match[str], _: str) -> str | None:
    domain, suffix = m.group(2), m.group(4)
    if domain not in _DOMAIN_NAMES and suffix not in _DOMAIN_NAMES:
        return None  # nothing in another script: the rewrites after this one read it
    return (
        m.group(1) + _DOMAIN_NAMES.get(domain, domain) + m.group(3)
        + _DOMAIN_NAMES.get(suffix, suffix)
    )  # fmt: skip


def _has_native_domain(lower: str, found: Found | None) -> bool:
    """Whether a word for "@" is followed by a provider or suffix named in another script
    (looked at only around the "@" words found)."""
    if found is None:
        return _NATIVE_DOMAIN.search(lower) is not None
    for word in _held(found, _AT_WORD_SET):
        for at in found[word]:
            if _NATIVE_DOMAIN.search(lower, max(0, at - 3), at + len(word) + 80):
                return True
    return False


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character ("İ", which lowers to two
    characters, stays as it is), so positions in it are positions in ``text``."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --- the questions that let a rewrite be skipped ----------------------------------------

# "(at)", "[dot]", and every language's words for them: "(arroba)", "(punto)", "[собака]".
_AT_SET = frozenset(["at", "@", *_AT_WORDS])
# ("period" only here, in brackets: bare, "a trial period in May" would read as ".in".)
_BRACKET_WORDS = lexicon.alternation(sorted(_AT_SET | {"dot", "period", r"\.", "a", *_DOT_WORDS}))
_BRACKETED = re.compile(rf"\s?[\[({{<]\s{{0,2}}({_BRACKET_WORDS})\s{{0,2}}[\])}}>]\s?")
_BRACKET_PROBE = re.compile(rf"[\[({{<]\s{{0,2}}(?:{_BRACKET_WORDS})\s{{0,2}}[\])}}>]")
# Three single characters between single spaces: the middle of any spaced-out run.
_SPACED_PROBE = re.compile(r" [a-z0-9@_./:#] [a-z0-9@_./:#] [a-z0-9@_./:#] ")
_DIGIT_WORDS_NOT_O = (*_SPOKEN_NUMBERS, *_HUNDREDS, *_DOUBLE, *_TRIPLE)
# A digit word, or the start of a digit group, right after a digit word.
# "o" as a digit beside a digit group: the literal first, so the search is quick.
_O_BESIDE_DIGITS = re.compile(
    r"o[ ,.\-]{1,3}\d|o\b(?:(?<=\d[ ,.\-]o)|(?<=\d[ ,.\-]{2}o)|(?<=\d[ ,.\-]{3}o))"
)
_LETTER_DIGIT_PAIRS = tuple(pair for d in "0123456789" for c in "oilsbz" for pair in (d + c, c + d))
_LETTER_DIGIT_PAIR_SET = frozenset(_LETTER_DIGIT_PAIRS)
_DIGIT_WORD_SET = frozenset(_DIGIT_WORDS_NOT_O)
_GLUE_WORD_SET = frozenset(SPOKEN_DIGITS)
_DIGIT_CHARS = tuple("0123456789")
_WORD_RE = re.compile(_WORD_CHAR)
_SPOKEN_WORD_SET = frozenset(_SPOKEN_WORDS)
_AT_WORD_SET = frozenset(_AT_WORDS)
# Found in the same pass as the detectors' literals.
_BRACKETS = ("[", "(", "{", "<")
DRAFT.register((*_DIGIT_WORDS_NOT_O, *_LETTER_DIGIT_PAIRS, *_BRACKETS, *_DIGIT_CHARS))
DRAFT.register(_LONE_LETTER_PAIRS)
DRAFT.register(_SPOKEN_WORDS)

Found = dict[str, list[int]]


def _held(found: Found, words: frozenset[str]) -> list[str]:
    """The words of ``words`` that were found, looking through the smaller of the two
    (``found.keys() & words`` would go through all of ``words``, some thousand digit
    words of every language, for every draft)."""
    if len(found) < len(words):
        return [word for word in found if word in words]
    return [word for word in words if word in found]


# Digits with a letter put between them, the draft saying to take it out: "9x1x7 -
# 5x5x8 (remove the x's)". Without such words "2x4x8" stays a size.
_FILLED_DIGITS = re.compile(r"(?<![\w])\d(?:([a-z])\d)(?:\1\d)+(?![\w])")
_FILLED_PROBE = re.compile(r"\d[a-z]\d[a-z]\d")


def _filled_digits(m: re.Match[str], _: str) -> str | None:
    letter = m.group(1)
    told = re.search(
        r"\b(?:remove|ignore|delete|drop|skip|take out|strip|without|minus)\s+(?:the\s+|all\s+"
        rf"(?:the\s+)?|every\s+|each\s+)?[\"'‘“]?{letter}[\"'’”]?(?:\s*'?s|es)?\b",
        m.string,
    )
    return m.group(0).replace(letter, "") if told else None


# A Cash App tag with its sign said in words: "cash app is dollar sign then rileycuts"
# (only where Cash App or a cashtag is named before it: "a dollar sign then the amount"
# in a price field's spec stays as it is).
_SPOKEN_DOLLAR = re.compile(
    r"\b(?:dollar|usd)\s+(?:sign|symbol)\s*(?:,\s*)?(?:(?:and\s+)?then\s+|followed\s+by\s+|plus\s+)?"
    r"(?!(?:the|a|an|your|my|its|amount|price|total|number|value|sum|figure|cost|digits?|then|"
    r"and|followed|plus)\b)"
    r"(?=[a-z][a-z0-9_]{1,19}\b)"
)
_CASH_APP_BEFORE = re.compile(r"\b(?:cash\s?app|cashtag|\$\s?tag)\b[^.!?\n]{0,40}$")


def _spoken_dollar(m: re.Match[str], _: str) -> str | None:
    return "$" if _CASH_APP_BEFORE.search(m.string, 0, m.start()) else None


def _has_spoken_dollar(lower: str, _: Found | None) -> bool:
    return "dollar sign" in lower or "dollar symbol" in lower


# "~at~", "*dot*", "=at=": the word between two of the same sign, a line of its own
# allowed ("anika\n~at~\nbrightlabs\n~dot~\nio").
_DECORATED = re.compile(rf"\s?([~*=#|^+])[ ]{{0,2}}({_BRACKET_WORDS})[ ]{{0,2}}\1\s?")
_DECORATED_PROBE = re.compile(rf"[~*=#|^+][ ]{{0,2}}(?:{_BRACKET_WORDS})[ ]{{0,2}}[~*=#|^+]")


def _decorated(m: re.Match[str], _: str) -> str | None:
    word = m.group(2).lower()
    if word == "a":
        return None
    if word in _AT_SET:
        before = _LAST_WORD.search(m.string, 0, m.start())
        if before is not None and before.group(0) in _PROSE_BEFORE_SIGN:
            return None  # "wrap a word like *at* or *dot* in stars": the words themselves
        return "@" if _DECORATED_DOMAIN.match(m.string, m.end()) else None
    return "." if _DECORATED_SUFFIX.match(m.string, m.end()) else None


_LAST_WORD = re.compile(r"[a-z]+(?=\W*$)")
_PROSE_BEFORE_SIGN = frozenset(
    "like as word words the a an or and of to in is use write type say such eg".split()
)
# What makes the signs an address's: a domain after the "@", a suffix after the dot.
_DECORATED_SUFFIX = re.compile(rf"{_SUFFIXES}(?![\w@])")
_DECORATED_DOMAIN = re.compile(
    r"[a-z0-9][a-z0-9\-]{0,62}\s{0,2}(?:\.|([~*=#|^+])[ ]{0,2}(?:dot|\.)[ ]{0,2}\1)"
)


def _has_brackets(lower: str, found: Found | None) -> bool:
    if found is None:
        return _BRACKET_PROBE.search(lower) is not None
    return any(
        _BRACKET_PROBE.match(lower, at) is not None
        for bracket in _BRACKETS
        for at in found.get(bracket, ())
    )


def _has_spoken_dot(lower: str, _: Found | None) -> bool:
    return "dot" in lower


def _has_digit_word_run(lower: str, found: Found | None) -> bool:
    """Whether a digit word stands beside another digit word or a digit, one to four
    separators apart (square brackets among them): every spelled-out run of four tokens
    has such a pair (or is "o"s and digits). Worked out from where the literals were
    found, without a regex."""
    if found is None:
        return True
    words = _held(found, _DIGIT_WORD_SET)
    if not words:
        return _O_BESIDE_DIGITS.search(lower) is not None
    starts = {at for word in words for at in found[word]}
    starts.update(at for d in _DIGIT_CHARS if d in found for at in found[d])
    ends = {at + len(word) for word in words for at in found[word]}
    ends.update(at + 1 for d in _DIGIT_CHARS if d in found for at in found[d])
    for word in words:
        for at in found[word]:
            end = at + len(word)
            if (at and _WORD_RE.match(lower, at - 1)) or _WORD_RE.match(lower, end):
                continue  # inside a longer word
            gap = end
            while gap < len(lower) and gap - end < 4 and lower[gap] in " ,;.-()/\n[]":
                gap += 1
            if gap > end and gap in starts:
                return True
            back = at
            while back > 0 and at - back < 4 and lower[back - 1] in " ,;.-()/\n[]":
                back -= 1
            if back < at and back in ends:
                return True
    return _O_BESIDE_DIGITS.search(lower) is not None


def _has_char_digits(lower: str, _: Found | None) -> bool:
    return not _CHAR_DIGIT_SET.isdisjoint(lower)


def _has_letter_digits(_: str, found: Found | None) -> bool:
    return found is None or not found.keys().isdisjoint(_LETTER_DIGIT_PAIR_SET)


Gate = Callable[[str, Found | None], bool]


def _probe(pattern: re.Pattern[str]) -> Gate:
    """A gate that holds when ``pattern`` (a quick probe for a rewrite) is found anywhere
    in the draft."""
    return lambda lower, _: pattern.search(lower) is not None


# A domain read out with its hyphen said as a word, after "at" or "@" and before the
# suffix: "hr at blue hyphen fern.io", "sales@north dash bay.com" -> "blue-fern.io"; also
# "minus", as the key is called ("hello at studio minus noir dot co"): only between letter
# names before a suffix, so "x at 5 minus 3.2" stays arithmetic.
_SPOKEN_HYPHEN = re.compile(
    r"(?:(?<=@)|(?<=\bat ))[a-z0-9]+(?: (?:hyphen|dash) [a-z0-9]+)+(?=\.[a-z]{2})"
    r"|(?:(?<=@)|(?<=\bat ))[a-z][a-z0-9]*(?: minus [a-z][a-z0-9]*)+(?=\.[a-z]{2})"
)


def _spoken_hyphen(m: re.Match[str], text: str) -> str:
    return re.sub(r" (?i:hyphen|dash|minus) ", "-", text[m.start() : m.end()])


def _has_spoken_hyphen(lower: str, _: Found | None) -> bool:
    return " hyphen " in lower or " dash " in lower or " minus " in lower


# A mail provider's or domain's name spelled a letter at a time after "at" or "@", before
# its suffix: "at g m x.de", "@ y a n d e x.ru" -> "gmx.de".
_SPACED_DOMAIN = re.compile(
    r"(?:(?<=@)|(?<=@ )|(?<=\bat ))(?:[a-z0-9] ){1,20}[a-z0-9](?=\.[a-z]{2})"
)


def _spaced_domain(m: re.Match[str], text: str) -> str:
    return text[m.start() : m.end()].replace(" ", "")


def _has_spaced_domain(lower: str, _: Found | None) -> bool:
    return _SPACED_DOMAIN.search(lower) is not None


# A site named right after "my site", "website:", "portfolio:" or "visit", its dot spaced
# out ("my site kaminska . pl" -> "kaminska.pl") or its suffix told in brackets ("my site:
# olabakes (the usual .com)" -> "olabakes.com"); and "w w w." spelled out before a site's
# name ("w w w. annsmith.com" -> "www.annsmith.com"), so the words before it stay in its
# sentence.
_SITE_CUE = (
    r"(?:(?<=site )|(?<=site: )|(?<=site - )|(?<=page: )|(?<=portfolio )|(?<=portfolio: )|"
    r"(?<=visit )|(?<=homepage )|(?<=homepage: ))"
)
_SPACED_SITE = re.compile(
    _SITE_CUE
    + r"[a-z0-9][a-z0-9\-]{2,62}(?: \. ?| ?\. )"
    + _SUFFIXES
    + r"(?![\w.@\-])|"
    + _SITE_CUE
    + r"[a-z0-9][a-z0-9\-]{2,62} \((?:the )?(?:usual |plain |just )?(?:\.|dot ?)"
    r"(?:com|net|org|io|co|dev|me|ai|app|info|biz)(?: (?:one|ending|suffix))?\)|"
    r"(?<![\w.])w w w ?\. ?(?=[a-z0-9][a-z0-9\-]*\.[a-z]{2})"
)
_BRACKETED_SUFFIX = re.compile(r" \((?:the )?(?:usual |plain |just )?(?:\.|dot ?)([a-z]+)[^)]*\)")


def _spaced_site(m: re.Match[str], text: str) -> str:
    run = text[m.start() : m.end()]
    if run.lower().startswith("w w w") or run.lower().startswith("www"):
        return "www."
    bracketed = _BRACKETED_SUFFIX.search(run.lower())
    if bracketed:
        return run[: bracketed.start()] + "." + bracketed.group(1)
    return run.replace(" ", "")


def _has_spaced_site(lower: str, _: Found | None) -> bool:
    if "w w w" in lower:
        return True
    cue = "site" in lower or "page" in lower or "portfolio" in lower or "visit" in lower
    return cue and (" ." in lower or ". " in lower)


# A number said as words at the end of an address's name part, the name dotted (typed or
# said) and the domain right after: "gabriel dot ferreira seventy at gmx.de" ->
# "gabriel dot ferreira70 at gmx.de". Only before " at <name>.<suffix>", so "we are
# thirty at most" stays as it is.
_WORDED_LOCAL_NUMBER = re.compile(
    r"(?<![\w.@])(?P<name>[a-z0-9]+(?:(?:\.| dot )[a-z0-9]+)+) "
    rf"(?P<num>{_TWO})"
    r"(?= at [a-z0-9][a-z0-9\-]*\.[a-z]{2})"
)


def _worded_local_number(m: re.Match[str], text: str) -> str:
    words = re.split(r"[ \-]", m.group("num"))
    value = _TEENS.get(words[0]) or _TENS[words[0]]
    if len(words) > 1:
        value = str(int(value) + int(SPOKEN_DIGITS[words[1]]))
    return text[m.start() : m.end("name")] + value


def _has_worded_local_number(lower: str, _: Found | None) -> bool:
    return " at " in lower and _WORDED_LOCAL_NUMBER.search(lower) is not None


# A letter of a script written without spaces, touching a detail in Latin letters or
# digits: a space goes between them ("电话13812345678", "联系我abc@gmail.com谢谢" -> "联系我
# abc@gmail.com 谢谢"), so the detail starts and ends where it would in a spaced language.
# Only a detail-shaped neighbour (an "@", a dotted host, a slash, six digits) is spaced off:
# "Upworkの手数料" and "LINEで" stay as the language files spell them. The space stands
# for the script's letter, so findings still point at the user's own characters.
_SCRIPT_EDGE = re.compile(
    rf"(?<=[a-z0-9=/])[{lexicon.GLUED_LETTERS}]|[{lexicon.GLUED_LETTERS}](?=[a-z0-9+@])"
)
_EDGE_TOKEN = re.compile(r"[a-zA-Z0-9+@](?:[a-zA-Z0-9._%+\-@/:#?=&~]|[ -](?=\d))*")
_EDGE_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-@/:#?=&~")
# An "@", a dotted host, a path, a leading "+" and digit, six digits, a name with an
# underscore or with digits after its letters ("minji88이에요"), or a long run of letters
# and digits (a wallet, a key, an encoded address).
_DETAIL_SHAPED = re.compile(
    r"@|[a-z0-9]\.[a-z]{2}|/|^\+\d|(?:\d[^\d]?){6}|[a-z0-9]_[a-z0-9]|^[a-z]{2,}\d+$"
    r"|^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9=]{16,}$"
)


def _script_edge(m: re.Match[str], text: str) -> str:
    at = m.start()
    start = at
    while start and (
        text[start - 1].lower() in _EDGE_TOKEN_CHARS
        or (
            text[start - 1] == " "
            and text[start].isdigit()
            and text[start - 2 : start - 1].isdigit()
        )
    ):
        start -= 1
    before = " " if start < at and _DETAIL_SHAPED.search(text[start:at].lower()) else ""
    token = _EDGE_TOKEN.match(text, at + 1)
    after = " " if token and _DETAIL_SHAPED.search(token.group().lower()) else ""
    return before + text[at] + after


def _has_script_edge(lower: str, _: Found | None) -> bool:
    return not lower.isascii() and _SCRIPT_EDGE.search(lower) is not None


_REWRITES: tuple[tuple[re.Pattern[str], Replacer, Gate], ...] = (
    (_SCRIPT_EDGE, _script_edge, _has_script_edge),
    (_ENTITY, _entity, _has_entity),
    (_MARKUP, _markup, _has_markup),
    (_HEX_RUN, _hex_run, _probe(_HEX_RUN)),
    (_BASE64_RUN, _base64_run, _probe(_BASE64_RUN)),
    (_BINARY_RUN, _binary_run, _probe(_BINARY_RUN)),
    (_ROT13_ADDRESS, _rot13, _probe(_ROT13_PROBE)),
    (_CHAR_DIGIT_RUN, _char_digits, _has_char_digits),
    (_DOT_LIKE_RUN, _dot_like_run, _has_dot_like),
    (_DOT_LIKE_AS_DOT, _dot_like_as_dot, _has_dot_like),
    (_BRACKETED, _bracketed, _has_brackets),
    (_SPOKEN_HASH, _spoken_hash, _has_spoken_hash),
    (_DECORATED, _decorated, _probe(_DECORATED_PROBE)),
    (_SPOKEN_DOLLAR, _spoken_dollar, _has_spoken_dollar),
    (_FILLED_DIGITS, _filled_digits, _probe(_FILLED_PROBE)),
    (_NATIVE_DOMAIN, _native_domain, _has_native_domain),
    (_WORDED_SEPARATORS, _worded_separators, _probe(_SEPARATOR_PROBE)),
    (_THRU, _thru, _has_thru),
    (_LEET_AT, _leet_at, _probe(_LEET_PROBE)),
    (_IBAN_SPELLED, _iban_spelled, _has_iban),
    (_STACKED, _stacked, _probe(_STACKED_PROBE)),
    (_SYMBOL_ADDRESS, _symbol_address, _has_symbol_address),
    (_ALPHABET_RUN, _alphabet_run, _probe(_ALPHABET_PROBE)),
    (_JOIN_RUN, _joined, _has_join_words),
    (_SPOKEN_AT, _spoken_at, _has_spoken_at_or_dot),
    (_SPOKEN_DOTS, _spoken_dot, _has_spoken_at_or_dot),
    (_SPACED_SITE_NAME, _spaced_site_name, _probe(_SPACED_SITE_NAME_PROBE)),
    (_SPOKEN_HOST_LINK, _spoken_host_link, _has_spoken_slash),
    (_SPOKEN_HOST_SLASH, _spoken_host_slash, _has_spoken_slash),
    (_PROFILE_PATH, _profile_path, _has_profile_path),
    (_SPACED_LINK, _spaced_link, _has_spaced_link),
    (_SLASHED_SITE, _slashed_site, _has_slash_word),
    (_SPLIT_PROVIDER, _split_provider, _has_split_provider),
    (_SOUNDED_PROVIDER, _sounded_provider, _has_sounded_provider),
    (_BROKEN_AT, _broken_at, _has_broken_at),
    (_BROKEN_DOT, _broken_dot, _has_broken_at),
    (_BACKWARDS_ADDRESS, _backwards_address, _has_at),
    (_BACKWARDS_DIGITS, _backwards_digits, _has_backwards_cue),
    (_SPACED_LINES, _spaced_lines, _has_spaced_lines),
    (_DIGIT_LINES, _digit_lines, _probe(_DIGIT_LINES_PROBE)),
    (_DOTTED_DIGITS, _dotted_digits, _probe(_DOTTED_DIGITS_PROBE)),
    (_SPACED_HEX, _spaced_hex, _has_spaced_hex),
    (_SPACED_BECH32, _spaced_bech32, _has_spaced_bech32),
    (_SYMBOL_SPACED, _symbol_spaced, _has_symbol_spaced),
    (_PLUS_JOINED, _plus_joined, _has_plus_joined),
    (_SPACED, _spaced, _probe(_SPACED_PROBE)),
    (_SPACED_HANDLE, _spaced_handle, _has_spaced_handle),
    # (again, once spaced-out pieces are whole: "t . m e / hasan_codes (remove spaces)")
    (_JOIN_RUN, _joined, _has_join_words),
    (_DASHED_ADDRESS, _dashed_address, _has_dashed_address),
    (_SPOKEN_UNDERSCORE, _spoken_underscore, _has_underscore_word),
    (_HYPHENATED, _hyphenated, _probe(_HYPHENATED_PROBE)),
    (_BROKEN_WORD, _broken_word, _probe(_BROKEN_PROBE)),
    (_VOWELLESS_WORD, _vowelless, _has_vowelless),
    (_DOTTED_LETTERS, _dotted_letters, _probe(_DOTTED_PROBE)),
    (_SHORT_SPELLED, _short_spelled, _probe(_SHORT_SPELLED_PROBE)),
    (_SPLIT_NAME, _split_name, _probe(_SPLIT_NAME_PROBE)),
    (_PROVIDER_AFTER, _provider_after, _probe(_PROVIDER_AFTER_PROBE)),
    (_PROVIDER_LINE, _provider_line, _has_provider_line),
    (_NICKNAME_EMOJI, _nickname_emoji, _has_nickname_emoji),
    (_APP_EMOJI_SLOT, _app_emoji, _has_app_emoji),
    (_LOOK_ALIKE_TOKEN, _look_alike_word, _has_look_alike_letters),
    (_SPOKEN_DOT, _spoken_dot, _has_spoken_dot),
    (_SPACED_PATH, _spaced_path, _has_spaced_path),
    (_LONE_LETTER_DIGIT, _lone_letter_digit, _has_lone_letter_digit),
    (_GLUED, _glued, _has_glued),
    (_SPOKEN_HYPHEN, _spoken_hyphen, _has_spoken_hyphen),
    (_SPACED_DOMAIN, _spaced_domain, _has_spaced_domain),
    (_SPACED_SITE, _spaced_site, _has_spaced_site),
    (_WORDED_LOCAL_NUMBER, _worded_local_number, _has_worded_local_number),
    (_SAID_NUMBER, _said_number, _probe(_SAID_PROBE)),
    (_THEN_JOINED, _then_joined, _has_then),
    (_PIECED_NUMBER, _pieced_number, _probe(_PIECE_PROBE)),
    (_SPELLED, _spelled, _has_digit_word_run),
    (_LETTER_DIGITS, _letter_digits, _has_letter_digits),
)
