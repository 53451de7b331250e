"""Round 27: names in ordinary short chat (person_short.py). A sign-off opening the last line before one
capitalised word; every capitalised word after "heter"; a listed given name spoken to after a comma at
the end of a question; a lower-case given name after "i'm"/"jeg er"; a payee with a phone number in
brackets after "til"/"te"/"to"; and the same shapes with words, firms and groups left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, list[str]]] = [
    # a sign-off on the last line, then a capitalised word that is also a noun
    ("Har sendt papirene i går.\n\nHilsen Hauk", ["Hauk"]),
    ("Kan dere ringe meg i morgen?\nMvh Stein", ["Stein"]),
    ("the card works again.\nCheers Brook", ["Brook"]),
    # every capitalised word of the run after "heter", a word listed as no name opening it
    ("Hei, jeg er finsk og heter Aino Virtanen. Skal registrere meg", ["Aino Virtanen"]),
    ("eg heiter Aino Korhonen og treng hjelp", ["Aino Korhonen"]),
    # a listed given name spoken to at the end of a question or exclamation
    ("Ble du ferdig med saken min, Tone? Venter fortsatt på svar", ["Tone"]),
    ("Did you get my papers, Mark?", ["Mark"]),
    ("Tusen takk for hjelpen i dag, Rose!", ["Rose"]),
    # a lower-case given name after "i'm"/"jeg er", then a sentence end or "og"
    ("hi i'm anna. i want to ask about my card", ["anna"]),
    ("hei jeg er silje og lurer på et lån", ["silje"]),
    # a payee with a phone number in brackets
    ("sku hatt 1000 te Mai (480 83 094) på Vipps men det gikk feil", ["Mai"]),
    ("sent 300 kr to Rose (+47 912 34 567) by mistake", ["Rose"]),
]

WORDS: list[tuple[str, list[str]]] = [
    # a sign-off inside a sentence, before a group or a department
    ("jeg vil si takk Gud for at det ordnet seg", []),
    ("Takk for svar.\nHilsen Styret", []),
    ("Takk for svar.\nMvh Kundeservice", []),
    # "heter" before a firm or an organisation: no run of names
    ("Menigheten heter Eritreisk Ortodoks Menighet Bergen", []),
    # a comma and a word that is no given name before a question mark
    ("Har dere åpent i morgen, Tirsdag?", []),
    ("Can I pay with this card, Visa?", []),
    # "i'm"/"jeg er" before an everyday word, or a name that goes on into a phrase
    ("jeg er glad og fornøyd med svaret", []),
    ("i'm sure. please check again", []),
    ("jeg er kristen og vil ha etisk fond", []),
    # "til" before a firm or a word, then a number in brackets
    ("betalte til Telenor (22 77 00 00) i går", []),
    ("overførte til sparing (1234 56 78901) i går", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round27_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round27_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


def test_round27_heter_run_ends_in_a_name(engine: Anonymizer) -> None:
    # the run after "heter" does not take a country that closes a firm's name
    assert "SolKraft Norge" not in names(engine, "Firmaet mitt heter SolKraft Norge og har konto hos dere")
