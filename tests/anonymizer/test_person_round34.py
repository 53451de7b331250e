"""Round 34: a point inside an amount ("2.500", "3.200,-") ends no sentence, so the payee after it is
still the payment's ("jeg skal betale 3.200,- til will for leie"); the dialects' "tel" for "til" is a
payment's preposition, and "en" after it a person's article before a given name ("betalt 2.500 tel en
vilma"); and the same words left alone where no such frame holds.
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
    # "tel" for "til", and "en" before a given name after it
    ("kjøpte sykkel tel en ingrid på finn", "ingrid"),
    ("betalte 700 tel en jonas for billettene", "jonas"),
    ("han kom tel en ola", "ola"),
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
    # "tel" and "en" before a noun, and "tel" for a telephone number
    "betalte 500 tel en venn",
    "sendte 200 tel en dag i uka",
    "betalt 300 tel ein snekker",
    "betalte 400 tel en bekjent av meg",
    "ring meg på tel 22 33 44 55",
]


@pytest.mark.parametrize("text", CLEAN)
def test_round34_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
