"""NO_KONTONUMMER through the public ``analyze()``: groupings, cues, checksum, look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

K = "NO_KONTONUMMER"
F = "NO_FODSELSNUMMER"

SPOKEN_KONTO = "fire syv tre null punktum fem syv punktum fem tre null ni ni"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("kontonummeret er 12 34 56 78 90 3", [(K, "12 34 56 78 90 3")]),
    ("konto 1234\n56 78903", [(K, "1234\n56 78903")]),
    (f"kontonummeret er {SPOKEN_KONTO}", [(K, SPOKEN_KONTO)]),
    ("Kontonummeret mitt er 1234.56.78903", [(K, "1234.56.78903")]),
    ("1234.56.78903", [(K, "1234.56.78903")]),
    # a typo that is near a cue and a deny word alike ("acount": account, amount) reads as the cue
    ("My acount numbber is 1234.56.78903.", [(K, "1234.56.78903")]),
    ("overfør til 1234 56 78903 i dag", [(K, "1234 56 78903")]),
    ("konto 1234-56-78903", [(K, "1234-56-78903")]),
    ("12345678903", [(K, "12345678903")]),  # bare, valid, not a valid fødselsnummer
    ("kontonr:8601.11.17947.", [(K, "8601.11.17947")]),
    ("KONTONUMMER 15031234562", [(K, "15031234562")]),
    ("account number 97100512347", [(K, "97100512347")]),
    ("brukskonto 8601 1117947", [(K, "8601 1117947")]),  # unusual grouping, still valid
    # a valid fødselsnummer too, but the account cue is nearest
    ("Konto 01019010046", [(K, "01019010046")]),
    ("kontoen min: 01019010046", [(K, "01019010046")]),
    ("fra 1234.56.78903 til 8601.11.17947", [(K, "1234.56.78903"), (K, "8601.11.17947")]),
    # an amount further away does not deny the account number
    ("Overfør 837 kr fra 2078.65.56733 til sparekontoen", [(K, "2078.65.56733")]),
    ("kan dere overføre 4241,- kr fra 32099409494?", [(K, "32099409494")]),
    ("kontonumer 12345678903", [(K, "12345678903")]),  # typo
    ("betal til konto 1234.56.78903 med kid 953832364", [(K, "1234.56.78903")]),
    # negatives
    ("1234.56.78904", []),  # bad check digit
    ("kortet som slutter på 4242 er sperret", []),
    ("ordrenummer 12345678903", []),
    ("kontonr 12345678901", []),
    ("KID 12345678903", []),
    ("KID-nr. er 12345678903", []),  # filler words between the cue and the number
    ("fakturanr 12345678903", []),
    ("saksnummer 12345678903", []),
    ("Betal kr 1 500,00 innen 12.03.2024", []),
    ("123456789030", []),  # 12 digits
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kontonummer(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)
