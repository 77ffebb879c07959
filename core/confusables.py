"""Look-alike characters from other alphabets, folded to the ASCII letter they imitate.

The data is Unicode's TR39 confusables list as shipped by ``confusable_homoglyphs``;
it is read only when a draft holds non-ASCII text, so plain drafts never pay for it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

# Keys we fold towards: what a disguised handle, address or number is made of.
_TARGETS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.:/_-+")


@cache
def fold_table() -> dict[str, str]:
    """Map each single non-ASCII look-alike character to the ASCII character it imitates."""
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    table: dict[str, str] = {}
    for key, glyphs in data.items():
        if key not in _TARGETS:
            continue
        for glyph in glyphs:
            ch = glyph.get("c", "")
            if len(ch) == 1 and not ch.isascii():
                table.setdefault(ch, key)
    # Letters in black circles and squares ("🅼🅸🅺🅴", "🅐"): no compatibility form and not
    # in TR39, so read from their names. Regional indicators (flags) are left alone.
    for code in range(*_ENCLOSED_LETTERS):
        ch = chr(code)
        m = _ENCLOSED_NAME.match(unicodedata.name(ch, ""))
        if m:
            table.setdefault(ch, m.group(1).lower())
    # Small capitals ("ʀᴏᴍᴀɴ", from "fancy text" generators): also read from their names.
    for block in _SMALL_CAPITAL_BLOCKS:
        for code in range(*block):
            ch = chr(code)
            m = _SMALL_CAPITAL_NAME.match(unicodedata.name(ch, ""))
            if m:
                table.setdefault(ch, m.group(1).lower())
    return table


_ENCLOSED_LETTERS = (0x1F100, 0x1F1E6)
_ENCLOSED_NAME = re.compile(
    r"^(?:NEGATIVE )?(?:SQUARED|CIRCLED|PARENTHESIZED)\b.*\bLATIN (?:CAPITAL|SMALL) LETTER ([A-Z])$"
)
_SMALL_CAPITAL_BLOCKS = ((0x0250, 0x02B0), (0x1D00, 0x1D2C), (0xA730, 0xA740))
_SMALL_CAPITAL_NAME = re.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")
