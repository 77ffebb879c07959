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


def test_code_check_is_the_librarys_answer() -> None:
    """Reading the metadata the library's way gives is_valid_number's answer exactly,
    for every region's example numbers and near misses (or defers to the library)."""
    from presend.core.detectors.phone import _known_for_code

    decided = 0
    for e164 in _examples():
        number = phonenumbers.parse(e164)
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[number.country_code]
        national = phonenumbers.national_significant_number(number)
        for candidate in (national, national[:-1], national + "7", "9" + national[1:]):
            if not candidate:
                continue
            built = phonenumbers.PhoneNumber(
                country_code=number.country_code, national_number=int(candidate)
            )
            ours = _known_for_code(candidate, number.country_code, regions)
            if ours is not None:
                assert ours == phonenumbers.is_valid_number(built), (e164, candidate)
                decided += 1
    assert decided > 1800


def test_quotes_are_looked_for_only_a_reach_back() -> None:
    """A number in quotes is part of a script; the quote is looked for on the number's
    line, but only REACH characters back, so a long line of numbers costs linear time
    (it was quadratic: every number counted the quotes back to the line's start)."""
    from presend.core.draft import REACH
    from presend.core.work import in_quotes as _inside_quotes

    assert _inside_quotes('Read this: "Call 415 555 0132', 28)
    far = '"' + "x" * (REACH + 10) + " 415 555 0132"
    assert not _inside_quotes(far, len(far) - 12)
    assert not _inside_quotes('"a"\n 415 555 0132', 6)  # closed, and on another line


def test_code_check_on_random_numbers_of_every_code() -> None:
    import random

    from presend.core.detectors.phone import _known_for_code

    rng = random.Random(7)
    compared = 0
    for code, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        for _ in range(15):
            size = rng.randint(6, 11)
            national = str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=size - 1))
            ours = _known_for_code(national, code, regions)
            if ours is None:
                continue
            built = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            assert ours == phonenumbers.is_valid_number(built), (code, national)
            compared += 1
    assert compared > 2500
