"""Round 51 (dev_97: an ordinary week typed at night; dev_98: foreigners writing about Norwegian things):
"line" is an everyday word in lower case (a given name when capitalised); "ny line" is a dictated line
break as "ny linje" is; a place surname between a given name and a surname belongs to the name also when
a lower-case word follows ("Eirik Nes Myklebust og er 15"); "Olso" (a typo of Oslo), "UiT" and "thx" are
no names."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    ("Han heiter Eirik Nes Myklebust og er 15. Kva gjer vi?", "PERSON", ["Eirik Nes Myklebust"]),
    ("Line sa at jeg skulle ringe dere", "PERSON", ["Line"]),
    (
        "Eg heiter Gunnhild Tveit. Personnummeret mitt er 160146 – ny line – 41363",
        "NO_FODSELSNUMMER",
        ["160146 – ny line – 41363"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round51_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize(
    "text",
    [
        "it says your line is closed?? What are the opening hours",
        "CSV from the payroll system, line 14 gets rejected",
        "Hei, jeg har flyttet fra Trondheim til Olso.",
        "I'm a postdoc at UiT and need a salary account",
        "Thx, that solved it",
    ],
)
def test_round51_no_person(engine: Anonymizer, text: str) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == "PERSON"] == []
