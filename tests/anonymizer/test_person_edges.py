"""PERSON where software struggles (dev_21's kinds): the writer's name opening the message with no cue,
a surname beside a trade, a place or word as a surname after a given name inside a sentence, a name
broken over two lines; and the words around them that stay words."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


EDGES: list[tuple[str, list[str]]] = [
    # a given name that is also a word, capitalised inside a sentence, and a place or word as surname
    ("Dere har sendt brev til Per Molde men han døde i fjor.", ["Per Molde"]),
    ("Jeg er datteren hans, Liv Molde. Hva gjør jeg med dødsboet?", ["Liv Molde"]),
    ("Faktura fra Narvik Rør v/ Tor Narvik, rørlegger. Beløp 12 340,-. Er det svindel? Jeg har aldri bestilt",
     ["Tor Narvik"]),
    ("Hei, dette er Dag Fjell i kundeservice.", ["Dag Fjell"]),
    ("nei unnskyld, til Bjørn Bergen skal det være", ["Bjørn Bergen"]),
    # a name broken over two lines
    ("Lars Erik\nSkogstad heter jeg, får ikke endret adresse", ["Lars Erik\nSkogstad"]),
    ("Mvh\nKari\nBakke\n33 18 38 59", ["Kari\nBakke"]),
    # the writer's given name opening the message on its own line, before a dash, or saying something
    ("brede\nDu ringte meg i går ang. refinansiering", ["brede"]),
    ("gard - jeg fikk ikke lastet opp dokumentene", ["gard"]),
    ("dawn said I'd get a callback before noon", ["dawn"]),
    # a surname beside the person's trade; a surname alone that only looks like a typo of a word
    ("Hansen, regnskapsfører for Bakeriet AS. Skal ha tilgang", ["Hansen"]),
    ("Berg, økonomisjef i Fjord AS, ba meg ringe", ["Berg"]),
    ("Kowalski i 2. etasje sier han har betalt", ["Kowalski"]),
]

WORDS: list[str] = [
    "Hei\nKan dere hjelpe meg med kortet?",
    "Takk - det gikk fint",
    "Oslo, advokat eller ikke, jeg vil ha svar",
    "Irish Revolut card was declined",
    "Bakken e for bratt for postbilen uansett",
    "Gull i munn, sier de",
]


@pytest.mark.parametrize(("text", "expected"), EDGES)
def test_names_where_software_struggles(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", WORDS)
def test_words_around_them_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
