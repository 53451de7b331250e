"""Round 48 (dev_91: chat typed by dictation; dev_92: text pasted from OCR, PDF forms and contact cards):
a tens word and a unit word dictated apart are one pair of digits ("førti seks", "sixty two"); one
ambiguous number word among digit groups after a phone cue is a digit ("43 34 ni 8 85"); two to four
spaces between capitalised words are one (a name set apart in a form: "MAGNUS  HOLTE-LIE"); a postcode
with look-alike letters after a multi-digit house number or on the next line ("Kvaløyvegen 221, 9O16
Tromsø", "Ryenbergveien 7S\\nOl9O OSLO"); a British address with a street type and no comma before the
town ("27 Brick Lane London E1 6PU"); nynorsk kin words before a lower-case name ("syster mi gunnhild")."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

FOUND: list[tuple[str, str, list[str]]] = [
    (
        "mitt nummer er førti seks seksti åtte sytti fire åttito",
        "PHONE_NUMBER",
        ["førti seks seksti åtte sytti fire åttito"],
    ),
    (
        "please call me forty-four sixty two eighty two ninety five after work",
        "PHONE_NUMBER",
        ["forty-four sixty two eighty two ninety five"],
    ),
    ("bank id er sperret, mobilnummer 43 34 ni 8 85", "PHONE_NUMBER", ["43 34 ni 8 85"]),
    ("Navn:       MAGNUS  HOLTE-LIE\nKontonr: 1503", "PERSON", ["MAGNUS  HOLTE-LIE"]),
    ("Cardholder ELLA  MORGAN  HAUGE\nvalid thru 09/27", "PERSON", ["ELLA  MORGAN  HAUGE"]),
    ("Arbeidstaker: Kvaløyvegen 221, 9O16 Tromsø", "ADDRESS", ["Kvaløyvegen 221, 9O16 Tromsø"]),
    ("Hr. Rune Vestli\nRyenbergveien 7S\nOl9O OSLO\n\nHar dere", "ADDRESS", ["Ryenbergveien 7S\nOl9O OSLO"]),
    (
        "please update my address to flat 3 27 Brick Lane London E1 6PU i moved back",
        "ADDRESS",
        ["flat 3 27 Brick Lane London E1 6PU"],
    ),
    ("eg skal senda tre tusen til syster mi gunnhild i morgon", "PERSON", ["gunnhild"]),
]


@pytest.mark.parametrize(("text", "kind", "values"), FOUND)
def test_round48_values(engine: Anonymizer, text: str, kind: str, values: list[str]) -> None:
    assert [text[e.start : e.end] for e in engine.analyze(text) if e.type == kind] == values


@pytest.mark.parametrize(
    "text",
    [
        "vi var 4 to 8 ganger der i 2019",  # a number word among digits, no phone cue
        "det koster førti seks kroner og tjue øre",  # a price: two words, no run of digits
        "Oslo  Bergen  Trondheim er byene vi dekker",  # places set apart: no name
        "Vi sees på Kafé 12, lO Oslo",  # too few real digits around the look-alikes
    ],
)
def test_round48_prose_stays(engine: Anonymizer, text: str) -> None:
    assert [e.type for e in engine.analyze(text)] == []
