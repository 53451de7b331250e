"""Round 30: a listed given name that is also a word, a month or written in capitals, inside a frame that
introduces the writer ("det er SOL her.", "I'm june moss –", "i am hope i need ...", "its grace the
nanny"), greets a person by name at the message's start ("hei june, ..."), or names a little one of the
family ("our baby (little Storm!)"); and the same words left alone where the frame does not close
around them ("I'm done.", "jeg er bonde og ...", "det er sol her i dag", "hei sol og regn").
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer
from anonymizer.recognizers._tokens import tokenize
from anonymizer.recognizers.person_frames import framed_names
from tests.anonymizer.conftest import person_names as names

NAMES: list[tuple[str, str]] = [
    # "X her" after a cleft or opening the message, in any case
    ("hallo. det er DAG her. kortet er borte", "DAG"),
    ("d e stein her, mannen te kari. vi lurer på lånet", "stein"),
    ("hei, Storm Olav Bø her. Jeg trenger ny kode", "Storm Olav Bø"),
    # the first person, closed by a surname, a comma, a full stop or a run-on clause
    ("hey, I'm april moss – sent 2 400 to the wrong account", "april moss"),
    ("i am hope i need help with my card", "hope"),
    ("Hi. I'm Rose, the card is blocked", "Rose"),
    # the cleft with an apposition after the name
    ("hello its grace the nanny of the Lunde kids", "grace"),
    # greeted at the start
    ("hei june, takk for hjelpa i går", "june"),
    # a little one named in a family message
    ("Vi har fått en datter 🎉 (lille Storm!)", "Storm"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_framed_names(engine: Anonymizer, text: str, name: str) -> None:
    found = " ".join(names(engine, text)).split()
    assert all(word in found for word in name.split()), found


WORDS: list[str] = [
    "I'm sad, the card is gone",
    "jeg er bonde og har ujevn inntekt",
    "jeg er vikar i en skole, kan jeg få lån",
    "I am thai. can I open an account",
    "det er sol her i dag, men kaldt",
    "det er stein her i hagen vår",
    "hei sol og regn, for et vær",
    "I'm sure it will work",
    "it's june and the rent is due",
    "I'm may be late with the payment",
    "our kids love the little Storm lamp",
    "ja. sol her, regn der",
]


@pytest.mark.parametrize("text", WORDS)
def test_frames_leave_words(text: str) -> None:
    """The frames find nothing here (other rules may, on their own grounds: "I'm sad," reads as "I'm anna,")."""
    toks = tokenize(text)
    assert list(framed_names(toks, [False] * len(toks.low))) == []


CLEAN: list[str] = [
    "jeg er bonde og har ujevn inntekt",
    "jeg er vikar i en skole, kan jeg få lån",
    "det er sol her i dag, men kaldt",
    "hei sol og regn, for et vær",
    "it's june and the rent is due",
    "I'm may be late with the payment",
]


@pytest.mark.parametrize("text", CLEAN)
def test_words_stay_words(engine: Anonymizer, text: str) -> None:
    assert names(engine, text) == []
