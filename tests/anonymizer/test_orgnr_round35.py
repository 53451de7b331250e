"""Round 35: an organisation number in the 3-3-3 grouping right before a date whose day comes first
("betalte til 974 760 673 2. mars", "paid 988 851 590 3rd of May", "953 832 364 14.02.2025"): the day is a
digit group, so the grouping's end refused the number as part of a longer run. Still not after a deny word,
with a bad check digit, or before a digit group that is no date ("2 stk", an amount)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

ORG = "NO_ORGNR"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("betalte til 974 760 673 2. mars, kr 1 389", [(ORG, "974 760 673")]),
    ("overførte til 988 851 590 14 feb", [(ORG, "988 851 590")]),
    ("paid 953 832 364 3rd of May, still a reminder", [(ORG, "953 832 364")]),
    ("betalt til 895 145 475 02.03.2025", [(ORG, "895 145 475")]),
    ("firmaet 974.760.673 12/3 sendte purring", [(ORG, "974.760.673")]),
    ("the company 988 851 590 1 January sent it", [(ORG, "988 851 590")]),
    # negatives: a deny word, a bad check digit, not 8 or 9 first, no date after the digit group
    ("KID 974 760 673 2. mars", []),
    ("betalte til 974 760 674 2. mars", []),
    ("betalte til 123 456 785 2. mars", []),
    ("974 760 673 2 stk", []),
    ("974 760 673 45 000", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_orgnr_before_a_date(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]]
) -> None:
    assert [s for s in found(text, "nb") if s[0] == ORG] == spans_of(text, *expected)
