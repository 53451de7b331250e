"""Round 11: kinds of names that still leaked on the development sets, each with look-alikes that must
stay unflagged, one block a rule: a capitalised everyday-word name after a kin noun with its possessive;
dotted initials before a surname; a name opening a sentence before "i"/"fra" + a place or a noun and a
verb; a given name split over a line break.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# A kin noun and its possessive name the capitalised word after them, before a verb, an amount or the end.
KIN: list[tuple[str, list[str]]] = [
    ("Our daughter Cloud is turning 16 next week, can she get a card?", ["Cloud"]),
    ("My husband Snow will call you tomorrow", ["Snow"]),
    ("jeg skylder kameraten min... nei, kompisen min Bror 300 kr", ["Bror"]),
    ("sendte kompisen min Even 500 kr i går", ["Even"]),
    ("We told Brook, our son, that he can open an account", ["Brook"]),
    # look-alikes: a role that a firm can have, a place before an apposition, a noun, a date
    ("vår rådgiver Sparebank har sagt at renta går opp", []),
    ("I send money to my family in Manila, my mom Gloria lives there", ["Gloria"]),
    ("min sønn ble født i Mai 2020", []),
    ("our son is turning 18 soon", []),
]


@pytest.mark.parametrize(("text", "expected"), KIN)
def test_round11_name_after_kin_and_possessive(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# Initials in capitals with dots before a capitalised surname are initials, not a name spelled out.
INITIALS: list[tuple[str, list[str]]] = [
    ("Hilsen J.R.R. Lund", ["J.R.R. Lund"]),
    ("K.A.T. Ødegård here, I need a new card", ["K.A.T. Ødegård"]),
    ("T.M. Berg ringte i går", ["T.M. Berg"]),
    # look-alikes: an acronym before a lower-case word; a spelled-out name is still joined
    ("the U.S.A. is far away", []),
]


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_round11_dotted_initials_before_surname(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A given name opening a sentence, then "i"/"fra" + a place or a noun (and a possessive), then a verb.
WHERE: list[tuple[str, list[str]]] = [
    ("Tor i kjelleren har lånt sykkelen min og betaler meg 500", ["Tor"]),
    ("Frank fra Sverige sendte meg 400 kr i går", ["Frank"]),
    ("Stein i kantina vår sa at kortet var sperret", ["Stein"]),
    # look-alikes: "per" before a time is a preposition
    ("Per i dag har jeg 2000 kr på kontoen", []),
    ("Per i måneden betaler jeg 300 kr", []),
    ("Per i fjor var renta lavere", []),
]


@pytest.mark.parametrize(("text", "expected"), WHERE)
def test_round11_name_before_where_and_verb(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


# A given name broken over a line (a narrow field): the two parts join into a listed given name.
SPLIT: list[tuple[str, list[str]]] = [
    ("Det gjelder kona mi, Ingeb\norg Hansen, hun får ikke logget inn", ["Ingeb\norg Hansen"]),
    ("Hilsen Solv\neig", ["Solv\neig"]),
    # look-alike: two parts that join into no name stay apart
    ("Hilsen Kari\nhar du fått svar?", ["Kari"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_round11_given_name_split_over_a_line(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
