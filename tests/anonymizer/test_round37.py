"""Round 37 (dev_70: phone-typed chat from Bergen and Trondheim; dev_71: people with weak or unusual
cues): each kind of name that leaked, in several variants of our own, and look-alikes that must stay
untouched."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

# Each case: the text and the PERSON spans (as text) strict mode must report, in order.
NAMED: list[tuple[str, list[str]]] = [
    # the spouse by the formal word, before a name that is also a word ("even", "liv")
    ("Ektemannen min Even og eg skal ha felles konto.", ["Even"]),
    ("ektefellen min liv har fått nytt kort", ["liv"]),
    ("Ektemannen min Stein vil ha tilgang", ["Stein"]),
    ("My spouse Will has the other card", ["Will"]),
    # a name that plays a part only a person plays: co-owner, guarantor, heir
    ("Vi vil melde at Per ikkje lenger er medeigar i firmaet.", ["Per"]),
    ("Jeg tror at Stein ikke lenger er kausjonist på lånet", ["Stein"]),
    ("Dag is no longer a co-owner of the account", ["Dag"]),
    ("Sol er fortsatt medeier i enkeltpersonforetaket", ["Sol"]),
    # one letter after a spaced dash, with thanks before it on the same line
    ("tusen takk for hjelpa 😊 - m", ["m"]),
    ("thanks so much :) - j", ["j"]),
    ("takk skal du ha - t", ["t"]),
    # dotted initials opening the message as "X her"
    ("t.b. her, eg ringte om lånet i går", ["t.b"]),
    ("J.S. here again, about the transfer", ["J.S"]),
    ("hei\na.k.l. her. kortet er sperra", ["a.k.l"]),
    # the given name after a surname and a comma, written as a transfer line
    ("pengene gikk til Dahl, Mina. Feil person!", ["Dahl", "Mina"]),
    ("Mottaker: Lund, Mina", ["Lund", "Mina"]),
    # but a function word that goes on as a clause after the comma is no given name
    ("betalte til Hansen, Men det gikk ikke", ["Hansen"]),
]

#: Look-alikes: nothing here is a person.
CLEAN: list[str] = [
    "Ektefellen min skal også ha kort",
    "Kan ektemannen min få tilgang til nettbanken?",
    "Banken er ikke lenger kausjonist",
    "det koster 50 kr per medeier",
    "ok det går fint - k",
    "takk for svar. betalte 200 - K.",
    "takk, jeg tar vitamin - D",
    "takk for hjelpen - ok",
    "e.g. here, the fee is 20 kr",
    "p.s. her er kvitteringen",
    "ca. her",
    # the review's look-alikes: "tusen" (a thousand) is no thanks, dotted abbreviations are no initials
    "det kostet tusen kroner - k",
    "p.t. her, i Spania",
    "d.v.s. her, altså",
    "t.o.m. her, i år",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_round37_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert person_names(engine, text) == expected


@pytest.mark.parametrize("text", CLEAN)
def test_round37_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert person_names(engine, text) == []
