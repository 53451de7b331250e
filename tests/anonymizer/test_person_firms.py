"""PERSON precision: a name inside a firm's name is the firm's (person_firms.py), each kind with
look-alikes where a person stands beside the firm, or the evidence is too weak, and the name must stay
redacted. Examples written for these tests.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# A legal form right after the run: the whole run is the company's name, whatever names it holds.
LEGAL_FORMS: list[tuple[str, list[str]]] = [
    ("Fakturaen fra Sørensen Tre AS er betalt to ganger", []),
    ("Vi leverer til Margit Aasen AS hver uke", []),
    ("Kortet står på «TORE LUNDE AS», ikke på firmaet vårt", []),
    ("Leverandøren heter Nordlys Glass ASA og har ny konto", []),
    ("Please confirm the IBAN of Weber Holz GmbH before Friday", []),
    ("Our supplier Kowalczyk Transport Sp. z o.o. sent a new account", []),
    ("Mottok penger fra Berit Haugen Regnskap AS i går", []),
    # a person next to the company
    ("daglig leder Kari Hansen i Hansen Rør AS har sluttet", ["Kari Hansen"]),
    ("Kontaktperson hos Lunde Maskin AS er Sigrid Lunde", ["Sigrid Lunde"]),
    ("Hilsen Kari Hansen AS", ["Kari Hansen"]),  # a sign-off before a run of names: still her
    # a sole trader's legal form after a full name: the trade is carried on in her own name
    ("Faktura fra Rørlegger Jan Ove Lunde ENK, kan jeg betale med kort?", ["Jan Ove Lunde"]),
    ("regnskapet til Sigrid Aasen (ENK) er sendt", ["Sigrid Aasen"]),
    # "as" in lower case, and capitals all through a shouted message
    ("I know Kari Hansen as a friend", ["Kari Hansen"]),
    ("JEG KJENNER KARI HANSEN AS DU VET", ["KARI HANSEN"]),
]

# A trade at the run's end, or a given name's genitive before a trade.
TRADES_AFTER: list[tuple[str, list[str]]] = [
    ("Jeg har jobbet for Mathisen Landskap i to år", []),
    ("Kontoen til Pettersen Landhandel er sperret", []),
    ("Betalingen til Sørlandet Energi gikk ut to ganger", []),
    ("Hilsen Ingrid, Ingrids Blomsterbutikk", ["Ingrid"]),
    ("Regningen kom fra Sveins Dyreklinikk i går", []),
    ("Vi kjøper fra Amundsen Fisk og Skalldyr hver uke", []),
    # a given name and a surname before a trade, and a given name that is no everyday word: still people
    ("Vi har kontakt med Per Olsen Taxi", ["Per Olsen"]),
    ("min mor har betalt til en Thomas Kraft hver måned", ["Thomas Kraft"]),
    ("Send pengene til Kari Skog i morgen", ["Kari Skog"]),
    ("Eirin og Marina skal ha ukepenger", ["Eirin", "Marina"]),
]

# A trade before the run: "Taxi", "Bakeri", a craft written capitalised inside a sentence.
TRADES_BEFORE: list[tuple[str, list[str]]] = [
    ("Kunden betalte for mye til Taxi Lyng i går", []),
    ("Vi har fått faktura fra Advokatfirmaet Brekke på 9 000 kr", []),
    ("Kontoen til Frisør Gunn er sperret", []),
    ("Merchant is Kebab Palace Lillestrøm, terminal keeps rebooting", []),
    ("Can you check payments to Stillas Vest in May?", []),
    # a full name after the trade is the sole trader's own name; a craft at a sentence's start may be the
    # craftsman; a lower-case trade is a person's trade
    ("Faktura fra Taxi Ørnulf Bakken, kan jeg betale med kort?", ["Ørnulf Bakken"]),
    ("Frisør Gunn sa at jeg skulle ringe dere", ["Gunn"]),
    ("Jeg ringte frisør Gunn i går", ["Gunn"]),
    ("Hei Frisør Gunn, takk for sist", ["Gunn"]),
    ("Jeg var hos Tannlege Haug i går", ["Haug"]),
]

# Brands of farm machinery and card terminals.
BRANDS: list[tuple[str, list[str]]] = [
    ("Vi vurderer en brukt John Deere til gården", []),
    ("Naboen vil kjøpe min gamle Massey Ferguson", []),
    ("Trekk fra SumUp som jeg ikke kjenner igjen", []),
    ("John Deere Hansen har sendt meg penger", ["John Deere Hansen"]),
]


@pytest.mark.parametrize(("text", "expected"), LEGAL_FORMS + TRADES_AFTER + TRADES_BEFORE + BRANDS)
def test_firms_named_after_people(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
