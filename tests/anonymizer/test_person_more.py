"""PERSON rules added for names joined by "&", genitives of hyphenated names and of name-words, and names
before "på"/"i" + an address (person_not.py, _tokens.py, person_roles.py). Examples written for these tests."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


POSITIVES: list[tuple[str, list[str]]] = [
    # given names joined by "&" are people; firms take surnames
    ("Kan Ingrid & Sunniva få hvert sitt kort?", ["Ingrid", "Sunniva"]),
    ("Mvh Tone-Lise & Kjersti", ["Tone-Lise", "Kjersti"]),
    # a hyphenated name's genitive: the "s" is left out
    ("Jeg betaler Mari-Anne husleie, nei, Mari-Annes husleie", ["Mari-Anne", "Mari-Anne"]),
    ("Det er Jan-Erlings konto", ["Jan-Erling"]),
    # the genitive of a name that is also a word, before what a person owns or a word for kin
    ("Overfør det til Dags sparekonto", ["Dags"]),
    ("Tors datter skal få BSU", ["Tors"]),
    # a name before "på"/"i" and an address is no part of the street's name
    ("Søstra mi Hilde på Kongsgata 3, 4005 Stavanger", ["Hilde"]),
    ("Barna: Eirik i Olav Kyrres gate 12, 5014 Bergen", ["Eirik"]),
]

NEGATIVES: list[str] = [
    "Fakturaen kom fra Hansen & Sønn i går",
    "Vi bruker Johnson & Johnson sine plaster",
    "Mors konto er tom",  # mother's, not a woman called Mor
    "Dags dato er 12. mai",  # no owner after it
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_more_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_more_names(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
