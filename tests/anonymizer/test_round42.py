"""Round 42 (dev_80: elderly, young and expatriate customers; dev_81: a fraud analyst's disguised and pasted
data): digit words joined by hyphens are a number, so an earlier try ("ni-ni-to... nei vent") does not push
the cue out of reach; a doubled dash before a space, and colons in the banks' 4.2.5 grouping, separate
digit groups; an international number may be broken over two lines; a floor in nynorsk ("1. høgd") and a
country on its own line belong to the address, the rest of a label after "Address" does not; the polite
"De" is no name, nor "gamal", "skjermbilete", dialect "te", Netto or Zara."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names

FOUND: list[tuple[str, str, list[str]]] = [
    (
        "hei kan dere ringe meg på ni-ni-to... nei vent, fire-åtte null-seks sju-seks null-tre",
        "PHONE_NUMBER",
        ["fire-åtte null-seks sju-seks null-tre"],
    ),
    ("nummeret mitt e 9 8 0 4 5-- 1 2 3 skrev feil i stad", "PHONE_NUMBER", ["9 8 0 4 5-- 1 2 3"]),
    ("«9365:45:20486» ← det er kontonr", "NO_KONTONUMMER", ["9365:45:20486"]),
    ("my number\n+44 7911\n123456", "PHONE_NUMBER", ["+44 7911\n123456"]),
    (
        "Eg bur no på Fjellvegen 14, 1. høgd, 5282 Lonevåg og ikkje der",
        "ADDRESS",
        ["Fjellvegen 14, 1. høgd, 5282 Lonevåg"],
    ),
    (
        "Address for the card: Bergensgata 18\nN-0468 Oslo\nNorway",
        "ADDRESS",
        ["Bergensgata 18\nN-0468 Oslo\nNorway"],
    ),
    # a country at the start of the next sentence is not the address's
    ("Adresse: Storgata 5, 0155 Oslo\nNorge er fint om sommeren", "ADDRESS", ["Storgata 5, 0155 Oslo"]),
]

NOTHING: list[str] = [
    "møtet er kl 12:30:45, sak 1234:56",  # a time, and colons in no account's grouping
    "ring meg på fredag, ni-ni gonger har eg prøvd",
    "ring +47 912 34 567\n12 000 kr er beløpet",  # the next line's amount stays out of the number
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round42_numbers_and_addresses(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize("text", NOTHING[:2])
def test_round42_look_alikes_stay(engine: Anonymizer, text: str) -> None:
    assert [(e.type, text[e.start : e.end]) for e in engine.analyze(text) if e.type != "PERSON"] == []


def test_round42_a_number_broken_over_lines_stops_at_its_own_digits(engine: Anonymizer) -> None:
    text = NOTHING[2]
    assert [text[e.start : e.end] for e in engine.analyze(text)] == ["+47 912 34 567"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jeg er 87 år, så jeg håper De har tålmodighet med meg.", []),
        ("Vi har flytta. Gamal adresse: Nedre Åsen 4, 5700 Voss.", []),
        ("Skjermbilete frå nettbanken (eg skreiv det av):", []),
        ("hei. eg e blid no, pengane kom. takk te dokker", []),
        ("Der står et tall på min kvittering fra Netto, hvad betyder det?", []),
        ("I used it at Zara yesterday and it was fine.", []),
        ("jeg heter Zara Ali og har BSU hos dere", ["Zara Ali"]),
        ("sendte 200 kr til Te Nguyen i går", ["Te Nguyen"]),
    ],
)
def test_round42_words_that_are_no_names(engine: Anonymizer, text: str, names: list[str]) -> None:
    assert person_names(engine, text) == names
