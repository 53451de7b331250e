"""PERSON, issue 7 round 6: kinds of names that still leaked on the development sets, each with a
look-alike that must stay a word. Payees that are closed-class words, months or places in lower case
("to will by mistake", "te jo på vipps", "til frøya (6439...)"), amounts in words before "til"; someone
ill or dead ("TONE ER SYK"), put on a loan ("få liv inn på lånet"), asked whether they have got
something ("har ask fått svar"); season's greetings and calls to ring back before a name; staff of the
chat; a capitalised closed-class name after the dialect's article or with an age ("n Jo", "Mina (7)");
a short name in capitals for stress ("Kan TOR få tilgang"); nature names in no list ("Lerke", "Bris",
"River")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # the payee: a closed-class word, a month or a place in lower case
    ("i sent 300 kr to will by mistake, pls help", ["will"]),
    ("im trying to pay will for the car but it keeps failing", ["will"]),
    ("sendt 2k te jo på vipps men d sto feila", ["jo"]),
    ("Skal betale inn på kontoen til frøya (64394015057), men får feilmelding", ["frøya"]),
    # an amount in words before the payee
    ("jeg skal betale sånn ca tre tusen til per for leiligheten", ["per"]),
    # ill, dead, put on a loan, has got something
    ("TONE ER SYK. JEG SKRIVER FOR HENNE.", ["TONE"]),
    ("stein er dessverre død, hva skjer med kontoen hans?", ["stein"]),
    ("e d mulig å få liv inn på lånet sånn i etterkant", ["liv"]),
    ("hei. har ask fått svar på søknaden vår?", ["ask"]),
    # greetings and calls before a name spoken to; staff of the chat
    ("Godt nyttår dag! Takk for hjelpen med lånet i fjor", ["dag"]),
    ("Ståle, ring mæ når du har tid", ["Ståle"]),
    ("remember me? amber from the chat on tuesday, it still doesnt work", ["amber"]),
    # capitalised closed-class names: the dialect's article, an age; a short name in capitals for stress
    ("æ og n Jo ska dæl på hytteleia", ["Jo"]),
    ("Familien består av barna Aksel (10), Mina (7) og Lykke (2).", ["Aksel", "Mina", "Lykke"]),
    ("Kan TOR få tilgang til MIN konto??? han er mannen min", ["TOR"]),
    # nature names in no generated list
    ("jeg betalte river 200 kr for billettene", ["river"]),
    ("Bris og Storm er tvillingene mine", ["Bris", "Storm"]),
]

WORDS: list[str] = [
    # a closed-class word, a month or a place after a payment's preposition
    "you need to send the money to will be safe?",
    "Kan jeg utsette betalingen til mai?",
    "vil sende penger til polen for familien min",
    "jeg må jo betale for det selv",
    "Tusen takk til dere for god hjelp",
    # states, loans and questions that are about things
    "Systemet er sykt tregt i dag",
    "kan jeg få pengene inn på kontoen i dag?",
    "har dere fått svar fra forsikringen?",
    # greetings, calls and the chat
    "Godt nyttår! Takk for hjelpen i fjor",
    "Ok, ring meg når du har tid",
    "Bra, send meg papirene",
    "hei fra chatten, kortet virker ikke",
    # acronyms in capitals, ages of no one
    "Kan BSU få høyere rente?",
    "Han er 14 år og trenger eget kort",
    # the words themselves
    "walked along the river and dropped my wallet",
    "det var en lett bris på fjellet",
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round6_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize("text", WORDS)
def test_round6_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
