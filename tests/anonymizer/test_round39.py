"""Round 39 (dev_74: expats and newcomers writing English; dev_75: older customers and their families):
"name as in the passport" gives no name; a capitalised possessive opening a line before kin is no name
("Hei\\nMin svigerfar"); a saint's name is a hospital or a day ("St. Olavs"); a widow's old title
("enkefru Solem"); banks and brands abroad."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

NAMED: list[tuple[str, list[str]]] = [
    ("name as in passport: SANTOS Ana Paula", ["SANTOS", "Ana Paula"]),
    ("can I have my name as 'Chidinma O.' on the card?", ["Chidinma"]),
    ("navn per olsen, konto i DNB", ["per olsen"]),
    ("Navn: per hansen", ["per hansen"]),
    ("Hei\nMin svigerfar, Ivar Aasen, har gitt oss fullmakt.", ["Ivar Aasen"]),
    ("Hei Min, takk for sist", ["Min"]),
    ("Hilsen enkefru Solem", ["Solem"]),
    ("Pappa ligger på St. Olavs, søster Trine tar seg av regningene", ["Trine"]),
    # the review's cases: a possessive before a surname that is also a word is a given name ("Hans");
    # a name-word given after a bare "name"; surnames after a title or a given name; "St." in a surname
    ("har sendt penger til hans berg i går", ["hans berg"]),
    ("fikk 500 kr fra hans strand, hva er det?", ["hans strand"]),
    ("fullt navn per og fødselsnummer kommer", ["per"]),
    ("my full name mark", ["mark"]),
    ("Hilsen Mr Tata", ["Tata"]),
    ("Per Kastrup ringte i går om lånet", ["Per Kastrup"]),
    ("Min kontaktperson er Marie St. Pierre", ["Marie", "Pierre"]),
]

CLEAN: list[str] = [
    "the name on the card is too long",
    "my name as it is written in the passport has an accent",
    "navn på mottaker mangler",
    "Han ligger på St. Olavs hospital i Trondheim",
    "vi feirer Sankt Hans på hytta",
    "Transfer to Brazil returned, Banco Itaú said the IBAN was wrong",
    "betaler straumrekninga til Trønderenergi",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_round39_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert person_names(engine, text) == expected


@pytest.mark.parametrize("text", CLEAN)
def test_round39_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert person_names(engine, text) == []
