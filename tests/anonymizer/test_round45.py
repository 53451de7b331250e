"""Round 45 (dev_87: international customers writing English; dev_86: an adversarial tester): an IBAN in
one piece whose account part is mostly letters ("PK60SCWSCHJ0BY5SN31QMTUV", fewer than four digits in a
row); a Ukrainian street type capitalised ("Vulytsia Khreshchatyk 22, kv. 15, Kyiv 01001"); a Brazilian
postcode and a place of two words after it ("01304-001 São Paulo"); firms and institutions of
international customers are no names (ConocoPhillips, Petrobras, Intesa Sanpaolo, UiB)."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

FOUND: list[tuple[str, str, list[str]]] = [
    ("his bank gave IBAN PK60SCWSCHJ0BY5SN31QMTUV", "IBAN_CODE", ["PK60SCWSCHJ0BY5SN31QMTUV"]),
    (
        "Ivanova Maria\nVulytsia Khreshchatyk 22, kv. 15, Kyiv 01001\n+380 50 774 12 09",
        "ADDRESS",
        ["Vulytsia Khreshchatyk 22, kv. 15, Kyiv 01001"],
    ),
    (
        "Rua Augusta 1508, apto 42, 01304-001 São Paulo - SP",
        "ADDRESS",
        ["Rua Augusta 1508, apto 42, 01304-001 São Paulo"],
    ),
    ("Storgata 3, 1634 Gamle Fredrikstad", "ADDRESS", ["Storgata 3, 1634 Gamle Fredrikstad"]),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round45_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize(
    "text",
    [
        "ABCD1234 is the order, and the SWIFT code is DNBANOKKXXX",  # a code, no IBAN (no valid check digits)
        "NO12ABCDEFGHIJKLMNOP is not a valid account number",
    ],
)
def test_round45_lettered_look_alikes_stay(engine: Anonymizer, text: str) -> None:
    assert [e.type for e in engine.analyze(text) if e.type == "IBAN_CODE"] == []


@pytest.mark.parametrize(
    "text",
    [
        "My husband works for ConocoPhillips. Can we open accounts before arrival?",
        "engineer at Petrobras office in Oslo",
        "Ciao. Is SEPA instant supported? I bank with Intesa Sanpaolo",
        "I am student from Germany at UiB.",
    ],
)
def test_round45_firms_are_no_names(engine: Anonymizer, text: str) -> None:
    assert person_names(engine, text) == []
