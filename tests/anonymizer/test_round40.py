"""Round 40 (dev_76: estates, powers of attorney and families writing for their elders; dev_77: small
firms, fraud reports and young customers): a name alone in brackets says who the words before mean,
unless a firm's noun stands there ("Den gamle (Rune)", not "Utleieselskapet (Hertz)"); clergy are titles
("Mvh pastor Øyvind Rø"); a number's label is no name ("Fødselsnr mamma:"); a post-office box with a
postcode and place is an address without "P.O."; a British address whose street has no street word is
read by its postcode in capitals; Danish and Swedish towns, shops and brands."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

NAMED: list[tuple[str, list[str]]] = [
    ("Ny regnskapsfører er på plass. Den gamle (Rune) skal ikke lenger ha tilgang.", ["Rune"]),
    ("Kontaktpersonen (Hilde) er syk i dag", ["Hilde"]),
    ("Kan dere ringe henne? Mvh pastor Øyvind Rø", ["Øyvind Rø"]),
    ("Fødselsnr mamma: 110257 44383", []),
]

CLEAN: list[str] = [
    "Utleieselskapet (Hertz) sier de reserverer $500",
    "Betalte med kortet (Visa) i går",
    "Vi kommer tilbake (Mai) med svar",
    "Presten sa at vi måtte ringe banken",
    "Jeg er flyttet til Kolding og vil beholde kontoen",
    "Vi har fått pålegg om trekk fra Namsfogden på en ansatt",
    "Det ble trukket 1 950 fra Gina Tricot i Drammen",
    "Kan man få kortet med Ole Brumm på?",
    "Kan jeg låne 50 000 til en Rolex?",
]

ADDRESSES: list[tuple[str, str]] = [
    ("Kan dere sende papirutskrift til Box 12, 9845 Tana?", "Box 12, 9845 Tana"),
    (
        "Please send it to 14 Kingsway, Leamington Spa CV32 5DD, United Kingdom.",
        "14 Kingsway, Leamington Spa CV32 5DD, United Kingdom",
    ),
    ("She moved to 3 The Parade, Kenilworth CV8 1AB last year", "3 The Parade, Kenilworth CV8 1AB"),
]

NO_ADDRESS: list[str] = [
    "put it in the box 12 times and shake",
    "I paid 12 Pounds, Sterling EC cash",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_round40_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert person_names(engine, text) == expected


@pytest.mark.parametrize("text", CLEAN)
def test_round40_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert person_names(engine, text) == []


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_round40_addresses(engine: Anonymizer, text: str, address: str) -> None:
    found = [text[r.start : r.end] for r in engine.analyze(text) if r.type == "ADDRESS"]
    assert found == [address]


@pytest.mark.parametrize("text", NO_ADDRESS)
def test_round40_no_address(engine: Anonymizer, text: str) -> None:
    assert [r for r in engine.analyze(text) if r.type == "ADDRESS"] == []
