"""Round 36 (dev_68: dialect and SMS; dev_69: a Western-Norway savings bank): each kind of writing that
leaked, in several variants, and look-alikes that must stay untouched."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.anonymizer.conftest import spans_of

KONTO, PHONE, CARD = "NO_KONTONUMMER", "PHONE_NUMBER", "CREDIT_CARD"
Found = Callable[..., list[tuple[str, int, int]]]


# --- a grouped number before a day as an ordinal, with no month: "5. hver måned" ------------------------

ORDINAL_DAY_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("trukket 399,- fra kontoen hans 3838 14 12218 5. hver måned", [(KONTO, "3838 14 12218")]),
    ("fast trekk frå 1503 12 34562 20. kvar månad", [(KONTO, "1503 12 34562")]),
    ("overføring til 9710 05 12347 1. i måneden", [(KONTO, "9710 05 12347")]),
    ("debited from 3000 45 12347 5th each month", [(KONTO, "3000 45 12347")]),
    ("ring 41 23 39 08 3. gang nå", [(PHONE, "41 23 39 08")]),
    ("kortet 4925 0000 0000 0004 5. hver måned", [(CARD, "4925 0000 0000 0004")]),
    # a digit group that ends a sentence (a capital after it) or that is no ordinal is one more group
    ("kontoen hans 3838 14 12218 5. Hver måned.", []),
    ("kontoen hans 3838 14 12218 5 hver måned", []),
    ("kontoen 3838 14 12218 45. hver", []),
]


@pytest.mark.parametrize(("text", "expected"), ORDINAL_DAY_CASES)
def test_grouped_number_before_an_ordinal_day(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert [s for s in found(text, "nb") if s[0] in (KONTO, PHONE, CARD)] == spans_of(text, *expected)
