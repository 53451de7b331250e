"""Round 34: a point inside an amount ("2.500", "3.200,-") ends no sentence, so the payee after it is
still the payment's ("jeg skal betale 3.200,- til will for leie"); and the same words left alone where
no such frame holds.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # an amount with a thousands point between the verb of paying and the payee
    ("har betalt 1.250,- te stein for dekkskiftet", "stein"),
    ("sendte 4.000 til frank i går", "frank"),
    ("paid 1.200 to will for the bike", "will"),
    ("vippsa 1.500 te jo for konserten", "jo"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round34_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


CLEAN: list[str] = [
    # an amount with a point, then what it pays for or when
    "betalte 2.500 til banken for gebyret",
    "skal betale 3.200,- til mai neste år",
    "overførte 1.500 til sparekontoen",
    "betalt 2.500 til dag 3 i måneden",
    "sendte 2.000. Til slutt ringte jeg",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round34_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
