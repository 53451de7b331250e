"""Round 55 (dev_101, data disguised to slip past a filter; dev_102, the advisers' side): a number written
backwards and said to be ("fødselsnummer (baklengs): ..."), turned back where only that reading passes a
checksum; pipes and tildes between three or more digit groups; "my surname is" and its kin as cues."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from anonymizer.reversed_numbers import reversed_numbers
from tests.anonymizer.conftest import person_names as names

FOUND: list[tuple[str, str, str]] = [
    # each number is valid only turned around; said to be reversed
    ("my ID number backwards, read right to left: 85830163092", "NO_FODSELSNUMMER", "85830163092"),
    ("kortnummer (baklengs!) 5356 4598 8140 1615 kan dere sjekke", "CREDIT_CARD", "5356 4598 8140 1615"),
    ("account number, reversed on purpose: 84193593181", "NO_KONTONUMMER", "84193593181"),
    ("nytt nummer: 41|22|34|47, kan de oppdatere?", "PHONE_NUMBER", "41|22|34|47"),
    ("iban fra avsender: PL70|3809|9584|3725|7013|7325|4498", "IBAN_CODE", "PL70|3809|9584|3725|7013|7325|4498"),
]

NOT_FOUND: list[str] = [
    "Betalte KID 12345678903 to ganger, kan dere reversere den ene?",  # "reverse" a payment, not a number
    "velg 1|2|3 i menyen",
]


@pytest.mark.parametrize(("text", "kind", "value"), FOUND)
def test_round55_values(engine: Anonymizer, text: str, kind: str, value: str) -> None:
    assert value in [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_round55_not_personal_data(engine: Anonymizer, text: str) -> None:
    kinds = {"NO_FODSELSNUMMER", "NO_KONTONUMMER", "CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "NO_ORGNR"}
    assert [e for e in engine.analyze(text) if e.type in kinds] == []


def test_a_reversed_number_is_turned_in_place_only_with_a_cue_and_a_checksum() -> None:
    text = "fnr baklengs: 85830163092, kontonr 1503.12.34562"
    edits = reversed_numbers(text)
    start = text.index("8583")
    assert edits == [(start, start + 11, "29036103858")]  # the account, valid as written, stays
    assert reversed_numbers("fnr: 85830163092") == []  # no word says it is reversed


@pytest.mark.parametrize(
    ("text", "name"),
    [("No, my surname is McAllister – two L's", "McAllister"), ("her last name is hansen", "hansen")],
)
def test_round55_surname_cues(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


def test_round55_surname_cue_leaves_words() -> None:
    from anonymizer import get_anonymizer

    assert names(get_anonymizer(), "my last name is wrong in the app") == []


def test_a_card_number_on_a_receipt_is_a_card_number(engine: Anonymizer) -> None:
    """dev_103: "the card number is on an old receipt: ..." (a receipt is where a card's number is printed);
    a KID still denies."""
    text = "Kortnummeret står på en gammel kvittering: 2221 1592 9843 7461. Hun er lei seg."
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "CREDIT_CARD"] == ["2221 1592 9843 7461"]
    assert [e for e in engine.analyze("KID 5356 4598 8140 1615") if e.type == "CREDIT_CARD"] == []
