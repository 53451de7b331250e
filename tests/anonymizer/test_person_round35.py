"""Round 35: a name after an in-law written as more than one word ("my son in law Pawel needs a letter",
"her mother in-law rosa called"); a lower-case full name after a kin noun and its possessive, before
where that person lives or a verb ("her sister kamala devi in nepal"), with Nepali surnames and the
second names "Devi"/"Kumari" listed; and the same words left alone where they are ordinary words: the law,
an in-law with no name after it, a kin noun before two words that are no name.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # an in-law written as more than one word, then the name
    ("My son in law Tomek needs a letter from the bank", "Tomek"),
    ("my daughter in law agnieszka needs access", "agnieszka"),
    ("her mother in-law Rosa called yesterday", "Rosa"),
    ("my brother-in law Grzegorz will pay", "Grzegorz"),
    ("our sister in law Mette has the card", "Mette"),
    ("my father in law Will is 80", "Will"),
    ("svigersonen min Ørjan treng ny kode", "Ørjan"),
    # a lower-case full name after a kin noun and its possessive, before a place or a verb
    ("she want to send money to her sister sita kumari in nepal", "sita kumari"),
    ("my brother bishnu thapa in kathmandu needs money", "bishnu thapa"),
    ("kona mi anna berg sendte 300", "anna berg"),
    ("my uncle ramesh gurung sent me 2000", "ramesh gurung"),
    ("min tante laxmi shrestha i pokhara skal ha penger", "laxmi shrestha"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round35_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


CLEAN: list[str] = [
    # in-laws with no name after them, and the law itself
    "my son in law needs a letter",
    "my mother in law is in hospital",
    "the law in norway says so",
    "my brother in law firm sent the bill",
    "is this against the law in Norway",
    "my daughter in law has a new job",
    # a kin noun and two lower-case words that are no full name
    "my sister still lives in oslo",
    "my son went home in the evening",
    "min bror har flytta i fjor",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round35_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
