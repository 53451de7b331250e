"""Round 53 (dev_99, names hard to tell from words): a byname glued before a given name ("gamle-Per",
"vesle-Kari", "tante-Else"), a lower-case given name that is also a little word after a naming verb when
the clause ends with it ("jeg heter may og ..."), "hugs" as a sign-off, and an unlisted name after the
infinitive "vippse" and an amount ("vippse Kjetta 350 kr"); the same words left alone where no such frame
holds."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    ("naboen min, gamle-Erling, vil ha hjelp med nettbanken", "Erling"),
    ("vesle-Kari fekk nytt kort i går", "Kari"),
    ("tante-Else har fullmakt på kontoen min", "Else"),
    ("hei jeg heter may og kommer ikke inn i appen", "may"),
    ("my name is will, and my card is blocked", "will"),
    ("Thanks for the help! hugs May", "May"),
    ("måtte vippse Bjønnis 450 kr for middagen", "Bjønnis"),
]

CLEAN: list[str] = [
    "Vi var i Gamle-Oslo og så på Lille-Norge-utstillinga",
    "Hva kan jeg gjøre på lille-julaften om kortet ikke virker?",
    "han heter jo noe annet nå",
    "det heter kan du si, ikke kan du sei",
    "Big hugs to the whole team for fixing my card",
    "skal vippse tilbake 300 kr i morgen",
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_round53_names(engine: Anonymizer, text: str, name: str) -> None:
    assert name in names(engine, text)


@pytest.mark.parametrize("text", CLEAN)
def test_round53_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
