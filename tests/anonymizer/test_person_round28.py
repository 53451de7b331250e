"""PERSON round 28 (anonymizer/recognizers/person_cued_words.py): Norwegian names that are everyday words,
given away by a slot only a person fills, and the same words left alone where they are words."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer, get_anonymizer
from tests.anonymizer.conftest import person_names as names

POSITIVES: list[tuple[str, list[str]]] = [
    # a payee note: the whole message a preposition and a listed name
    ("til odd", ["odd"]),
    ("frå sol", ["sol"]),
    # the naming verb, past an adverb
    ("Den nye rådgiveren min het visst Even, kan han ringe?", ["Even"]),
    ("søstera mi heter egentlig Vår, ikke Våren", ["Vår"]),
    # talking with someone, with the (dialect) article
    ("pratet med ei stein i går om lånet", ["stein"]),
    # kin with the name in brackets
    ("Mamma (Liv) vil bli med på møtet", ["Liv"]),
    # paying someone for something
    ("skal betale bakke for plenklippinga", ["bakke"]),
    # may someone get what only people get
    ("kan vik få tilgang til kontoen?", ["vik"]),
    ("ska sand ring meg tilbake?", ["sand"]),
    # what a card reads
    ("kortet kom, men det står ODD på det", ["ODD"]),
    # vipps'ed by someone
    ("spurv vippsa oss 300 i går", ["spurv"]),
    # someone's number
    ("mobilnummeret til dag er 912 34 567", ["dag"]),
    # a role noun, "er", a name closing the sentence
    ("utleigar e bakke.", ["bakke"]),
    # the wrong one of a name found already
    ("sendte penger te stein k, men det gikk til feil stein", ["stein k", "stein"]),
    # kin and a name that does something
    ("far og even ska flytte sammen", ["even"]),
    # a reflexive possessive after the subject
    ("men sol vil ha sin del av arven", ["sol"]),
    # is this someone?
    ("god morgen, er dette tor?", ["tor"]),
    # a quoted speaker
    ("Odd: «du får pengene i morgen»", ["Odd"]),
    # an account role, kin
    ("kan vi legge til mai som disponent?", ["mai"]),
    ("nei. jo er broren min", ["jo"]),
    # registered on, belongs to, a message from
    ("Lånet står på Haug, ikke meg", ["Haug"]),
    ("Kontoen skal tilhøre Grønnstad", ["Grønnstad"]),
    ("fikk melding frå even på kontoret om fornyelse", ["even"]),
    # a kin word as a given name
    ("nummeret til Bror er 45 00 38 22", ["Bror"]),
]

NEGATIVES: list[str] = [
    "i dag",
    "til slutt",
    "fra meg",
    "Firmaet heter Nord Fisk Industri AS",
    "programmet het AnyDesk",
    "vi snakket med en rådgiver i går",
    "Mamma (78) har fått nytt kort",
    "jeg vil betale ned 40 000 ekstra på lånet",
    "kan nok få fullmakt hvis vi spør",
    "det står ingenting på kortet",
    "banken vippsa meg tilbake",
    "nummeret til banken er 915 04800",
    "hvordan blir renta om man e ung?",
    "det ble feil dag for trekket",
    "mor og far er på ferie",
    "et liv uten bankid er vanskelig",
    "er dette svindel?",
    "Merk: «Fakturaen må betales»",
    "kan jeg bruke kortet som betaling",
    "Kortet står på kjøkkenbenken",
    "Beløpet tilhører banken",
    "fikk melding fra banken om fornyelse",
    "en stein i skoen",
    "jo, det stemmer",
    "det var jo som du sa",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_found(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_word_left(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []


@pytest.mark.parametrize("text", ["Hei. Kan Stein?", "Hei! Kan Per", "Hei: kan Stein", "Spørsmål: kan Per"])
def test_a_name_after_a_modal_at_the_very_end_does_not_crash(text: str) -> None:
    """Found by review: the modal slot read the gap after the last word (IndexError)."""
    get_anonymizer().analyze(text)
