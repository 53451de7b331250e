"""Numbers given in pieces (anonymizer/recognizers/partial.py), through the public ``analyze()``."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("De siste åtte på kortet er 13960046 og de første åtte 46659765",
     [("CREDIT_CARD", "13960046"), ("CREDIT_CARD", "46659765")]),
    ("Jeg er født 030185 og personnummeret (de fem siste) er 46425",
     [("NO_FODSELSNUMMER", "030185"), ("NO_FODSELSNUMMER", "46425")]),
    ("Siste fem i kontonummeret er 70097 og første seks er 159498",
     [("NO_KONTONUMMER", "70097"), ("NO_KONTONUMMER", "159498")]),
    ("De fem siste er 27378 og fødselsdatoen min er 170293",
     [("NO_FODSELSNUMMER", "27378"), ("NO_FODSELSNUMMER", "170293")]),
    ("the last six digits of my card are 441209", [("CREDIT_CARD", "441209")]),
    # both ends of a number given apart: every piece, however short
    ("sender kortnummeret i to deler. Første: 5348 9636\n\nAndre: 6741 6316\n\nIkke spør",
     [("CREDIT_CARD", "5348 9636"), ("CREDIT_CARD", "6741 6316")]),
    ("nummeret mitt begynner på 905 og så kommer det 17 334, delte",
     [("PHONE_NUMBER", "905"), ("PHONE_NUMBER", "17 334")]),
    ("send koden til første fire er 9219 siste fire er 3740", [("PHONE_NUMBER", "9219"), ("PHONE_NUMBER", "3740")]),
    ("The first half of my number is 9068, the second half is 6025.",
     [("PHONE_NUMBER", "9068"), ("PHONE_NUMBER", "6025")]),
    ("kontonummer, første del: 9001.94 og resten er 22908",
     [("NO_KONTONUMMER", "9001.94"), ("NO_KONTONUMMER", "22908")]),
    # a fødselsnummer's two halves apart in one message, told by its check digits alone
    ("070269\n\n10034", [("NO_FODSELSNUMMER", "070269"), ("NO_FODSELSNUMMER", "10034")]),
    ("fnr 070269 og 10034", [("NO_FODSELSNUMMER", "070269"), ("NO_FODSELSNUMMER", "10034")]),
    ("min fnr er 070269, resten kommer: 10034 ok?", [("NO_FODSELSNUMMER", "070269"), ("NO_FODSELSNUMMER", "10034")]),
    ("id 070269 ... 10034", [("NO_FODSELSNUMMER", "070269 ... 10034")]),  # an ellipsis joins groups (round 47)
    ("10034 er personnr og 070269 er datoen", [("NO_FODSELSNUMMER", "10034"), ("NO_FODSELSNUMMER", "070269")]),
    ("fnr: 070269", [("NO_FODSELSNUMMER", "070269")]),  # the date after its name: half of one
]  # fmt: skip

NOT_PIECES = [
    "kortet som slutter på 2003 er sperret",  # the last four identify no one
    "Siste fire sifrene er 0579",
    "Jeg betalte de siste 12000 kr i går, og første 5000 i mai",
    "Last five years 20152 people moved",  # no number named
    "født 12.03.1985, bor i Oslo",  # a date of birth without a fødselsnummer around it
    "første del av lånet er 2000 og resten 3000 kr",  # amounts
    "først betalte jeg 200 og så 300 kr",
    "først i 2019 og så 2020",
    "KID 123456 og postnr 12345",  # six and five digits that make no fødselsnummer
    "beløp 070269,50 og 10034",  # an amount is no half of one
    "ordre 070269 og 10035",  # one check digit off
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pieces_named_as_pieces_are_redacted(engine: Anonymizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.type, text[e.start : e.end]) for e in engine.analyze(text)] == expected


@pytest.mark.parametrize("text", NOT_PIECES)
def test_other_numbers_stay(engine: Anonymizer, text: str) -> None:
    assert engine.analyze(text) == []
