"""Round 54 (dev_100, newcomers writing in English and broken Norwegian): a name in a mail header with the
sender's address after it ("From: Name <name@example.com>"), Swedish and Danish verbs a person goes on with
after a kin noun ("min kompis Aino behöver"), Swedish question words that are no names ("Vad behöver ni?"),
a foreign address whose comma-separated parts go on over a line break, and a Philippine postcode that reads
as a year when a block, lot or barangay vouches for the parts ("Cainta, Rizal 1900")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    (
        "-- Forwarded message --\nFrom: Mebrahtu Weldemichael <mebrahtu.w@example.com>\nDate: 3 May",
        "Mebrahtu Weldemichael",
    ),
    ("From: Lars Aa (lars.aa@example.no)\nTo: me", "Lars Aa"),
    ("Min kompis Aino behöver låna 300 euro av mig", "Aino"),
    ("min ven Mette arbejder i Bergen nu", "Mette"),
]

CLEAN: list[str] = [
    "Mina barn ska ärva lägenheten. Vad behöver de göra?",
    "From: Kundeservice <post@example.no>\nDate: Tue",
    "Hur länge tar det? Vem ska jag ringa?",
]

ADDRESSES: list[tuple[str, str]] = [
    (
        "my father lives here:\n45/7 Moo 2, Tambon Nong Prue,\nBang Lamung, Chonburi 20150\nis that enough?",
        "45/7 Moo 2, Tambon Nong Prue,\nBang Lamung, Chonburi 20150",
    ),
    ("beneficiary: Blk 9 Lot 3, Greenfield Homes, Brgy. San Roque, Cainta, Rizal 1900", "Blk 9 Lot 3"),
]

NOT_ADDRESSES: list[str] = [
    "Jeg bodde i Bergen, Norge 2019 og flyttet til Oslo, Norge 2020",
    "Møtet var i Room 12, Tower B, Manila 2019",
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round54_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


@pytest.mark.parametrize("text", CLEAN)
def test_round54_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []


@pytest.mark.parametrize(("text", "inside"), ADDRESSES)
def test_round54_addresses(engine: Anonymizer, text: str, inside: str) -> None:
    spans = [text[e.start : e.end] for e in engine.analyze(text) if e.type == "ADDRESS"]
    assert any(inside in span for span in spans), spans


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_round54_years_stay_years(engine: Anonymizer, text: str) -> None:
    assert [e for e in engine.analyze(text) if e.type == "ADDRESS"] == []
