"""Round 49 (dev_93: the bank's side of the chat; dev_94: card disputes and statement lines), on over-
redaction: a bank's departments and shops named by a compound's ending are no people ("Svindelavdelingen",
"Etterlatteavdelinga", "Betalingsformidling", "Bedriftsmarked", "Kaffebrenneriet"); English "as" is a
function word, never a name; a "house number" that another group of five digits continues is a phone
number ("Ring 915 03000 hvis ..."), while a German postcode after the number stays an address; the
dialect "ræd" (afraid) is a word."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer


@pytest.mark.parametrize(
    "text",
    [
        "Jeg har meldt nummeret til Svindelavdelingen.",
        "Kan Betalingsformidling korrigere?",
        "Rådgiveren din fra Bedriftsmarked ringer deg torsdag kl. 10:30.",
        "Trekket fra Kaffebrenneriet er nå refundert.",
        "I typed my card into Apple Pay as instructed and it said no",
        "Please send the report to the accounts team as requested.",
        "e e ræd for at æ e lurt no",
    ],
)
def test_round49_no_person(engine: Anonymizer, text: str) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "PERSON"] == []


FOUND: list[tuple[str, str, list[str]]] = [
    ("Skifteattest manglar framleis. /Sigrid, Etterlatteavdelinga", "PERSON", ["Sigrid"]),
    ("Will and I went to the bank as planned", "PERSON", ["Will"]),
    ("Ring 915 03000 hvis du vil snakke med oss", "PHONE_NUMBER", ["915 03000"]),
    ("Ring 915 03000 hvis du vil snakke med oss", "ADDRESS", []),
    ("Hauptstraße 5 10115 Berlin", "ADDRESS", ["Hauptstraße 5 10115 Berlin"]),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round49_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values
