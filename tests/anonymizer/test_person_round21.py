"""Round 21: short fragments, dialect and typing errors. A name glued to its cue by a missing space,
broken in two by a stray space, quoted after a sign-off, a couple signing with "&", a name opening a
fragment before a verb (also in all capitals, a surname too), a message that is a surname alone, a name
and a surname's initial, an initial before a surname that is a word, an ambiguous given name before a
sure surname in lower case, "X heiter eg", "tel" for "til", a surname before an account number, a
spelling set against a quoted one; and the look-alikes left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # a cue glued to the name by a missing space
    ("Takk for hjelpen. mvhTorgeir", ["Torgeir"]),
    ("Hei, jeg heterAstrid Holm og trenger nytt kort", ["Astrid", "Holm"]),
    # a name broken in two by a space or a line break
    ("kan T orstein få tilgang til kontoen?", ["T orstein"]),
    ("Hallo\nMag\nnus her, kortet er sperret", ["Mag\nnus"]),
    # a listed name quoted after a sign-off
    ("Hilsen «Stein» – ja, det er navnet mitt", ["Stein"]),
    # a couple signing with "&", one name a word too
    ("All done, thanks! Rose & Ingrid", ["Rose", "Ingrid"]),
    # a fragment opening with a name before a verb; in capitals; a surname before a verb of a person
    ("Hans skal ha nytt kort", ["Hans"]),
    ("PER HAR MISTA KORTET", ["PER"]),
    ("Berg lånte kortet mitt", ["Berg"]),
    # a message that is a surname alone
    ("johansen", ["johansen"]),
    # a name that is a word, with a surname's initial; an initial before a surname that is a word
    ("a note from Mark T.", ["Mark"]),
    ("Ansvarleg er K. Haugen, som bur i Volda.", ["K. Haugen"]),
    # a name in capitals in a message all in capitals, the surname in no list
    ("HEI DET E OLA BRATTESTØ OG EG HAR MISTA KORTET", ["OLA BRATTESTØ"]),
    # "hei, per h her", an ambiguous given name before a sure surname, in lower case
    ("hei, per h her. har fått nytt kort", ["per h"]),
    ("altså even haugland fra Sandnes", ["even haugland"]),
    # the writer naming herself with "I" after the verb; "tel" for "til"
    ("kari heiter eg, og har nytt nummer", ["kari"]),
    ("kan eg sende penga tel Sunnivaa?", ["Sunnivaa"]),
    # a surname that is also a street's type, before an account number
    ("Overfør til Arne Rise 1503.22.33445 i dag", ["Arne Rise"]),
    # a spelling set against a quoted one, æøå written as plain letters
    ("Kortet mitt sier «Sorensen» istedenfor «Sørenssen»", ["Sorensen", "Sørenssen"]),
]

WORDS: list[tuple[str, list[str]]] = [
    # camel case and codes that are no cue and name; lower-case words glued to digits that are no sure name
    ("Jeg bruker iPhone og eBay", []),
    ("koden er abc123 og test1", []),
    # word pieces that make no well-known name, or start with a closed-class word
    ("Det te kostar mykje", []),
    # a quoted word after "called": a design, a house
    ("She wants the design called «Sol», the orange one", []),
    # firms joined by "&": surnames both, or a closed-class word
    ("Jeg har konto hos Ernst & Young og Marks & Spencer", []),
    ("Kortet ble brukt på Joe & The Juice", []),
    # a possessive as a pronoun before "er"; a word that is a surname before "er"
    ("kortet hans er sperret. Hans er 0912, mitt er 0101", []),
    ("Strand er stengt i dag", []),
    # a capital letter ending a sentence before a capitalised word
    ("Vi valgte plan B. Kontoen er sperret nå", []),
    # an everyday message in capitals; a kin word before a verb that is a surname too
    ("HVA HAR DU GJORT MED KORTET", []),
    ("mor eide den i 40 år", []),
    # a message of one everyday word
    ("ok", []),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_round21_names(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_round21_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
