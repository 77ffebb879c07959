"""Crypto wallet addresses, checked by their checksums where the format has one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from presend.core import cues, work
from presend.core.draft import Draft
from presend.core.keccak import eip55_ok
from presend.core.model import Match, Status
from presend.core.scan import finditer_in

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_CLASS = "[1-9A-HJ-NP-Za-km-z]"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

_CANDIDATES = re.compile(
    rf"(?<![\w])(?:"
    rf"(?P<base58>[13LMDT]{_B58_CLASS}{{25,34}})"
    r"|(?P<bech32>(?:bc|ltc|tb)1[02-9ac-hj-np-z]{11,87})"
    r"|(?P<eth>0x[0-9a-fA-F]{40})"
    rf"|(?P<xmr>[48][0-9AB]{_B58_CLASS}{{93}})"
    rf"|(?P<other>(?:r{_B58_CLASS}{{24,34}})|(?:{_B58_CLASS}{{32,44}}))"
    r"|(?P<loose>(?:bc1|0x)[0-9a-zA-Z]{25,62})"
    r")(?![\w])"
)
_NAMES = {b"\x00": "Bitcoin", b"\x05": "Bitcoin", b"\x30": "Litecoin", b"\x32": "Litecoin",
          b"\x1e": "Dogecoin", b"\x41": "TRON/USDT"}  # fmt: skip
_WALLET_CUE = re.compile(
    r"\b(?:wallet|address|addr|send|pay|payment|transfer|deposit|usdt|usdc|btc|bitcoin|eth|"
    r"ethereum|trc-?20|erc-?20|bep-?20|tron|trx|sol|solana|xrp|ripple|ltc|litecoin|doge|"
    r"monero|xmr|crypto|binance|metamask|phantom|trust wallet|coinbase)\b",
)


def detect(draft: Draft) -> Iterator[Match]:
    """Yield wallet addresses."""
    # Every address is a token of 14 characters or more (bech32's shortest).
    for m in finditer_in(_CANDIDATES, draft.text, draft.long_words(14)):
        chain = _chain(m)
        sentence = draft.sentence(m.start())
        # A label that ends the line before ("easier in btc:\nbc1q...") names the coin.
        lead = draft.lower[max(0, m.start() - 60) : m.start()]
        if lead.rstrip(" \n").endswith(":"):
            sentence = lead.rsplit("\n\n", 1)[-1] + sentence
        cue = _WALLET_CUE.search(sentence)
        pay_to = _PAY_TO.search(draft.lower, max(0, m.start() - 80), m.start())
        if chain is None:
            # A checksum that fails is usually a typo or a made-up address, but one in a
            # wallet's exact shape with a coin or wallet named ("ETH only pls: 0x7a3F...")
            # or money asked to go to it ("send the 0.01 BTC to bc1q...") is the same
            # request all the same. A looser shape needs the money asked for.
            # (An address called only "address" with a failed checksum is no wallet.)
            # (TRON's shape too, "T" and 33 more: USDT on TRC-20 is what gets asked for)
            tron = (m.group("base58") or "").startswith("T") and len(m.group(0)) == 34
            shaped = (m.group("eth") or m.group("bech32") or tron) and _COIN.search(sentence)
            if cue is None or not (shaped or (m.group("loose") and pay_to is not None)):
                continue
            chain = "crypto"
        # Formats without a checksum we can run need the words to say "wallet".
        if (m.group("other") or m.group("xmr")) and not cue:
            continue
        status: Status = "breach"
        # "please transfer USDC on ERC-20 to 0x...": money asked to go to it is a breach,
        # whatever the work is about; otherwise the work's words may make it its subject.
        if pay_to is None:
            if (
                _CODE.search(sentence)
                or work.sample_value(draft, m.start())
                or _test_accounts(draft, m.start())
            ):
                status = "topic"  # a contract or transaction the work is about
            elif cues.DEVELOPMENT.search(sentence) and not re.search(
                r"\b(?:send|pay|payment|transfer|deposit|tip)\b", sentence
            ):
                status = "uncertain"
        yield Match("crypto_wallet", m.start(), m.end(), status, evidence={"chain": chain})
    if "0x" in draft.lower:
        yield from _split_evm(draft)


# An EVM address broken over lines so no filter sees it whole ("ETH addr split in 3:
# \n0x7f3A...\nd85F...\nB2e8..."): "0x" and pieces of hex, one a line.
_SPLIT_EVM = re.compile(
    r"(?<![\w])0x[0-9a-fA-F]{4,36}(?:[ \t]*\n[ \t]*[0-9a-fA-F]{4,36}){1,5}(?![\w])"
)


def _split_evm(draft: Draft) -> Iterator[Match]:
    """Yield an EVM address given in pieces over several lines, a coin or wallet named
    just before it: its pieces make exactly the 40 hex digits of one."""
    for m in _SPLIT_EVM.finditer(draft.text):
        digits = re.sub(r"\s", "", m.group(0))[2:]
        lead = draft.lower[max(0, m.start() - 80) : m.start()]
        if len(digits) != 40 or not _COIN.search(lead):
            continue
        code = _CODE.search(lead) or work.sample_value(draft, m.start())
        status: Status = "topic" if code else "breach"  # a deployed contract's address
        yield Match("crypto_wallet", m.start(), m.end(), status, evidence={"chain": "Ethereum/EVM"})


# A coin, a chain or a wallet named: "ETH only pls: 0x...", "USDT (ERC-20): 0x...",
# "crypto is simplest:\nbc1q...".
_COIN = re.compile(
    r"\b(?:wallet|crypto|usdt|usdc|btc|bitcoin|eth|ethereum|erc-?20|bep-?20|trc-?20|tron|trx|bnb|"
    r"ltc|litecoin|doge|dogecoin|metamask|trust wallet|coinbase|binance)\b"
)

# Money asked to go to the address just before it.
_PAY_TO = re.compile(
    r"\b(?:send|pay|transfer|deposit|tip|wire|remit)\b[^.!?\n]{0,60}\bto\s*:?\s*(?:my\s+|our\s+|this\s+|the\s+)?"
    r"(?:(?:wallet|address)\s*:?\s*)?$"
)

# Words that put an address in code: a deployed contract, a test network, a call.
_CODE = re.compile(
    r"\b(?:token contract|smart contract|contract address|testnet|sepolia|goerli|holesky|"
    r"mainnet|reverts?|abi|solidity|deploy\w*|etherscan|tx hash|transaction hash|approve\(\))"
)


# A development chain's public test accounts, named before an address in its sentence
# ("the Hardhat default accounts, e.g. 0xf39F..."): keys everybody has, nobody's wallet.
_TEST_ACCOUNTS = re.compile(
    r"\b(?:hardhat|anvil|ganache|(?:default|test|dev|dummy|burner)\s+"
    r"(?:accounts?|wallets?|keys?|addresses))\b"
)
# A sentence's end before the address: its full stop, then a capital ("... accounts. My").
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z])")


def _test_accounts(draft: Draft, start: int) -> bool:
    if _TEST_ACCOUNTS.search(draft.sentence(start)):
        return True
    lead = draft.text[max(0, start - 80) : start]
    breaks = list(_SENTENCE_BREAK.finditer(lead))
    if breaks:
        lead = lead[breaks[-1].end() :]
    return _TEST_ACCOUNTS.search(lead.lower()) is not None


def _chain(m: re.Match[str]) -> str | None:
    if m.group("base58"):
        payload = _base58check(m.group("base58"))
        return _NAMES.get(payload[:1]) if payload else None
    if m.group("bech32"):
        return "Bitcoin" if _bech32_ok(m.group("bech32")) else None
    if m.group("eth"):
        return "Ethereum/EVM" if eip55_ok(m.group("eth")) else None
    if m.group("xmr"):
        return "Monero"
    if m.group("loose"):
        return None
    return "crypto"


def _base58check(s: str) -> bytes | None:
    """Decode Base58Check; None when the four-byte double-SHA256 checksum is wrong."""
    n = 0
    for ch in s:
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\x00" * (len(s) - len(s.lstrip("1"))) + raw
    if len(raw) < 5:
        return None
    body, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] != check:
        return None
    return body


def _bech32_ok(address: str) -> bool:
    """BIP-173/BIP-350 checksum: the polymod of the expanded address is 1 or 0x2BC830A3."""
    hrp, _, data = address.lower().rpartition("1")
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    values += [_BECH32.index(c) for c in data]
    generators = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    check = 1
    for v in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate(generators):
            if (top >> i) & 1:
                check ^= g
    return check in (1, 0x2BC830A3)
