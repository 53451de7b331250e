"""Round 35: a number in a spaced grouping right before a date whose day comes first ("betalte til 1503 12
34562 2. mars", "ringte fra 412 33 908 14 feb", "kortet 4925 0000 0000 0004 3rd of May"): the day is a
digit group, and the groupings refused the number as part of a longer run. A digit group that is no
date's day ("2 stk", an amount, a number alone) still makes the run longer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

KONTO, PHONE, CARD = "NO_KONTONUMMER", "PHONE_NUMBER", "CREDIT_CARD"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("betalte til 1503 12 34562 2. mars, kr 500", [(KONTO, "1503 12 34562")]),
    ("overført til 9710 05 12347 14 feb", [(KONTO, "9710 05 12347")]),
    ("sent to 3000 45 12347 3rd of May", [(KONTO, "3000 45 12347")]),
    ("han ringte fra 412 33 908 2. mars", [(PHONE, "412 33 908")]),
    ("ringte meg fra 41 23 39 08 3. april og 5. april", [(PHONE, "41 23 39 08")]),
    ("called from 412 33 908 1 January", [(PHONE, "412 33 908")]),
    ("kortet 4925 0000 0000 0004 2. mars", [(CARD, "4925 0000 0000 0004")]),
    ("card 4925-0000-0000-0004 14/2 was charged", [(CARD, "4925-0000-0000-0004")]),
    # a digit group that is no date's day: the run is longer, or the number is something else
    ("ring 41 23 39 08 2 stk", []),
    ("412 33 908 2", []),
    ("1503 12 34562 2 500", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_grouped_number_before_a_date(
    found: Callable[..., list[tuple[str, int, int]]], text: str, expected: list[tuple[str, str]]
) -> None:
    assert [s for s in found(text, "nb") if s[0] in (KONTO, PHONE, CARD)] == spans_of(text, *expected)
