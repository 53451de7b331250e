"""Round 38 (dev_72: people in passing in short chat; dev_73: data written to slip past a filter): a
possessive after a role or before a noun is whose, not who ("advokaten vår", "frå vår felleskonto"),
though "Vår" is a given name; everyday compounds with a short head ("landbrukslån", "busskort"); a
pronoun in a pair of people ("jeg og du skal ..."); a name given in the past ("his name was Ask"); an
international number grouped by spaced dashes; and a thing that ends the sentence before a naming cue
("... a credit card. My name is ...")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

# Each case: the text and the PERSON spans (as text) strict mode must report, in order.
NAMED: list[tuple[str, list[str]]] = [
    # a name given in the past
    ("I think his name was Ask.", ["Ask"]),
    ("her name was june, she called yesterday", ["june"]),
    ("navnet hennes var Liv, tror jeg", ["Liv"]),
    ("rådgiveren, navnet hans var Stein, lovet å ringe", ["Stein"]),
    # "Vår" as a name: capitalised, or before a verb or a function word
    ("advokaten Vår Hansen ringer deg i morgen", ["Vår Hansen"]),
    ("Vår og jeg skal ha felles konto", ["Vår"]),
    ("vår ska ha kortet, ho e 15", ["vår"]),
    ("hei vår og jeg (eirik) skal gifte oss", ["vår", "eirik"]),
    # a pair with a pronoun: the name stays a name
    ("Tor og du skal ha lån sammen?", ["Tor"]),
    # a thing before the sentence that names someone is not what the cue names
    ("I was rejected for a credit card. My name is dawn mcallister.", ["dawn mcallister"]),
    ("Jeg bruker appen. Jeg heter Kari Nilsen", ["Kari Nilsen"]),
    # weak cues after a place word stay cues
    ("Trykket feil og sendte 700 kr til Willy i stedet for Will", ["Willy", "Will"]),
]

#: Look-alikes: nothing here is a person.
CLEAN: list[str] = [
    "Send saldoerklæringen til advokaten vår på e-post",
    "Legen min sa at jeg må være sykemeldt",
    "naboen vår har fått feil regning",
    "Kvifor vert det trekt 49 kr kvar månad frå vår felleskonto?",
    "kan jeg overføre fra hans konto til min egen?",
    "overfør 500 til vår felles sparekonto",
    "hvem er kontaktperson for landbrukslån?",
    "han lånte 250 til busskort",
    "hva koster et billån hos dere",
    "jeg og du skal ha lån",
    "du og jeg har felles konto",
    # places and banks the lists lacked (four writers sent money or cards "til Syden")
    "Hvor mye koster det å ta ut penger i utlandet? Jeg skal til Syden i mai.",
    "ka koste det å ta ut penga, æ ska te Syden",
    "My card was declined at Heathrow, and at Gatwick too",
    "banken heter Commerzbank, hva koster overføringen?",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_round38_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert person_names(engine, text) == expected


@pytest.mark.parametrize("text", CLEAN)
def test_round38_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert person_names(engine, text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("call me +48 601 - 22 - 93 - 17 or my Norwegian one", "+48 601 - 22 - 93 - 17"),
        ("ring +47 412 - 34 - 567 etter fire", "+47 412 - 34 - 567"),
        ("nummeret er +46 70 – 123 45 67", "+46 70 – 123 45 67"),
    ],
)
def test_international_number_grouped_by_spaced_dashes(engine: Anonymizer, text: str, number: str) -> None:
    phones = [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == "PHONE_NUMBER"]
    assert phones == [number]


def test_a_spaced_dash_after_a_number_is_no_part_of_it(engine: Anonymizer) -> None:
    text = "ring +47 912 34 567 - 12 kr ble trukket"
    phones = [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == "PHONE_NUMBER"]
    assert phones == ["+47 912 34 567"]
