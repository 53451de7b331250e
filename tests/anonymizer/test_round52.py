"""Round 52 (leftovers of dev_95 and dev_97): a Vipps QR link's path holds the payee's phone number
("qr.vipps.no/p/4790817263"); an ellipsis after a whole number no longer joins it to the next one (the same
phone number typed again with spaces: "48519648 ... 48 51 96 48"), while short groups still join."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    ("Fikk denne: https://qr.vipps.no/p/4790817263?amount=2500 og sa jeg hadde vunnet", "PHONE_NUMBER", ["4790817263"]),
    (
        "nummeret e 48519648 ... 48 51 96 48 mein æ, same nr",
        "PHONE_NUMBER",
        ["48519648", "48 51 96 48"],
    ),
    ("mob 94 ... 51 ... 33 ... 78 sendte det i biter", "PHONE_NUMBER", ["94 ... 51 ... 33 ... 78"]),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round52_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values
