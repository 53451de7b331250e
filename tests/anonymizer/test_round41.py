"""Round 41 (dev_79: a red team's disguised numbers; dev_78: housing, loans and insurance claims): a number
given in two pieces where only the second is announced ("1813.66. Then 12391", "5145 5271. resten e
0992 8181") is taken when both pieces together make a number that vouches for itself (a fødselsnummer or
account number by its check digits, a card by Luhn, a Norwegian mobile); "begins with" announces a first
piece; "punkt" is a dictated dot between digit groups as "punktum" is; underscores separate groups; a
verb before its reflexive is no name; a phone cue that starts with a deny word ("kontortelefon") is a cue."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

FOUND: list[tuple[str, str, list[str]]] = [
    ("Acc no is 1813.66. Then 12391 – sent in two parts for safety", "NO_KONTONUMMER", ["1813.66", "12391"]),
    ("My number begins with 96 34. The rest is 99 51.", "PHONE_NUMBER", ["96 34", "99 51"]),
    ("kortnummer e 5145 5271. resten e 0992 8181. hæ", "CREDIT_CARD", ["5145 5271", "0992 8181"]),
    ("Card number is 4371 9653 and then 9862 7684, sorry had to split it", "CREDIT_CARD", ["4371 9653", "9862 7684"]),
    ("sett inn på 8601 punkt 77 punkt 85100 då", "NO_KONTONUMMER", ["8601 punkt 77 punkt 85100"]),
    (
        "Fnr: 27 punkt 05 punkt 69 punkt 37817. Ble det maskert?",
        "NO_FODSELSNUMMER",
        ["27 punkt 05 punkt 69 punkt 37817"],
    ),
    ("ip: 178 punkt 232 punkt 41 punkt 9 (hjemmenettet)", "IP_ADDRESS", ["178 punkt 232 punkt 41 punkt 9"]),
    ("Overfør til 2801_32_38695 takk", "NO_KONTONUMMER", ["2801_32_38695"]),
    # a spaced dot between spoken groups, as between digit groups
    (
        "Please pay the refund into nine three six five . one nine . 60396",
        "NO_KONTONUMMER",
        ["nine three six five . one nine . 60396"],
    ),
    # a cue longer than the deny word it starts with is the word: "kontortelefon" is no "konto"
    ("Kontortelefon 77_58_98_00, ellers mobil", "PHONE_NUMBER", ["77_58_98_00"]),
]

NOTHING: list[str] = [
    "Jeg betalte 1500. Then 2000 more next month",
    "first I paid 4500 and then 9000 kr",
    "Renta er 5 punkt 1 prosent, kan eg få ho ned?",
    "saksnummer 2024. Resten av saken kommer i morgen",
    "file_2023_05.pdf er vedlagt",
    "I have two . Three more to go",
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round41_numbers_in_pieces_and_disguises(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize("text", NOTHING)
def test_round41_look_alikes_stay(engine: Anonymizer, text: str) -> None:
    assert [(e.type, text[e.start : e.end]) for e in engine.analyze(text) if e.type != "PERSON"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Jeg betalte 4 500, resten 9 000 neste måned",
        "Beløpet er kr 12 500. Resten er 340 000",
    ],
)
def test_round41_amounts_in_two_pieces_are_no_number(engine: Anonymizer, text: str) -> None:
    assert [e.type for e in engine.analyze(text) if e.type != "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Han kaller seg Richard Williams og sier han er ingeniør", ["Richard Williams"]),
        ("han kalla seg «førstebetjent Haraldsen»", ["Haraldsen"]),
        ("Han heng seg opp kvar gong", []),
    ],
)
def test_round41_a_verb_before_its_reflexive_is_no_name(engine: Anonymizer, text: str, names: list[str]) -> None:
    assert person_names(engine, text) == names
