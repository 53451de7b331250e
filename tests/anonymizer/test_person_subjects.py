"""PERSON: names given away by their place in the sentence (issue 7, dev_26): a name that opens the
sentence before a verb only a person does ("Bill still has access", "oskarine har mistet mobilen"), two
names as the subject ("Finn og Frøya skal ha"), a name that is also a month or a modal where neither
stands ("will said", "august sendte meg"), staff ("en Bakken hos dere", "june from your team"), someone
asked or added ("sjekke med liv", "can faith be added"); and the look-alikes that stay words."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # a given name opening the sentence, an adverb or a verb a storm or a bill does not do after it
    ("Bill still has access to the old account and i want that removed", ["Bill"]),
    ("Storm ble født i 2022, og nå vil vi starte barnesparing", ["Storm"]),
    ("Per betaler 3 000 per måned til meg i husleie", ["Per"]),
    # a word in no list opening the sentence before a verb only a person does
    ("brynjulvine har mistet mobilen med bankid på", ["brynjulvine"]),
    # a name that is a month: a month gets no money and sends none
    ("Mai har ikke fått pengene fra meg", ["Mai"]),
    ("august sendte meg feil beløp, skulle vært 400", ["august"]),
    ("ask e 14 no, kan han få eget kort?", ["ask"]),
    # a name that is a modal: no modal takes a past tense or another modal
    ("will said you could help with the mortgage thing?", ["will"]),
    ("Will can't log in, he's my husband", ["Will"]),
    ("May I ask whether May can use my card while I'm away?", ["May"]),
    # two people as the subject
    ("Finn og Frøya skal ha barnesparing, begge to", ["Finn", "Frøya"]),
    ("do both hope and jack need to sign? hope is in spain", ["hope", "jack", "hope"]),
    ("he and frank share it, the joint account i mean", ["frank"]),
    ("may and i both got the same weird sms today", ["may"]),
    ("Kaiden og Mio ska ut av spareavtalen min", ["Kaiden", "Mio"]),
    ("Can Olu & Kemi both sign for the loan?", ["Olu", "Kemi"]),
    ("kan even og sol få hver sin konto", ["even", "sol"]),
    # staff of the bank
    ("june from your team helped me last week, is she working today?", ["june"]),
    ("snakket med en Bakken hos dere i fjor om refinansiering", ["Bakken"]),
    # asked, added, given access with an adverb between
    ("må sjekke med liv først før jeg signerer noe", ["liv"]),
    ("can faith be added as a second card holder", ["faith"]),
    ("kan dag også få tilgang til nettbanken min?", ["dag"]),
    # the subject of a clause after Norwegian "at" and "om"
    ("Jeg snakket med Even i går og han sa at Dag skulle ringe meg.", ["Even", "Dag"]),
    ("Kan dere sjekke om sol har fått ukepengene sine?", ["sol"]),
    # kin that gives a name away: foster children, little brothers; kin in brackets after a rare name
    ("Vi har fått fosterbarn, Tsegereda, og vil opprette barnesparing", ["Tsegereda"]),
    ("lurer på hva lillebror mats har brukt kortet mitt til", ["mats"]),
    ("Zyrelle (datteren min) har fått kort men pinkoden kom aldri", ["Zyrelle"]),
    # a nickname before the real name in brackets
    ("Kikki (egentlig Kristine) har ikke fått lønn fra oss", ["Kikki", "Kristine"]),
]

WORDS: list[tuple[str, list[str]]] = [
    ("Bill still unpaid, can you check?", []),
    ("fakturaen har forfalt og jeg har mistet oversikten", []),
    ("i august sendte jeg søknaden", []),
    ("ka e 10.0.0.138?? står i e-posten", []),
    ("will you call me back?", []),
    ("in May can I pay less?", []),
    ("mai og juni var dyre måneder", []),
    ("Liv og helse er viktigere enn penger", []),
    ("Fred og ro e d ikkje her nei", []),
    ("Renta ble satt opp fra 1. juli og jeg fikk brev om det", []),
    ("There was a login at 4:12 AM and I was asleep", []),
    ("He said he was from your fraud team", []),
    ("Vi har Bufferkonto hos dere fra før", []),
    ("må sjekke med banken først", []),
    ("can interest be added to the loan?", []),
    ("I was at Netto yesterday and the card failed", []),
    ("fikk en bot på 2 500 kr i dag", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_subjects_and_their_verbs_give_names_away(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_look_alikes_stay_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
