"""PERSON: names in capitals (person_caps.py), full names whose surname no list holds
(person_unlisted.py), and lists joined by "&" or holding one month-name (person_lists.py).
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str, mode: str = "strict") -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode=mode) if e.type == P]


POSITIVES: list[tuple[str, list[str]]] = [
    # a name copied in capitals into a calm message: a surname in no list after a sure given name
    ('på bankkortet står det "TORUNN GRØSTØL", er det riktig?', ["TORUNN GRØSTØL"]),
    ("kortet mitt sier INGEBORG VASSENDLI og ikke det jeg søkte om", ["INGEBORG VASSENDLI"]),
    # ... a given name that is also a word, before a listed surname
    ("please print WILL JOHNSON on the new card", ["WILL JOHNSON"]),
    # a message all in capitals: a well-known given name alone, given names joined by a hyphen
    ("HVORFOR HAR TROND IKKE FÅTT LØNNA SI ENDA", ["TROND"]),
    ("ANNE-MARI OG TORILL SKAL HA HVER SIN KONTO", ["ANNE-MARI", "TORILL"]),
    # a name-word that is also a word, before a capitalised surname in no list with a surname's ending
    ("Søstera mi og Per Vestbøli arvet hytta", ["Per Vestbøli"]),
    ("Arvingane: Dag Kvamsdal, Nedre vei 3", ["Dag Kvamsdal"]),
    # two lower-case words after a strong cue, though each looks like a typo of a word
    ("my name is shaun kelleher and i need help", ["shaun kelleher"]),
    ("hi my names adaeze nwosu, the app crashes", ["adaeze nwosu"]),
    # an unlisted given name and a listed surname after a weaker cue
    ("hello I am obiageli okafor and my card is blocked", ["obiageli okafor"]),
    # a list of three names, one of them a month-name; the list ends after "og"
    ("Vi deler husleia med per, dag og Juni, går det an?", ["per", "dag", "Juni"]),
    # "&" joins a name to the one before it
    ("Hei, Ingvild & Bea her, vi vil åpne felles konto", ["Ingvild", "Bea"]),
]

NEGATIVES: list[str] = [
    # capitals in a calm message: acronyms, labels and words
    "jeg fikk SMS fra DNB om BSU i dag",
    "please call me ASAP about the IBAN",
    "det står FØDSELSNR og KONTONR på skjemaet",
    "will you SEND THE CARD today",
    # a message in capitals without a name
    "HVORFOR ER KORTET MITT SPERRET IGJEN",
    # a name-word that is also a word before words that are no surnames
    "Per Solli 12 er adressen",
    "hver dag Storli kom hit",
    "Per Kontoen din er sperret",
    # two lower-case words after a cue that are words, or a sentence
    "my name is spelled wrong on the card",
    "hello I am locked out of the app",
    "my names are on both accounts",
    # months and words in lists
    "vi reiser i mai, juni og juli",
    "betalt for mars, april og mai",
    "Procter & Gamble har sendt faktura",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_unlisted_and_capital_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_name_in_capitals_or_pairs(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
