"""CREDIT_CARD through the public ``analyze()``: groupings, issuers, Luhn, KID look-alikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anonymizer.recognizers.credit_card import has_issuer_prefix, is_valid_card
from tests.anonymizer.conftest import spans_of

C = "CREDIT_CARD"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("kort 41111111 11111111", [(C, "41111111 11111111")]),
    ("kortnr:\n4111 1111\n1111 1111", [(C, "4111 1111\n1111 1111")]),
    ("kortnummer 4111 1111 1111 1111", [(C, "4111 1111 1111 1111")]),
    ("4111-1111-1111-1111", [(C, "4111-1111-1111-1111")]),
    ("4111111111111111", [(C, "4111111111111111")]),
    ("Visa 4012888888881881 utløper 12/27", [(C, "4012888888881881")]),
    ("mastercard 5555 5555 5555 4444", [(C, "5555 5555 5555 4444")]),
    ("2221 0000 0000 0009", [(C, "2221 0000 0000 0009")]),  # Mastercard 2-series
    ("amex 3782 822463 10005", [(C, "3782 822463 10005")]),
    ("378282246310005", [(C, "378282246310005")]),
    ("card 6011 1111 1111 1117", [(C, "6011 1111 1111 1117")]),
    ("KORTET 4111 1111 1111 1111 ble avvist", [(C, "4111 1111 1111 1111")]),
    ("There's a charge of 518 NOK on 5285 9825 7063 1170", [(C, "5285 9825 7063 1170")]),
    # negatives
    ("KID 4111111111111111", []),  # a Luhn-valid payment reference
    ("KID-nummer: 4111 1111 1111 1111", []),
    ("betalingsreferanse 4012888888881881", []),
    ("4111 1111 1111 1112", []),  # Luhn fails
    ("1000000000000008", []),  # Luhn passes, no issuer
    ("1234 5678 9012 3456", []),
    ("kortet som slutter på 1234", []),
    ("the card ending in 4444 was blocked", []),
    ("Beløp: kr 1 500,00 trukket 12.03.2024", []),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_credit_card(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("4111111111111111", True),
        ("2720990000000007", True),
        ("2721000000000004", False),  # Luhn-valid, just past the Mastercard 2-series
        ("5105105105105100", True),
        ("371449635398431", True),
        ("37144963539843", False),  # Amex is 15 digits
        ("4111111111111112", False),
    ],
)
def test_is_valid_card(number: str, valid: bool) -> None:
    assert is_valid_card(number) is valid


def test_issuer_prefix_checks_length() -> None:
    assert has_issuer_prefix("4" + "0" * 15)
    assert not has_issuer_prefix("4" + "0" * 14)  # Visa has no 15-digit cards
