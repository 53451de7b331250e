"""NO_FODSELSNUMMER through the public ``analyze()``: formats, cues, checksums, dates, look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anonymizer.recognizers.fodselsnummer import has_valid_date, is_valid_fodselsnummer
from tests.anonymizer.conftest import spans_of

F = "NO_FODSELSNUMMER"
K = "NO_KONTONUMMER"

SPOKEN_FNR = "en fem null åtte ni null fire sju sju fire seks"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # odd groupings, line breaks, spaced and spoken digits (issue 7)
    ("Fødselsnummeret mitt er 15.08.90.47746", [(F, "15.08.90.47746")]),
    ("personnr:\n150890\n47746", [(F, "150890\n47746")]),
    ("fnr 1 5 0 8 9 0 4 7 7 4 6", [(F, "1 5 0 8 9 0 4 7 7 4 6")]),
    ("fnr 150890\u200b47746", [(F, "150890\u200b47746")]),
    ("personnummer en fem null åtte ni null fire sju sju fire seks", [(F, SPOKEN_FNR)]),
    ("Fødselsnummeret mitt er 01019010046", [(F, "01019010046")]),
    ("fnr: 150886 10080", [(F, "150886 10080")]),
    ("fnr 150886-10080, takk", [(F, "150886-10080")]),
    ("FNR 01019010046", [(F, "01019010046")]),
    ("f.nr. 31129910065", [(F, "31129910065")]),
    ("personnummer:01019010046", [(F, "01019010046")]),
    # a bare valid number is a fødselsnummer by default (it is also a valid kontonummer)
    ("01019010046", [(F, "01019010046")]),
    ("D-nummer 41019010110", [(F, "41019010110")]),
    # Skatteetaten's synthetic test numbers (month + 80), rejected by stdnum
    ("testperson 01819010001", [(F, "01819010001")]),
    ("my national identity number is 31129910065", [(F, "31129910065")]),
    ("birth number 150886 10080.", [(F, "150886 10080")]),
    ("Norwegian ID number: 69113405627, transfer", [(F, "69113405627")]),
    # the 6+5 grouping wins over an account cue further away
    ("konto? nei, fødselsnummer 150886 10080", [(F, "150886 10080")]),
    # nearest cue decides between the two types
    ("Fnr 01019010046, konto 01019010046", [(F, "01019010046"), (K, "01019010046")]),
    # a cue that names a fødselsnummer beats a nearer topic word ("konto") on a number valid as both
    ("Hvordan avslutter jeg en konto 12038510183 er personnummeret til sønnen min", [(F, "12038510183")]),
    ("norwegian id number 23047710006 also transfer 500", [(F, "23047710006")]),
    ("national identity number: 05129910099", [(F, "05129910099")]),
    ("my personal number is 31086510009, please transfer", [(F, "31086510009")]),
    ("birth number 17020110260 for the account", [(F, "17020110260")]),
    ("ID-nummer 12038510183, kontoen", [(F, "12038510183")]),
    ("fnr. 23047710006 konto", [(F, "23047710006")]),
    ("pnr 05129910099", [(F, "05129910099")]),
    ("fødselsnr: 31086510009 til konto", [(F, "31086510009")]),
    ("fødselsnumer 12038510183 overføring", [(F, "12038510183")]),  # typo
    ("personummer 23047710006 konto", [(F, "23047710006")]),  # typo
    ("personnummeret hans er 17020110260, kontoen er 1234.56.78903", [(F, "17020110260"), (K, "1234.56.78903")]),
    # ... and a cue that names an account number wins too
    ("kontonummer 05129910099", [(K, "05129910099")]),
    ("account number 31086510009", [(K, "31086510009")]),
    ("kontonr. 17020110260 og fnr 12038510183", [(K, "17020110260"), (F, "12038510183")]),
    # checksums valid but 29 February 1900 does not exist: only the kontonummer reading remains
    ("29020010027", [(K, "29020010027")]),
    # negatives
    # a bad check digit after the word for it: still the customer's number, mistyped (partial.py)
    ("fnr 01019010047", [(F, "01019010047")]),
    ("fnr 12345678901", [(F, "12345678901")]),
    ("KID 01019010046", []),
    ("KID-nummer: 01019010046", []),
    ("fakturanummer 01019010046", []),
    ("fnr 0101901004", []),  # 10 digits
    ("fnr 010190100461", []),  # 12 digits
    ("401019010046", []),
    ("Saksnummer 2024-118834, beløp kr 1 500,00, dato 01.01.1990", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fodselsnummer(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("01019010046", True),
        ("41019010110", True),  # D-nummer
        ("01819010001", True),  # synthetic
        ("01019010047", False),
        ("29020010027", False),  # no such date
        ("0101901004", False),
    ],
)
def test_is_valid_fodselsnummer(number: str, valid: bool) -> None:
    assert is_valid_fodselsnummer(number) is valid


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("29020012345", False),  # individual 123 → born 1900, not a leap year
        ("29020050045", True),  # individual 500, year 00 → born 2000, a leap year
        ("31049912345", False),  # 31 April
        ("71049912345", False),  # D-nummer 31 April
        ("01419912345", True),  # H-nummer (month + 40)
        ("01899912345", True),  # synthetic (month + 80)
        ("01139912345", False),  # month 13
        ("00019912345", False),  # day 0
        ("85019912345", True),  # FH-nummer: no date by design
    ],
)
def test_has_valid_date(number: str, valid: bool) -> None:
    assert has_valid_date(number) is valid
