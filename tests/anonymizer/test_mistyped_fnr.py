"""A fødselsnummer named as one but with a wrong check digit is still redacted (an outside audit saw
"Mitt fødselsnummer er 01019012345" stored as written in an anonymous chat); eleven digits without such
a word, and other numbers after the word, are not."""

from __future__ import annotations

import pytest

from anonymizer import get_anonymizer


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mitt fødselsnummer er 01019012345", "01019012345"),
        ("fnr: 150387 99999 takk", "150387 99999"),
        ("personnummeret til sønnen min er 2304 1512 345", "2304 1512 345"),
        ("D-nummer 41019012345, har ikke fått nytt ennå", "41019012345"),
        ("fødselsnr.: 311299.12345", "311299.12345"),
        ("my personal number is 01019012345, is that right?", "01019012345"),
        ("national identity number: 29029912345", "29029912345"),
    ],
)
def test_a_named_fodselsnummer_with_a_wrong_check_digit_is_redacted(text: str, number: str) -> None:
    redacted = get_anonymizer().redact(text)
    assert number not in redacted, redacted
    assert "<NO_FODSELSNUMMER>" in redacted


@pytest.mark.parametrize(
    "text",
    [
        "fakturanummer 01019012345 er betalt",  # no word for a fødselsnummer
        "KID 01019012345",
        "fødselsnummeret mitt har 11 siffer, men skjemaet godtar bare 10",  # no number of eleven digits
        "fødselsnummer 123456789012345",  # fifteen digits are not eleven
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    redacted = get_anonymizer().redact(text)
    assert "<NO_FODSELSNUMMER>" not in redacted, redacted


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("betal til kontonr 1503 1234 562 1200 i dag", "1503 1234 562"),  # an amount without its currency after
        ("kontonummer 1503 12 34562 450 500", "1503 12 34562"),
        ("fødselsnummer 051098 16444 2 barn", "051098 16444"),
    ],
)
def test_a_named_number_followed_by_more_digit_groups_is_redacted(text: str, number: str) -> None:
    redacted = get_anonymizer().redact(text)
    assert number not in redacted, redacted


def test_groups_of_a_longer_run_are_no_account_number_without_its_name() -> None:
    redacted = get_anonymizer().redact("referanse 1503 1234 562 1200 står på giroen")
    assert "<NO_KONTONUMMER>" not in redacted, redacted
