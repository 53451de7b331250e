"""PERSON, issue 7 round 7: kinds of names that still leaked on the development sets, each with a
look-alike that must stay a word. A surname after a dash-set apposition ("Eva Lunde Grini - Storgata 2")
or before a conjunction after "heter" ("heiter Kolbjørn Rise og ..."); a lower-case name said again
as a surname ("jan ørn"); spelled names followed by what they were ("K-E-V-I-N is my first name");
writers naming themselves ("hi its will again", "e mai som skriv"); header lines ("Frå Vår:");
card and account fields ("Name on card: MR S A PATEL", "name on account: j. de vries"); dialect "å"
for "og" in a list of names; a month-name after a kin cue before a verb ("min samboer mai vil")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # a surname the name's clause goes on from: a dash-set apposition, a conjunction after "heter"
    ("Arvinger:\n   Ola Lunde Grini – Parkveien 3, 3674 Notodden", ["Ola Lunde Grini"]),
    ("Utleieren min heiter Torbjørn Rise og vil ha husleiga", ["Torbjørn Rise"]),
    # a lower-case name said again as a surname
    ("ørn e etternavnet mitt, så kontoen står på siv ørn", ["ørn", "siv", "ørn"]),
    # spelled out, then named for what it is
    ("S-I-N-D-R-E is my first name, A-K-E-R-O is the surname", ["S-I-N-D-R-E", "A-K-E-R-O"]),
    ("Tomasz is my first name, Wrobel is my last name", ["Tomasz", "Wrobel"]),
    # writers naming themselves
    ("hey its will again, did the transfer go through?", ["will"]),
    ("Hi it's Rain again, the app still crashes", ["Rain"]),
    ("hallo, e mai som skriv. kortet mitt e sperra", ["mai"]),
    # header lines
    ("Frå Vår: eg har fått nytt nummer", ["Vår"]),
    ("BESKJED TIL HAUGEN: PAPIRENE ER SENDT", ["HAUGEN"]),
    # card and account fields
    ("Name on card: MRS K L OKAFOR", ["K L OKAFOR"]),
    ("name on account: m. van dijk", ["m. van dijk"]),
    # dialect "å" for "og" between names
    ("ungan sunniva å inga ska ha bsu", ["sunniva", "inga"]),
    ("bestemor te linnea å emil.", ["linnea", "emil"]),
    # a month-name after a kin cue, before a verb
    ("min samboer mai vil ha eget kort", ["mai"]),
]

#: Look-alikes: the same words as words. The second item is the one real name in the text, if any.
WORDS: list[tuple[str, list[str]]] = [
    # a dash between clauses, a conjunction after a cue that is not a surname
    ("jeg heter Kari Vil du hjelpe meg med kortet", ["Kari"]),
    # "first name" in a sentence about a list, "the name" of a thing
    ("Price is the first name on the list of fees", []),
    ("This is the surname field and it is empty", []),
    # "it's ... again": seasons, months, the writer as a pronoun, things
    ("it's May again and the rent is due", []),
    ("hi its me again, still waiting", []),
    ("det er vår igjen, endelig", []),
    ("det er banken som skriver til meg", []),
    # header-like lines with no person
    ("Til Kundeservice: kortet virker ikke", []),
    ("Fra Vipps: koden din er 1234", []),
    ("Fra mai: ny pris på kortet", []),
    # the infinitive mark "å" before a verb
    ("kari prøvde å endre adressen", ["kari"]),
    ("Per glemte å finne kvitteringen", ["Per"]),
    # a month after a kin cue with no verb of a person
    ("min sønn fyller år i mai 2025", []),
    ("min samboer flytter i mai, vil dere ha ny adresse?", []),
    # a capital in a sentence that is no initial
    ("Name: I think it is wrong on the card", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round7_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round7_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
