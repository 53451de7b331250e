"""Round 15: people named after places and months ("Jordan", "Sydney", "Kenya", "May"), found by the
relation a sentence puts them in, and the same words as places, months and brands left alone.
"""

from __future__ import annotations

import pytest

from anonymizer import Anonymizer

P = "PERSON"


def names(engine: Anonymizer, text: str) -> list[str]:
    return [text[e.start : e.end] for e in engine.analyze(text, mode="strict") if e.type == P]


# The same word as a person and as a place in one message: the placed one is the place.
SAME_WORD: list[tuple[str, list[str]]] = [
    ("Søstera mi Adelaide bor i Adelaide nå, og hun trenger nytt kort", ["Adelaide"]),
    ("Vi har fått en rabatt på flybilletten til Israel, men trekket kom to ganger", []),
    ("Sønnen min Jordan skal på klassetur til Jordan i mars", ["Jordan"]),
    ("My wife Florence is flying to Florence on Friday", ["Florence"]),
    ("Min venn Frøya har hytte på Frøya og vil låne penger", ["Frøya"]),
    # a person after "på" that is no place: waiting for her
    ("Min venn Frøya sa hun skulle betale, jeg venter på Frøya ennå", ["Frøya", "Frøya"]),
]


@pytest.mark.parametrize(("text", "expected"), SAME_WORD)
def test_round15_the_placed_namesake_stays_a_place(engine: Anonymizer, text: str, expected: list[str]) -> None:
    assert names(engine, text) == expected
