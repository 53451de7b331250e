"""PERSON round 29 (person_repeats.py, person_surname_forms.py, person_extend.given_before,
person_closings): a name said again with more of it, a word-name joined to the name after it, a
thanks-signed name, a lower-case name written surname first; and the same words left alone where they
are words."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

POSITIVES: list[tuple[str, list[str]]] = [
    # a repeat opening a sentence, with the surname closing it
    ("hey im tom. tom walker. my card got stuck in the atm", ["tom", "tom walker"]),
    ("im tom. tom junior. dad has the same name", ["tom", "tom junior"]),
    # a found full name in another case
    ("OLA NORDMANN?? nei, jeg heter Ola Nordmann, ikke noe annet", ["OLA NORDMANN", "Ola Nordmann"]),
    # a repeat before the rest of the name found next to it
    ("jeg heter kari altså kari anne berg", ["kari", "kari anne berg"]),
    # a thanks and a comma, the found name again in lower case at the very end
    ("hi this is Will Turner, the app crashes when I log in\nthanks, will", ["Will Turner", "will"]),
    # a thanks signing with a word-name, no other mention
    ("the transfer went through after all. thanks, mark", ["mark"]),
    # a name in the Norwegian plural
    ("sendte til feil Trine? har to Trine'er i lista", ["Trine", "Trine'er"]),
    # a word-name capitalised before a found name
    ("Sky Andersen is my niece and needs a savings account", ["Sky Andersen"]),
    ("hun heter «May Lise» i kontaktlista", ["May Lise"]),
    # surname first in lower case, told by its ending
    ("hello. nowakowska maria. i lost my bank id", ["nowakowska maria"]),
    ("navn: petrenko olena.", ["petrenko olena"]),
]

#: A name and a word spelled alike, each in its own use: the name found, the word left.
ONCE: list[tuple[str, list[str]]] = [
    ("Per betaler 300 kr per uke for parkering", ["Per"]),
    ("Arve skal arve huset etter faren", ["Arve"]),
    ("Bo og jeg skal bo i Bergen", ["Bo"]),
    ("Hans mistet kortet, og hans gamle kort er sperret", ["Hans"]),
    ("im tom. tom for penger.", ["tom"]),
    ("the sky. Johnsen said it would rain", ["Johnsen"]),
]

NEGATIVES: list[str] = [
    "the card will not work, thanks, will try again later",
    "thanks, will do",
    # a foreign-looking word before a word that is no given name
    "polska kroner. takk",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_found(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_word_left(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []


@pytest.mark.parametrize(("text", "expected"), ONCE)
def test_word_after_name_left(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
