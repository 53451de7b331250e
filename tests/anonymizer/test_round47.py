"""Round 47 (dev_90: a penetration tester's careful and mangled sensitive numbers): the "00" of an
international prefix dictated apart ("null null fire sju ni ein to ..."), an ellipsis between the groups
of one number ("mob 94 ... 51 ... 33 ... 78") and a space written as a word in brackets ("4907 [mellomrom]
9063 ...") join the groups; an ellipsis between two amounts stays prose."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    (
        "Ring null null fire sju ni ein to tre fire fem seks sju",
        "PHONE_NUMBER",
        ["null null fire sju ni ein to tre fire fem seks sju"],
    ),
    ("mob 94 ... 51 ... 33 ... 78 sendte det i biter", "PHONE_NUMBER", ["94 ... 51 ... 33 ... 78"]),
    (
        "kortnummer: 4907 [mellomrom] 9063 [mellomrom] 2910 [mellomrom] 6763",
        "CREDIT_CARD",
        ["4907 [mellomrom] 9063 [mellomrom] 2910 [mellomrom] 6763"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round47_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize("text", ["det kostet 100 ... 200 kr kanskje", "Vent... 10 minutter ... 20 til"])
def test_round47_ellipses_in_prose_stay(engine: Anonymizer, text: str) -> None:
    assert [e.type for e in engine.analyze(text) if e.type != "PERSON"] == []
