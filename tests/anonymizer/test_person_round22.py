"""Round 22: dictated messages and newcomers' names. An em dash that sets a clause off (no compound); "til en
X" in speech; a surname on the line after a signed given name; a flower, virtue or other everyday word used
as a given name before a surname in no list or opening a full name after "I am"; a given name in capitals
with a surname in no list inside a calm message; a kin word's name before where that person lives; a given
name as a sentence of its own ending a message; a misheard given name before a listed surname; a sure given
name in a user name; and the look-alikes left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # an em dash between words is a break: both readings of the name are kept
    ("Can Mr Haugen—Liv Haugen—open an account for me?", ["Haugen", "Liv Haugen"]),
    # "en" + a sure given name after a preposition that takes a person
    ("pengene gikk til en marit og ikke til meg", ["marit"]),
    # the surname on the last line of a signature, a word or after a particle
    ("Hilsen Ingrid\nBakken", ["Ingrid\nBakken"]),
    ("Kind regards\nYusuf\nAl Hashimi", ["Yusuf\nAl Hashimi"]),
    # an everyday word or an ambiguous given name before a long surname in no list
    ("Vi besøkte Jasmine Okonkwoye og barna i går", ["Jasmine Okonkwoye"]),
    ("Kan du sjekke kontoen? (Hope Mwangirea, student ved UiO)", ["Hope Mwangirea"]),
    ("I am Sunny Maria Reyes, your customer", ["Sunny Maria Reyes"]),
    # a sure given name in capitals and a surname in no list, in a calm message
    ("i passet står det AHMED KARIMZA og i banken noe annet", ["AHMED KARIMZA"]),
    # a kin word's name before where the person lives
    ("i send money to my brother sean in cork every month", ["sean"]),
    # a given name as the message's last sentence
    ("I moved last week. The new address is Parkveien 3, 0350 Oslo. jim", ["jim"]),
    # a misheard given name before a surname that is nothing else
    ("sendte penger til hedg johansen i går", ["hedg johansen"]),
    # a sure given name in a user name
    ("brukernavnet mitt er ingrid77 men passordet virker ikke", ["ingrid"]),
]

WORDS: list[tuple[str, list[str]]] = [
    # a dash between a number's groups; an en dash inside a name stays a hyphen
    ("ring 912—34—567 i morgen", []),
    # "en" + a given name that is an animal, not after a preposition of a person
    ("Vi så en bjørn ved hytta i helga", []),
    # a place, a bank or a cue on the line after a signed name is no surname
    ("Mvh\nKari\nOslo", ["Kari"]),
    ("Regards\nJohn\nCustomer Service", ["John"]),
    # a proper noun's genitive or a definite noun before a word in no list; a sentence's subject
    ("Oppgjøret fra Norges Fiskelag kom i går", []),
    ("Brevet fra Sameiet Solbakkvik kom i går", []),
    ("Many Ethiopians use this app", []),
    # two given names signing on two lines are two people
    ("Mvh\nKari\nOla", ["Kari", "Ola"]),
    # an adverb after the kin word; a farewell as the last sentence
    ("my sister still in ireland needs money", []),
    ("thanks for the help. bye", []),
    # a word glued to digits that is an everyday word or an ambiguous name
    ("koden er bil3 og stein2", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round22_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round22_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
