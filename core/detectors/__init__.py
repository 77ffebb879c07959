"""The detectors: one module per kind of evidence, each ``detect(draft) -> Iterator[Match]``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from presend.core.detectors import (
    address,
    apps,
    asks,
    bank,
    crypto,
    email,
    links,
    payment,
    phone,
    phrases,
)
from presend.core.draft import Draft
from presend.core.model import Match

Detector = Callable[[Draft], Iterator[Match]]

#: Every detector the engine runs, concrete details first.
ALL: tuple[Detector, ...] = (
    links.detect,
    email.detect,
    email.detect_pieces,
    email.detect_described,
    phone.detect,
    bank.detect,
    crypto.detect,
    address.detect,
    payment.detect,
    apps.detect,
    asks.detect,
    phrases.detect,
)
