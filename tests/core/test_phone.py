"""The quick phone-number check against libphonenumber's own parse."""

from __future__ import annotations

import phonenumbers
from presend.core.detectors.phone import _valid_as_written


def _examples() -> list[str]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(
                    phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
                )
    return found


def test_built_numbers_agree_with_parsed_ones() -> None:
    agreed = 0
    for e164 in _examples():
        digits = e164[1:]
        for candidate in (digits, digits[:-1], digits + "5", digits[:-2] + "99"):
            try:
                parsed = phonenumbers.is_valid_number(phonenumbers.parse("+" + candidate))
            except phonenumbers.NumberParseException:
                parsed = False
            built = _valid_as_written(candidate)
            # Building may say no where parsing (which strips a trunk prefix) says yes;
            # the detector then parses. It must never say yes where parsing says no.
            assert not built or parsed, candidate
            agreed += built == parsed
    assert agreed > 1500


def test_italian_leading_zero_is_kept() -> None:
    assert _valid_as_written("390612345678")  # +39 06 1234 5678, Rome
    assert not _valid_as_written("")
    assert not _valid_as_written("999123")


def test_region_check_agrees_with_the_library() -> None:
    from presend.core.detectors.phone import _known_in_region

    agreed = 0
    for e164 in _examples():
        number = phonenumbers.parse(e164)
        region = phonenumbers.region_code_for_country_code(number.country_code)
        national = phonenumbers.national_significant_number(number)
        for candidate in (national, national[:-1], national + "7", "9" + national[1:]):
            if not candidate:
                continue
            built = phonenumbers.PhoneNumber(
                country_code=number.country_code, national_number=int(candidate)
            )
            library = phonenumbers.is_valid_number_for_region(built, region)
            ours = _known_in_region(candidate, number.country_code, region)
            assert not ours or library, (e164, candidate)
            agreed += ours == library
    assert agreed > 1500


def test_quotes_are_looked_for_only_a_reach_back() -> None:
    """A number in quotes is part of a script; the quote is looked for on the number's
    line, but only REACH characters back, so a long line of numbers costs linear time
    (it was quadratic: every number counted the quotes back to the line's start)."""
    from presend.core.detectors.phone import _inside_quotes
    from presend.core.draft import REACH

    assert _inside_quotes('Read this: "Call 415 555 0132', 28)
    far = '"' + "x" * (REACH + 10) + " 415 555 0132"
    assert not _inside_quotes(far, len(far) - 12)
    assert not _inside_quotes('"a"\n 415 555 0132', 6)  # closed, and on another line
