"""Round 43 (dev_82: farmers, fishermen and small firms; dev_83: a chatbot's flattened dialogues): a whole
message that is one capitalised given name is the answer to "what is your name?" ("Per", "Sol 😊"), not a
reply word, place or month ("Ok", "Bergen", "August"); a well-known name in lower case after a where-
preposition is a place noun in its definite form ("stein i hagen"); a Norwegian place's second word after
the postcode ("7357 Løkken Verk"); "fnr", Finnish "olen", "ok", nynorsk "seljaren", dialect "veterinærn",
Danish "landmand", Nortura and northern places are no names."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Per", ["Per"]),
        ("Sol 😊", ["Sol"]),
        ("Hope.", ["Hope"]),
        ("Ok", []),
        ("Bra!", []),
        ("Bergen", []),
        ("August", []),
        ("Takk", []),
        ("per", []),  # in lower case: "per" is a word first
        ("Det er mye stein i hagen her, og jeg vil bygge en mur", []),
        ("Ask og bjørk i hagen er ikke pant", []),
        ("sendte penger til hagen i går", ["hagen"]),  # a payee stays a name
        ("Hei, her er fnr til mor som dere ba om. Sønnen hennes, Geir Aasen", ["Geir Aasen"]),
        ("ok will try again tomorrow", []),
        ("Hei, olen Eino Haapala, jeg har fiskebåt i Vadsø", ["Eino Haapala"]),
        ("Seljaren sitt IBAN kjem i morgon", []),
        ("Ho må betal regninga fra veterinærn", []),
        ("jeg har solgt en malkerobot til en landmand i Norge", []),
        ("Vi solgte 32 slaktegris til Nortura", []),
        ("Hello, I am fisherman on Norwegian boat from Båtsfjord.", []),
    ],
)
def test_round43_names_and_words(engine: Anonymizer, text: str, names: list[str]) -> None:
    assert person_names(engine, text) == names


def test_round43_a_place_of_two_words_after_the_postcode(engine: Anonymizer) -> None:
    text = "Sperr og send nytt til Kvennbakken 2, 7357 Løkken Verk."
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "ADDRESS"] == [
        "Kvennbakken 2, 7357 Løkken Verk"
    ]
