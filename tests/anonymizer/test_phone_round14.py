"""PHONE_NUMBER rules of round 14 (phone.py): British mobiles grouped 5-3-3, Lithuanian and Russian mobiles
after the trunk prefix 8, a phone typed right before the amount sent to it; and look-alikes of the same
shapes. Examples written for these tests."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PHONE_NUMBER"


def phones(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


POSITIVES: list[tuple[str, list[str]]] = [
    ("text me on 07911 123 456 after six", ["07911 123 456"]),
    ("min søsters litauiske nummer er 8 655 12345", ["8 655 12345"]),
    ("his Russian number: 8 916 123 45 67", ["8 916 123 45 67"]),
    ("jeg vippset 917 45 332 250 kr i går", ["917 45 332"]),
    ("vippsa 48 12 33 90 300 kr til henne", ["48 12 33 90"]),
    # a Polish mobile written nationally, with a cue
    ("mitt polske nummer er 601 234 567", ["601 234 567"]),
    ("zadzwoń: tel. 512 345 678", ["512 345 678"]),
]

NEGATIVES: list[str] = [
    "betalte 45 000 12 300 kr for sofaen",  # two amounts
    "saldo 1 234 567 89 kr",  # an amount in groups
    "ordrenummer 861237904 er sendt",  # a reference of nine digits
    "sortcode 07911 123 45",  # not six digits after the five
    "kontoen 4 12 34 56 78 9 kr",  # more than eight digits before the amount
    "org.nr 974 760 673 er registrert",  # an organisation number in threes
    "betalte 600 123 456 kr for huset",  # an amount in threes
    "saksnummer 612 345 678 gjelder deg",  # a case number
    "ordre 712 345 678 er sendt",  # no cue, an order
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_round14_phones(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert phones(engine, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_round14_phone_look_alikes(engine: Anonymizer, text: str) -> None:
    assert phones(engine, text) == []


REFERENCES: list[str] = [
    "the statement number is AB-5521-0937, thanks",  # a code glued to its letters
    "saken har nummer #3318-2207 hos dere",
    "vi har sak nr 2023-448812 fra i fjor",  # a year opens it
    "politiet har anmeldelse nr 15523378",  # a police report
    "Application number 44120397 for my permit",
    "account: 0051 2233 4477 at the bank",
    "kvittering 09.04.2025 14:22 fra butikken",  # a date and a time
    "personnummer 19850412-5566 i Sverige",  # the first part of a Swedish personal number
    "number on my card 210585 33412 is it valid",  # a birth number's shape
    "betalte med nummer 1234.56.78903",  # an account's shape
]

STILL_PHONES: list[tuple[str, list[str]]] = [
    ("TLF-91234567 hele dagen", ["91234567"]),
    ("ring meg på 912 34 567 etter 16", ["912 34 567"]),
    ("nummeret mitt: 48 12 33 90", ["48 12 33 90"]),
]


@pytest.mark.parametrize("text", REFERENCES)
def test_references_are_no_phones(engine: Anonymizer, text: str) -> None:
    assert phones(engine, text) == []


@pytest.mark.parametrize(("text", "expected"), STILL_PHONES)
def test_phones_beside_the_reference_rules(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert phones(engine, text) == expected
