"""Round 35: a name after an in-law written as more than one word ("my son in law Pawel needs a letter",
"her mother in-law rosa called"); a lower-case full name after a kin noun and its possessive, before
where that person lives or a verb ("her sister kamala devi in nepal"), with Nepali surnames and the
second names "Devi"/"Kumari" listed; a listed name (in lower case too) opening a clause reported after a
verb of saying ("hun sa at hansen skulle ringe meg", "he told me that johnson would call"); and the same
words left alone where they are ordinary words: the law, "sa at banken", a pronoun saying something.
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
    # a listed name opening a clause reported after a verb of saying
    ("hun sa at hansen skulle ringe meg tilbake", "hansen"),
    ("han fortalte meg at olsen har betalt", "olsen"),
    ("he told me that johnson would call me back", "johnson"),
    ("she said that kowalski already paid", "kowalski"),
    ("rådgiveren skrev at pedersen ville sende papirene", "pedersen"),
    ("dei sa at Haugland skulle ordne det", "Haugland"),
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
    # a clause reported after a verb of saying that opens with a word, a pronoun or a firm
    "hun sa at banken skulle ringe meg",
    "han sa at alt skulle ordne seg",
    "hun sa at de skulle ringe",
    "she said that payment would arrive on monday",
    "he said that that would be fine",
    "rådgiveren sa at lånet skulle innvilges",
    "they told me that it would take a week",
    "hun sa at jeg skulle ringe",
    # a pronoun opening the message says something: no name
    "hun sa at kortet var sendt",
    "han sa at det var i orden",
    "she said it was fine",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round35_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
