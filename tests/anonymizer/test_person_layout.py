"""PERSON from layout and alternatives (person_lines.py, person_lists.py, person_extend.py) and the
hand-written names of ``anonymizer/data/extra_names.txt``: contact lines, a relative before a colon,
"X eller Y" spellings, full names before "her", and Sami names the generated lists lack."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str, mode: str = "strict") -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode=mode) if e.type == P]


POSITIVES: list[tuple[str, list[str]]] = [
    # a contact list: a given name opening its line, a colon, a phone number (a name-word with a sure name)
    ("Nye numre:\nIngrid: 913 44 271\nStein: 482 10 993", ["Ingrid", "Stein"]),
    ("Torbjørn: +46 70 123 45 67", ["Torbjørn"]),
    # a relative and a possessive before a name that a colon follows
    ("Kontoen til min bror Eilert: 1503 22 11874", ["Eilert"]),
    ("overfør til dattera mi Solrun: 1234 56 78903", ["Solrun"]),
    # a relative, a possessive and a name set off by commas; an ex is a relative too
    ("Ekskona mi, Liv, står som medlåntaker", ["Liv"]),
    ("my ex Storm still has my card", ["Storm"]),
    # alternatives the writer is unsure between: another spelling, or another listed name
    ("Heter han Kjetil eller Kjetill? Jeg husker ikke", ["Kjetil", "Kjetill"]),
    ("var det ragnhild eller ragnild som ringte", ["ragnhild", "ragnild"]),
    ("Står det OLAV NESHEIM eller OLAV NESHEM på kortet?", ["OLAV NESHEIM", "OLAV NESHEM"]),
    # a full name before "her": a surname that is also a word belongs to it
    ("hallo, tiril lind her. kortet mitt er sperret", ["tiril lind"]),
    ("Sverre Dal her, ringer om lånet", ["Sverre Dal"]),
    # a name and an initial before "her"
    ("Kari B her. Ring meg tilbake", ["Kari B"]),
    # Sami given names and surnames
    ("Mun lean Máret Hætta, ja mun dárbbašan veahki", ["Máret Hætta"]),
    ("Sønnen min Ánde (9) skal ha sparekonto", ["Ánde"]),
    ("hilsen Ovllá Buljo", ["Ovllá Buljo"]),
]

NEGATIVES: list[str] = [
    # ordinals and labels before numbers in halves are no contact list
    "Kortnummer i to deler.\nFørste: 4417 1234\nAndre: 5678 9113",
    "Tlf: 913 44 271\nMobil: 482 10 993",
    "Dato: 12.03.2024 Beløp: 1 200 kr",
    # "eller" between words, not names
    "Skal jeg betale med kort eller konto?",
    "kan banken eller jeg gjøre det",
    # "her" after words that are no names
    "hallo, alt er fint her. takk",
    "Beløp: 900 kr her.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_layout_and_alternatives_give_names_away(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_labels_and_alternatives_of_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
