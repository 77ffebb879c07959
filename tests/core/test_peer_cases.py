"""Public test cases from peer projects, run against Presend.

The strings are facts taken from the peers' own test suites (python-phonenumbers'
IMPOSSIBLE_CASES; Microsoft Presidio's email, URL, crypto and IBAN recognizer tests).
Presend answers a different question (would this breach the rules?), so each case
checks the part that fits: was the thing found, and not found where it isn't there.
"""

from __future__ import annotations

import pytest
from presend.core import check

LINK_TYPES = {
    "website", "outside_link", "project_link", "social_profile", "messaging_link",
    "meeting_link", "payment_link", "external_application", "shortened_link",
    "contact_form", "portfolio_link", "platform_link",
}  # fmt: skip

# python-phonenumbers, phonenumbermatchertest.py: IMPOSSIBLE_CASES.
PHONENUMBERS_IMPOSSIBLE = [
    "12345", "23456789", "234567890112", "650+253+1234", "3/10/1984", "03/27/2011",
    "31/8/2011", "1/12/2011", "10/12/82", "650x2531234", "2012-01-02 08:00",
    "2012/01/02 08:00", "20120102 08:00", "2014-04-12 04:04 PM",
    "2014-04-12 &nbsp;04:04 PM", "2014-04-12  04:04 PM",
]  # fmt: skip


@pytest.mark.parametrize("text", PHONENUMBERS_IMPOSSIBLE)
def test_phonenumbers_impossible_cases_are_not_phones(text: str) -> None:
    types = {f.type for f in check(f"see {text} for details").findings}
    assert "phone" not in types


# Presidio, test_email_recognizer.py.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("info@presidio.site", (0, 18)),
        ("my email is info@presidio.site", (12, 30)),
    ],
)
def test_presidio_emails_found(text: str, span: tuple[int, int]) -> None:
    found = [(f.start, f.end) for f in check(text).findings if f.type == "email"]
    assert found == [span]


def test_presidio_invalid_email_not_found() -> None:
    types = {f.type for f in check("the email is my email is info@presidio.").findings}
    assert "email" not in types


# Presidio, test_url_recognizer.py.
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("https://www.microsoft.com/", [(0, 26)]),
        ("http://www.microsoft.com/", [(0, 25)]),
        ("http://www.microsoft.com", [(0, 24)]),
        ("http://microsoft.com", [(0, 20)]),
        ("http://microsoft.site", [(0, 21)]),
        ("http://microsoft.webcam", [(0, 23)]),
        ("http://microsoft.vlaanderen", [(0, 27)]),
        ("https://webhook.site/324d38de-dc6b-4920-9c3e-813f7cf78729?q=1&b=2", [(0, 65)]),
        ("https://www.microsoft.com/store/abc/", [(0, 36)]),
        ("microsoft.com", [(0, 13)]),
        ("my domains: microsoft.com google.co.il", [(12, 25), (26, 38)]),
        ("www.microsoft", []),
        ("http://microsoft", []),
    ],
)
def test_presidio_urls(text: str, spans: list[tuple[int, int]]) -> None:
    found = [(f.start, f.end) for f in check(text).findings if f.type in LINK_TYPES]
    assert found == spans


# Presidio, test_crypto_recognizer.py.
@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", [(0, 34)]),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", [(0, 34)]),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", [(0, 42)]),
        ("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", [(0, 62)]),
        (
            "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            [(0, 34), (35, 69)],
        ),
        ("my wallet address is: 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", [(22, 56)]),
        ("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2", []),
        ("my wallet address is: 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2", []),
        ("", []),
        ("8f953371d3e85eddb89b05ed6b9e680791055315c73e1025ab5dba7bb2aee189", []),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", [(0, 42)]),
        (
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed 0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            [(0, 42), (43, 85)],
        ),
        ("My Ethereum wallet is 0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", [(22, 64)]),
        ("checksummed but invalid address 0xdbF03B407c01E7cD3CBea99509d93f8DDdC8C6FB", []),
    ],
)
def test_presidio_crypto(text: str, spans: list[tuple[int, int]]) -> None:
    found = [(f.start, f.end) for f in check(text).findings if f.type == "crypto_wallet"]
    assert found == spans


def test_lowercase_eth_address_is_flagged_on_purpose() -> None:
    # Presidio skips all-lowercase addresses; they are valid (EIP-55 is optional) and
    # a wallet to be paid into all the same, so Presend flags them.
    text = "lowercase address 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
    assert any(f.type == "crypto_wallet" for f in check(text).findings)


# Presidio, test_iban_recognizer.py (a sample across countries, valid and invalid).
IBAN_VALID = [
    "AL47212110090000000235698741", "AL47 2121 1009 0000 0002 3569 8741",
    "AD1200012030200359100100", "AT61 1904 3002 3457 3201", "BE71 0961 2345 6769",
    "BR97 0036 0305 0000 1000 9795 493P 1", "CZ65 0800 0000 1920 0014 5399",
    "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606",
    "GB29 NWBK 6016 1331 9268 19", "IT60 X054 2811 1010 0000 0123 456",
    "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "NL91ABNA0417164300", "PK36SCBL0000001123456702",
    "PL61 1090 1014 0000 0712 1981 2874", "ES91 2100 0418 4502 0005 1332",
    "CH9300762011623852957", "TR33 0006 1005 1978 6457 8413 26", "AE070331234567890123456",
]  # fmt: skip
IBAN_INVALID = [
    "AL47 212A 1009 0000 0002 3569 8741", "AL47 2121 1009 0000 0002 3569 8740",
    "AD12000A2030200359100100", "AT61 1904 3002 3457 3202", "BE71 0961 2345 6760",
    "DE89 A704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01", "GB29 1WBK 6016 1331 9268 19",
    "NL91 ABNA 0417 1643 01", "PL61 1090 1014 0000 0712 1981 2875", "CH93 0076 2011 6238 5295 8",
]  # fmt: skip


@pytest.mark.parametrize("iban", IBAN_VALID)
def test_presidio_valid_ibans(iban: str) -> None:
    found = [(f.start, f.end) for f in check(iban).findings if f.type == "bank_account"]
    assert found == [(0, len(iban))]


@pytest.mark.parametrize("iban", IBAN_INVALID)
def test_presidio_invalid_ibans(iban: str) -> None:
    assert not any(f.type == "bank_account" for f in check(iban).findings)
