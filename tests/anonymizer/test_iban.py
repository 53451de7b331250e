"""IBAN_CODE through the public ``analyze()``: countries, spacing, case, neighbours, bad checksums."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

I = "IBAN_CODE"  # noqa: E741

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Receiver IBAN\nDE40 8858 7177\n5781 9979 05\nplease check", [(I, "DE40 8858 7177\n5781 9979 05")]),
    ("IBAN: NO93 8601 1117 947", [(I, "NO93 8601 1117 947")]),
    ("NO9386011117947", [(I, "NO9386011117947")]),
    ("no93 8601 1117 947", [(I, "no93 8601 1117 947")]),
    ("send til NO93 8601 1117 947.", [(I, "NO93 8601 1117 947")]),
    ("GB82 WEST 1234 5698 7654 32", [(I, "GB82 WEST 1234 5698 7654 32")]),
    ("DE89 3704 0044 0532 0130 00 er kontoen", [(I, "DE89 3704 0044 0532 0130 00")]),
    ("SE45 5000 0000 0583 9825 7466", [(I, "SE45 5000 0000 0583 9825 7466")]),
    # a following short word is not swallowed, and two IBANs in a row are both found
    ("NO93 8601 1117 947 og NO9386011117947", [(I, "NO93 8601 1117 947"), (I, "NO9386011117947")]),
    ("NO93 8601 1117 947 og 12", [(I, "NO93 8601 1117 947")]),
    # negatives
    ("NO93 8601 1117 948", []),  # bad check digits (and the embedded account number is invalid too)
    ("GB82 WEST 1234 5698 7654 33", []),
    ("NO9386011117947X", []),  # glued to a letter: not a word on its own
]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_iban(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]], lang: str
) -> None:
    assert found(text, lang) == spans_of(text, *expected)
