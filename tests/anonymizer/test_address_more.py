"""ADDRESS rules added for towns after "i"/"på", dictated addresses, vCard lines and street-name prefixes
(address.py, address_parts.py, address_spoken.py, address_cued.py). Examples written for these tests."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

A = "ADDRESS"


def addresses(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == A]


POSITIVES: list[tuple[str, list[str]]] = [
    # the town after "i" / "på" belongs to the address, as after a comma
    ("pakken ble levert til Sjøgata 7 i Bodø i stedet", ["Sjøgata 7 i Bodø"]),
    ("vi hadde leilighet i Fjellveien 21 på Lillehammer før", ["Fjellveien 21 på Lillehammer"]),
    # a third word of a street's name after "på": the street begins there
    ("jeg så på leiligheten på Anders Jahres vei 4, 3050 Mjøndalen", ["Anders Jahres vei 4, 3050 Mjøndalen"]),
    # "Prinsesse", "Kronprins" open a street's name like "Dronning"
    ("Kontoret er i Prinsesse Astrids gate 9, 5003 Bergen, ring først", ["Prinsesse Astrids gate 9, 5003 Bergen"]),
    # dictated: a bare street word after a name's genitive, a postcode said as a number
    ("ny adresse er magnus lagabøtes gate sju b", ["magnus lagabøtes gate sju b"]),
    ("flytta til søndre ringvei ni to tusen åtti elverum i går", ["søndre ringvei ni to tusen åtti elverum"]),
    ("adressen er thorvald meyers gate ti, null fem fem to oslo", ["thorvald meyers gate ti, null fem fem to oslo"]),
    # a vCard's ADR line, all its fields
    ("BEGIN:VCARD\nADR;TYPE=home:;;Kirkegata 4;Tromsø;;9008;Norge\nEND:VCARD", ["Kirkegata 4;Tromsø;;9008;Norge"]),
]

NEGATIVES: list[str] = [
    "vi treffes i Sjøgata 7 på Mandag",  # a day, no town (the street alone is still an address)
    "Kan alle tre få nytt kort?",  # "alle" is a street word, "tre" a number
    "jeg gikk over gata to ganger",
    "det er en lang vei fem ganger om dagen",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_more_address_forms(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert addresses(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_more_than_the_street(engine: Anonymizer, text: str) -> None:
    assert addresses(engine, text) in ([], ["Sjøgata 7"])
