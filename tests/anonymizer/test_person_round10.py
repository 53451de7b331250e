"""Round 10: kinds of values that still leaked on the development sets, each with look-alikes that must
stay unflagged, one block a rule: a dotted account number next to an amount; Nigerian and Ghanaian names,
virtue names among them; the particles "ould", "delos", "delas"; one given name or surname more before a
found name.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


def of_type(engine: Anonymizer, text: str, entity_type: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == entity_type]


# A dotted 4.2.5 account number is complete in itself: an amount in digit groups may stand next to it.
KONTO: list[tuple[str, list[str]]] = [
    ("husleia går til 1503.20.47812 11 500 kr hver måned", ["1503.20.47812"]),
    ("overfør 2 500 1503.20.47812 i dag", ["1503.20.47812"]),
    ("betal 1503.20.47812 4 200,-", ["1503.20.47812"]),
    # a longer dotted or hyphened run is no account number
    ("ref 1503.20.47812.11", []),
    ("ref 1503.20.47812-11", []),
]


@pytest.mark.parametrize(("text", "expected"), KONTO)
def test_round10_kontonummer_next_to_amount(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert of_type(engine, text, "NO_KONTONUMMER") == expected


# Nigerian and Ghanaian given names and surnames; the virtue names among them are everyday words as well.
WEST_AFRICAN: list[tuple[str, list[str]]] = [
    ("Beneficiary is my sister Chioma Nwosu", ["Chioma Nwosu"]),
    ("Mercy Boateng will sign the papers tomorrow", ["Mercy Boateng"]),
    ("Please send it to Precious Adeyemi in Lagos", ["Precious Adeyemi"]),
    ("kontoen er til Kwabena Owusu", ["Kwabena Owusu"]),
    # the virtue names as words
    ("Have mercy on me, the app is down again", []),
    ("It was a blessing that the card came", []),
    ("How do I buy precious metals in the fund?", []),
    ("Thanks for your patience and the comfort of knowing", []),
]


@pytest.mark.parametrize(("text", "expected"), WEST_AFRICAN)
def test_round10_west_african_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Particles of Hassaniya ("ould", son of) and Filipino ("delos", "delas") surnames belong to the name.
PARTICLES: list[tuple[str, list[str]]] = [
    ("kontoen til Ahmed ould Cheikh er sperret", ["Ahmed ould Cheikh"]),
    ("Etternavnet mitt er ould Salem", ["ould Salem"]),
    ("the payee is Maria delos Santos", ["Maria delos Santos"]),
    ("NAME: DELAS ALAS, MARIA", ["DELAS ALAS", "MARIA"]),
    # the same letters that are no particle
    ("I could hold it for you", []),
]


@pytest.mark.parametrize(("text", "expected"), PARTICLES)
def test_round10_particles(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# One word more before a found name: a capitalised given name that is a word too, inside a sentence, before
# a name in no list; "Hans" (his) capitalised before a sure given name; a lower-case surname written first.
BEFORE: list[tuple[str, list[str]]] = [
    ("kan du legge til Bo Ødegårdsvik som mottaker", ["Bo Ødegårdsvik"]),
    ("mottaker er Sol Trævik", ["Sol Trævik"]),
    ("Hans Olav har fått nytt kort", ["Hans Olav"]),
    ("i går ringte Hans Erik Moe", ["Hans Erik Moe"]),
    ("nguyen thanh\n12.03.1990", ["nguyen thanh"]),
    # the same words where they are words
    ("Ask Trævik om lånet", []),
    ("Hans kone har fått nytt kort", []),
    ("Vi var i Mai Trævik", []),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE)
def test_round10_given_before(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
