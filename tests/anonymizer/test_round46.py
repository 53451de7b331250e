"""Round 46 (dev_88: how customers type their most sensitive numbers; dev_89: an ordinary Monday): IBANs
whose account part is mostly letters, grouped by spaces or dashes, in any case ("kw35 uwnv m2t7 u9nd ...",
whose "d4ui" the normaliser had read as leetspeak); sixteen Luhn-valid digits in one piece from an issuer
the table lacks, after a card cue; "plus"/"pluss" said for a phone number's "+", and the country code
after it ("ring pluss 47 92345678"); an addition in prose stays prose."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    (
        "contact nr: plus four seven nine two three four five six seven eight? no sorry +47 923 45 678",
        "PHONE_NUMBER",
        ["plus four seven nine two three four five six seven eight", "+47 923 45 678"],
    ),
    ("ring pluss 47 92345678 etter fire", "PHONE_NUMBER", ["pluss 47 92345678"]),
    ("det koster 200 pluss 47 kr i gebyr, ring 92345678", "PHONE_NUMBER", ["92345678"]),
    ("2 pluss 3 er 5 og tlf 92345678", "PHONE_NUMBER", ["92345678"]),
    ("My brother has IBAN PK79 WVDT 0JG1 9GSV T1UJ KKLJ, how long", "IBAN_CODE", ["PK79 WVDT 0JG1 9GSV T1UJ KKLJ"]),
    ("Qatar account: QA 60NEIQ6AHH88FLVP358DP0AT3G9", "IBAN_CODE", ["QA 60NEIQ6AHH88FLVP358DP0AT3G9"]),
    ("kuwait iban: kw35 uwnv m2t7 u9nd uely ajuu d4ui nd", "IBAN_CODE", ["kw35 uwnv m2t7 u9nd uely ajuu d4ui nd"]),
    ("Latvia-kontoen: LV30-WESK-TI30-SFFF-HT4T-3", "IBAN_CODE", ["LV30-WESK-TI30-SFFF-HT4T-3"]),
    ("Kortnr 2741630215262415. Jeg finner ikke CVC", "CREDIT_CARD", ["2741630215262415"]),
    ("KID 2741630215262415 betalt i går", "CREDIT_CARD", []),
    ("Referansen er 2741630215262415", "CREDIT_CARD", []),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round46_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values
