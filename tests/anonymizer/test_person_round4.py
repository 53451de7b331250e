"""PERSON: a lower-case given name that is also a word before a name ("dette er mai tran"), initials before
a surname ("Helsing A.K. Fjell"), Vietnamese names with their middle name ("Nguyễn Văn An", "pappa nguyen
van long"), a name broken over two lines after a strong cue ("My name is EMMA-LOUISE\\nHARTLEY"); and the
words around them that stay words."""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


NAMES: list[tuple[str, list[str]]] = [
    # a lower-case given name that is also a word, then a given name: the name starts one word earlier
    ("hallo, det er liv linh nguyen, jeg har mistet kortet", ["liv linh nguyen"]),
    ("hei det er tor egil haugland jeg får ikke logget inn", ["tor egil haugland"]),
    ("jeg har sendt penger til min samboer mai linh tran i dag", ["mai linh tran"]),
    # initials, then a surname
    ("Mvh B.K. Solheim", ["B.K. Solheim"]),
    ("Hilsen G.H. Dal", ["G.H. Dal"]),
    ("Jeg snakket med E.M. Berg på kontoret i går", ["E.M. Berg"]),
    # Vietnamese: a middle name ("Văn", "Thị") inside a name, in any case
    ("Jeg heter Trần Văn Bình og vil åpne konto", ["Trần Văn Bình"]),
    ("Kona mi heter Lê Thị Hoa", ["Lê Thị Hoa"]),
    ("det gjelder bestefar pham van duc, han har glemt pin", ["pham van duc"]),
    ("overførte 500 til ngo thi lan i går", ["ngo thi lan"]),
    # a name over two lines after a strong cue
    ("My name is ROSE-ANNE\nQUIGGLEY (two lines on my card)", ["ROSE-ANNE\nQUIGGLEY"]),
]

WORDS: list[tuple[str, list[str]]] = [
    # a word before a name stays a word when no cue puts it in the name
    ("betalte 200 kr per kari nordmann", ["kari nordmann"]),
    ("not even kari hansen knows", ["kari hansen"]),
    # particles are no middle names; abbreviations in initials stay abbreviations
    ("hansen van der berg", []),
    ("Se A.S. Eiendom for detaljer", []),
    ("P.S. Husk fakturaen", []),
    # a street on the next line is no surname
    ("Hilsen\nGunnar Øverli\nSkogveien 17\n1430 Ås", ["Gunnar Øverli"]),
    ("Jeg heter Kari\nKontoen min er sperret", ["Kari"]),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_names_found_whole(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_words_around_names_stay_words(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
